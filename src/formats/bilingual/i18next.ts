/**
 * i18next JSON pairs: two locale files (`en.json` + `zh-CN.json`) or two locale folders of namespace files
 * (`locales/en/common.json` + `locales/zh-CN/common.json`). Nested keys become `ns:a.b.c` (`a.b.c` for a file
 * pair); plural (`_one`, `_other` …, also with a custom separator such as `——one`) and context suffixes are
 * grouped, so a language with fewer plural forms is not "missing" a key; `{{interpolation}}`, `$t(nesting)`
 * and `<0></0>` Trans markup become inline codes. Keys present on one side only are reported once each as
 * notices (information, never term errors). Languages come from the file or folder names, with an override.
 */
import { ShuyuError } from '../../core/errors.js';
import { normalizeLang } from '../../core/lang.js';
import { resolveLimits } from '../limits.js';
import type { BilingualFormat, BilingualInfo, BilingualReadOptions, BilingualUnit, FileInput, Limits } from '../types.js';
import { inputText } from './input.js';
import { jsonLeaves } from './json-lines.js';
import { langFromName } from './langs.js';
import { segmentWithCodes } from './segment.js';

/** i18next inline markup that is not text: interpolation, nesting, Trans tags and `<br/>`-style tags. */
export const I18NEXT_CODES = /\{\{[^{}]*\}\}|\$t\([^()]*\)|<\/?\d+\s*\/?>|<\/?[a-zA-Z][\w-]*\s*\/?>/g;

const PLURAL = /(?:_|——)(zero|one|two|few|many|other)$/;
const CONTEXT = /_[^_.:]+$/;
const ORDINAL = /_ordinal_(zero|one|two|few|many|other)$/;

interface Entry {
  key: string;
  value: string;
  line: number;
  file: string;
  ns?: string;
}

/** The group of a key: plural/ordinal suffix removed (context variants are grouped by the caller). */
export function pluralBase(key: string): string {
  return key.replace(ORDINAL, '').replace(PLURAL, '');
}

/** A locale's entries from one or more namespace files. */
async function readLocale(files: { input: FileInput; ns?: string }[], limits: Limits): Promise<Map<string, Entry>> {
  const map = new Map<string, Entry>();
  for (const { input, ns } of files) {
    const text = await inputText(input, limits);
    const leaves = jsonLeaves(text, input.name, limits.maxXmlDepth);
    if (leaves.length > limits.maxRows) throw new ShuyuError('too_large', `${input.name} has more than ${limits.maxRows} keys`, { params: { file: input.name } });
    for (const leaf of leaves) {
      const dotted = leaf.path.join('.');
      const key = ns ? `${ns}:${dotted}` : dotted;
      map.set(key, { key, value: leaf.value, line: leaf.line, file: input.name, ...(ns ? { ns } : {}) });
    }
  }
  return map;
}

/** The language of an i18next file: from its folder (`en/common.json`) or its stem (`zh-CN.json`). */
export function i18nextLocaleOf(name: string): { lang?: string; ns?: string; tag?: string } {
  const parts = name.split(/[\\/]/);
  const stem = (parts[parts.length - 1] ?? '').replace(/\.json$/i, '');
  const folder = parts[parts.length - 2];
  const fromStem = langFromName(stem);
  if (fromStem) return { lang: fromStem, tag: stem };
  if (folder) {
    const fromFolder = langFromName(folder);
    if (fromFolder) return { lang: fromFolder, ns: stem, tag: folder };
  }
  return {};
}

/** Splits inputs into two locales. Throws 'usage' when that is not possible. */
export function splitLocales(inputs: FileInput[], options: BilingualReadOptions): { source: { input: FileInput; ns?: string }[]; target: { input: FileInput; ns?: string }[]; sourceLang: string; targetLang: string } {
  const byTag = new Map<string, { lang: string; files: { input: FileInput; ns?: string }[] }>();
  for (const input of inputs) {
    const loc = i18nextLocaleOf(input.name);
    if (!loc.lang || !loc.tag) {
      throw new ShuyuError('usage', `Cannot tell the locale of ${input.name}: name i18next files after their locale (en.json, zh-CN.json) or put them in locale folders (en/common.json)`, {
        params: { file: input.name },
      });
    }
    const k = loc.tag.toLowerCase();
    const g = byTag.get(k) ?? { lang: loc.lang, files: [] };
    g.files.push({ input, ...(loc.ns ? { ns: loc.ns } : {}) });
    byTag.set(k, g);
  }
  const groups = [...byTag.values()];
  if (groups.length !== 2) {
    throw new ShuyuError('usage', `An i18next check needs exactly two locales, got ${groups.length} (${[...byTag.keys()].join(', ')})`, {
      params: { count: groups.length },
    });
  }
  const want = options.sourceLang ? normalizeLang(options.sourceLang) : undefined;
  let src = groups.findIndex((g) => (want ? g.lang === want : g.lang.startsWith('en')));
  if (src < 0) src = groups.findIndex((g) => !g.lang.startsWith('zh'));
  if (src < 0) src = 0;
  const s = groups[src]!;
  const t = groups[1 - src]!;
  return { source: s.files, target: t.files, sourceLang: normalizeLang(options.sourceLang ?? s.lang), targetLang: normalizeLang(options.targetLang ?? t.lang) };
}

/** i18next JSON pair reader. */
export const i18nextFormat: BilingualFormat = {
  kind: 'bilingual',
  id: 'i18next',
  name: 'i18next JSON (two locales)',
  extensions: ['json'],
  mediaTypes: ['application/json'],
  readUnits(inputs: FileInput[], options: BilingualReadOptions = {}) {
    const info: BilingualInfo = { notices: [] };
    const limits = resolveLimits(options.limits);
    async function* units(): AsyncIterable<BilingualUnit> {
      const split = splitLocales(inputs, options);
      info.sourceLang = split.sourceLang;
      info.targetLang = split.targetLang;
      const src = await readLocale(split.source, limits);
      const tgt = await readLocale(split.target, limits);
      const tgtGroups = new Map<string, Entry[]>();
      for (const e of tgt.values()) {
        const g = pluralBase(e.key);
        const list = tgtGroups.get(g) ?? [];
        list.push(e);
        tgtGroups.set(g, list);
      }
      const srcGroups = new Set<string>();
      const usedTarget = new Set<string>();
      for (const e of src.values()) {
        const group = pluralBase(e.key);
        srcGroups.add(group);
        let t = tgt.get(e.key);
        if (!t) {
          const alts = tgtGroups.get(group);
          // a plural form the target language does not have: compare with its `other` form
          t = alts?.find((a) => /(?:_|——)other$/.test(a.key)) ?? alts?.[0];
        }
        if (!t) {
          if (group === e.key || !srcGroups.has(`${group}\u0000noticed`)) {
            info.notices.push({ code: 'missing_in_target', message: `Key "${group === e.key ? e.key : group}" is missing in ${split.targetLang}`, file: e.file, line: e.line });
            srcGroups.add(`${group}\u0000noticed`);
          }
          continue;
        }
        usedTarget.add(t.key);
        const unit: BilingualUnit = {
          id: e.key,
          // findings point at the translation, where they are fixed
          file: t.file,
          line: t.line,
          source: segmentWithCodes(e.value, I18NEXT_CODES),
          target: segmentWithCodes(t.value, I18NEXT_CODES),
          sourceLang: split.sourceLang,
          targetLang: split.targetLang,
        };
        if (e.ns) unit.part = e.ns;
        const ctxBase = group.replace(CONTEXT, '');
        const fullGroup = ctxBase !== group && src.has(ctxBase) ? ctxBase : group;
        if (fullGroup !== e.key) unit.group = fullGroup;
        yield unit;
      }
      for (const t of tgt.values()) {
        if (usedTarget.has(t.key)) continue;
        const group = pluralBase(t.key);
        if (srcGroups.has(group)) continue; // an extra plural form of a key the source has
        info.notices.push({ code: 'missing_in_source', message: `Key "${t.key}" is only in ${split.targetLang}`, file: t.file, line: t.line });
      }
    }
    return { units: units(), info };
  },
};
