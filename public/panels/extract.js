/**
 * Extract panel: paste text or upload documents (or aligned zh–en files), get ranked candidate terms and
 * zh–en pairs with their context; edit a candidate, accept it into a chosen glossary (the context sentence
 * becomes the term's example) or reject it for that glossary. All user text is inserted as text nodes.
 */
import { markFirst } from '/panels/mark.js';

export function mount(root, ctx) {
  const { el, t } = ctx;
  let result;
  let parallel;
  let busy = false;

  const textarea = el('textarea', { class: 'textarea', id: 'extract-input', rows: '7', spellcheck: 'false', 'data-i18n-placeholder': 'extract:placeholder', placeholder: t('placeholder') });
  const files = el('input', { type: 'file', id: 'extract-files', multiple: true });
  const parallelBox = el('input', { type: 'checkbox', id: 'extract-parallel' });
  const langSelect = el('select', { id: 'extract-lang' },
    ...['auto', 'zh', 'en'].map((v) => el('option', { value: v, 'data-i18n': `extract:lang.${v}` }, t(`lang.${v}`))));
  const topInput = el('input', { type: 'number', id: 'extract-top', min: '1', max: '1000', value: '100' });
  const multiWordBox = el('input', { type: 'checkbox', id: 'extract-multiword' });
  const glossarySelect = el('select', { id: 'extract-glossary' });
  const runButton = el('button', { type: 'submit', class: 'button', id: 'extract-run', 'data-i18n': 'extract:run' }, t('run'));
  const summary = el('p', { class: 'summary', id: 'extract-summary', role: 'status', 'aria-live': 'polite' });
  const candidatesBox = el('div', { id: 'extract-candidates' });
  const pairsBox = el('div', { id: 'extract-pairs' });

  root.append(
    el('p', { class: 'panel-intro', 'data-i18n': 'extract:intro' }, t('intro')),
    el('form', { on: { submit: (e) => { e.preventDefault(); run(); } } },
      el('div', { class: 'field' }, el('label', { for: 'extract-input', 'data-i18n': 'extract:label' }, t('label')), textarea),
      el('div', { class: 'field' }, el('label', { for: 'extract-files', 'data-i18n': 'extract:files' }, t('files')), files),
      el('div', { class: 'toolbar' },
        el('label', { for: 'extract-lang', 'data-i18n': 'extract:langLabel' }, t('langLabel')), langSelect,
        el('label', { for: 'extract-top', 'data-i18n': 'extract:top' }, t('top')), topInput,
        el('label', { for: 'extract-multiword', 'data-i18n-title': 'extract:multiWordHint', title: t('multiWordHint') }, multiWordBox, ' ', el('span', { 'data-i18n': 'extract:multiWord' }, t('multiWord'))),
        el('label', { for: 'extract-parallel' }, parallelBox, ' ', el('span', { 'data-i18n': 'extract:parallel' }, t('parallel'))),
      ),
      el('div', { class: 'toolbar' },
        el('label', { for: 'extract-glossary', 'data-i18n': 'extract:glossary' }, t('glossary')), glossarySelect,
        runButton, summary,
      ),
    ),
    candidatesBox,
    pairsBox,
  );

  async function loadGlossaries() {
    try {
      const data = await ctx.api('/api/glossaries');
      const list = (data.glossaries || data || []).filter((g) => !g.builtIn);
      glossarySelect.replaceChildren(
        el('option', { value: '' }, t('noGlossary')),
        ...list.map((g) => el('option', { value: g.id }, `${g.name} (${g.id})`)),
      );
    } catch {
      glossarySelect.replaceChildren(el('option', { value: '' }, t('noGlossary')));
    }
  }

  function showError(error) {
    summary.textContent = '';
    candidatesBox.replaceChildren(el('p', { class: 'error-box', role: 'alert' }, error.message));
  }

  async function run() {
    if (busy) return;
    const glossary = glossarySelect.value;
    const chosen = [...(files.files || [])];
    if (!textarea.value.trim() && chosen.length === 0) return;
    busy = true;
    runButton.disabled = true;
    summary.textContent = t('running');
    // multi-word terms only: candidates of two or more words (Chinese: two or more segments, 出口|管制)
    const lengths = multiWordBox.checked ? { minWords: 2 } : {};
    try {
      if (parallelBox.checked) {
        let body;
        if (chosen.length) {
          body = new FormData();
          for (const f of chosen) body.append('files', f, f.name);
          if (glossary) body.append('rejectionsFor', glossary);
          for (const [k, v] of Object.entries(lengths)) body.append(k, String(v));
        } else {
          const segments = textarea.value.split('\n').filter((l) => l.includes('\t')).map((l) => {
            const [zh, en] = l.split('\t');
            return { zh, en };
          });
          body = { segments, ...lengths, ...(glossary ? { rejectionsFor: glossary } : {}) };
        }
        const data = await ctx.api('/api/extract/parallel', { method: 'POST', body });
        parallel = data.result;
        result = { candidates: [...parallel.zh.candidates, ...parallel.en.candidates], documents: parallel.zh.documents };
      } else {
        let body;
        const common = { lang: langSelect.value, top: Number(topInput.value) || 100, ...lengths, ...(glossary ? { rejectionsFor: glossary } : {}) };
        if (chosen.length) {
          body = new FormData();
          for (const f of chosen) body.append('files', f, f.name);
          for (const [k, v] of Object.entries(common)) body.append(k, String(v));
          if (textarea.value.trim()) body.append('text', textarea.value);
        } else {
          body = { text: textarea.value, ...common };
        }
        const data = await ctx.api('/api/extract', { method: 'POST', body });
        result = data.result;
        parallel = undefined;
      }
      render();
    } catch (error) {
      showError(error);
    } finally {
      busy = false;
      runButton.disabled = false;
    }
  }

  function render() {
    if (!result) return;
    summary.textContent = t('summary', { count: result.candidates.length, pairs: parallel ? parallel.pairs.length : 0 });
    candidatesBox.replaceChildren(candidateTable(result.candidates));
    pairsBox.replaceChildren(...(parallel ? [el('h3', {}, t('pairsTitle')), pairTable(parallel.pairs)] : []));
  }

  function actionCell(getInput, onDone, rejectInfo) {
    const status = el('span', { class: 'result-meta', role: 'status' });
    const accept = el('button', { type: 'button', class: 'button', dataset: { action: 'accept' } }, t('accept'));
    const reject = el('button', { type: 'button', class: 'button button-secondary', dataset: { action: 'reject' } }, t('reject'));
    accept.addEventListener('click', async () => {
      const glossary = glossarySelect.value;
      if (!glossary) { status.textContent = t('chooseGlossary'); return; }
      try {
        const data = await ctx.api('/api/extract/accept', { method: 'POST', body: { glossary, ...getInput() } });
        status.textContent = t('accepted', { id: data.concept.id });
        accept.disabled = true;
        reject.disabled = true;
        onDone?.();
      } catch (error) {
        status.textContent = error.message;
      }
    });
    reject.addEventListener('click', async () => {
      const glossary = glossarySelect.value;
      if (!glossary) { status.textContent = t('chooseGlossary'); return; }
      try {
        await ctx.api('/api/extract/reject', { method: 'POST', body: { glossary, ...rejectInfo() } });
        status.textContent = t('rejected');
        accept.disabled = true;
        reject.disabled = true;
      } catch (error) {
        status.textContent = error.message;
      }
    });
    return el('td', {}, accept, ' ', reject, ' ', status);
  }

  /** A score for reading: three significant digits (the exact value is in the cell's title). */
  function formatScore(score) {
    return Math.abs(score) >= 100 ? String(Math.round(score)) : String(Number(score.toPrecision(3)));
  }

  function candidateTable(candidates) {
    const head = el('tr', {}, ...['colTerm', 'colOther', 'colFreq', 'colScore', 'colContext', 'colActions'].map((k) => el('th', { scope: 'col' }, t(k))));
    const rows = candidates.map((c) => {
      const termInput = el('input', { type: 'text', value: c.text, 'aria-label': t('colTerm'), lang: c.lang === 'zh' ? 'zh' : 'en' });
      const otherInput = el('input', { type: 'text', value: (c.definedAs || [])[0] || '', 'aria-label': t('colOther'), placeholder: c.lang === 'zh' ? 'English' : '中文' });
      const context = (c.contexts[0] && c.contexts[0].sentence) || '';
      const known = c.known ? el('div', { class: 'result-meta' }, t('known', { concept: `${c.known.glossaryId} · ${c.known.conceptId}` })) : null;
      const input = () => {
        const term = termInput.value.trim();
        const other = otherInput.value.trim();
        return c.lang === 'zh'
          ? { zh: term, en: other || undefined, contextZh: context }
          : { en: term, zh: other || undefined, contextEn: context };
      };
      return el('tr', { class: c.known ? 'known' : '', dataset: { key: c.key } },
        el('td', {}, termInput, ...(c.variants.length ? [el('div', { class: 'result-meta' }, c.variants.join(', '))] : []), ...(known ? [known] : [])),
        el('td', {}, otherInput),
        el('td', {}, String(c.frequency)),
        el('td', { title: String(c.score) }, formatScore(c.score)),
        el('td', { class: 'context', lang: c.lang === 'zh' ? 'zh' : 'en' }, ...markFirst(el, context, [c.text, ...c.variants])),
        c.known ? el('td', {}) : actionCell(input, undefined, () => ({ text: c.text, lang: c.lang })),
      );
    });
    return el('table', { class: 'match-table', id: 'extract-table' }, el('thead', {}, head), el('tbody', {}, ...rows));
  }

  function pairTable(pairs) {
    const head = el('tr', {}, ...['colZh', 'colEn', 'colConfidence', 'colSource', 'colContext', 'colActions'].map((k) => el('th', { scope: 'col' }, t(k))));
    const rows = pairs.map((p) => {
      const zhInput = el('input', { type: 'text', value: p.zh, lang: 'zh', 'aria-label': t('colZh') });
      const enInput = el('input', { type: 'text', value: p.en, lang: 'en', 'aria-label': t('colEn') });
      const ex = p.examples[0] || { zh: '', en: '' };
      return el('tr', {},
        el('td', {}, zhInput),
        el('td', {}, enInput),
        el('td', {}, String(p.confidence)),
        el('td', {}, t(`source.${p.source}`)),
        el('td', { class: 'context' }, el('div', { lang: 'zh' }, ex.zh), el('div', { lang: 'en' }, ex.en)),
        p.known ? el('td', { class: 'result-meta' }, t('known', { concept: `${p.known.glossaryId} · ${p.known.conceptId}` }))
          : actionCell(() => ({ zh: zhInput.value.trim(), en: enInput.value.trim(), contextZh: ex.zh, contextEn: ex.en }), undefined, () => ({ text: p.zh, lang: 'zh' })),
      );
    });
    return el('table', { class: 'match-table', id: 'extract-pairs-table' }, el('thead', {}, head), el('tbody', {}, ...rows));
  }

  loadGlossaries();
  ctx.onLanguageChanged(() => render());
}
