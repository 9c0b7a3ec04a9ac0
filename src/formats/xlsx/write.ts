/**
 * XLSX export with exceljs's streaming writer (bounded memory for 100k+ rows): bold frozen header,
 * autofilter, column widths, wrapped long text, a drop-down list on status columns, and a second sheet
 * describing every column. Every cell is a plain string passed through neutralizeCell, so no cell is a
 * formula and no text starting with = + - @ can turn into one when the file is edited and re-saved.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../excel.js';
import type { Glossary } from '../../core/model.js';
import { TERM_STATUSES } from '../../core/model.js';
import { neutralizeCell } from '../spreadsheet-safety.js';
import type { FormatWarning, GlossaryWriteOptions, GlossaryWriteResult } from '../types.js';
import { stripInvalidXml } from '../xml-chars.js';
import type { Column } from '../tabular/columns.js';
import { chineseLabelFor, describeColumn } from '../tabular/columns.js';
import { glossaryToTable } from '../tabular/to-table.js';

/** Excel's limit on the characters in one cell. */
export const EXCEL_CELL_MAX = 32_767;
export const DATA_SHEET = 'Glossary';
export const COLUMNS_SHEET = 'Columns';

const WIDE = new Set(['definition', 'context', 'note', 'notes']);
const WRAP_TOP: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' } };
const TOP: Partial<ExcelJS.Style> = { alignment: { vertical: 'top' } };

function widthOf(col: Column): number {
  if (WIDE.has(col.field)) return 48;
  if (col.field === 'term' || col.field === 'synonyms' || col.field === 'pinyin') return 26;
  if (col.field === 'id' || col.field === 'subjectField' || col.field === 'source' || col.field === 'related') return 20;
  return 14;
}

/** Column letter for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Writes a glossary as .xlsx (one row per concept by default, or per term). */
export async function writeXlsx(glossary: Glossary, options: GlossaryWriteOptions = {}): Promise<GlossaryWriteResult> {
  const table = glossaryToTable(glossary, options.layout ?? 'concept');
  const warnings: FormatWarning[] = [];
  let dropped = 0;
  let truncated = 0;
  let crs = 0;
  const cell = (value: string): string => {
    // XML turns CR and CRLF into LF when the file is read, so write LF (and say so).
    const lf = value.includes('\r') ? ((crs += 1), value.replace(/\r\n?/g, '\n')) : value;
    let v = neutralizeCell(stripInvalidXml(lf, (n) => (dropped += n)));
    if (v.length > EXCEL_CELL_MAX) {
      truncated++;
      v = v.slice(0, EXCEL_CELL_MAX);
    }
    return v;
  };

  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  // Shared strings, not inline strings: exceljs's streaming reader decodes inline (`t="str"`, `inlineStr`)
  // text twice, so `&amp;` would come back as `&`. Shared strings cost memory at 100k+ rows (see BENCHMARKS.md).
  const Excel = await loadExcelJS();
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  wb.creator = 'Shuyu';
  const lastCol = columnLetter(table.columns.length - 1);
  const lastRow = table.rowCount + 1;
  const ws = wb.addWorksheet(DATA_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  // Widths only: styles go on the cells that need them, all sharing ONE style object (exceljs caches
  // style ids by object identity, so this is what keeps 2 million cells fast).
  ws.columns = table.columns.map((col) => ({ width: widthOf(col) }));
  const wide = table.columns.map((col) => WIDE.has(col.field));
  ws.autoFilter = `A1:${lastCol}1`;
  table.columns.forEach((col, i) => {
    if (col.field === 'status' && table.rowCount > 0) {
      const letter = columnLetter(i);
      // exceljs types the streaming sheet without dataValidations; it has them (range form avoids issue #2820).
      (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${TERM_STATUSES.join(',')}"`],
        showErrorMessage: true,
        errorTitle: 'Status',
        error: `Use one of: ${TERM_STATUSES.join(', ')}`,
      });
    }
  });
  const header = ws.addRow(table.headers.map(cell));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.commit();
  for (const r of table.rows()) {
    // empty cells are left out (sparse rows: smaller file, fewer objects)
    const row = ws.addRow(r.map((v) => (v === '' ? undefined : cell(v))));
    for (let i = 0; i < r.length; i++) if (r[i] !== '') row.getCell(i + 1).style = wide[i] ? WRAP_TOP : TOP;
    row.commit();
  }
  ws.commit();

  const info = wb.addWorksheet(COLUMNS_SHEET);
  info.columns = [{ width: 26 }, { width: 18 }, { width: 90, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  const infoHeader = info.addRow(['Column', '中文', 'Meaning']);
  infoHeader.font = { bold: true };
  infoHeader.commit();
  table.columns.forEach((col, i) => info.addRow([cell(table.headers[i]!), cell(chineseLabelFor(col)), cell(describeColumn(col, table.layout))]).commit());
  info.addRow([]).commit();
  const notes = [
    `Layout: one row per ${table.layout}. Lists (synonyms, notes, related) are separated by |; write \\| for a literal bar.`,
    "Text that a spreadsheet could read as a formula (starting with = + - @, tab or CR) is written with a leading ' that Shuyu removes on import.",
    `Exported from glossary "${glossary.name}" (${glossary.id}) with ${glossary.concepts.length} concepts.`,
  ];
  for (const n of notes) info.addRow(['', '', cell(n)]).commit();
  info.commit();
  await wb.commit();
  await done;
  warnings.unshift(...table.warnings);
  if (dropped) warnings.push({ code: 'invalid_xml_chars', message: `${dropped} control characters that XLSX cannot hold were left out` });
  if (crs) warnings.push({ code: 'line_breaks_changed', message: `${crs} cells had carriage returns (CR/CRLF); they were written as line feeds` });
  if (truncated) warnings.push({ code: 'cell_too_long', message: `${truncated} cells were cut to Excel's limit of ${EXCEL_CELL_MAX} characters` });
  const buf = Buffer.concat(chunks);
  return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), warnings };
}
