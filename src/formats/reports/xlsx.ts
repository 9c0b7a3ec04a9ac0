/**
 * XLSX report for reviewers: one row per finding (grouped findings: one row per location), frozen header,
 * auto-filter, every text cell passed through neutralizeCell so no cell can run as a formula.
 */
import { loadExcelJS } from '../excel.js';
import type { CheckReport } from '../../service/check.js';
import { neutralizeCell } from '../spreadsheet-safety.js';
import { findingMessage, t } from './messages.js';
import type { ReportLang } from './messages.js';

/** The report as an .xlsx workbook. */
export async function xlsxReport(report: CheckReport, options: { lang?: ReportLang } = {}): Promise<Uint8Array> {
  const lang = options.lang ?? 'en';
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  wb.creator = 'shuyu';
  const ws = wb.addWorksheet('Findings', { views: [{ state: 'frozen', ySplit: 1 }] });
  const cols: [string, number][] = [
    ['Check', 20],
    ['Severity', 10],
    ['Waived', 24],
    ['File', 30],
    ['Part', 20],
    ['Unit / key', 30],
    ['Line', 8],
    ['Term', 24],
    ['Expected', 24],
    ['Message', 60],
    ['Source', 60],
    ['Target', 60],
    ['Source offsets', 12],
    ['Target offsets', 12],
  ];
  ws.columns = cols.map(([header, width]) => ({ header, width }));
  ws.getRow(1).font = { bold: true };
  const cell = (v: string | undefined) => neutralizeCell(v ?? '');
  const span = (s?: { start: number; end: number }) => (s ? `${s.start}-${s.end}` : '');
  for (const f of report.findings) {
    const base = [
      f.checkId,
      t(lang, `severity.${f.severity}`),
      cell(f.waived ? `${f.waived.reason} (${f.waived.author}, ${f.waived.date})` : ''),
    ];
    const message = cell(findingMessage(f, lang));
    const expected = cell((f.expected ?? []).join(' / '));
    const locs = f.locations?.length ? f.locations : [f];
    for (const l of locs) {
      ws.addRow([
        ...base,
        cell(l.file),
        cell(l.part),
        cell(l.unitId),
        l.line ?? '',
        cell('variant' in l && l.variant ? `${f.term ?? ''} → ${l.variant}` : f.term),
        expected,
        message,
        cell(f.locations ? '' : f.sourceText),
        cell(f.locations ? '' : f.targetText),
        span(l.source),
        span(l.target),
      ]);
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
