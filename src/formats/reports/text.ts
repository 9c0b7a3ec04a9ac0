/** Human-readable text report: one block per finding (where, severity, check, message, highlighted texts), then a summary. */
import type { Finding, Span } from '../../core/checks/types.js';
import type { CheckReport } from '../../service/check.js';
import { findingMessage, t, whereOf } from './messages.js';
import type { ReportLang } from './messages.js';

/** Styling hooks (the CLI passes ANSI styles on a TTY; identity otherwise). */
export interface TextStyle {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  mark(s: string): string;
}

const plain: TextStyle = { bold: (s) => s, dim: (s) => s, red: (s) => s, yellow: (s) => s, blue: (s) => s, mark: (s) => `«${s}»` };

/** One line of context around a span, with the span marked; long texts are cut around it. */
export function excerpt(text: string, span: Span | undefined, style: TextStyle, width = 160): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  if (!span) return flat(text.length > width ? `${text.slice(0, width)}…` : text);
  const before = text.slice(0, span.start);
  const after = text.slice(span.end);
  const room = Math.max(20, Math.floor((width - (span.end - span.start)) / 2));
  const b = before.length > room ? `…${before.slice(before.length - room)}` : before;
  const a = after.length > room ? `${after.slice(0, room)}…` : after;
  return `${flat(b)}${style.mark(text.slice(span.start, span.end))}${flat(a)}`;
}

/** Renders the text report. */
export function textReport(report: CheckReport, options: { lang?: ReportLang; style?: TextStyle } = {}): string {
  const lang = options.lang ?? 'en';
  const s = options.style ?? plain;
  const out: string[] = [];
  const sev = (f: Finding) => {
    const label = t(lang, `severity.${f.severity}`);
    return f.severity === 'error' ? s.red(label) : f.severity === 'warning' ? s.yellow(label) : s.blue(label);
  };
  for (const f of report.findings) {
    const waived = f.waived ? ` ${s.dim(`(${t(lang, 'waived')}: ${f.waived.reason} — ${f.waived.author}, ${f.waived.date})`)}` : '';
    out.push(`${s.bold(whereOf(f))} ${sev(f)} ${s.dim(f.checkId)}: ${findingMessage(f, lang)}${waived}`);
    if (f.sourceText !== undefined) out.push(`    ${s.dim('source')}: ${excerpt(f.sourceText, f.source, s)}`);
    if (f.targetText !== undefined) out.push(`    ${s.dim('target')}: ${excerpt(f.targetText, f.target, s)}`);
    if (f.locations?.length) {
      const shown = f.locations.slice(0, 20);
      for (const l of shown) out.push(`    ${s.dim('at')} ${whereOf(l)}${l.variant ? ` → ${l.variant}` : ''}`);
      if (f.locations.length > shown.length) out.push(`    ${s.dim(`… ${f.locations.length - shown.length} more locations (see --format json or html)`)}`);
    }
  }
  for (const n of report.notices) out.push(`${s.dim(`${n.file ?? ''}${n.line ? `:${n.line}` : ''}`)} ${s.blue(t(lang, 'severity.info'))} ${s.dim(n.code)}: ${n.message}`);
  for (const w of report.staleWaivers) out.push(`${s.dim('waivers')}: ${s.yellow('stale')} ${w.check}${w.unit ? ` ${w.unit}` : ''}${w.term ? ` “${w.term}”` : ''} matched no finding`);
  const sm = report.summary;
  const files = report.files.map((f) => `${f.name} (${f.format}, ${f.units} units${f.sourceLang ? `, ${f.sourceLang}→${f.targetLang}` : ''})`).join('; ');
  out.push('');
  out.push(s.bold(t(lang, 'summary', { units: sm.units, findings: sm.findings, waived: sm.waived })));
  out.push(`  ${(['error', 'warning', 'info'] as const).map((k) => `${t(lang, `severity.${k}`)}: ${sm.bySeverity[k]}`).join(', ')}`);
  out.push(`  ${Object.entries(sm.byCheck).filter(([, n]) => n > 0).map(([k, n]) => `${k}: ${n}`).join(', ') || t(lang, 'clean')}`);
  out.push(`  ${s.dim(files)}`);
  return `${out.join('\n')}\n`;
}
