/**
 * Finding messages in English or Chinese, from the same catalogues the web page uses
 * (public/locales/<lng>/check.json, statuses from common.json), with i18next-style `{{name}}` interpolation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../core/checks/types.js';
import { localesDir } from '../../i18n/project.js';

/** Languages the reports are written in. */
export type ReportLang = 'en' | 'zh';

type Catalogue = Record<string, unknown>;
const cache = new Map<string, Catalogue>();

function catalogue(lang: ReportLang, ns: string): Catalogue {
  const k = `${lang}/${ns}`;
  let c = cache.get(k);
  if (!c) {
    try {
      c = JSON.parse(readFileSync(path.join(localesDir(), lang, `${ns}.json`), 'utf8')) as Catalogue;
    } catch {
      c = {};
    }
    cache.set(k, c);
  }
  return c;
}

function lookup(c: Catalogue, key: string): string | undefined {
  let cur: unknown = c;
  for (const part of key.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'string' ? cur : undefined;
}

/** A string of check.json (`checks.missing-term`, `severity.error` …) with `{{params}}` filled in. */
export function t(lang: ReportLang, key: string, params: Record<string, string | number> = {}): string {
  const template = lookup(catalogue(lang, 'check'), key) ?? lookup(catalogue('en', 'check'), key) ?? key;
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => (params[name] !== undefined ? String(params[name]) : ''));
}

/** The message of a finding in a language. */
export function findingMessage(f: Finding, lang: ReportLang = 'en'): string {
  const params = { ...f.params };
  if (typeof params.status === 'string') params.status = lookup(catalogue(lang, 'common'), `status.${params.status}`) ?? params.status;
  return t(lang, f.messageKey, params);
}

/** `file:line` (or `file`) plus the unit id/key, as shown in text reports. */
export function whereOf(f: { file: string; line?: number; unitId: string; part?: string }): string {
  return `${f.file}${f.line !== undefined ? `:${f.line}` : ''} [${f.part ? `${f.part} ` : ''}${f.unitId}]`;
}
