/**
 * `shuyu annotate <file|-> [--json]`: every glossary term in a text file (or stdin), streamed in chunks with
 * bounded memory. Human output: on a TTY the text with the terms highlighted; otherwise one line per match
 * `line:col  text → zh ↔ en  [status]`. --json prints one document
 * `{"matches":[{start,end,line,column,text,glossaryId,conceptId,term,lang,status,how,pair:{zh,en}}]}`.
 */
import { createReadStream, statSync } from 'node:fs';
import { Option } from 'commander';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { toShuyuError } from '../context.js';
import { annotateChunks } from '../../core/match/stream.js';
import type { FindOptions } from '../../core/match/types.js';
import { ShuyuError } from '../../core/errors.js';
import { createChunkDecoder } from '../../formats/decode.js';
import { describeMatch, pairCache, PositionTracker } from '../../service/annotate.js';
import type { AnnotatedMatch } from '../../service/annotate.js';
import { statusText } from './lookup.js';

/** Bytes per read. */
const CHUNK_BYTES = 64 * 1024;
/** How much of the start of the input the encoding is detected on. */
const DETECT_BYTES = 64 * 1024;

/**
 * Decodes a byte stream to text chunks with the same detection as every file reader (src/formats/decode.ts):
 * UTF-8 (BOM dropped), UTF-16 by BOM or NUL pattern, GB18030/GBK and Big5 by their byte patterns. The
 * encoding is judged on the first DETECT_BYTES (or the whole input when it is shorter). Binary input or
 * undecodable text is a `bad_encoding` error naming the file and the line or byte.
 */
export async function* decodeStream(bytes: AsyncIterable<Buffer | string>, file: string): AsyncGenerator<string> {
  const decoder = createChunkDecoder(file);
  let head: Buffer[] | undefined = [];
  let headLength = 0;
  for await (const raw of bytes) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    if (head) {
      head.push(chunk);
      headLength += chunk.length;
      if (headLength < DETECT_BYTES) continue;
      const first = Buffer.concat(head);
      head = undefined;
      const text = decoder.write(first);
      if (text) yield text;
      continue;
    }
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  if (head && headLength > 0) {
    const text = decoder.write(Buffer.concat(head));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** What the user chose about matching (passed to the matcher for every chunk). */
type AnnotateFindOptions = Pick<FindOptions, 'script'>;

/** Text kept beyond the safe window before it is walked and dropped (amortises the slicing). */
const SLACK = 1 << 20;

/**
 * Streams annotated matches in order, with line/column computed on the fly. The text the matcher has
 * consumed is kept only from the earliest offset a future match can start at: annotateChunks holds fewer
 * than 3 × holdBack units when it asks for the next chunk, so anything older is final. `onFinal(text)`
 * receives, in order and exactly once, every piece of text before `windowStart` that no match can touch
 * any more (the highlighting printer writes it out); the generator returns the remaining text at the end.
 */
async function* annotatedMatches(
  ctx: CliContext,
  file: string,
  find: AnnotateFindOptions,
  onFinal?: (text: string) => void,
): AsyncGenerator<AnnotatedMatch, string> {
  const engine = await ctx.engine();
  const matcher = await engine.matcher();
  const holdBack = Math.max(256, 2 * (matcher.maxPatternLength ?? 128) + 64);
  const keep = 4 * holdBack;
  const input = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: CHUNK_BYTES });
  const pairOf = pairCache(engine);
  const tracker = new PositionTracker();
  // [windowStart, windowStart + window.length): consumed text not yet walked by the tracker.
  let window = '';
  let windowStart = 0;
  const drop = (n: number) => {
    tracker.advance(window, n);
    onFinal?.(window.slice(0, n));
    window = window.slice(n);
    windowStart += n;
  };
  async function* text(): AsyncGenerator<string> {
    for await (const chunk of decodeStream(input, file === '-' ? '<stdin>' : file)) {
      if (window.length > keep + SLACK) drop(window.length - keep);
      window += chunk;
      yield chunk;
    }
  }
  for await (const m of annotateChunks(matcher, text(), { holdBack, ...find })) {
    if (m.start < windowStart) throw new ShuyuError('internal', 'Match before the kept text window', { params: { offset: m.start } });
    drop(m.start - windowStart);
    yield describeMatch(m, tracker.position, await pairOf(m.glossaryId, m.conceptId));
  }
  return window;
}

/** Collects output lines and writes them in 64 KiB batches (one write per match is slow for big inputs). */
function batched(ctx: CliContext): { add(text: string): Promise<void>; flush(): Promise<void> } {
  let parts: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!parts.length) return;
    const text = parts.join('');
    parts = [];
    size = 0;
    await ctx.write(text);
  };
  return {
    async add(text) {
      parts.push(text);
      size += text.length;
      if (size >= 65536) await flush();
    },
    flush,
  };
}

async function printJson(ctx: CliContext, file: string, find: AnnotateFindOptions): Promise<void> {
  const out = batched(ctx);
  let first = true;
  await out.add('{"matches":[');
  for await (const m of annotatedMatches(ctx, file, find)) {
    await out.add(`${first ? '\n' : ',\n'}${JSON.stringify(m)}`);
    first = false;
  }
  await out.add(first ? ']}\n' : '\n]}\n');
  await out.flush();
}

async function printList(ctx: CliContext, file: string, find: AnnotateFindOptions): Promise<void> {
  const s = ctx.style;
  const out = batched(ctx);
  let count = 0;
  for await (const m of annotatedMatches(ctx, file, find)) {
    count++;
    const pair = [m.pair.zh, m.pair.en].filter(Boolean).join(' ↔ ');
    await out.add(`${s.dim(`${m.line}:${m.column}`)}\t${s.bold(m.text)} → ${pair}  ${statusText(m.status, s)}  ${s.dim(`${m.glossaryId}:${m.conceptId}`)}\n`);
  }
  await out.flush();
  if (count === 0) ctx.err(ctx.t('noTerms'));
}

/** On a TTY: the text itself, with each term highlighted, then one line per distinct concept. */
async function printHighlighted(ctx: CliContext, file: string, find: AnnotateFindOptions): Promise<void> {
  const s = ctx.style;
  const seen = new Map<string, AnnotatedMatch>();
  // Final text is written as soon as it is known (terminal writes are synchronous), so memory stays bounded.
  let printedUpTo = 0;
  let skip = 0; // characters of the next final text already printed as part of a highlighted match
  const onFinal = (piece: string) => {
    const visible = piece.slice(skip);
    skip = Math.max(0, skip - piece.length);
    if (visible) ctx.stdout.write(visible);
  };
  const matches = annotatedMatches(ctx, file, find, onFinal);
  let next = await matches.next();
  while (!next.done) {
    const m = next.value;
    if (m.start >= printedUpTo) {
      const colour = m.status === 'forbidden' ? s.red : m.status === 'deprecated' ? s.yellow : s.green;
      // the text before m.start was just handed to onFinal; the match itself is printed here and skipped there
      await ctx.write(colour(s.mark(m.text)));
      skip = m.end - m.start;
      printedUpTo = m.end;
      seen.set(`${m.glossaryId}:${m.conceptId}`, m);
    }
    next = await matches.next();
  }
  const rest = next.value.slice(skip);
  await ctx.write(rest.endsWith('\n') || rest === '' ? rest : `${rest}\n`);
  if (seen.size === 0) {
    ctx.err(ctx.t('noTerms'));
    return;
  }
  await ctx.out(s.dim('─'.repeat(40)));
  for (const m of seen.values()) await ctx.out(`${s.bold(m.pair.zh ?? m.term)} ↔ ${s.bold(m.pair.en ?? m.term)}  ${s.dim(`${m.glossaryId}:${m.conceptId}`)}`);
}

/** Throws `not_found` for a missing file and `usage` for a directory. */
function checkReadable(file: string): void {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw toShuyuError(error);
  }
  if (stats.isDirectory()) throw new ShuyuError('usage', 'Is a directory, not a text file', { params: { file } });
}

export function registerAnnotate(program: Command, ctx: CliContext): void {
  program
    .command('annotate')
    .description(ctx.t('cli-help:annotate.description'))
    .argument('<file>', ctx.t('cli-help:annotate.file'))
    .option('--json', ctx.t('cli-help:annotate.json'))
    .addOption(
      new Option('--script <script>', ctx.t('cli-help:annotate.script'))
        .choices(['auto', 'simplified', 'traditional'])
        .default('auto'),
    )
    .action(async (file: string, opts: { json?: boolean; script: 'auto' | 'simplified' | 'traditional' }) => {
      if (file !== '-') checkReadable(file); // before the engine is opened: a typo fails fast
      const find: AnnotateFindOptions = { script: opts.script };
      if (opts.json) await printJson(ctx, file, find);
      else if (ctx.isTTY) await printHighlighted(ctx, file, find);
      else await printList(ctx, file, find);
    });
}
