/** The Excel .xlsx adapter: styled export (SpreadsheetML written directly), header-mapped import (exceljs's streaming reader), zip-bomb checked. */
import type { Glossary } from '../../core/model.js';
import type { FileInput, GlossaryFormat, GlossaryReadOptions, GlossaryReadResult, GlossaryWriteOptions, GlossaryWriteResult } from '../types.js';
import { TABULAR_CANNOT_HOLD } from '../tabular/to-table.js';
import { looksLikeZip } from '../zip-guard.js';
import { readXlsx } from './read.js';
import { EXCEL_CELL_MAX, writeXlsx } from './write.js';

export { readXlsx, cellText } from './read.js';
export { writeXlsx, columnLetter, DATA_SHEET, COLUMNS_SHEET } from './write.js';

export const xlsxFormat: GlossaryFormat = {
  kind: 'glossary',
  id: 'xlsx',
  name: 'Excel workbook (.xlsx)',
  extensions: ['xlsx', 'xlsm'],
  mediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  cannotHold: [...TABULAR_CANNOT_HOLD, `text longer than ${EXCEL_CELL_MAX} characters in one cell (Excel's limit)`, 'control characters', 'carriage returns (CR and CRLF become LF)'],
  sniff(head: Uint8Array): boolean {
    // A zip whose first entry is an OOXML part ([Content_Types].xml, _rels/, xl/, docProps/).
    if (!looksLikeZip(head)) return false;
    const name = Buffer.from(head.subarray(30, 30 + 64)).toString('latin1');
    return /^(\[Content_Types\]\.xml|_rels\/|xl\/|docProps\/)/.test(name);
  },
  read(input: FileInput, options?: GlossaryReadOptions): Promise<GlossaryReadResult> {
    return readXlsx(input, options);
  },
  write(glossary: Glossary, options?: GlossaryWriteOptions): Promise<GlossaryWriteResult> {
    return writeXlsx(glossary, options);
  },
};
