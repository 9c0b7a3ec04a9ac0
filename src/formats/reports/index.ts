/** Report writers for check results: text, json, html, xlsx, sarif. */
import { ShuyuError } from '../../core/errors.js';
import type { CheckReport } from '../../service/check.js';
import { htmlReport } from './html.js';
import { jsonReport } from './json.js';
import type { ReportLang } from './messages.js';
import { sarifReport } from './sarif.js';
import { textReport } from './text.js';
import type { TextStyle } from './text.js';
import { xlsxReport } from './xlsx.js';

export { htmlReport, jsonReport, sarifReport, textReport, xlsxReport };
export { findingMessage } from './messages.js';
export type { ReportLang } from './messages.js';
export type { TextStyle } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'html', 'xlsx', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Media type and file extension of each report format. */
export const REPORT_MEDIA: Record<ReportFormat, { type: string; ext: string }> = {
  text: { type: 'text/plain; charset=utf-8', ext: 'txt' },
  json: { type: 'application/json; charset=utf-8', ext: 'json' },
  html: { type: 'text/html; charset=utf-8', ext: 'html' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  sarif: { type: 'application/sarif+json', ext: 'sarif' },
};

/** Checks a `--format` value. */
export function parseReportFormat(value: string): ReportFormat {
  if ((REPORT_FORMATS as readonly string[]).includes(value)) return value as ReportFormat;
  throw new ShuyuError('usage', `Unknown report format "${value}" (use ${REPORT_FORMATS.join(', ')})`, { params: { format: value } });
}

/** Writes a report in a format: text formats as a string, xlsx as bytes. */
export async function writeReport(report: CheckReport, format: ReportFormat, options: { lang?: ReportLang; style?: TextStyle } = {}): Promise<string | Uint8Array> {
  switch (format) {
    case 'text':
      return textReport(report, options);
    case 'json':
      return jsonReport(report, options);
    case 'html':
      return htmlReport(report, options);
    case 'sarif':
      return sarifReport(report, options);
    case 'xlsx':
      return xlsxReport(report, options);
  }
}
