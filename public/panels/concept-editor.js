/**
 * Concept editor, opened from a lookup result of a glossary that is not built in: subject field, definitions
 * per language, and the terms (text, language, status, part of speech, note, context example), with terms added
 * and removed. Saving sends the revision the copy was based on (optimistic concurrency): when someone else saved
 * in between, the server answers 409 and the editor offers to reload their version instead of overwriting it.
 * Fields the form does not show (notes, source, term type, case sensitivity, specs, extra data) are kept as loaded.
 * Everything is inserted as text nodes or input values.
 */
const STATUSES = ['preferred', 'admitted', 'deprecated', 'forbidden'];
const BASE_LANGS = ['zh-Hans', 'zh-Hant', 'en'];
const DEF_LANGS = ['zh-Hans', 'en'];

/**
 * Replaces the children of `host` with an editor for one concept. `onClose(result)` is called with
 * `{ saved: concept }`, `{ deleted: true }` or `{}` (cancelled). With `draft` ({ terms }) instead of a concept id it
 * creates a new concept: in one of `glossaries` (the editable ones), or, when there is none yet, in a glossary of
 * one's own created on the way (`my-terms` unless renamed); the id defaults to a slug of the English term.
 */
export async function openConceptEditor(ctx, host, { glossaryId, conceptId, draft, glossaries = [], onClose }) {
  const { el, t } = ctx;
  const isNew = draft !== undefined;
  const urlOf = (g, id) => `/api/glossaries/${encodeURIComponent(g)}/concepts/${encodeURIComponent(id)}`;
  const url = isNew ? '' : urlOf(glossaryId, conceptId);
  const status = el('p', { class: 'summary editor-status', role: 'status', 'aria-live': 'polite' });
  let original;

  async function load() {
    if (isNew) {
      original = { id: '', definitions: {}, notes: [], terms: draft.terms, revision: 0 };
      render();
      return;
    }
    host.replaceChildren(el('p', { class: 'summary' }, t('common:loading')));
    try {
      original = (await ctx.api(url)).concept;
      render();
    } catch (error) {
      host.replaceChildren(el('p', { class: 'error-box', role: 'alert' }, error.message), closeButton());
    }
  }

  function closeButton() {
    return el('button', { type: 'button', class: 'button button-secondary', on: { click: () => onClose({}) } }, t('editor.cancel'));
  }

  function select(options, value, label) {
    const s = el('select', { 'aria-label': label }, ...options.map(([v, text]) => el('option', { value: v }, text)));
    s.value = value;
    return s;
  }

  function termRow(term, index) {
    const langs = [...new Set([...BASE_LANGS, term.lang].filter(Boolean))];
    const row = el('tr', { class: 'editor-term', dataset: { index: String(index) } });
    const text = el('input', { type: 'text', class: 'term-input-text', value: term.text ?? '', 'aria-label': t('editor.text'), lang: term.lang ?? '' });
    const lang = select(langs.map((l) => [l, l]), term.lang ?? 'en', t('editor.lang'));
    const st = select(STATUSES.map((s) => [s, t(`common:status.${s}`)]), term.status ?? 'admitted', t('editor.status'));
    const pos = el('input', { type: 'text', class: 'term-input-pos', value: term.partOfSpeech ?? '', 'aria-label': t('editor.partOfSpeech'), size: '8' });
    const note = el('input', { type: 'text', class: 'term-input-note', value: term.note ?? '', 'aria-label': t('editor.note') });
    const context = el('input', { type: 'text', class: 'term-input-context', value: term.context ?? '', 'aria-label': t('editor.context') });
    const remove = el('button', { type: 'button', class: 'button button-secondary button-small', 'aria-label': t('editor.removeTerm') }, '×');
    remove.addEventListener('click', () => row.remove());
    row.append(...[text, lang, st, pos, note, context, remove].map((c) => el('td', {}, c)));
    row.read = () => {
      const base = index >= 0 ? { ...original.terms[index] } : {};
      const out = { ...base, text: text.value.trim(), lang: lang.value, status: st.value };
      for (const [key, input] of [['partOfSpeech', pos], ['note', note], ['context', context]]) {
        const v = input.value.trim();
        if (v) out[key] = v;
        else delete out[key];
      }
      return out;
    };
    return row;
  }

  function render() {
    const subject = el('input', { type: 'text', id: 'editor-subject', value: original.subjectField ?? '' });
    const defLangs = [...new Set([...DEF_LANGS, ...Object.keys(original.definitions ?? {})])];
    const defs = defLangs.map((lang) => {
      const area = el('textarea', { class: 'textarea editor-definition', rows: '2', lang, dataset: { lang } });
      area.value = original.definitions?.[lang] ?? '';
      return el('div', { class: 'field' }, el('label', {}, `${t('editor.definition')} (${t(`common:lang.${lang}`, { defaultValue: lang })})`), area);
    });
    const tbody = el('tbody', {}, ...original.terms.map((term, i) => termRow(term, i)));
    const head = el('tr', {}, ...['text', 'lang', 'status', 'partOfSpeech', 'note', 'context', 'remove'].map((k) => el('th', { scope: 'col' }, k === 'remove' ? '' : t(`editor.${k}`))));
    const addTerm = el('button', { type: 'button', class: 'button button-secondary', id: 'editor-add-term' }, t('editor.addTerm'));
    addTerm.addEventListener('click', () => {
      const row = termRow({ lang: ctx.lang() === 'zh' ? 'zh-Hans' : 'en', status: 'admitted', text: '' }, -1);
      tbody.append(row);
      row.querySelector('input')?.focus();
    });
    const save = el('button', { type: 'submit', class: 'button', id: 'editor-save' }, t('editor.save'));
    const remove = el('button', { type: 'button', class: 'button button-secondary button-danger', id: 'editor-delete' }, t('editor.delete'));
    remove.addEventListener('click', () => destroy(remove));

    const title = isNew ? t('editor.newTitle') : t('editor.title', { id: original.id });
    const idInput = el('input', { type: 'text', id: 'editor-id', placeholder: t('editor.idPlaceholder'), spellcheck: 'false' });
    const glossaryInput = glossaries.length
      ? select(glossaries.map((g) => [g.id, `${g.name} (${g.id})`]), glossaries[0].id, t('editor.glossary'))
      : el('input', { type: 'text', value: 'my-terms', spellcheck: 'false' });
    glossaryInput.id = 'editor-glossary';
    const newFields = isNew
      ? [
          el('div', { class: 'field' }, el('label', { for: 'editor-glossary' }, glossaries.length ? t('editor.glossary') : t('editor.newGlossary')), glossaryInput),
          el('div', { class: 'field' }, el('label', { for: 'editor-id' }, t('editor.id')), idInput),
        ]
      : [];
    const form = el('form', { class: 'concept-editor', 'aria-label': title },
      el('h3', {}, title, ' ', isNew ? null : el('span', { class: 'result-meta' }, `${glossaryId} · ${t('editor.revision', { revision: original.revision })}`)),
      ...newFields,
      el('div', { class: 'field' }, el('label', { for: 'editor-subject' }, t('common:subjectField')), subject),
      ...defs,
      el('div', { class: 'table-scroll' }, el('table', { class: 'match-table editor-terms' }, el('thead', {}, head), tbody)),
      el('div', { class: 'toolbar' }, addTerm),
      el('div', { class: 'toolbar' }, save, closeButton(), isNew ? null : remove, status),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const definitions = {};
      for (const area of form.querySelectorAll('.editor-definition')) {
        const v = area.value.trim();
        if (v) definitions[area.dataset.lang] = v;
      }
      const concept = {
        ...original,
        subjectField: subject.value.trim() || undefined,
        definitions,
        terms: [...tbody.querySelectorAll('tr.editor-term')].map((row) => row.read()).filter((term) => term.text),
      };
      for (const key of ['glossaryId', 'revision', 'createdAt', 'updatedAt']) delete concept[key];
      if (concept.subjectField === undefined) delete concept.subjectField;
      if (isNew && concept.terms.length === 0) {
        // nothing to store: say so before a glossary of one's own is created for it
        status.replaceChildren(el('span', { class: 'error-box', role: 'alert' }, t('editor.noTerms')));
        return;
      }
      save.disabled = true;
      status.textContent = t('editor.saving');
      try {
        let target = url;
        if (isNew) {
          const g = glossaryInput.value.trim();
          const id = idInput.value.trim() || conceptIdFor(concept.terms);
          if (!glossaries.some((x) => x.id === g)) await ensureGlossary(g);
          concept.id = id;
          target = urlOf(g, id);
        }
        const data = await ctx.api(target, { method: 'PUT', body: { ...concept, revision: original.revision } });
        onClose({ saved: data.concept });
      } catch (error) {
        showError(error);
      } finally {
        save.disabled = false;
      }
    });
    host.replaceChildren(form);
    (isNew ? form.querySelector('.term-input-text') : subject)?.focus();
  }

  /** Creates a glossary of one's own when none exists yet (an existing id is fine). */
  async function ensureGlossary(id) {
    try {
      await ctx.api('/api/glossaries', { method: 'POST', body: { id, name: id } });
    } catch (error) {
      if (error.code !== 'conflict') throw error;
    }
  }

  function showError(error) {
    const parts = [el('span', { class: 'error-box', role: 'alert' }, error.message)];
    if (error.details?.length) parts.push(el('ul', { class: 'editor-problems' }, ...error.details.map((d) => el('li', {}, d.message))));
    if (error.code === 'conflict') {
      const reload = el('button', { type: 'button', class: 'button button-secondary', id: 'editor-reload' }, t('editor.reload'));
      reload.addEventListener('click', load);
      parts.push(' ', reload);
    }
    status.replaceChildren(...parts);
  }

  async function destroy(button) {
    if (!window.confirm(t('editor.confirmDelete', { id: original.id }))) return;
    button.disabled = true;
    try {
      await ctx.api(`${url}?revision=${original.revision}`, { method: 'DELETE' });
      onClose({ deleted: true });
    } catch (error) {
      showError(error);
      button.disabled = false;
    }
  }

  await load();
}

/** A concept id from the first English term (`export-control`), else a short hash of the first term. */
export function conceptIdFor(terms) {
  const en = terms.find((term) => term.lang === 'en')?.text ?? '';
  const slug = en.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  if (slug) return slug;
  let h = 2166136261;
  for (const ch of terms[0]?.text ?? '') h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
  return `term-${h.toString(16).padStart(8, '0')}`;
}
