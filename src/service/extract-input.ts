/**
 * Reads extraction inputs: documents (any text encoding, via decodeText) and aligned zh–en segments from
 * TSV/CSV pairs, two line-aligned text files, or any bilingual format Shuyu reads (TMX, XLIFF …, through
 * src/formats/bilingual). Which column/file is Chinese is detected from the text itself.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { ShuyuError } from '../core/errors.js';
import { detectLang } from '../core/extract/detect-lang.js';
import { decodeText } from '../formats/decode.js';
import { planReads } from '../formats/bilingual/index.js';
import type { ExtractInput, ParallelSegment } from './extract.js';

/** A named file's bytes. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** Decodes documents for monolingual extraction. */
export function readDocuments(files: NamedBytes[]): ExtractInput[] {
  return files.map((f) => ({ name: f.name, text: decodeText(f.bytes, f.name) }));
}

function ext(name: string): string {
  return /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** Orients two columns so that `zh` holds the Chinese one (by Han share of each column). */
function orient(rows: [string, string][]): ParallelSegment[] {
  const sample = (i: 0 | 1) => rows.slice(0, 200).map((r) => r[i]).join('\n');
  const firstIsZh = detectLang(sample(0)) === 'zh' || detectLang(sample(1)) !== 'zh';
  return rows.map(([a, b]) => (firstIsZh ? { zh: a, en: b } : { zh: b, en: a })).filter((s) => s.zh.trim() && s.en.trim());
}

const HEADER = /^(zh|en|zh-\w+|en-\w+|chinese|english|source|target|中文|英文|原文|译文)$/i;

/** Rows of a two-column TSV/CSV (a header naming languages is skipped). */
function tableRows(file: NamedBytes): [string, string][] {
  const text = decodeText(file.bytes, file.name);
  const tsv = ext(file.name) === 'tsv' || (ext(file.name) !== 'csv' && text.split('\n', 5).some((l) => l.includes('\t')));
  const records: string[][] = tsv
    ? text.split(/\r?\n/).map((l) => l.split('\t'))
    : (parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][]);
  const rows = records.filter((r) => r.length >= 2).map((r) => [r[0]!.trim(), r[1]!.trim()] as [string, string]);
  if (rows[0] && HEADER.test(rows[0][0]) && HEADER.test(rows[0][1])) rows.shift();
  return rows;
}

/**
 * Aligned segments from the given files: one TSV/CSV of pairs, two line-aligned text files (line i of
 * one translates line i of the other), or TMX/XLIFF/other bilingual files.
 */
export async function readParallel(files: NamedBytes[]): Promise<ParallelSegment[]> {
  if (files.length === 0) throw new ShuyuError('usage', 'No parallel input given');
  const plain = (f: NamedBytes) => ['txt', 'md', 'text', ''].includes(ext(f.name));
  if (files.length === 2 && files.every(plain)) {
    const [a, b] = files.map((f) => decodeText(f.bytes, f.name).split(/\r?\n/)) as [string[], string[]];
    if (a.length !== b.length && Math.abs(a.length - b.length) > 1) {
      throw new ShuyuError('invalid_input', `The two files are not line-aligned: ${files[0]!.name} has ${a.length} lines, ${files[1]!.name} has ${b.length}`, {
        params: { file: files[0]!.name },
      });
    }
    return orient(a.slice(0, Math.min(a.length, b.length)).map((line, i) => [line, b[i]!] as [string, string]));
  }
  const out: ParallelSegment[] = [];
  const others: NamedBytes[] = [];
  for (const f of files) {
    if (['tsv', 'csv'].includes(ext(f.name)) || (files.length === 1 && plain(f))) out.push(...orient(tableRows(f)));
    else others.push(f);
  }
  if (others.length) {
    const sets = planReads(others.map((f) => ({ input: { name: f.name, bytes: f.bytes }, head: f.bytes.subarray(0, 2048) })));
    for (const set of sets) {
      const { units } = set.format.readUnits(set.inputs);
      for await (const u of units) {
        if (!u.target) continue;
        const srcZh = u.sourceLang.toLowerCase().startsWith('zh');
        const tgtZh = u.targetLang.toLowerCase().startsWith('zh');
        if (srcZh === tgtZh) continue;
        const zh = (srcZh ? u.source.text : u.target.text).replace(/\uFFFC/g, ' ');
        const en = (srcZh ? u.target.text : u.source.text).replace(/\uFFFC/g, ' ');
        if (zh.trim() && en.trim()) out.push({ zh, en });
      }
    }
  }
  if (out.length === 0) throw new ShuyuError('empty_import', 'No zh–en segment pairs found in the input', { params: { file: files[0]!.name } });
  return out;
}
