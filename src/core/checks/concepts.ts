/**
 * Concepts as the checks see them: one ConceptRef per glossary concept, built once with the glossary (like the
 * matcher), carrying a dense number and the `glossaryId\u0000conceptId` key so that no per-match string is built,
 * plus one-slot caches of the concept's allowed target terms (a run asks for one language and status list).
 */
import { normalizedLang, sameLanguage } from '../lang.js';
import { HashIndex, IntList } from './compact.js';
import { hash53 } from './hash.js';
import type { Concept, Term, TermStatus } from '../model.js';
import type { MatcherEntry } from '../match/types.js';
import type { TermInfo } from './spans.js';

/** A concept of a glossary, with what the checks derive from it. */
export interface ConceptRef {
  concept: Concept;
  glossaryId: string;
  /** `glossaryId\u0000conceptId` (per-concept options, grouping keys). */
  key: string;
  /** Dense number of the concept among the glossaries (0, 1, 2 …). */
  n: number;
  /** Cache of allowedTerms(): the language and status list it was computed for, and the terms. */
  cacheLang: string | undefined;
  cacheAllowed: readonly TermStatus[] | undefined;
  cacheTerms: Term[] | undefined;
  cacheTexts: string[] | undefined;
  /**
   * Per term index: what a match of the term is (built with the index, so matching a term for the first time
   * allocates nothing); undefined when another entry has the same glossary and concept id (see termInfo).
   */
  infos: TermInfo[] | undefined;
  /** Per term index: the 53-bit hash grouping equal target terms across concepts (reverse inconsistent-term). */
  reverseKeys: number[];
  /** Per term index: whether another concept has a term with the same reverse key. */
  reverseSharedTerms: boolean[];
  /** Cache of renderingCount(): the language and statuses it was computed for. */
  countLang: string | undefined;
  countAllowed: readonly TermStatus[] | undefined;
  countValue: number;
}

/** Finds a concept by glossary and id (the glossaries the matcher was built from). */
export type ConceptResolver = (glossaryId: string, conceptId: string) => ConceptRef | undefined;

/** Key of a concept across glossaries. */
export function conceptKey(glossaryId: string, conceptId: string): string {
  return `${glossaryId}\u0000${conceptId}`;
}

/**
 * Builds the concept resolver over matcher entries (two map look-ups per match, no string building). What the
 * checks derive per term — its TermInfo, its reverse key and whether another concept shares that key — is built
 * here, once per glossary set like the matcher, so a check run only reads it.
 */
export function conceptIndex(entries: Iterable<MatcherEntry>): ConceptResolver {
  const byGlossary = new Map<string, Map<string, ConceptRef>>();
  const refs: ConceptRef[] = [];
  // reverse key → the one concept that has it (n), or -1 once a second concept has it too
  const owner = new HashIndex();
  const ownerValue = new IntList(1024);
  let n = 0;
  for (const e of entries) {
    const reverseKeys: number[] = [];
    for (const t of e.concept.terms) {
      const k = termKeyHash(t);
      reverseKeys.push(k);
      const o = owner.get(k);
      if (o < 0) owner.add(k, ownerValue.push(n));
      else if (ownerValue.get(o) !== n && ownerValue.get(o) >= 0) ownerValue.set(o, -1);
    }
    let m = byGlossary.get(e.glossaryId);
    if (!m) byGlossary.set(e.glossaryId, (m = new Map()));
    // every field set up front: one object shape for all refs (the caches are filled later)
    const ref: ConceptRef = {
      concept: e.concept,
      glossaryId: e.glossaryId,
      key: conceptKey(e.glossaryId, e.concept.id),
      n: n++,
      cacheLang: undefined,
      cacheAllowed: undefined,
      cacheTerms: undefined,
      cacheTexts: undefined,
      infos: undefined,
      reverseKeys,
      reverseSharedTerms: [],
      countLang: undefined,
      countAllowed: undefined,
      countValue: 0,
    };
    ref.infos = e.concept.terms.map((t): TermInfo => ({ ref, glossaryId: e.glossaryId, conceptId: e.concept.id, term: t.text, lang: t.lang, status: t.status, testedLang: undefined, inTestedLang: false }));
    const before = m.get(e.concept.id);
    // the same concept id twice in a glossary: the resolver answers the last one, so rows are built per match
    if (before) before.infos = ref.infos = undefined;
    m.set(e.concept.id, ref);
    refs.push(ref);
  }
  for (const ref of refs) {
    for (const k of ref.reverseKeys) ref.reverseSharedTerms.push(ownerValue.get(owner.get(k)) < 0);
  }
  let lastId: string | undefined;
  let last: Map<string, ConceptRef> | undefined;
  return (g, c) => {
    if (g !== lastId) {
      lastId = g;
      last = byGlossary.get(g);
    }
    return last?.get(c);
  };
}

const STATUS_ORDER: Record<TermStatus, number> = { preferred: 0, admitted: 1, deprecated: 2, forbidden: 3 };

/** Allowed terms of the concept in the target language, preferred first (as termsIn; cached on the ref for the run's language). */
export function allowedTerms(ref: ConceptRef, lang: string, allowed: readonly TermStatus[]): Term[] {
  if (ref.cacheLang === lang && ref.cacheAllowed === allowed) return ref.cacheTerms!;
  const norm = normalizedLang(lang);
  const test = langTest(norm);
  const terms: Term[] = [];
  for (const t of ref.concept.terms) if (allowed.includes(t.status) && sameLang(test, norm, t.lang)) terms.push(t);
  if (terms.length > 1) terms.sort((a, b) => (a.lang === norm ? 0 : 1) - (b.lang === norm ? 0 : 1) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  ref.cacheLang = lang;
  ref.cacheAllowed = allowed;
  ref.cacheTerms = terms;
  ref.cacheTexts = terms.length === 1 ? [terms[0]!.text] : suggestionTexts(terms, norm);
  return terms;
}

/**
 * Texts to suggest, deduplicated, in the order of `terms`: for a Chinese target only the terms in its own script
 * when it has any (a zh-Hans file is not told to write 積體電路), though the other script still counts as a match.
 */
function suggestionTexts(terms: readonly Term[], norm: string): string[] {
  const chinese = norm === 'zh-Hans' || norm === 'zh-Hant';
  const own = chinese ? terms.filter((t) => t.lang === norm) : terms;
  return [...new Set((own.length > 0 ? own : terms).map((t) => t.text))];
}

/** Texts of the allowed target terms (deduplicated, preferred first, own Chinese script only): what a finding suggests. */
export function expectedTexts(ref: ConceptRef, lang: string, allowed: readonly TermStatus[]): string[] {
  allowedTerms(ref, lang, allowed);
  return ref.cacheTexts!;
}

/**
 * Key grouping the concept's term `i` with equal terms of other concepts: a 53-bit hash of its language and text
 * (case folded unless case-sensitive), computed with the index.
 */
export function reverseKey(ref: ConceptRef, i: number): number {
  return ref.reverseKeys[i] ?? termKeyHash(ref.concept.terms[i]!);
}

function termKeyHash(t: Term): number {
  return hash53(`${t.lang}\u0000${t.caseSensitive ? t.text : t.text.toLowerCase()}`);
}

/** Whether another concept has a term with the same reverse key as term `i` (else no reverse inconsistency can involve it). */
export function reverseShared(ref: ConceptRef, i: number): boolean {
  return ref.reverseSharedTerms[i] === true;
}

/**
 * How many distinct terms of the concept a target match can be: allowed status, language `lang` as the search
 * checks it. Below 2, every rendering of the concept is the same term (no forward inconsistency possible).
 */
export function renderingCount(ref: ConceptRef, lang: string, allowed: readonly TermStatus[]): number {
  if (ref.countLang === lang && ref.countAllowed === allowed) return ref.countValue;
  let c = 0;
  const test = langTest(lang);
  for (const t of ref.concept.terms) if (allowed.includes(t.status) && sameLang(test, lang, t.lang)) c++;
  ref.countLang = lang;
  ref.countAllowed = allowed;
  ref.countValue = c;
  return c;
}

/** `sameLanguage`, memoised per pair of tags (the matcher reports a term's language on every match). */
const sameCache = new Map<string, Map<string, boolean>>();
export function langTest(wanted: string): Map<string, boolean> {
  let m = sameCache.get(wanted);
  if (!m) sameCache.set(wanted, (m = new Map()));
  return m;
}
export function sameLang(cache: Map<string, boolean>, wanted: string, lang: string): boolean {
  let ok = cache.get(lang);
  if (ok === undefined) cache.set(lang, (ok = sameLanguage(wanted, lang)));
  return ok;
}
