/**
 * CSV and TSV glossaries (RFC 4180). Export: UTF-8 with BOM (so Excel shows Chinese correctly), CRLF,
 * every cell neutralised against formula injection. Import: encoding detected (UTF-8 ± BOM, UTF-16,
 * GB18030/GBK), delimiter detected (comma, semicolon, tab), headers mapped as in Excel (columns.ts).
 */
import { ShuyuError } from '../core/errors.js';
import type { Glossary } from '../core/model.js';
import { decodeText } from './decode.js';
import { readInputBytes } from './input.js';
import { resolveLimits } from './limits.js';
import { neutralizeCell } from './spreadsheet-safety.js';
import type { FileInput, GlossaryFormat, GlossaryReadOptions, GlossaryReadResult, GlossaryWriteOptions, GlossaryWriteResult } from './types.js';
import { TableReader } from './tabular/from-table.js';
import { DelimitedParseError, parseDelimited } from './tabular/parse-delimited.js';
import { TABULAR_CANNOT_HOLD, glossaryToTable } from './tabular/to-table.js';

/** Longest single record we parse (a guard against one huge cell eating memory). */
const MAX_RECORD_CHARS = 2 ** 20;

/** Quotes a field when RFC 4180 requires it (delimiter, quote, CR, LF) or when it has edge spaces. */
function quote(field: string, delimiter: string): string {
  if (field.includes(delimiter) || /["\r\n]/.test(field) || /^\s|\s$/.test(field)) return `"${field.replace(/"/g, '""')}"`;
  return field;
}

/** Serialises a table: BOM, header, rows, CRLF line ends; every cell neutralised. */
export function writeDelimited(headers: string[], rows: Iterable<string[]>, delimiter: string): Uint8Array {
  const line = (cells: string[]) => cells.map((c) => quote(neutralizeCell(c), delimiter)).join(delimiter);
  // Encoded in blocks, so the text of a 120k-row file never exists as one string next to its bytes.
  const parts: Buffer[] = [Buffer.from(`\uFEFF${line(headers)}\r\n`, 'utf8')];
  let block: string[] = [];
  for (const r of rows) {
    block.push(line(r));
    if (block.length === 2000) {
      parts.push(Buffer.from(`${block.join('\r\n')}\r\n`, 'utf8'));
      block = [];
    }
  }
  if (block.length) parts.push(Buffer.from(`${block.join('\r\n')}\r\n`, 'utf8'));
  const out = Buffer.concat(parts);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Counts a character outside double-quoted sections in each of the first lines. */
function countsPerLine(text: string, ch: string, maxLines = 30): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let n = 0;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === ch) n++;
    else if (!inQuotes && c === '\n') {
      counts.push(n);
      n = 0;
    }
  }
  if (counts.length < maxLines && n > 0) counts.push(n);
  return counts.filter((_, i) => i < maxLines);
}

/**
 * Detects the delimiter: the candidate that appears the same (non-zero) number of times on most of the
 * first lines wins; ties go to the more frequent one. Falls back to `fallback`.
 */
export function detectDelimiter(text: string, fallback = ','): string {
  let best = { d: fallback, score: -1, count: 0 };
  for (const d of [',', '\t', ';']) {
    const counts = countsPerLine(text, d).filter((_, i, a) => i < a.length);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const score = counts.filter((c) => c === first).length;
    if (score > best.score || (score === best.score && first > best.count)) best = { d, score, count: first };
  }
  return best.d;
}

function csvError(file: string, e: unknown): ShuyuError {
  if (!(e instanceof DelimitedParseError)) throw e;
  const line = e.line;
  if (e.code === 'record_too_large') {
    return new ShuyuError('too_large', `${file}:${line}: a record is larger than ${MAX_RECORD_CHARS} characters`, {
      params: { file, line, limit: MAX_RECORD_CHARS },
    });
  }
  return new ShuyuError('parse_error', `${file}:${line}: malformed CSV: ${e.message}`, {
    params: { file, line },
    details: [{ message: `malformed CSV: ${e.message}`, file, line }],
    cause: e,
  });
}

/** Reads delimited text into a glossary. */
export function readDelimitedText(text: string, file: string, options: GlossaryReadOptions & { delimiter?: string } = {}): GlossaryReadResult {
  const limits = resolveLimits(options.limits);
  const delimiter = options.delimiter ?? detectDelimiter(text, file.toLowerCase().endsWith('.tsv') || file.toLowerCase().endsWith('.tab') ? '\t' : ',');
  let parsed: { records: string[][]; lines: number[] };
  try {
    parsed = parseDelimited(text, delimiter, MAX_RECORD_CHARS);
  } catch (e) {
    throw csvError(file, e);
  }
  const { records, lines } = parsed;
  const headers = records[0];
  if (!headers) throw new ShuyuError('empty_import', `${file} is empty`, { params: { file } });
  const reader = new TableReader(headers, {
    file,
    limits,
    mapping: options.mapping,
    cellName: (col) => `"${headers[col] ?? `column ${col + 1}`}"`,
  });
  for (let i = 1; i < records.length; i++) {
    reader.addRow({ cells: records[i]!, row: i + 1, line: lines[i]! });
    if (i % 5000 === 0) options.onProgress?.(i, records.length);
  }
  return reader.finish();
}

function delimitedFormat(id: 'csv' | 'tsv', delimiter: string): GlossaryFormat {
  return {
    kind: 'glossary',
    id,
    name: id === 'csv' ? 'CSV (comma-separated, UTF-8 with BOM)' : 'TSV (tab-separated, UTF-8 with BOM)',
    extensions: id === 'csv' ? ['csv'] : ['tsv', 'tab'],
    mediaTypes: id === 'csv' ? ['text/csv'] : ['text/tab-separated-values'],
    cannotHold: [...TABULAR_CANNOT_HOLD],
    async read(input: FileInput, options: GlossaryReadOptions = {}): Promise<GlossaryReadResult> {
      const bytes = await readInputBytes(input, resolveLimits(options.limits));
      const text = decodeText(bytes, input.name, options.encoding ? { encoding: options.encoding } : {});
      // The extension says csv, but Excel's "Unicode text" and many exports are tab-separated: detect.
      return readDelimitedText(text, input.name, options);
    },
    async write(glossary: Glossary, options: GlossaryWriteOptions = {}): Promise<GlossaryWriteResult> {
      const table = glossaryToTable(glossary, options.layout ?? 'concept');
      const bytes = writeDelimited(table.headers, table.rows(), delimiter);
      return { bytes, warnings: table.warnings };
    },
  };
}

export const csvFormat = delimitedFormat('csv', ',');
export const tsvFormat = delimitedFormat('tsv', '\t');
