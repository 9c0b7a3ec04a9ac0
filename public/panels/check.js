/**
 * Check panel: upload translated files (or a zip of two i18next locale folders), choose glossaries and
 * languages, see the findings with the terms highlighted, filter by check, severity and term, and download
 * the report (HTML, XLSX, SARIF, JSON, text). Everything from files or glossaries is inserted as text nodes.
 */
export function mount(root, ctx) {
  const { el, t } = ctx;
  let report;
  let lastForm;

  const files = el('input', { type: 'file', id: 'check-files', multiple: true, accept: '.xlf,.xliff,.tmx,.csv,.tsv,.xlsx,.json,.txt,.zip' });
  const glossaries = el('select', { id: 'check-glossaries', multiple: true, size: '3' });
  const sourceLang = el('select', { id: 'check-source-lang' });
  const targetLang = el('select', { id: 'check-target-lang' });
  const runButton = el('button', { type: 'submit', class: 'button', id: 'check-run', 'data-i18n': 'check:run' }, t('run'));
  const summary = el('p', { class: 'summary', id: 'check-summary', role: 'status', 'aria-live': 'polite' });
  const filterCheck = el('select', { id: 'check-filter-check' });
  const filterSeverity = el('select', { id: 'check-filter-severity' });
  const filterTerm = el('select', { id: 'check-filter-term' });
  const downloadFormat = el('select', { id: 'check-download-format' }, ...['html', 'xlsx', 'sarif', 'json', 'text'].map((f) => el('option', { value: f }, f.toUpperCase())));
  const downloadButton = el('button', { type: 'button', class: 'button button-secondary', id: 'check-download', 'data-i18n': 'check:download' }, t('download'));
  const filters = el('div', { class: 'toolbar', hidden: true },
    el('label', {}, el('span', { 'data-i18n': 'check:filterCheck' }, t('filterCheck')), ' ', filterCheck),
    el('label', {}, el('span', { 'data-i18n': 'check:colSeverity' }, t('colSeverity')), ' ', filterSeverity),
    el('label', {}, el('span', { 'data-i18n': 'check:filterTerm' }, t('filterTerm')), ' ', filterTerm),
    downloadFormat,
    downloadButton,
  );
  const table = el('table', { class: 'match-table', id: 'check-findings', hidden: true });
  const notices = el('ul', { id: 'check-notices', hidden: true });

  function langOptions(select) {
    select.replaceChildren(
      el('option', { value: '' }, t('auto')),
      el('option', { value: 'en' }, 'en'),
      el('option', { value: 'zh-Hans' }, 'zh-Hans'),
      el('option', { value: 'zh-Hant' }, 'zh-Hant'),
    );
  }
  langOptions(sourceLang);
  langOptions(targetLang);

  root.append(
    el('p', { class: 'panel-intro', 'data-i18n': 'check:intro' }, t('intro')),
    el('form', { on: { submit: (e) => { e.preventDefault(); run(); } } },
      el('div', { class: 'field' }, el('label', { for: 'check-files', 'data-i18n': 'check:files' }, t('files')), files),
      el('div', { class: 'field' }, el('label', { for: 'check-glossaries', 'data-i18n': 'check:glossaries' }, t('glossaries')), glossaries),
      el('div', { class: 'field' },
        el('label', { for: 'check-source-lang', 'data-i18n': 'check:sourceLang' }, t('sourceLang')), sourceLang, ' ',
        el('label', { for: 'check-target-lang', 'data-i18n': 'check:targetLang' }, t('targetLang')), targetLang),
      el('div', { class: 'toolbar' }, runButton, summary),
    ),
    filters,
    table,
    notices,
  );

  async function loadGlossaries() {
    try {
      const data = await ctx.api('/api/glossaries');
      glossaries.replaceChildren(...data.glossaries.map((g) => el('option', { value: g.id }, `${g.name} (${g.id})`)));
    } catch {
      glossaries.replaceChildren();
    }
  }
  loadGlossaries();

  function buildForm(format) {
    const fd = new FormData();
    for (const f of files.files) fd.append('files', f, f.name);
    const ids = Array.from(glossaries.selectedOptions).map((o) => o.value);
    if (ids.length) fd.append('glossaries', ids.join(','));
    if (sourceLang.value) fd.append('sourceLang', sourceLang.value);
    if (targetLang.value) fd.append('targetLang', targetLang.value);
    fd.append('lang', ctx.lang() === 'zh' ? 'zh' : 'en');
    fd.append('format', format);
    return fd;
  }

  /** Text with [start, end) wrapped in <mark>, as DOM nodes. */
  function highlighted(text, span) {
    if (text === undefined || text === null) return [];
    if (!span || span.end > text.length) return [document.createTextNode(text)];
    return [
      document.createTextNode(text.slice(0, span.start)),
      el('mark', { class: 'term-mark' }, text.slice(span.start, span.end)),
      document.createTextNode(text.slice(span.end)),
    ];
  }

  function where(f) {
    return `${f.file}${f.line !== undefined ? `:${f.line}` : ''} [${f.part ? `${f.part} ` : ''}${f.unitId}]`;
  }

  function fillFilters() {
    const keep = (select) => select.value;
    const [c, s, term] = [keep(filterCheck), keep(filterSeverity), keep(filterTerm)];
    const checks = [...new Set(report.findings.map((f) => f.checkId))];
    const terms = [...new Set(report.findings.map((f) => f.term).filter(Boolean))].sort();
    filterCheck.replaceChildren(el('option', { value: '' }, t('filterAll')), ...checks.map((x) => el('option', { value: x }, x)));
    filterSeverity.replaceChildren(el('option', { value: '' }, t('filterAll')), ...['error', 'warning', 'info'].map((x) => el('option', { value: x }, t(`severity.${x}`))));
    filterTerm.replaceChildren(el('option', { value: '' }, t('filterAll')), ...terms.map((x) => el('option', { value: x }, x)));
    filterCheck.value = c;
    filterSeverity.value = s;
    filterTerm.value = term;
  }

  function renderTable() {
    const shown = report.findings.filter(
      (f) => (!filterCheck.value || f.checkId === filterCheck.value) && (!filterSeverity.value || f.severity === filterSeverity.value) && (!filterTerm.value || f.term === filterTerm.value),
    );
    const head = el('tr', {}, ...['colSeverity', 'colCheck', 'colWhere', 'colMessage', 'colSource', 'colTarget'].map((k) => el('th', { scope: 'col' }, t(k))));
    const rows = shown.map((f) => {
      const message = el('td', {}, f.message);
      if (f.waived) message.append(el('div', { class: 'result-meta' }, `${t('waived')}: ${f.waived.reason} (${f.waived.author}, ${f.waived.date})`));
      if (f.locations && f.locations.length) {
        message.append(
          el('details', {},
            el('summary', {}, t('moreLocations', { count: f.locations.length })),
            el('ul', {}, ...f.locations.map((l) => el('li', {}, `${where(l)}${l.variant ? ` → ${l.variant}` : ''}`))),
          ),
        );
      }
      return el('tr', { class: `severity-${f.severity}${f.waived ? ' waived' : ''}`, dataset: { check: f.checkId } },
        el('td', {}, el('span', { class: `badge badge-${f.severity}` }, t(`severity.${f.severity}`))),
        el('td', {}, el('code', {}, f.checkId)),
        el('td', { class: 'result-meta' }, where(f)),
        message,
        el('td', {}, ...highlighted(f.sourceText, f.source)),
        el('td', {}, ...highlighted(f.targetText, f.target)),
      );
    });
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
    table.hidden = report.findings.length === 0;
  }

  function render() {
    if (!report) return;
    const s = report.summary;
    summary.textContent = s.findings + s.waived === 0 ? `${t('summary', { units: s.units, findings: 0, waived: 0 })} — ${t('clean')}` : t('summary', { units: s.units, findings: s.findings, waived: s.waived });
    filters.hidden = false;
    fillFilters();
    renderTable();
    notices.replaceChildren(...report.notices.map((n) => el('li', {}, `${n.file || ''}${n.line ? `:${n.line}` : ''} ${n.message}`)));
    notices.hidden = report.notices.length === 0;
  }

  async function run() {
    if (!files.files.length) {
      summary.textContent = t('noFiles');
      return;
    }
    summary.textContent = t('running');
    runButton.disabled = true;
    try {
      lastForm = true;
      const data = await ctx.api('/api/check', { method: 'POST', body: buildForm('json') });
      report = data.report;
      render();
    } catch (error) {
      report = undefined;
      filters.hidden = true;
      table.hidden = true;
      summary.replaceChildren(el('span', { class: 'error-box', role: 'alert' }, error.message));
    } finally {
      runButton.disabled = false;
    }
  }

  async function download() {
    if (!lastForm) return;
    const format = downloadFormat.value;
    downloadButton.disabled = true;
    try {
      const res = await fetch('/api/check', { method: 'POST', body: buildForm(format) });
      if (!res.ok) throw new Error((await res.json().catch(() => ({}))).error?.localizedMessage || res.statusText);
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = el('a', { href: url, download: `shuyu-check.${format === 'text' ? 'txt' : format}` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      summary.replaceChildren(el('span', { class: 'error-box', role: 'alert' }, error.message));
    } finally {
      downloadButton.disabled = false;
    }
  }

  for (const f of [filterCheck, filterSeverity, filterTerm]) f.addEventListener('change', () => report && renderTable());
  downloadButton.addEventListener('click', download);
  ctx.onLanguageChanged(() => {
    langOptions(sourceLang);
    langOptions(targetLang);
    render();
  });
}
