/**
 * `shuyu extract <file...> [--lang zh|en|auto] [--top N] [--min-freq N] [--min-words N] [--max-words N]
 * [--min-chars N] [--max-chars N] [--format text|json|csv|xlsx]`:
 * ranked candidate terms of documents, with frequency, score, documents and a context sentence; candidates a
 * glossary already holds are marked with their concept. `shuyu extract --parallel <file...>` reads aligned
 * zh–en segments (TSV/CSV pairs, two line-aligned files, TMX, XLIFF) and also proposes zh–en pairs.
 * Progress goes to stderr on a TTY only.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { wholeNumber } from '../arguments.js';
import type { CliContext } from '../context.js';
import { ShuyuError } from '../../core/errors.js';
import type { Candidate } from '../../core/extract/types.js';
import { neutralizeCell } from '../../formats/spreadsheet-safety.js';
import { extractParallelSegments, extractTexts } from '../../service/extract.js';
import type { ExtractResult, PairCandidate, ParallelResult } from '../../service/extract.js';
import { readDocuments, readParallel } from '../../service/extract-input.js';

interface ExtractCliOptions {
  lang: string;
  top: number;
  minFreq?: number;
  minWords?: number;
  maxWords?: number;
  minChars?: number;
  maxChars?: number;
  format: string;
  parallel?: boolean;
  dictionary?: boolean;
  for?: string;
  output?: string;
  knownTerms: boolean;
}

export function registerExtract(program: Command, ctx: CliContext): void {
  const positive = wholeNumber(ctx.t);
  program
    .command('extract')
    .description(ctx.t('cli-help:extract.description'))
    .argument('<file...>', ctx.t('cli-help:extract.file'))
    .option('--lang <lang>', ctx.t('cli-help:extract.lang'), 'auto')
    .option('--top <n>', ctx.t('cli-help:extract.top'), positive, 100)
    .option('--min-freq <n>', ctx.t('cli-help:extract.minFreq'), positive)
    .option('--min-words <n>', ctx.t('cli-help:extract.minWords'), positive)
    .option('--max-words <n>', ctx.t('cli-help:extract.maxWords'), positive)
    .option('--min-chars <n>', ctx.t('cli-help:extract.minChars'), positive)
    .option('--max-chars <n>', ctx.t('cli-help:extract.maxChars'), positive)
    .option('--format <format>', ctx.t('cli-help:extract.format'), 'text')
    .option('--parallel', ctx.t('cli-help:extract.parallel'))
    .option('--dictionary', ctx.t('cli-help:extract.dictionary'))
    .option('--for <glossary>', ctx.t('cli-help:extract.for'))
    .option('--no-known-terms', ctx.t('cli-help:extract.noKnownTerms'))
    .option('-o, --output <file>', ctx.t('cli-help:extract.output'))
    .action(async (files: string[], opts: ExtractCliOptions) => {
      try {
        await runExtract(ctx, files, opts);
      } catch (error) {
        ctx.fail(error);
      }
    });
}

async function runExtract(ctx: CliContext, files: string[], opts: ExtractCliOptions): Promise<void> {
  if (!['text', 'json', 'csv', 'xlsx'].includes(opts.format)) throw new ShuyuError('usage', `Unknown format "${opts.format}": use text, json, csv or xlsx`, { params: { format: opts.format } });
  if (opts.format === 'xlsx' && !opts.output) throw new ShuyuError('usage', 'xlsx output needs --output <file>');
  const bytes = await Promise.all(files.map(async (f) => ({ name: f, bytes: new Uint8Array(await readFile(f)) })));
  const engine = await ctx.engine();
  const progress = ctx.stderr && (ctx.stderr as { isTTY?: boolean }).isTTY ? (done: number, total: number) => void ctx.stderr.write(`\rextracting ${done}/${total}`) : undefined;
  const lengths = { minWords: opts.minWords, maxWords: opts.maxWords, minChars: opts.minChars, maxChars: opts.maxChars };
  const common = { top: opts.top, minFrequency: opts.minFreq, ...lengths, rejectionsFor: opts.for, includeKnown: opts.knownTerms, onProgress: progress };
  let output: string | Uint8Array;
  if (opts.parallel) {
    const segments = await readParallel(bytes);
    const r = await extractParallelSegments(segments, { ...common, dictionary: opts.dictionary }, engine);
    if (progress) ctx.stderr.write('\r\u001b[K');
    output = await render(ctx, opts.format, r.zh, r.en, r);
  } else {
    if (opts.dictionary) throw new ShuyuError('usage', '--dictionary works with --parallel only');
    const docs = readDocuments(bytes);
    const r = await extractTexts(docs, { ...common, lang: opts.lang as 'zh' | 'en' | 'auto' }, engine);
    if (progress) ctx.stderr.write('\r\u001b[K');
    output = await render(ctx, opts.format, r);
  }
  if (opts.output) await writeFile(opts.output, output);
  else await ctx.write(typeof output === 'string' ? output : Buffer.from(output).toString('utf8'));
}

async function render(ctx: CliContext, format: string, main: ExtractResult, other?: ExtractResult, parallel?: ParallelResult): Promise<string | Uint8Array> {
  const results = other ? [main, other] : [main];
  if (format === 'json') {
    return `${JSON.stringify(parallel ? { segments: parallel.segments, dictionary: parallel.dictionary, zh: main, en: other, pairs: parallel.pairs } : main, null, 2)}\n`;
  }
  if (format === 'csv') return csv(results, parallel?.pairs);
  if (format === 'xlsx') return xlsx(results, parallel?.pairs);
  const s = ctx.style;
  const lines: string[] = [];
  for (const r of results) {
    lines.push(s.bold(ctx.t('candidates', { lang: ctx.t(`langName.${r.lang}`), count: r.candidates.length, words: r.totalWords, reference: r.reference })));
    r.candidates.forEach((c, i) => {
      const known = c.known ? s.dim(` [${ctx.t('known')}: ${c.known.glossaryId}:${c.known.conceptId}]`) : '';
      const defined = c.definedAs?.length ? s.cyan(` = ${c.definedAs.join(' / ')}`) : '';
      const variants = c.variants.length ? s.dim(` (${c.variants.join(', ')})`) : '';
      lines.push(`${String(i + 1).padStart(4)}. ${c.known ? s.dim(c.text) : s.bold(c.text)}${variants}${defined}${known}  ${s.dim(ctx.t('scoreLine', { frequency: c.frequency, score: c.score }))}`);
      const ctxSentence = c.contexts[0];
      if (ctxSentence) lines.push(`      ${s.dim(ctxSentence.sentence.slice(0, 160))}`);
    });
    lines.push('');
  }
  if (parallel) {
    lines.push(s.bold(ctx.t('pairs', { count: parallel.pairs.length, segments: parallel.segments, dictionary: parallel.dictionary === 'none' ? '' : ', CC-CEDICT' })));
    parallel.pairs.forEach((p, i) => {
      const known = p.known ? s.dim(` [${ctx.t('known')}: ${p.known.glossaryId}:${p.known.conceptId}]`) : '';
      lines.push(`${String(i + 1).padStart(4)}. ${s.bold(p.zh)} ↔ ${s.bold(p.en)}  ${s.dim(ctx.t('pairLine', { source: p.source, confidence: p.confidence, count: p.cooccurrences }))}${known}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

const CANDIDATE_HEADER = ['lang', 'term', 'score', 'frequency', 'documents', 'variants', 'defined_as', 'known_concept', 'context'];
const PAIR_HEADER = ['zh', 'en', 'confidence', 'source', 'cooccurrences', 'dice', 'log_likelihood', 'known_concept', 'example_zh', 'example_en'];

function candidateRow(r: ExtractResult, c: Candidate): string[] {
  return [c.lang, c.text, String(c.score), String(c.frequency), c.documents.map((d) => basename(r.documents[d] ?? String(d))).join('; '), c.variants.join('; '), (c.definedAs ?? []).join('; '), c.known ? `${c.known.glossaryId}:${c.known.conceptId}` : '', c.contexts[0]?.sentence ?? ''];
}

function pairRow(p: PairCandidate): string[] {
  return [p.zh, p.en, String(p.confidence), p.source, String(p.cooccurrences), String(p.dice), String(p.logLikelihood), p.known ? `${p.known.glossaryId}:${p.known.conceptId}` : '', p.examples[0]?.zh ?? '', p.examples[0]?.en ?? ''];
}

function csvCell(v: string): string {
  const safe = neutralizeCell(v);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv(results: ExtractResult[], pairs?: PairCandidate[]): string {
  const rows = pairs ? [PAIR_HEADER, ...pairs.map(pairRow)] : [CANDIDATE_HEADER, ...results.flatMap((r) => r.candidates.map((c) => candidateRow(r, c)))];
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

async function xlsx(results: ExtractResult[], pairs?: PairCandidate[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, header: string[], rows: string[][]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r.map((v) => neutralizeCell(v)));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  };
  sheet('candidates', CANDIDATE_HEADER, results.flatMap((r) => r.candidates.map((c) => candidateRow(r, c))));
  if (pairs) sheet('pairs', PAIR_HEADER, pairs.map(pairRow));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
