/**
 * Server-side i18n for CLI and HTTP messages: one i18next instance reading the same catalogues as the web
 * page (public/locales/<lng>/<ns>.json), so an error code has one message per language everywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import type { i18n, Resource, ResourceLanguage } from 'i18next';
import type { ErrorCode } from '../core/errors.js';
import { localesDir } from './project.js';

/** The interface languages (catalogue directory names). The first is the fallback. */
export const UI_LANGUAGES = ['en', 'zh'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Reads every catalogue under `dir`: { en: { common: {...}, errors: {...} }, zh: {...} }. */
export function loadCatalogues(dir: string = localesDir()): Resource {
  const resources: Resource = {};
  for (const lng of readdirSync(dir, { withFileTypes: true })) {
    if (!lng.isDirectory()) continue;
    const bundle: ResourceLanguage = {};
    for (const file of readdirSync(path.join(dir, lng.name))) {
      if (!file.endsWith('.json')) continue;
      bundle[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(path.join(dir, lng.name, file), 'utf8')) as ResourceLanguage[string];
    }
    resources[lng.name] = bundle;
  }
  return resources;
}

let instance: i18n | undefined;

/** The shared, synchronously initialised i18next instance (catalogues read once). */
export function serverI18n(): i18n {
  if (instance) return instance;
  const resources = loadCatalogues();
  const namespaces = [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))];
  const created = i18next.createInstance();
  void created.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGUAGES],
    ns: namespaces,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance = created;
  return created;
}

/**
 * Picks the interface language from an Accept-Language header (or a list of tags): the first supported
 * language by quality; `zh`, `zh-CN`, `zh-TW` … → `zh`. Defaults to English.
 */
export function pickLanguage(accept: string | readonly string[] | undefined): UiLanguage {
  const tags =
    typeof accept === 'string'
      ? accept
          .split(',')
          .map((part, i) => {
            const [tag = '', ...params] = part.trim().split(';');
            const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
            const quality = q ? Number(q.slice(2)) : 1;
            return { tag: tag.trim().toLowerCase(), q: Number.isFinite(quality) ? quality : 0, i };
          })
          .filter((t) => t.tag && t.q > 0)
          .sort((a, b) => b.q - a.q || a.i - b.i)
          .map((t) => t.tag)
      : (accept ?? []).map((t) => t.toLowerCase());
  for (const tag of tags) {
    const primary = tag.split('-')[0];
    const found = UI_LANGUAGES.find((l) => l === primary);
    if (found) return found;
  }
  return 'en';
}

/** Codes whose technical message says what was wrong with the user's input: it is shown beside the localised text. */
const REASON_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['usage', 'invalid_input', 'parse_error', 'unsupported_format', 'too_large', 'unsafe_input', 'bad_encoding', 'empty_import']);

/** Options of {@link localizeError}. */
export interface LocalizeOptions {
  /** Add the technical reason for every code, not only for input errors (the CLI: 未找到 says nothing alone). */
  anyReason?: boolean;
  /** Use this message instead of the catalogue's for the code (the CLI's own wording for `internal`). */
  message?: string;
}

/**
 * The localised, user-facing message for an error code in `lng` (from errors.json). When the error names a place
 * (params `file`, `line`/`row`, `column`/`cell`) it is put first, compiler style (`broken.xlf:9:11: …`); for input
 * errors the technical reason (`reason`, English) follows in brackets, so a user sees which file, where and why.
 * Internal errors never show their reason.
 */
export function localizeError(code: ErrorCode, lng: string, params: Record<string, unknown> = {}, reason?: string, options: LocalizeOptions = {}): string {
  const i18n = serverI18n();
  let message = options.message ?? i18n.t(code, { ns: 'errors', lng, replace: params, defaultValue: i18n.t('internal', { ns: 'errors', lng }) });
  if (reason && (REASON_CODES.has(code) || options.anyReason) && reason !== message) {
    message = i18n.t('withReason', { ns: 'errors', lng, message, reason });
  }
  const where = [params['file'], params['line'] ?? params['row'], params['column'] ?? params['cell']]
    .filter((x) => (typeof x === 'string' && x !== '') || typeof x === 'number')
    .join(':');
  if (where && code !== 'internal') message = i18n.t('withLocation', { ns: 'errors', lng, where, message });
  return message;
}
