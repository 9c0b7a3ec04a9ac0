/**
 * JSON report: the CheckReport as is (stable shape, schemaVersion 1, described by
 * docs/check-report.schema.json), each finding with its rendered `message`.
 */
import type { CheckReport } from '../../service/check.js';
import { findingMessage } from './messages.js';
import type { ReportLang } from './messages.js';

/** The report as pretty-printed JSON. */
export function jsonReport(report: CheckReport, options: { lang?: ReportLang } = {}): string {
  const lang = options.lang ?? 'en';
  const doc = { ...report, findings: report.findings.map((f) => ({ ...f, message: findingMessage(f, lang) })) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
