/**
 * XLSX export, written as SpreadsheetML straight into a zip (parts.ts, zip-writer.ts): bold frozen header,
 * autofilter, column widths, wrapped long text, a drop-down list on status columns, and a second sheet
 * describing every column. Rows are generated one at a time and compressed as they come, so a 120k-row
 * export holds only the compressed sheet and the shared string table, never a cell object per cell.
 * Every cell is a plain shared string passed through neutralizeCell: no cell is a formula, and no text
 * starting with = + - @ can turn into one when the file is edited and re-saved. (Shared strings rather
 * than inline strings: exceljs's streaming reader decodes inline text twice, so `&amp;` would come back
 * as `&`.)
 */
import type { Glossary } from '../../core/model.js';
import { TERM_STATUSES } from '../../core/model.js';
import { neutralizeCell } from '../spreadsheet-safety.js';
import type { FormatWarning, GlossaryWriteOptions, GlossaryWriteResult } from '../types.js';
import { stripInvalidXml } from '../xml-chars.js';
import type { Column } from '../tabular/columns.js';
import { chineseLabelFor, describeColumn } from '../tabular/columns.js';
import { glossaryToTable } from '../tabular/to-table.js';
import type { ListValidation, SheetLayout, SheetRow, StyleId } from './parts.js';
import { STYLE, SharedStrings, columnLetter, packageParts, worksheetXml } from './parts.js';
import type { DeflatingEntry } from './zip-writer.js';
import { ZipWriter } from './zip-writer.js';

export { columnLetter } from './parts.js';

/** Excel's limit on the characters in one cell. */
export const EXCEL_CELL_MAX = 32_767;
export const DATA_SHEET = 'Glossary';
export const COLUMNS_SHEET = 'Columns';

const WIDE = new Set(['definition', 'context', 'note', 'notes']);
/** Columns whose few values repeat on every row: their texts are stored once in the string table. */
const REPEATED = new Set(['status', 'synonymStatuses', 'partOfSpeech', 'termType', 'caseSensitive', 'synonymCaseSensitive', 'lang', 'subjectField']);

function widthOf(col: Column): number {
  if (WIDE.has(col.field)) return 48;
  if (col.field === 'term' || col.field === 'synonyms' || col.field === 'pinyin') return 26;
  if (col.field === 'id' || col.field === 'subjectField' || col.field === 'source' || col.field === 'related') return 20;
  return 14;
}

// eslint-disable-next-line no-control-regex
const SUSPECT = /[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Writes a glossary as .xlsx (one row per concept by default, or per term). */
export async function writeXlsx(glossary: Glossary, options: GlossaryWriteOptions = {}): Promise<GlossaryWriteResult> {
  const table = glossaryToTable(glossary, options.layout ?? 'concept');
  const warnings: FormatWarning[] = [];
  let dropped = 0;
  let truncated = 0;
  let crs = 0;
  const cell = (value: string): string => {
    let v = value;
    if (SUSPECT.test(v)) {
      // XML turns CR and CRLF into LF when the file is read, so write LF (and say so).
      if (v.includes('\r')) (crs += 1), (v = v.replace(/\r\n?/g, '\n'));
      v = stripInvalidXml(v, (n) => (dropped += n));
    }
    v = neutralizeCell(v);
    if (v.length > EXCEL_CELL_MAX) {
      truncated++;
      // never cut between the two halves of a surrogate pair (a lone half is not valid XML)
      const end = (v.charCodeAt(EXCEL_CELL_MAX - 1) & 0xfc00) === 0xd800 ? EXCEL_CELL_MAX - 1 : EXCEL_CELL_MAX;
      v = v.slice(0, end);
    }
    return v;
  };

  const zip = new ZipWriter();
  const sst = zip.openStream('xl/sharedStrings.xml');
  const strings = new SharedStrings(sst);
  /** Writes a worksheet row by row, waiting whenever a compressor falls behind (bounded memory). */
  const sheetPart = async (name: string, layout: SheetLayout, rows: Iterable<SheetRow>): Promise<DeflatingEntry> => {
    const part = zip.openStream(name);
    for (const piece of worksheetXml(layout, rows, strings)) {
      part.write(piece);
      if (part.full || sst.full) {
        await part.drain();
        await sst.drain();
      }
    }
    return part;
  };

  const n = table.columns.length;
  const lastCol = columnLetter(n - 1);
  const lastRow = table.rowCount + 1;
  const wide = table.columns.map((col) => WIDE.has(col.field));
  const validations: ListValidation[] = [];
  if (table.rowCount > 0) {
    table.columns.forEach((col, i) => {
      if (col.field !== 'status') return;
      const letter = columnLetter(i);
      validations.push({ range: `${letter}2:${letter}${lastRow}`, values: TERM_STATUSES, errorTitle: 'Status', error: `Use one of: ${TERM_STATUSES.join(', ')}` });
    });
  }
  const cellStyles: StyleId[] = wide.map((w) => (w ? STYLE.wrapTop : STYLE.top));
  const shared = table.columns.map((col) => REPEATED.has(col.field));
  function* dataRows(): Iterable<SheetRow> {
    yield { cells: table.headers.map(cell), styles: table.headers.map(() => STYLE.header) };
    const cells: string[] = new Array<string>(n);
    for (const r of table.rows()) {
      for (let i = 0; i < n; i++) cells[i] = r[i] === '' || r[i] === undefined ? '' : cell(r[i]!);
      yield { cells, styles: cellStyles, shared };
    }
  }
  const layout: SheetLayout = { widths: table.columns.map(widthOf), frozenHeader: true, autoFilter: `A1:${lastCol}1`, validations, rowCount: lastRow };
  const sheet1 = await sheetPart('xl/worksheets/sheet1.xml', layout, dataRows());

  const infoRows: SheetRow[] = [{ cells: ['Column', '中文', 'Meaning'], styles: [STYLE.bold, STYLE.bold, STYLE.boldWrapTop] }];
  const infoStyles: StyleId[] = [STYLE.normal, STYLE.normal, STYLE.wrapTop];
  table.columns.forEach((col, i) => infoRows.push({ cells: [cell(table.headers[i]!), cell(chineseLabelFor(col)), cell(describeColumn(col, table.layout))], styles: infoStyles }));
  infoRows.push({ cells: [], styles: [] });
  const notes = [
    `Layout: one row per ${table.layout}. Lists (synonyms, notes, related) are separated by |; write \\| for a literal bar.`,
    "Text that a spreadsheet could read as a formula (starting with = + - @, tab or CR) is written with a leading ' that Shuyu removes on import.",
    `Exported from glossary "${glossary.name}" (${glossary.id}) with ${glossary.concepts.length} concepts.`,
  ];
  for (const note of notes) infoRows.push({ cells: ['', '', cell(note)], styles: infoStyles });
  const sheet2 = await sheetPart('xl/worksheets/sheet2.xml', { widths: [26, 18, 90], rowCount: infoRows.length }, infoRows);
  strings.end();

  // Package parts and the string table before the sheets: a streaming reader then needs no temporary files.
  const parts = packageParts([DATA_SHEET, COLUMNS_SHEET], { creator: 'Shuyu', filter: { sheet: 0, range: `A1:${lastCol}1` } });
  for (const [name, xml] of Object.entries(parts)) zip.add(name, xml);
  await zip.addDeflated(sst);
  await zip.addDeflated(sheet1);
  await zip.addDeflated(sheet2);
  const buf = zip.finish();

  warnings.push(...table.warnings);
  if (dropped) warnings.push({ code: 'invalid_xml_chars', message: `${dropped} control characters that XLSX cannot hold were left out` });
  if (crs) warnings.push({ code: 'line_breaks_changed', message: `${crs} cells had carriage returns (CR/CRLF); they were written as line feeds` });
  if (truncated) warnings.push({ code: 'cell_too_long', message: `${truncated} cells were cut to Excel's limit of ${EXCEL_CELL_MAX} characters` });
  return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), warnings };
}
