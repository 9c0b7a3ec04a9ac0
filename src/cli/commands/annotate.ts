/**
 * `shuyu annotate <file|-> [--json]`: every glossary term in a text file (or stdin), streamed in chunks with
 * bounded memory. Human output: on a TTY the text with the terms highlighted; otherwise one line per match
 * `line:col  text → zh ↔ en  [status]`. --json prints one document
 * `{"matches":[{start,end,line,column,text,glossaryId,conceptId,term,lang,status,how,pair:{zh,en}}]}`.
 */
import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { annotateChunks } from '../../core/match/stream.js';
import { ShuyuError } from '../../core/errors.js';
import { describeMatch, pairCache, PositionTracker } from '../../service/annotate.js';
import type { AnnotatedMatch } from '../../service/annotate.js';
import { statusText } from './lookup.js';

/** Bytes per read. */
const CHUNK_BYTES = 64 * 1024;
/** How much of the start of the input is checked for binary content. */
const SNIFF_BYTES = 1024;

/**
 * Decodes a byte stream to text chunks: UTF-8 (BOM dropped) or UTF-16 with a BOM. Binary input (a NUL in
 * the first KB) or invalid UTF-8 anywhere is a `bad_encoding` error naming the file and byte offset.
 */
export async function* decodeStream(bytes: AsyncIterable<Buffer | string>, file: string): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let offset = 0;
  for await (const raw of bytes) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    if (!decoder) {
      const utf16 = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : undefined;
      decoder = new TextDecoder(utf16 ?? 'utf-8', { fatal: true });
      if (!utf16) {
        const nul = chunk.subarray(0, SNIFF_BYTES).indexOf(0);
        if (nul >= 0) {
          throw new ShuyuError('bad_encoding', `${file} looks like a binary file (a NUL byte at offset ${nul}), not text`, {
            params: { file, offset: nul },
          });
        }
      }
    }
    try {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    } catch (cause) {
      throw new ShuyuError('bad_encoding', `${file} is not valid UTF-8 (near byte ${offset})`, { params: { file, offset }, cause });
    }
    offset += chunk.length;
  }
  try {
    const rest = decoder?.decode() ?? '';
    if (rest) yield rest;
  } catch (cause) {
    throw new ShuyuError('bad_encoding', `${file} ends in the middle of a UTF-8 character`, { params: { file, offset }, cause });
  }
}

/** Wraps text chunks so that the caller can see them as they are consumed by the matcher. */
async function* tee(chunks: AsyncIterable<string>, onChunk: (text: string) => void): AsyncGenerator<string> {
  for await (const c of chunks) {
    onChunk(c);
    yield c;
  }
}

/** Streams annotated matches in order, with line/column computed on the fly from the consumed text. */
async function* annotatedMatches(ctx: CliContext, file: string, onText?: (text: string) => void): AsyncGenerator<AnnotatedMatch> {
  const engine = await ctx.engine();
  const matcher = await engine.matcher();
  const input = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: CHUNK_BYTES });
  const pairOf = pairCache(engine);
  const tracker = new PositionTracker();
  // Text consumed by the matcher but not yet walked by the tracker; trimmed as matches go by.
  let window = '';
  let windowStart = 0;
  const text = tee(decodeStream(input, file === '-' ? '<stdin>' : file), (c) => {
    window += c;
    onText?.(c);
  });
  for await (const m of annotateChunks(matcher, text)) {
    const upTo = m.start - windowStart;
    tracker.advance(window, upTo);
    window = window.slice(upTo);
    windowStart = m.start;
    yield describeMatch(m, tracker.position, await pairOf(m.glossaryId, m.conceptId));
  }
}

async function printJson(ctx: CliContext, file: string): Promise<void> {
  let first = true;
  await ctx.write('{"matches":[');
  for await (const m of annotatedMatches(ctx, file)) {
    await ctx.write(`${first ? '\n' : ',\n'}${JSON.stringify(m)}`);
    first = false;
  }
  await ctx.write(first ? ']}\n' : '\n]}\n');
}

async function printList(ctx: CliContext, file: string): Promise<void> {
  const s = ctx.style;
  let count = 0;
  for await (const m of annotatedMatches(ctx, file)) {
    count++;
    const pair = [m.pair.zh, m.pair.en].filter(Boolean).join(' ↔ ');
    await ctx.out(`${s.dim(`${m.line}:${m.column}`)}\t${s.bold(m.text)} → ${pair}  ${statusText(m.status, s)}  ${s.dim(`${m.glossaryId}:${m.conceptId}`)}`);
  }
  if (count === 0) ctx.err('No glossary terms found.');
}

/** On a TTY: the text itself, with each term highlighted and a legend line per distinct concept at the end. */
async function printHighlighted(ctx: CliContext, file: string): Promise<void> {
  const s = ctx.style;
  let pending = '';
  let pendingStart = 0;
  const seen = new Map<string, AnnotatedMatch>();
  for await (const m of annotatedMatches(ctx, file, (c) => (pending += c))) {
    if (m.start < pendingStart) continue; // overlaps an already printed match
    const before = pending.slice(0, m.start - pendingStart);
    const colour = m.status === 'forbidden' ? s.red : m.status === 'deprecated' ? s.yellow : s.green;
    await ctx.write(before + colour(s.mark(m.text)));
    pending = pending.slice(m.end - pendingStart);
    pendingStart = m.end;
    seen.set(`${m.glossaryId}:${m.conceptId}`, m);
  }
  await ctx.write(pending.endsWith('\n') || pending === '' ? pending : `${pending}\n`);
  if (seen.size) {
    await ctx.out(s.dim('─'.repeat(40)));
    for (const m of seen.values()) await ctx.out(`${s.bold(m.pair.zh ?? m.term)} ↔ ${s.bold(m.pair.en ?? m.term)}  ${s.dim(`${m.glossaryId}:${m.conceptId}`)}`);
  } else {
    ctx.err('No glossary terms found.');
  }
}

export function registerAnnotate(program: Command, ctx: CliContext): void {
  program
    .command('annotate')
    .description('find every glossary term in a text file (- for stdin), with line, column and the zh ↔ en pair')
    .argument('<file>', 'a UTF-8 (or UTF-16 with BOM) text file, or - for standard input')
    .option('--json', 'print one JSON document {"matches":[…]} (documented in docs/cli.md)')
    .action(async (file: string, opts: { json?: boolean }) => {
      if (opts.json) await printJson(ctx, file);
      else if (ctx.isTTY) await printHighlighted(ctx, file);
      else await printList(ctx, file);
    });
}
