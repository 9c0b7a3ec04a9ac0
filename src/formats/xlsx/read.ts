/**
 * XLSX import with exceljs's streaming reader, after the zip-bomb check. The first worksheet whose
 * header names a term column is read (our own exports put the data on the first sheet, the column
 * descriptions on the second). Cell values of any type become text: rich text is joined, formulas give
 * their cached result (never evaluated), dates become ISO dates.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { loadExcelJS } from '../excel.js';
import { ShuyuError, isShuyuError } from '../../core/errors.js';
import { checkSize, readInputBytes } from '../input.js';
import { resolveLimits } from '../limits.js';
import type { FileInput, GlossaryReadOptions, GlossaryReadResult } from '../types.js';
import { checkZip } from '../zip-guard.js';
import { TableReader } from '../tabular/from-table.js';
import { columnLetter } from './write.js';

/** Any exceljs cell value → text. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('formula' in o || 'sharedFormula' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error !== undefined) return '';
  }
  return String(v);
}

/** Reads a glossary from an .xlsx file. */
export async function readXlsx(input: FileInput, options: GlossaryReadOptions = {}): Promise<GlossaryReadResult> {
  const limits = resolveLimits(options.limits);
  await checkSize(input, limits);
  const source = input.bytes ?? input.path ?? (await readInputBytes(input, limits));
  await checkZip(source, input.name, limits, 'Excel (.xlsx)');
  const stream = typeof source === 'string' ? createReadStream(source) : Readable.from([Buffer.from(source.buffer, source.byteOffset, source.byteLength)]);
  const Excel = await loadExcelJS();
  const wb = new Excel.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let reader: TableReader | undefined;
  let firstError: unknown;
  let sheets = 0;
  try {
    for await (const ws of wb) {
      sheets++;
      if (reader) {
        // Drain the remaining sheets (the description sheet) without reading them.
        for await (const _row of ws) void _row;
        continue;
      }
      let candidate: TableReader | undefined;
      let rows = 0;
      for await (const row of ws) {
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (!candidate) {
          if (values.every((v) => v.trim() === '')) continue;
          try {
            candidate = new TableReader(values, {
              file: input.name,
              limits,
              mapping: options.mapping,
              cellName: (col, r) => `${columnLetter(col)}${r.row}`,
            });
          } catch (e) {
            firstError ??= e;
            break;
          }
          continue;
        }
        candidate.addRow({ cells: values, row: row.number });
        if (++rows % 5000 === 0) options.onProgress?.(rows);
      }
      if (candidate) reader = candidate;
    }
  } catch (e) {
    if (isShuyuError(e)) throw e;
    throw new ShuyuError('parse_error', `${input.name} could not be read as an Excel workbook (${(e as Error).message})`, { params: { file: input.name }, cause: e });
  }
  if (!reader) {
    if (firstError) throw firstError;
    throw new ShuyuError('empty_import', `${input.name} has no worksheet with data${sheets ? '' : ' (no worksheets at all)'}`, { params: { file: input.name } });
  }
  return reader.finish();
}
