/**
 * Glossary import/export panel: download a glossary in every format (TBX, XLSX, CSV, TSV, JSON, YAML) with
 * language, status and layout filters; upload a file → preview (dry run: added / changed / skipped with
 * reasons) → apply; a file with bad rows lists every error by row and cell. Text from files and glossaries
 * is always inserted as text nodes.
 */
const EXPORT_FORMATS = ['tbx', 'xlsx', 'csv', 'tsv', 'json', 'yaml'];
const POLICIES = ['skip', 'merge', 'overwrite', 'keep'];
const STATUSES = ['preferred', 'admitted', 'deprecated', 'forbidden'];

export function mount(root, ctx) {
  const { el, t } = ctx;
  let glossaryList = [];
  let previewed = null;

  // ---- export
  const exportGlossary = el('select', { id: 'glossary-export-id' });
  const exportLangs = el('input', { type: 'text', id: 'glossary-export-langs', placeholder: 'zh-Hans,en', size: '14' });
  const exportLayout = el('select', { id: 'glossary-export-layout' });
  const statusBoxes = STATUSES.map((s) => el('input', { type: 'checkbox', value: s, checked: s === 'preferred' || s === 'admitted' || undefined, id: `glossary-export-status-${s}` }));
  const statusLabels = statusBoxes.map((box) => el('label', { class: 'inline' }, box, ' ', el('span', {}, t(`status.${box.value}`))));
  const exportLinks = el('div', { class: 'toolbar', id: 'glossary-export-links' });

  // ---- import
  const file = el('input', { type: 'file', id: 'glossary-import-file', accept: '.tbx,.xlsx,.xls,.ods,.csv,.tsv,.txt,.json,.yaml,.yml' });
  const target = el('input', { type: 'text', id: 'glossary-import-into', list: 'glossary-import-ids', size: '20' });
  const targetIds = el('datalist', { id: 'glossary-import-ids' });
  const policy = el('select', { id: 'glossary-import-policy' });
  const previewButton = el('button', { type: 'submit', class: 'button', id: 'glossary-import-preview', 'data-i18n': 'glossary:preview' }, t('preview'));
  const applyButton = el('button', { type: 'button', class: 'button', id: 'glossary-import-apply', disabled: true, 'data-i18n': 'glossary:apply' }, t('apply'));
  const status = el('p', { class: 'summary', id: 'glossary-import-status', role: 'status', 'aria-live': 'polite' });
  const warnings = el('ul', { id: 'glossary-import-warnings', hidden: true });
  const table = el('table', { class: 'match-table', id: 'glossary-import-table', hidden: true });

  function fillSelects() {
    const keep = exportGlossary.value;
    exportGlossary.replaceChildren(...glossaryList.map((g) => el('option', { value: g.id }, `${g.name} (${g.id}, ${g.conceptCount})`)));
    if (keep) exportGlossary.value = keep;
    targetIds.replaceChildren(...glossaryList.filter((g) => !g.builtIn).map((g) => el('option', { value: g.id }, g.name)));
    const l = exportLayout.value || 'concept';
    exportLayout.replaceChildren(el('option', { value: 'concept' }, t('layoutConcept')), el('option', { value: 'term' }, t('layoutTerm')));
    exportLayout.value = l;
    const p = policy.value || 'skip';
    policy.replaceChildren(...POLICIES.map((x) => el('option', { value: x }, t(`policy.${x}`))));
    policy.value = p;
    statusLabels.forEach((label, i) => label.lastChild.replaceChildren(t(`status.${STATUSES[i]}`)));
    renderLinks();
  }

  function exportUrl(format) {
    const id = exportGlossary.value;
    const q = new URLSearchParams({ format, layout: exportLayout.value || 'concept' });
    if (exportLangs.value.trim()) q.set('lang', exportLangs.value.trim());
    const statuses = statusBoxes.filter((b) => b.checked).map((b) => b.value);
    if (statuses.length && statuses.length < STATUSES.length) q.set('status', statuses.join(','));
    return `/api/glossaries/${encodeURIComponent(id)}/export?${q}`;
  }

  function renderLinks() {
    const disabled = !exportGlossary.value;
    exportLinks.replaceChildren(
      ...EXPORT_FORMATS.map((f) =>
        disabled
          ? el('span', { class: 'button button-secondary disabled' }, f.toUpperCase())
          : el('a', { class: 'button button-secondary', href: exportUrl(f), dataset: { format: f }, id: `glossary-export-${f}` }, f.toUpperCase()),
      ),
    );
  }

  async function loadGlossaries() {
    try {
      glossaryList = (await ctx.api('/api/glossaries')).glossaries;
    } catch {
      glossaryList = [];
    }
    fillSelects();
  }

  function buildForm() {
    const fd = new FormData();
    fd.append('file', file.files[0], file.files[0].name);
    return fd;
  }

  function importUrl(dryRun) {
    const id = target.value.trim() || defaultTarget();
    const q = new URLSearchParams({ onDuplicate: policy.value || 'skip' });
    if (dryRun) q.set('dryRun', '1');
    return `/api/glossaries/${encodeURIComponent(id)}/import?${q}`;
  }

  function defaultTarget() {
    const name = file.files[0] ? file.files[0].name.replace(/\.[^.]*$/, '') : 'imported';
    return name.replace(/[^\p{L}\p{N}._:-]+/gu, '-').replace(/^-+|-+$/g, '') || 'imported';
  }

  function renderReport(report) {
    const c = report.counts;
    const key = report.dryRun ? 'previewSummary' : 'appliedSummary';
    status.textContent = t(key, { file: report.file, glossary: report.glossaryId, added: c.added, changed: c.changed, skipped: c.skipped, unchanged: c.unchanged, duplicates: c.duplicates, total: c.total });
    if (report.createdGlossary) status.append(' ', el('span', { class: 'badge' }, t('newGlossary')));
    warnings.replaceChildren(...report.warnings.map((w) => el('li', {}, `${w.row !== undefined ? `${t('rowN', { n: w.row })}: ` : w.line !== undefined ? `${t('lineN', { n: w.line })}: ` : ''}${w.message}`)));
    warnings.hidden = report.warnings.length === 0;
    const head = el('tr', {}, ...['colAction', 'colConcept', 'colTerms', 'colReason'].map((k) => el('th', { scope: 'col' }, t(k))));
    const rows = report.items.map((i) =>
      el('tr', { class: `import-${i.action}`, dataset: { action: i.action } },
        el('td', {}, el('span', { class: 'badge' }, t(`action.${i.action}`))),
        el('td', {}, el('code', {}, i.fileId && i.fileId !== i.conceptId ? `${i.fileId} → ${i.conceptId}` : i.conceptId)),
        el('td', {}, i.terms),
        el('td', { class: 'result-meta' }, i.reason),
      ),
    );
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
    table.hidden = rows.length === 0;
    if (report.truncated) status.append(' ', el('span', { class: 'result-meta' }, t('truncated')));
  }

  function renderError(error) {
    status.replaceChildren(el('span', { class: 'error-box', role: 'alert' }, error.message));
    warnings.hidden = true;
    const details = error.details || [];
    if (!details.length) {
      table.hidden = true;
      return;
    }
    const head = el('tr', {}, ...['colRow', 'colCell', 'colProblem'].map((k) => el('th', { scope: 'col' }, t(k))));
    const rows = details.map((d) =>
      el('tr', { class: 'import-error' },
        el('td', {}, d.row !== undefined ? t('rowN', { n: d.row }) : d.line !== undefined ? t('lineN', { n: d.line }) : ''),
        el('td', {}, d.cell || d.path || ''),
        el('td', {}, d.message),
      ),
    );
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
    table.hidden = false;
  }

  async function send(dryRun) {
    if (!file.files.length) {
      status.textContent = t('noFile');
      return;
    }
    status.textContent = dryRun ? t('previewing') : t('applying');
    previewButton.disabled = true;
    applyButton.disabled = true;
    try {
      const data = await ctx.api(importUrl(dryRun), { method: 'POST', body: buildForm() });
      renderReport(data.report);
      previewed = dryRun ? { name: file.files[0].name, policy: policy.value, into: target.value } : null;
      applyButton.disabled = !dryRun;
      if (!dryRun) await loadGlossaries();
    } catch (error) {
      previewed = null;
      renderError(error);
    } finally {
      previewButton.disabled = false;
    }
  }

  root.append(
    el('p', { class: 'panel-intro', 'data-i18n': 'glossary:intro' }, t('intro')),
    el('h2', { 'data-i18n': 'glossary:exportTitle' }, t('exportTitle')),
    el('div', { class: 'field' }, el('label', { for: 'glossary-export-id', 'data-i18n': 'glossary:glossary' }, t('glossary')), exportGlossary),
    el('div', { class: 'field' },
      el('label', { for: 'glossary-export-langs', 'data-i18n': 'glossary:languages' }, t('languages')), exportLangs, ' ',
      el('label', { for: 'glossary-export-layout', 'data-i18n': 'glossary:layout' }, t('layout')), exportLayout),
    el('div', { class: 'field' }, el('span', { 'data-i18n': 'glossary:statuses' }, t('statuses')), ' ', ...statusLabels),
    exportLinks,
    el('h2', { 'data-i18n': 'glossary:importTitle' }, t('importTitle')),
    el('form', { on: { submit: (e) => { e.preventDefault(); send(true); } } },
      el('div', { class: 'field' }, el('label', { for: 'glossary-import-file', 'data-i18n': 'glossary:file' }, t('file')), file),
      el('div', { class: 'field' },
        el('label', { for: 'glossary-import-into', 'data-i18n': 'glossary:into' }, t('into')), target, targetIds, ' ',
        el('label', { for: 'glossary-import-policy', 'data-i18n': 'glossary:onDuplicate' }, t('onDuplicate')), policy),
      el('div', { class: 'toolbar' }, previewButton, applyButton),
    ),
    status,
    warnings,
    table,
  );

  for (const x of [exportGlossary, exportLayout, ...statusBoxes]) x.addEventListener('change', renderLinks);
  exportLangs.addEventListener('input', renderLinks);
  for (const x of [file, policy, target]) {
    x.addEventListener('change', () => {
      // a changed file or option needs a new preview before applying
      if (previewed) applyButton.disabled = true;
      previewed = null;
    });
  }
  applyButton.addEventListener('click', () => send(false));
  ctx.onLanguageChanged(() => fillSelects());
  loadGlossaries();
}
