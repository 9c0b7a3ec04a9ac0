/**
 * Language and status filters shared by every adapter, applied once by the registry: on read (keep only
 * the languages asked for, fail loudly when none is found) and on write (`--lang`, `--status`).
 */
import { ShuyuError } from '../core/errors.js';
import type { Concept, Glossary, TermStatus } from '../core/model.js';
import { normalizeLang, primaryLang } from '../core/lang.js';

/**
 * Whether a term's language is one of the asked ones. A bare primary tag (`en`, `zh`) matches every
 * variant (`en-GB`, `zh-Hant`); a fuller tag matches its normalised form (`zh-CN` = `zh-Hans`).
 */
export function langMatches(termLang: string, asked: readonly string[]): boolean {
  const norm = normalizeLang(termLang);
  return asked.some((a) => {
    const bare = !/[-_]/.test(a.trim());
    return bare ? primaryLang(norm) === primaryLang(a) : normalizeLang(a) === norm;
  });
}

/** A copy of the concept keeping only terms/definitions in the languages (undefined when no term is left). */
export function conceptInLangs(concept: Concept, langs: readonly string[]): Concept | undefined {
  const terms = concept.terms.filter((t) => langMatches(t.lang, langs));
  if (terms.length === 0) return undefined;
  const definitions: Record<string, string> = {};
  for (const [lang, text] of Object.entries(concept.definitions)) if (langMatches(lang, langs)) definitions[lang] = text;
  return { ...concept, terms, definitions };
}

/** Keeps only the asked languages; throws ShuyuError('empty_import') when the file has no term in them. */
export function keepLanguages(glossary: Glossary, langs: readonly string[] | undefined, fileName: string): Glossary {
  if (!langs || langs.length === 0) return glossary;
  const concepts: Concept[] = [];
  const found = new Set<string>();
  for (const c of glossary.concepts) {
    for (const t of c.terms) found.add(t.lang);
    const kept = conceptInLangs(c, langs);
    if (kept) concepts.push(kept);
  }
  if (concepts.length === 0) {
    const has = [...found].sort().join(', ') || 'none';
    throw new ShuyuError('empty_import', `${fileName} has no term in ${langs.join(', ')} (languages in the file: ${has})`, {
      params: { file: fileName, langs: langs.join(','), found: has },
    });
  }
  const languages = glossary.languages.filter((l) => langMatches(l, langs));
  return { ...glossary, languages, concepts };
}

/** Applies export filters: languages and statuses; concepts left without terms are dropped. */
export function filterForWrite(glossary: Glossary, options: { langs?: string[]; statuses?: TermStatus[] } = {}): Glossary {
  const { langs, statuses } = options;
  if ((!langs || langs.length === 0) && (!statuses || statuses.length === 0)) return glossary;
  const concepts: Concept[] = [];
  for (const c of glossary.concepts) {
    let kept: Concept | undefined = langs?.length ? conceptInLangs(c, langs) : c;
    if (kept && statuses?.length) {
      const terms = kept.terms.filter((t) => statuses.includes(t.status));
      kept = terms.length ? { ...kept, terms } : undefined;
    }
    if (kept) concepts.push(kept);
  }
  const languages = langs?.length ? glossary.languages.filter((l) => langMatches(l, langs)) : glossary.languages;
  return { ...glossary, languages, concepts };
}

/** The languages actually used by a glossary's terms, Chinese first, then English, then the rest sorted. */
export function languagesOf(concepts: Iterable<Concept>): string[] {
  const set = new Set<string>();
  for (const c of concepts) for (const t of c.terms) set.add(t.lang);
  return [...set].sort((a, b) => langRank(a) - langRank(b) || a.localeCompare(b));
}

function langRank(tag: string): number {
  if (tag === 'zh-Hans') return 0;
  if (tag === 'zh-Hant') return 1;
  if (tag.startsWith('zh')) return 2;
  if (tag === 'en') return 3;
  if (tag.startsWith('en')) return 4;
  return 5;
}
