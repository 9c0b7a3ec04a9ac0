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
import { DelimitedParseError, eachRecord } from './tabular/parse-delimited.js';
import { TABULAR_CANNOT_HOLD, glossaryToTable } from './tabular/to-table.js';

/** Longest single record we parse (a guard against one huge cell eating memory). */
const MAX_RECORD_CHARS = 2 ** 20;

/** First characters after which neutralizeCell may change a cell (= + - @, their full-width forms, tab, CR, '). */
const MAYBE_DANGEROUS = new Set([0x3d, 0x2b, 0x2d, 0x40, 0xff1d, 0xff0b, 0xff0d, 0xff20, 0x09, 0x0d, 0x27]);

/** Serialises a table: BOM, header, rows, CRLF line ends; every cell neutralised. */
export function writeDelimited(headers: string[], rows: Iterable<string[]>, delimiter: string): Uint8Array {
  // Quoted when RFC 4180 requires it (delimiter, quote, CR, LF) or when the field has edge spaces.
  const needsQuotes = new RegExp(`[${delimiter === '\t' ? '\\t' : delimiter}"\\r\\n]|^\\s|\\s$`);
  const field = (c: string): string => {
    if (c === '') return c;
    const v = MAYBE_DANGEROUS.has(c.charCodeAt(0)) ? neutralizeCell(c) : c;
    return needsQuotes.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const line = (cells: string[]): string => {
    let out = field(cells[0] ?? '');
    for (let i = 1; i < cells.length; i++) out += delimiter + field(cells[i]!);
    return out;
  };
  // Encoded in blocks, so the text of a 120k-row file never exists as one string next to its bytes.
  const parts: Buffer[] = [Buffer.from(`\uFEFF${line(headers)}\r\n`, 'utf8')];
  let block = '';
  let count = 0;
  for (const r of rows) {
    block += `${line(r)}\r\n`;
    if (++count === 2000) {
      parts.push(Buffer.from(block, 'utf8'));
      block = '';
      count = 0;
    }
  }
  if (block) parts.push(Buffer.from(block, 'utf8'));
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

function csvError(file: string, e: DelimitedParseError): ShuyuError {
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
  let reader: TableReader | undefined;
  let headers: string[] = [];
  let row = 0;
  try {
    eachRecord(text, delimiter, MAX_RECORD_CHARS, (cells, line, end) => {
      row++;
      if (!reader) {
        headers = cells;
        reader = new TableReader(headers, { file, limits, mapping: options.mapping, cellName: (col) => `"${headers[col] ?? `column ${col + 1}`}"` });
        return;
      }
      reader.addRow({ cells, row, line });
      if ((row - 1) % 5000 === 0) options.onProgress?.(end, text.length); // characters read of all
    });
  } catch (e) {
    throw e instanceof DelimitedParseError ? csvError(file, e) : e;
  }
  if (!reader) throw new ShuyuError('empty_import', `${file} is empty`, { params: { file } });
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
