/**
 * Lookup panel: search as you type (debounced) in Chinese, English, pinyin (ckgz, chukou) or traditional
 * script. Each result shows the preferred zh ↔ en pair with status, the other terms with status and pinyin,
 * the definition and why it was found. Keyboard: ↓/↑ move between the box and the results, Esc clears.
 */
import { openConceptEditor } from '/panels/concept-editor.js';
import { markFirst } from '/panels/mark.js';

const DEBOUNCE_MS = 180;
const LIMIT = 10;

export function mount(root, ctx) {
  const { el, t } = ctx;
  let results = [];
  let query = '';
  let seq = 0;
  let timer;
  let controller;
  let lastError;
  /** Ids of the glossaries that can be edited (not built in), from /api/glossaries. */
  let editable = new Set();
  let editableList = [];
  let editing = false;

  async function loadGlossaries() {
    try {
      const data = await ctx.api('/api/glossaries');
      editableList = data.glossaries.filter((g) => !g.builtIn);
      editable = new Set(editableList.map((g) => g.id));
    } catch {
      editable = new Set();
      editableList = [];
    }
  }

  /** Opens the editor for a new concept above the results, prefilled with the query. */
  function newConcept() {
    const han = /\p{Script=Han}/u.test(query);
    const terms = [
      { text: han ? query : '', lang: 'zh-Hans', status: 'preferred' },
      { text: han ? '' : query, lang: 'en', status: 'preferred' },
    ];
    editing = true;
    newBox.hidden = false;
    newButton.hidden = true;
    openConceptEditor(ctx, newBox, {
      draft: { terms },
      glossaries: editableList,
      onClose: (result) => {
        editing = false;
        newBox.hidden = true;
        newBox.replaceChildren();
        if (result.saved) {
          run(true).then(() => { status.textContent = t('editor.saved', { id: result.saved.id }); });
        } else render();
      },
    });
  }

  const input = el('input', {
    class: 'input input-search',
    id: 'lookup-input',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-controls': 'lookup-results',
    'aria-describedby': 'lookup-hint',
    'data-i18n-placeholder': 'lookup:placeholder',
    placeholder: t('placeholder'),
  });
  const status = el('p', { class: 'summary', id: 'lookup-status', role: 'status', 'aria-live': 'polite' });
  const list = el('ol', { class: 'results', id: 'lookup-results', 'data-i18n-aria-label': 'lookup:results', 'aria-label': t('results') });
  const newButton = el('button', { type: 'button', class: 'button button-secondary button-small', id: 'lookup-new', hidden: true, 'data-i18n': 'lookup:editor.new' }, t('editor.new'));
  newButton.addEventListener('click', newConcept);
  const newBox = el('div', { class: 'card', id: 'lookup-new-concept', hidden: true });

  root.append(
    el('form', { role: 'search', class: 'field', on: { submit: (e) => { e.preventDefault(); run(true); } } },
      el('label', { for: 'lookup-input', 'data-i18n': 'lookup:label' }, t('label')),
      input,
      el('span', { class: 'hint', id: 'lookup-hint', 'data-i18n': 'lookup:hint' }, t('hint')),
    ),
    el('div', { class: 'toolbar' }, status, newButton),
    newBox,
    list,
  );

  function badge(statusName) {
    return el('span', { class: `badge badge-${statusName}`, dataset: { status: statusName } }, t(`common:status.${statusName}`));
  }

  function langLabel(tag) {
    return t(`common:lang.${tag}`, { defaultValue: tag });
  }

  function reasonText(r) {
    const why = t(`reason.${r.reason}`, { defaultValue: r.reason });
    // the engine's detail is English: show it only in the English interface
    if (!r.detail || ctx.lang() !== 'en') return why;
    return r.detail.startsWith(why) ? r.detail : `${why} (${r.detail})`;
  }

  function renderResult(r, i) {
    const pair = el('div', { class: 'pair' });
    if (r.pair.zh) pair.append(el('span', { class: 'pair-zh', lang: 'zh-Hans' }, r.pair.zh));
    if (r.pair.zh && r.pair.en) pair.append(el('span', { class: 'pair-arrow', 'aria-hidden': 'true' }, '↔'));
    if (r.pair.en) pair.append(el('span', { class: 'pair-en', lang: 'en' }, r.pair.en));
    if (!r.pair.zh && !r.pair.en) pair.append(el('span', {}, r.matched));
    const pairStatus = r.pairStatus.en || r.pairStatus.zh;
    if (pairStatus) pair.append(badge(pairStatus));

    const head = el('div', { class: 'result-head' }, pair, el('span', { class: 'result-meta' }, `${r.glossaryId} · ${r.conceptId}`));
    if (editable.has(r.glossaryId)) {
      const edit = el('button', { type: 'button', class: 'button button-secondary button-small edit-concept', 'aria-label': t('editor.editLabel', { id: r.conceptId }) }, t('editor.edit'));
      edit.addEventListener('click', () => {
        editing = true;
        openConceptEditor(ctx, card, {
          glossaryId: r.glossaryId,
          conceptId: r.conceptId,
          onClose: (result) => {
            editing = false;
            if (result.saved || result.deleted) {
              run(true).then(() => { status.textContent = t(result.saved ? 'editor.saved' : 'editor.deleted', { id: r.conceptId }); });
            } else render();
          },
        });
      });
      head.append(edit);
    }
    const reason = el('p', { class: 'reason' }, `${t('foundBy')} `, el('strong', {}, reasonText(r)), ' · ', el('span', { lang: r.matchedLang }, r.matched));
    if (r.subjectField) reason.append(' · ', el('span', {}, `${t('common:subjectField')}: ${r.subjectField}`));

    const card = el('li', { class: 'card result', tabindex: '0', dataset: { conceptId: r.conceptId, index: String(i) } }, head, reason);
    const defs = Object.entries(r.definitions || {});
    const uiZh = ctx.lang() === 'zh';
    defs.sort(([a], [b]) => Number(b.startsWith('zh') === uiZh) - Number(a.startsWith('zh') === uiZh));
    for (const [lang, text] of defs) {
      card.append(el('p', { class: 'definition' }, el('span', { class: 'definition-lang' }, langLabel(lang)), el('span', { lang }, text)));
    }
    const terms = el('ul', { class: 'term-list', 'aria-label': t('common:terms') });
    for (const term of r.terms) {
      terms.append(
        el('li', {},
          el('span', { class: 'term-lang' }, term.lang),
          el('span', { class: `term-text is-${term.status}`, lang: term.lang }, term.text),
          term.pinyin ? el('span', { class: 'pinyin', title: t('common:pinyin') }, term.pinyin) : null,
          badge(term.status),
          term.note ? el('span', { class: 'term-note' }, term.note) : null,
          term.context
            ? el('div', { class: 'term-context' }, el('span', { class: 'context-label' }, t('common:example')), ' ', el('span', { lang: term.lang }, ...markFirst(el, term.context, [term.text])))
            : null,
        ),
      );
    }
    card.append(terms);
    return card;
  }

  function render() {
    if (lastError) {
      status.textContent = '';
      list.replaceChildren(el('li', { class: 'error-box', role: 'alert' }, lastError.message));
      return;
    }
    if (!query) {
      status.textContent = '';
      newButton.hidden = true;
      list.replaceChildren();
      return;
    }
    status.textContent = results.length ? t('resultCount', { count: results.length }) : t('noResults', { query });
    newButton.hidden = editing;
    list.replaceChildren(...results.map(renderResult));
  }

  async function run(immediate = false) {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!immediate) {
      timer = setTimeout(() => run(true), DEBOUNCE_MS);
      return;
    }
    controller?.abort();
    const mine = ++seq;
    if (!q) {
      query = '';
      results = [];
      lastError = undefined;
      render();
      return;
    }
    controller = new AbortController();
    status.textContent = t('searching');
    try {
      const [data] = await Promise.all([ctx.api(`/api/lookup?${new URLSearchParams({ q, limit: String(LIMIT) })}`, { signal: controller.signal }), loadGlossaries()]);
      if (mine !== seq) return;
      query = q;
      results = data.results;
      lastError = undefined;
    } catch (error) {
      if (mine !== seq || error.name === 'AbortError') return;
      query = q;
      results = [];
      lastError = error;
    }
    render();
  }

  input.addEventListener('input', () => run());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && list.firstElementChild) {
      event.preventDefault();
      list.firstElementChild.focus();
    } else if (event.key === 'Escape') {
      input.value = '';
      run(true);
    }
  });
  list.addEventListener('keydown', (event) => {
    if (event.target.closest('.concept-editor')) return;
    const card = event.target.closest('.result');
    if (!card) return;
    if (event.key === 'ArrowDown' && card.nextElementSibling) {
      event.preventDefault();
      card.nextElementSibling.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      (card.previousElementSibling || input).focus();
    } else if (event.key === 'Escape') {
      input.focus();
    }
  });
  ctx.onLanguageChanged(() => {
    if (!editing) render();
  });
  loadGlossaries().then(() => results.length && !editing && render());
  input.focus();
}
