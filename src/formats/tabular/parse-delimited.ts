/**
 * RFC 4180 parsing of delimited text (CSV, TSV, semicolon-separated), as strict as csv-parse with
 * `relax_column_count` and `skip_empty_lines` (which it replaced: a 120k-row file parses about five
 * times faster, and each record knows the line it STARTS on). Records end at LF, CRLF or CR; fields may
 * be quoted with `"` (a doubled `""` is a quote); a quote inside an unquoted field, text after a closing
 * quote and a quote left open are errors that name the line.
 */

/** A malformed file: what went wrong and on which line. */
export class DelimitedParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly code: 'malformed' | 'record_too_large',
  ) {
    super(message);
  }
}

export interface DelimitedRecords {
  /** Cells of each record (ragged rows allowed). */
  records: string[][];
  /** 1-based line on which each record starts. */
  lines: number[];
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * Parses delimited text. A leading BOM is skipped; empty lines are skipped. `maxRecordChars` bounds one
 * record (a guard against one huge cell): past it, a DelimitedParseError with code record_too_large.
 */
export function parseDelimited(text: string, delimiter: string, maxRecordChars = Infinity): DelimitedRecords {
  const records: string[][] = [];
  const lines: number[] = [];
  eachRecord(text, delimiter, maxRecordChars, (cells, line) => {
    records.push(cells);
    lines.push(line);
  });
  return { records, lines };
}

/**
 * Parses delimited text record by record: `onRecord` gets each record's cells, the line it starts on and
 * the offset where it ends (nothing is kept, so a large file's cells can be dropped as soon as they are used).
 */
export function eachRecord(text: string, delimiter: string, maxRecordChars: number, onRecord: (cells: string[], line: number, end: number) => void): void {
  const d = delimiter.charCodeAt(0);
  if (delimiter.length !== 1) throw new RangeError('the delimiter must be one character');
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    // An empty line (LF, CRLF or CR alone) is skipped.
    const c0 = text.charCodeAt(i);
    if (c0 === LF || c0 === CR) {
      i += c0 === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    const start = line;
    const recordStart = i;
    const cells: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        // quoted field: up to the next quote that is not doubled
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) throw new DelimitedParseError(`a quoted field that starts on line ${line} is never closed`, line, 'malformed');
          if (q - recordStart > maxRecordChars) throw new DelimitedParseError(`a record is longer than ${maxRecordChars} characters`, start, 'record_too_large');
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          line += countBreaks(text, i, q);
          i = q + 1;
          break;
        }
        cells.push(value);
        const next = i < n ? text.charCodeAt(i) : -1;
        if (next !== d && next !== LF && next !== CR && next !== -1) {
          throw new DelimitedParseError(`text after a closing quote on line ${line} (got "${text[i]}" instead of a delimiter or the end of the line)`, line, 'malformed');
        }
      } else {
        // unquoted field: up to the delimiter or the end of the line
        let j = i;
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (c === d || c === LF || c === CR) break;
          if (c === QUOTE) {
            throw new DelimitedParseError(`a quote inside an unquoted field on line ${line} (field ${cells.length + 1}, value starts with "${text.slice(i, Math.min(j, i + 20))}")`, line, 'malformed');
          }
        }
        if (j - recordStart > maxRecordChars) throw new DelimitedParseError(`a record is longer than ${maxRecordChars} characters`, start, 'record_too_large');
        cells.push(text.slice(i, j));
        i = j;
      }
      // after a field: a delimiter (another field follows) or the end of the record
      const c = i < n ? text.charCodeAt(i) : -1;
      if (c === d) {
        i++;
        continue;
      }
      if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      else if (c === LF) i++;
      if (c === CR || c === LF) line++;
      break;
    }
    onRecord(cells, start, i);
  }
}

/** Line breaks (LF, CRLF, lone CR) in text[from, to). */
function countBreaks(text: string, from: number, to: number): number {
  let k = 0;
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === LF || (c === CR && text.charCodeAt(p + 1) !== LF)) k++;
  }
  return k;
}
