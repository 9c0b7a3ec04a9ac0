/**
 * SpreadsheetML (ECMA-376) parts of the .xlsx we write: package parts, a fixed style sheet, the shared
 * string table, and worksheets generated row by row as XML text. Only what a glossary workbook needs:
 * text cells (shared strings, never formulas), column widths and styles, a frozen header, an autofilter
 * and list data validations.
 */

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell style ids (indexes into cellXfs of {@link STYLES_XML}). */
export const STYLE = { normal: 0, header: 1, top: 2, wrapTop: 3, bold: 4, boldWrapTop: 5 } as const;
export type StyleId = (typeof STYLE)[keyof typeof STYLE];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const NEEDS_ESCAPE = /[&<>"]/;

/** Escapes text for XML element content and double-quoted attributes. */
export function escapeXml(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(/[&<>"]/g, (c) => ESCAPES[c]!) : s;
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

/**
 * The shared string table, written as it grows (into a compressed zip entry): cells refer to their text by
 * index. Texts of columns with a few repeated values (statuses, parts of speech) are stored once; the
 * others (ids, terms, definitions) get an entry per cell, which spares hashing a million mostly unique strings
 * and holding them all until the end (duplicates are allowed in the table).
 */
export class SharedStrings {
  private readonly ids = new Map<string, number>();
  private next = 0;

  constructor(private readonly out: { write(piece: string): void }) {
    out.write(`${XML_DECL}<sst xmlns="${MAIN_NS}">`);
  }

  /** Index of a text: a new entry, or with `share` the entry of the same text if there is one. */
  id(text: string, share = false): number {
    if (share) {
      const known = this.ids.get(text);
      if (known !== undefined) return known;
      this.ids.set(text, this.next);
    }
    // Edge whitespace (space, tab, line break): ask Excel to keep it as it is.
    const edge = text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32;
    this.out.write(edge ? `<si><t xml:space="preserve">${escapeXml(text)}</t></si>` : `<si><t>${escapeXml(text)}</t></si>`);
    return this.next++;
  }

  /** Closes the table (call once, after the last cell). */
  end(): void {
    this.out.write('</sst>');
  }
}

/** A list data validation (drop-down) on a range. */
export interface ListValidation {
  range: string;
  values: readonly string[];
  errorTitle: string;
  error: string;
}

/** What a worksheet looks like around its rows. */
export interface SheetLayout {
  widths: number[];
  /** Freeze the first row. */
  frozenHeader?: boolean;
  /** Autofilter range (`A1:S1`). */
  autoFilter?: string;
  validations?: ListValidation[];
  /** Total rows and columns, for the dimension element. */
  rowCount: number;
}

/** One row of text cells ('' or undefined = no cell) with a style per cell, and which cells' texts repeat (share them). */
export type SheetRow = { cells: readonly (string | undefined)[]; styles: readonly StyleId[]; shared?: readonly boolean[] };

/**
 * A worksheet's XML, piece by piece: each row becomes one string. `strings` receives the cell texts.
 */
export function* worksheetXml(layout: SheetLayout, rows: Iterable<SheetRow>, strings: SharedStrings): Iterable<string> {
  const letters = layout.widths.map((_, i) => columnLetter(i));
  const last = letters[letters.length - 1] ?? 'A';
  let head = `${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:${last}${Math.max(layout.rowCount, 1)}"/>`;
  head += '<sheetViews><sheetView workbookViewId="0">';
  if (layout.frozenHeader) head += '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>';
  head += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>';
  for (let i = 0; i < layout.widths.length; ) {
    // one <col> per run of equal widths
    let j = i;
    while (layout.widths[j + 1] === layout.widths[i]) j++;
    head += `<col min="${i + 1}" max="${j + 1}" width="${layout.widths[i]}" customWidth="1"/>`;
    i = j + 1;
  }
  yield `${head}</cols><sheetData>`;
  let r = 0;
  for (const row of rows) {
    r++;
    let xml = `<row r="${r}">`;
    const { cells, styles, shared } = row;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (v === undefined || v === '') continue;
      const s = styles[i] ?? 0;
      xml += `<c r="${letters[i]}${r}"${s ? ` s="${s}"` : ''} t="s"><v>${strings.id(v, shared?.[i] ?? false)}</v></c>`;
    }
    yield `${xml}</row>`;
  }
  let tail = '</sheetData>';
  if (layout.autoFilter) tail += `<autoFilter ref="${layout.autoFilter}"/>`;
  const vs = layout.validations ?? [];
  if (vs.length) {
    tail += `<dataValidations count="${vs.length}">`;
    for (const v of vs) {
      tail += `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="${escapeXml(v.errorTitle)}" error="${escapeXml(v.error)}" sqref="${v.range}">`;
      tail += `<formula1>${escapeXml(`"${v.values.join(',')}"`)}</formula1></dataValidation>`;
    }
    tail += '</dataValidations>';
  }
  yield `${tail}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** Fonts: Calibri 11, and bold. cellXfs in the order of {@link STYLE}. */
export const STYLES_XML =
  `${XML_DECL}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The package parts around the worksheets: content types, relationships, workbook, document properties. */
export function packageParts(sheetNames: string[], options: { creator: string; filter?: { sheet: number; range: string } }): Record<string, string> {
  const ct = 'application/vnd.openxmlformats-officedocument';
  const sheets = sheetNames.map((_, i) => i + 1);
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const filter = options.filter;
  const absolute = filter ? filter.range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2') : '';
  return {
    '[Content_Types].xml':
      `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>` +
      sheets.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`).join('') +
      `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.spreadsheetml.sharedStrings+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      `<Override PartName="/docProps/app.xml" ContentType="${ct}.extended-properties+xml"/></Types>`,
    '_rels/.rels':
      `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    'docProps/core.xml':
      `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${escapeXml(options.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`,
    'docProps/app.xml':
      `${XML_DECL}<Properties xmlns="${ct}/extended-properties" xmlns:vt="${ct}/docPropsVTypes"><Application>${escapeXml(options.creator)}</Application></Properties>`,
    'xl/workbook.xml':
      `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      sheetNames.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets>' +
      (filter
        ? `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="${filter.sheet}" hidden="1">'${escapeXml(sheetNames[filter.sheet]!.replace(/'/g, "''"))}'!${absolute}</definedName></definedNames>`
        : '') +
      '</workbook>',
    'xl/_rels/workbook.xml.rels':
      `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">` +
      sheets.map((n) => `<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${sheets.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': STYLES_XML,
  };
}
