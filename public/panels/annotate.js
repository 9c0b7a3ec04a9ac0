/**
 * Annotate panel: paste text, get every glossary term highlighted. Hovering or focusing a highlight shows
 * the concept's zh ↔ en pair, the status of the term used and the concept id; a table lists the matches.
 * The text is rebuilt with text nodes and spans (never innerHTML).
 */
const DEBOUNCE_MS = 400;

export function mount(root, ctx) {
  const { el, t } = ctx;
  let matches = [];
  let annotatedText = '';
  let lastError;
  let seq = 0;
  let timer;

  const textarea = el('textarea', {
    class: 'textarea',
    id: 'annotate-input',
    rows: '7',
    spellcheck: 'false',
    'data-i18n-placeholder': 'annotate:placeholder',
    placeholder: t('placeholder'),
  });
  const runButton = el('button', { type: 'submit', class: 'button', id: 'annotate-run', 'data-i18n': 'annotate:run' }, t('run'));
  const sampleButton = el('button', { type: 'button', class: 'button button-secondary', id: 'annotate-sample', 'data-i18n': 'annotate:sample' }, t('sample'));
  const summary = el('p', { class: 'summary', id: 'annotate-summary', role: 'status', 'aria-live': 'polite' });
  // script of the Chinese text: Taiwan vocabulary (人工智慧) counts in Traditional text only
  const scriptSelect = el('select', { id: 'annotate-script' });
  const scriptOptions = () =>
    scriptSelect.replaceChildren(...['auto', 'simplified', 'traditional'].map((v) => el('option', { value: v }, t(`script.${v}`))));
  scriptOptions();
  const output = el('div', { class: 'card annotated', id: 'annotate-output', hidden: true });
  const table = el('table', { class: 'match-table', hidden: true });
  const tooltip = el('div', { class: 'tooltip', id: 'annotate-tooltip', role: 'tooltip', hidden: true });
  const wrapper = el('div', { style: undefined }, output, tooltip);
  wrapper.style.position = 'relative';

  root.append(
    el('p', { class: 'panel-intro', 'data-i18n': 'annotate:intro' }, t('intro')),
    el('form', { on: { submit: (e) => { e.preventDefault(); run(); } } },
      el('div', { class: 'field' },
        el('label', { for: 'annotate-input', 'data-i18n': 'annotate:label' }, t('label')),
        textarea,
      ),
      el('div', { class: 'toolbar' },
        runButton,
        sampleButton,
        el('label', { for: 'annotate-script' }, el('span', { 'data-i18n': 'annotate:scriptLabel' }, t('scriptLabel')), ' ', scriptSelect),
        summary,
      ),
    ),
    wrapper,
    el('div', { class: 'table-scroll' }, table),
  );

  function badge(status) {
    return el('span', { class: `badge badge-${status}` }, t(`common:status.${status}`));
  }

  function pairText(m) {
    return [m.pair.zh, m.pair.en].filter(Boolean).join(' ↔ ') || m.term;
  }

  /** How the text matched its term (exact, case, width, script, inflection), in the interface language. */
  function howText(m) {
    return m.how.map((h) => t(`howValue.${h}`, { defaultValue: h })).join(', ');
  }

  function showTooltip(mark) {
    const m = matches[Number(mark.dataset.index)];
    if (!m) return;
    tooltip.replaceChildren(
      el('div', { class: 'tooltip-pair' }, pairText(m)),
      el('div', {}, `${t('termUsed')}: `, el('span', { lang: m.lang }, m.term), badge(m.status)),
      el('div', { class: 'tooltip-meta' }, `${t('common:concept')}: ${m.glossaryId} · ${m.conceptId}`),
      el('div', { class: 'tooltip-meta' }, `${t('how')}: ${howText(m)}`),
    );
    tooltip.hidden = false;
    const box = wrapper.getBoundingClientRect();
    const r = mark.getBoundingClientRect();
    const left = Math.max(0, Math.min(r.left - box.left, box.width - tooltip.offsetWidth));
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${r.bottom - box.top + 6}px`;
    mark.setAttribute('aria-describedby', 'annotate-tooltip');
  }

  function hideTooltip(mark) {
    tooltip.hidden = true;
    mark?.removeAttribute('aria-describedby');
  }

  function renderOutput() {
    const nodes = [];
    let at = 0;
    matches.forEach((m, i) => {
      if (m.start < at) return; // overlapping match already shown
      if (m.start > at) nodes.push(document.createTextNode(annotatedText.slice(at, m.start)));
      nodes.push(
        el('mark', {
          class: `term-mark status-${m.status}`,
          tabindex: '0',
          dataset: { index: String(i), conceptId: m.conceptId, status: m.status },
          'aria-label': `${m.text}: ${pairText(m)}, ${t(`common:status.${m.status}`)}`,
        }, m.text),
      );
      at = m.end;
    });
    if (at < annotatedText.length) nodes.push(document.createTextNode(annotatedText.slice(at)));
    output.replaceChildren(...nodes);
    output.hidden = annotatedText.length === 0;
  }

  function renderTable() {
    if (!matches.length) {
      table.hidden = true;
      table.replaceChildren();
      return;
    }
    const head = el('tr', {}, ...['colPosition', 'colText', 'colPair', 'colStatus', 'colHow', 'colConcept'].map((k) => el('th', { scope: 'col' }, t(k))));
    const rows = matches.map((m) =>
      el('tr', {},
        el('td', {}, `${m.line}:${m.column}`),
        el('td', { lang: m.lang }, m.text),
        el('td', {}, pairText(m)),
        el('td', {}, badge(m.status)),
        el('td', { class: 'match-how' }, howText(m)),
        el('td', { class: 'result-meta' }, `${m.glossaryId} · ${m.conceptId}`),
      ),
    );
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
    table.hidden = false;
  }

  function render() {
    if (lastError) {
      summary.textContent = '';
      output.hidden = false;
      output.replaceChildren(el('span', { class: 'error-box', role: 'alert' }, lastError.message));
      table.hidden = true;
      return;
    }
    summary.textContent = annotatedText ? (matches.length ? t('summary', { count: matches.length }) : t('none')) : '';
    renderOutput();
    renderTable();
  }

  async function run() {
    clearTimeout(timer);
    const text = textarea.value;
    const mine = ++seq;
    if (!text.trim()) {
      annotatedText = '';
      matches = [];
      lastError = undefined;
      render();
      return;
    }
    summary.textContent = t('running');
    runButton.disabled = true;
    try {
      const data = await ctx.api('/api/annotate', { method: 'POST', body: { text, script: scriptSelect.value } });
      if (mine !== seq) return;
      annotatedText = text;
      matches = data.matches;
      lastError = undefined;
    } catch (error) {
      if (mine !== seq) return;
      lastError = error;
    } finally {
      if (mine === seq) runButton.disabled = false;
    }
    hideTooltip();
    render();
  }

  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  sampleButton.addEventListener('click', () => {
    textarea.value = t('sampleText');
    run();
  });
  output.addEventListener('mouseover', (e) => {
    const mark = e.target.closest?.('.term-mark');
    if (mark) showTooltip(mark);
  });
  output.addEventListener('mouseout', (e) => {
    const mark = e.target.closest?.('.term-mark');
    if (mark && !mark.contains(e.relatedTarget)) hideTooltip(mark);
  });
  output.addEventListener('focusin', (e) => {
    if (e.target.classList?.contains('term-mark')) showTooltip(e.target);
  });
  output.addEventListener('focusout', (e) => {
    if (e.target.classList?.contains('term-mark')) hideTooltip(e.target);
  });
  output.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hideTooltip(e.target);
  });
  scriptSelect.addEventListener('change', () => annotatedText && run());
  ctx.onLanguageChanged(() => {
    hideTooltip();
    const chosen = scriptSelect.value;
    scriptOptions();
    scriptSelect.value = chosen;
    render();
  });
}
