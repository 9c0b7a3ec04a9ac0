/**
 * The page shell: loads i18next and the catalogues, builds the panel context, renders the tabs and mounts
 * each panel the first time it is shown. No data is ever inserted with innerHTML.
 *
 * Panel context (see public/panels/index.js):
 *   t(key, opts)          translate; keys without a namespace look in the panel's own namespace, then common
 *   api(path, init)       fetch JSON from the API; init.body may be a plain object (sent as JSON);
 *                         throws an Error with {code, status, details, params} and a localised message
 *   lang()                'en' | 'zh'
 *   onLanguageChanged(cb) cb(lang) after every switch (after data-i18n elements were re-translated)
 *   el(tag, attrs, ...children)  small DOM builder: text children become text nodes
 */
import i18next from '/vendor/i18next.js';
import { panels } from '/panels/index.js';

const LANGS = ['en', 'zh'];
const STORAGE_KEY = 'shuyu.lang';
const BASE_NAMESPACES = ['common', 'errors'];
const listeners = new Set();

/** Picks the first supported language from the browser's preferences. */
function browserLanguage() {
  const prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  for (const tag of prefs) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (LANGS.includes(primary)) return primary;
  }
  return 'en';
}

function initialLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && LANGS.includes(saved)) return saved;
  } catch {
    // storage blocked: fall back to the browser's languages
  }
  return browserLanguage();
}

const loaded = new Set();

/** Loads the catalogues of `lng` (each namespace once; a missing one is skipped). */
async function loadLanguage(lng) {
  const namespaces = [...BASE_NAMESPACES, ...panels];
  await Promise.all(
    namespaces.map(async (ns) => {
      const key = `${lng}/${ns}`;
      if (loaded.has(key)) return;
      loaded.add(key);
      try {
        const res = await fetch(`/locales/${lng}/${ns}.json`);
        if (res.ok) i18next.addResourceBundle(lng, ns, await res.json(), true, true);
      } catch {
        // offline or missing catalogue: keys fall back to English or the key itself
      }
    }),
  );
}

/** Creates an element: el('a', { href, class, dataset: {...}, on: { click } }, 'text', child). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'on') for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else if (name === 'text') node.textContent = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Re-translates every element carrying data-i18n attributes under `root`. */
function translateDom(root = document) {
  const t = i18next.t.bind(i18next);
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const [attr, data] of [
    ['placeholder', 'i18nPlaceholder'],
    ['title', 'i18nTitle'],
    ['aria-label', 'i18nAriaLabel'],
  ]) {
    for (const node of root.querySelectorAll(`[data-${attr === 'aria-label' ? 'i18n-aria-label' : `i18n-${attr}`}]`)) {
      node.setAttribute(attr, t(node.dataset[data]));
    }
  }
}

/** Error thrown by ctx.api with the server's code, status, params and details. */
class ApiError extends Error {
  constructor(message, { code, status, params, details }) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.params = params || {};
    this.details = details || [];
  }
}

async function api(path, init = {}) {
  const headers = new Headers(init.headers || {});
  headers.set('Accept', 'application/json');
  headers.set('Accept-Language', i18next.language || 'en');
  let body = init.body;
  if (body !== undefined && body !== null && !(body instanceof FormData) && !(body instanceof Blob) && typeof body !== 'string') {
    body = JSON.stringify(body);
    headers.set('Content-Type', 'application/json');
  }
  let res;
  try {
    res = await fetch(path, { ...init, headers, body });
  } catch {
    throw new ApiError(i18next.t('errors:network'), { code: 'network', status: 0 });
  }
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (data && data.error) || {};
    const code = e.code || 'internal';
    const message = e.localizedMessage || i18next.t(`errors:${code}`);
    throw new ApiError(message, { code, status: res.status, params: e.params, details: e.details });
  }
  return data;
}

function makeContext(ns) {
  return {
    t: (key, opts) => i18next.t(key, { ns: [ns, 'common'], ...opts }),
    api,
    lang: () => i18next.language,
    onLanguageChanged: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    el,
  };
}

async function setLanguage(lng) {
  await loadLanguage(lng);
  await i18next.changeLanguage(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
  document.documentElement.lang = lng === 'zh' ? 'zh-Hans' : 'en';
  document.title = i18next.t('common:title');
  for (const button of document.querySelectorAll('.lang-switch [data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lng));
  }
  translateDom();
  for (const cb of listeners) {
    try {
      cb(lng);
    } catch (error) {
      console.error(error);
    }
  }
}

function buildTabs(container, main) {
  const tabs = [];
  const mounted = new Map();

  async function show(name, { focus = false } = {}) {
    if (!panels.includes(name)) name = panels[0];
    for (const tab of tabs) {
      const active = tab.dataset.panel === name;
      tab.setAttribute('aria-selected', String(active));
      tab.tabIndex = active ? 0 : -1;
      if (active && focus) tab.focus();
    }
    for (const section of main.querySelectorAll('.panel')) section.hidden = section.dataset.panel !== name;
    if (!mounted.has(name)) {
      const section = main.querySelector(`.panel[data-panel="${name}"]`);
      const job = import(`/panels/${name}.js`)
        .then((mod) => mod.mount(section, makeContext(name)))
        .then(() => translateDom(section))
        .catch((error) => {
          console.error(error);
          section.replaceChildren(el('p', { class: 'error-box' }, i18next.t('common:panelFailed')));
        });
      mounted.set(name, job);
    }
    if (location.hash !== `#${name}`) history.replaceState(null, '', `#${name}`);
    await mounted.get(name);
  }

  main.replaceChildren();
  panels.forEach((name) => {
    const tab = el('button', {
      type: 'button',
      role: 'tab',
      id: `tab-${name}`,
      class: 'tab',
      'aria-controls': `panel-${name}`,
      'aria-selected': 'false',
      'data-i18n': `${name}:tab`,
      dataset: { panel: name },
      on: { click: () => show(name) },
    }, name);
    tabs.push(tab);
    container.append(tab);
    main.append(el('section', { class: 'panel', id: `panel-${name}`, role: 'tabpanel', 'aria-labelledby': `tab-${name}`, dataset: { panel: name }, hidden: true }));
  });
  container.addEventListener('keydown', (event) => {
    const i = tabs.findIndex((tab) => tab === document.activeElement);
    if (i < 0) return;
    let next = -1;
    if (event.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    event.preventDefault();
    show(tabs[next].dataset.panel, { focus: true });
  });
  window.addEventListener('hashchange', () => show(location.hash.slice(1)));
  return show;
}

async function start() {
  const lng = initialLanguage();
  await i18next.init({
    lng,
    fallbackLng: 'en',
    supportedLngs: LANGS,
    ns: [...BASE_NAMESPACES, ...panels],
    defaultNS: 'common',
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await loadLanguage('en');
  for (const button of document.querySelectorAll('.lang-switch [data-lang]')) {
    button.addEventListener('click', () => setLanguage(button.dataset.lang));
  }
  const show = buildTabs(document.getElementById('tabs'), document.getElementById('panels'));
  await setLanguage(lng);
  await show(location.hash.slice(1) || panels[0]);
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  console.error(error);
  document.getElementById('panels').replaceChildren(el('p', { class: 'error-box' }, 'Shuyu could not start. Reload the page.'));
});
