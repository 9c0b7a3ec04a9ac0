/** Helpers on glossary terms shared by the checks. */
import { normalizeLang, sameLanguage } from '../lang.js';
import type { Concept, Term, TermStatus } from '../model.js';
import type { TermMatch } from '../match/types.js';
import type { Span } from './types.js';

const STATUS_ORDER: Record<TermStatus, number> = { preferred: 0, admitted: 1, deprecated: 2, forbidden: 3 };

const cache = new WeakMap<Concept, Map<string, Term[]>>();

/** Terms of the concept in a language (zh-Hans and zh-Hant both count for Chinese), preferred first. Cached per concept. */
export function termsIn(concept: Concept, lang: string, statuses?: readonly TermStatus[]): Term[] {
  let byKey = cache.get(concept);
  if (!byKey) cache.set(concept, (byKey = new Map()));
  const key = statuses ? `${lang}|${statuses.join(',')}` : lang;
  let out = byKey.get(key);
  if (!out) byKey.set(key, (out = termsInUncached(concept, lang, statuses)));
  return out;
}

/** termsIn without the per-concept cache (callers that cache themselves). */
export function termsInUncached(concept: Concept, lang: string, statuses?: readonly TermStatus[]): Term[] {
  const norm = normalizeLang(lang);
  const same = concept.terms.filter((t) => sameLanguage(t.lang, norm) && (!statuses || statuses.includes(t.status)));
  return same.sort((a, b) => (a.lang === norm ? 0 : 1) - (b.lang === norm ? 0 : 1) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

/** The concept's display term in a language: preferred, else admitted, else any. */
export function displayTerm(concept: Concept, lang: string): string {
  return termsIn(concept, lang)[0]?.text ?? concept.terms[0]?.text ?? concept.id;
}

/** A match as a span. */
export function spanOf(m: TermMatch): Span {
  return { start: m.start, end: m.end, text: m.text };
}

/** Number of distinct start offsets (a term and its plural at one place count once). */
export function occurrences(matches: TermMatch[]): number {
  return new Set(matches.map((m) => m.start)).size;
}
