/**
 * HTML report: one self-contained file (inline CSS and script, no external resources), filters by check,
 * severity and term, terms highlighted in source and target, and waiver entries built from ticked findings.
 * Every piece of file or glossary text is HTML-escaped; the script only uses textContent and value.
 */
import { checks, waiverFor } from '../../core/checks/index.js';
import type { Finding, Span } from '../../core/checks/types.js';
import type { CheckReport } from '../../service/check.js';
import { findingMessage, t, whereOf } from './messages.js';
import type { ReportLang } from './messages.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function highlighted(text: string | undefined, span: Span | undefined): string {
  if (text === undefined) return '';
  if (!span || span.end > text.length) return escapeHtml(text);
  return `${escapeHtml(text.slice(0, span.start))}<mark>${escapeHtml(text.slice(span.start, span.end))}</mark>${escapeHtml(text.slice(span.end))}`;
}

function row(f: Finding, i: number, lang: ReportLang): string {
  const w = waiverFor(f);
  const locs = f.locations?.length
    ? `<details><summary>${escapeHtml(t(lang, 'moreLocations', { count: f.locations.length }))}</summary><ul>${f.locations
        .map((l) => `<li>${escapeHtml(whereOf(l))}${l.variant ? ` → <mark>${escapeHtml(l.variant)}</mark>` : ''}</li>`)
        .join('')}</ul></details>`
    : '';
  return `<tr class="sev-${f.severity}${f.waived ? ' waived' : ''}" data-check="${escapeHtml(f.checkId)}" data-severity="${f.severity}" data-term="${escapeHtml(f.term ?? '')}" data-waiver="${escapeHtml(JSON.stringify(w))}">
<td><input type="checkbox" aria-label="waive ${i + 1}"></td>
<td>${escapeHtml(t(lang, `severity.${f.severity}`))}${f.waived ? `<br><small>${escapeHtml(t(lang, 'waived'))}: ${escapeHtml(f.waived.reason)}</small>` : ''}</td>
<td><code>${escapeHtml(f.checkId)}</code></td>
<td>${escapeHtml(whereOf(f))}</td>
<td>${escapeHtml(findingMessage(f, lang))}${locs}</td>
<td>${highlighted(f.sourceText, f.source)}</td>
<td>${highlighted(f.targetText, f.target)}</td>
</tr>`;
}

const CSS = `body{font:14px/1.45 system-ui,"Segoe UI",Roboto,Arial,"Noto Sans","DejaVu Sans","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
td:nth-child(2),td:nth-child(3){white-space:nowrap}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#f4f4f4;position:sticky;top:0}mark{background:#ffe066;padding:0 .1em}tr.sev-error td:nth-child(2){color:#b00020}
tr.sev-warning td:nth-child(2){color:#8a5a00}tr.sev-info td:nth-child(2){color:#0b5cad}tr.waived{opacity:.55}
.filters{display:flex;gap:1em;flex-wrap:wrap;margin:1em 0}textarea{width:100%;min-height:8em;font-family:monospace}
small{color:#666}code{font-size:90%}`;

const SCRIPT = `(function(){
var rows=Array.prototype.slice.call(document.querySelectorAll('tbody tr'));
var fc=document.getElementById('f-check'),fs=document.getElementById('f-sev'),ft=document.getElementById('f-term'),fq=document.getElementById('f-text'),count=document.getElementById('shown');
function apply(){var n=0;rows.forEach(function(r){var ok=(!fc.value||r.dataset.check===fc.value)&&(!fs.value||r.dataset.severity===fs.value)&&(!ft.value||r.dataset.term===ft.value)&&(!fq.value||r.textContent.toLowerCase().indexOf(fq.value.toLowerCase())>=0);r.hidden=!ok;if(ok)n++;});count.textContent=String(n);}
[fc,fs,ft].forEach(function(e){e.addEventListener('change',apply);});fq.addEventListener('input',apply);
function y(s){return JSON.stringify(String(s));}
document.getElementById('mk-waivers').addEventListener('click',function(){var author=document.getElementById('w-author').value,reason=document.getElementById('w-reason').value,out=['waivers:'];
rows.forEach(function(r){var cb=r.querySelector('input[type=checkbox]');if(!cb||!cb.checked)return;var w=JSON.parse(r.dataset.waiver);out.push('  - check: '+w.check);if(w.unit)out.push('    unit: '+y(w.unit));if(w.term)out.push('    term: '+y(w.term));out.push('    reason: '+y(reason||'TODO'));out.push('    author: '+y(author||'TODO'));out.push('    date: '+w.date);});
document.getElementById('w-out').value=out.length>1?out.join('\\n')+'\\n':'';});
apply();})();`;

/** The report as one self-contained HTML page. */
export function htmlReport(report: CheckReport, options: { lang?: ReportLang } = {}): string {
  const lang = options.lang ?? 'en';
  const sm = report.summary;
  const terms = [...new Set(report.findings.map((f) => f.term).filter((x): x is string => Boolean(x)))].sort();
  const opt = (v: string, label: string) => `<option value="${escapeHtml(v)}">${escapeHtml(label)}</option>`;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-Hans' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>shuyu check — ${escapeHtml(report.files.map((f) => f.name).join(', '))}</title>
<style>${CSS}</style>
</head>
<body>
<h1>shuyu check</h1>
<p>${escapeHtml(t(lang, 'summary', { units: sm.units, findings: sm.findings, waived: sm.waived }))}</p>
<ul>${report.files.map((f) => `<li>${escapeHtml(f.name)} — ${escapeHtml(f.format)}, ${escapeHtml(t(lang, 'fileUnits', { units: f.units }))}${f.sourceLang ? `, ${escapeHtml(f.sourceLang)} → ${escapeHtml(f.targetLang ?? '')}` : ''}</li>`).join('')}</ul>
<p><small>${escapeHtml(t(lang, 'glossaries'))}: ${escapeHtml(report.glossaries.join(', '))} · ${escapeHtml(report.createdAt)} · shuyu ${escapeHtml(report.tool.version)}</small></p>
<div class="filters">
<label>${escapeHtml(t(lang, 'filterCheck'))} <select id="f-check">${opt('', t(lang, 'filterAll'))}${checks.map((c) => opt(c.id, `${c.id} (${sm.byCheck[c.id]})`)).join('')}</select></label>
<label>${escapeHtml(t(lang, 'colSeverity'))} <select id="f-sev">${opt('', t(lang, 'filterAll'))}${['error', 'warning', 'info'].map((s) => opt(s, t(lang, `severity.${s}`))).join('')}</select></label>
<label>${escapeHtml(t(lang, 'filterTerm'))} <select id="f-term">${opt('', t(lang, 'filterAll'))}${terms.map((x) => opt(x, x)).join('')}</select></label>
<label>${escapeHtml(t(lang, 'filterText'))} <input id="f-text" type="search"></label>
<span>${escapeHtml(t(lang, 'shownLabel'))}: <b id="shown">${report.findings.length}</b></span>
</div>
${report.findings.length === 0 ? `<p>${escapeHtml(t(lang, 'clean'))}</p>` : ''}
<table>
<thead><tr><th></th><th>${escapeHtml(t(lang, 'colSeverity'))}</th><th>${escapeHtml(t(lang, 'colCheck'))}</th><th>${escapeHtml(t(lang, 'colWhere'))}</th><th>${escapeHtml(t(lang, 'colMessage'))}</th><th>${escapeHtml(t(lang, 'colSource'))}</th><th>${escapeHtml(t(lang, 'colTarget'))}</th></tr></thead>
<tbody>
${report.findings.map((f, i) => row(f, i, lang)).join('\n')}
</tbody>
</table>
${report.notices.length ? `<h2>${escapeHtml(t(lang, 'notices'))}</h2><ul>${report.notices.map((n) => `<li>${escapeHtml(`${n.file ?? ''}${n.line ? `:${n.line}` : ''}`)} ${escapeHtml(n.message)}</li>`).join('')}</ul>` : ''}
<h2>Waivers</h2>
<p>Tick findings above, then build waiver entries for your waiver file (YAML).</p>
<label>author <input id="w-author"></label> <label>reason <input id="w-reason" size="50"></label> <button id="mk-waivers" type="button">Build waiver entries</button>
<textarea id="w-out" readonly></textarea>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
