/**
 * Matching one unit: the source is searched for source-language terms and the target for target-language
 * terms, each once, with the one automaton; matches are grouped by concept. This is the only place the checks
 * call the matcher. Everything the checks need is derived from these two searches; only when a source concept
 * has no match in the target is the target searched again with overlapping matches (terms inside longer terms).
 */
import type { BilingualUnit } from '../../formats/types.js';
import type { Matcher, TermMatch } from '../match/types.js';
import { langTest, sameLang } from './concepts.js';
import type { ConceptRef, ConceptResolver } from './concepts.js';
import type { ConceptHit, FindingLocation, UnitAnalysis } from './types.js';

/** True for the characters of the regular expression class `\s`. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whitespace collapsed and trimmed. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** `squash(a) === squash(b)`, without building either string. */
export function sameSquashed(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  let j = 0;
  const la = a.length;
  const lb = b.length;
  while (i < la && isSpace(a.charCodeAt(i))) i++;
  while (j < lb && isSpace(b.charCodeAt(j))) j++;
  for (;;) {
    // next token of each: a character, a space (a run of whitespace with more after it), or the end (-1)
    let ca = -1;
    if (i < la) {
      ca = a.charCodeAt(i);
      if (isSpace(ca)) {
        while (i < la && isSpace(a.charCodeAt(i))) i++;
        ca = i < la ? 0x20 : -1;
      } else i++;
    }
    let cb = -1;
    if (j < lb) {
      cb = b.charCodeAt(j);
      if (isSpace(cb)) {
        while (j < lb && isSpace(b.charCodeAt(j))) j++;
        cb = j < lb ? 0x20 : -1;
      } else j++;
    }
    if (ca !== cb) return false;
    if (ca === -1) return true;
  }
}

/** Absent, empty, or only whitespace and inline codes (U+FFFC). */
function blank(text: string | undefined): boolean {
  if (text === undefined) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0xfffc && !isSpace(c)) return false;
  }
  return true;
}

/**
 * The matches of `lang` terms in `text`. The automaton is searched without a language filter, as an annotate scan
 * does; when every match is in `lang` that is exactly the filtered answer (filtering only removes candidates and
 * none of them was picked). Otherwise — the text holds terms of another language — it is searched again, filtered.
 */
export function findIn(matcher: Matcher, text: string, lang: string, overlapping: boolean): TermMatch[] {
  const found = overlapping ? matcher.find(text, { overlapping: true }) : matcher.find(text);
  const cache = langTest(lang);
  for (let i = 0; i < found.length; i++) {
    if (!sameLang(cache, lang, found[i]!.lang)) return matcher.find(text, overlapping ? { langs: [lang], overlapping: true } : { langs: [lang] });
  }
  return found;
}

/** Drops a repeated (concept, span) — the same concept in two entries; same-span matches are adjacent. */
function dedupe(ms: TermMatch[]): TermMatch[] {
  let out: TermMatch[] | undefined;
  for (let i = 1; i < ms.length; i++) {
    const m = ms[i]!;
    let dup = false;
    for (let j = i - 1; j >= 0; j--) {
      const o = ms[j]!;
      if (o.start !== m.start || o.end !== m.end) break;
      if (o.conceptId === m.conceptId && o.glossaryId === m.glossaryId) dup = true;
    }
    if (dup && !out) out = ms.slice(0, i);
    else if (!dup && out) out.push(m);
  }
  return out ?? ms;
}

/** The unit's base location (file, unit id, part, line). */
export function locationOf(unit: BilingualUnit): FindingLocation {
  const loc: FindingLocation = { file: unit.file, unitId: unit.id };
  if (unit.part) loc.part = unit.part;
  if (unit.line !== undefined) loc.line = unit.line;
  return loc;
}

/** The source hit of the match's concept, or undefined (a short list: compared by glossary and concept id). */
function sourceHit(hits: ConceptHit[], byRef: Map<ConceptRef, ConceptHit> | undefined, m: TermMatch, resolve: ConceptResolver): ConceptHit | undefined {
  if (byRef) {
    const ref = resolve(m.glossaryId, m.conceptId);
    return ref && byRef.get(ref);
  }
  for (const h of hits) if (h.ref.concept.id === m.conceptId && h.glossaryId === m.glossaryId) return h;
  return undefined;
}

/** Above this many source concepts in a unit, look concepts up by reference instead of comparing ids. */
const LINEAR = 16;

/**
 * Matches a unit and groups the matches by concept. The source and target are each searched once
 * (leftmost-longest; concepts sharing a span all come back). Only when a source concept has no match in
 * the target is the target searched again with overlapping matches, to see terms inside longer terms.
 * Concepts are resolved for source matches; a target match gets a hit of its own only when its concept is not
 * in the source and the term is forbidden (the only case a check looks at such a match).
 */
export function analyseUnit(unit: BilingualUnit, matcher: Matcher, resolve: ConceptResolver): UnitAnalysis {
  const sourceMatches = dedupe(findIn(matcher, unit.source.text, unit.sourceLang, false));
  const targetText = unit.target?.text;
  const targetBlank = blank(targetText);
  const targetOuter = targetBlank ? [] : dedupe(findIn(matcher, targetText!, unit.targetLang, false));
  const hits: ConceptHit[] = [];
  // by concept: a short list is searched, a long one indexed
  let byRef: Map<ConceptRef, ConceptHit> | undefined;
  const hitOf = (ref: ConceptRef): ConceptHit => {
    let h: ConceptHit | undefined;
    if (byRef) h = byRef.get(ref);
    else for (let k = 0; k < hits.length && !h; k++) if (hits[k]!.ref === ref) h = hits[k];
    if (!h) {
      h = { ref, key: ref.key, glossaryId: ref.glossaryId, concept: ref.concept, source: [], target: [] };
      hits.push(h);
      if (byRef) byRef.set(ref, h);
      else if (hits.length > LINEAR) byRef = new Map(hits.map((x) => [x.ref, x]));
    }
    return h;
  };
  const sourceHits: (ConceptHit | undefined)[] = new Array(sourceMatches.length);
  for (let i = 0; i < sourceMatches.length; i++) {
    const m = sourceMatches[i]!;
    const ref = resolve(m.glossaryId, m.conceptId);
    if (!ref) continue;
    const h = hitOf(ref);
    h.source.push(m);
    sourceHits[i] = h;
  }
  const nSource = hits.length;
  const targetHits: (ConceptHit | undefined)[] = new Array(targetOuter.length);
  for (let i = 0; i < targetOuter.length; i++) {
    const m = targetOuter[i]!;
    let h = sourceHit(hits, byRef, m, resolve);
    if (!h && m.status === 'forbidden') {
      const ref = resolve(m.glossaryId, m.conceptId);
      if (ref) h = hitOf(ref);
    }
    if (h) {
      h.target.push(m);
      targetHits[i] = h;
    }
  }
  if (!targetBlank) {
    let unmatched = false;
    for (let i = 0; i < nSource; i++) if (hits[i]!.target.length === 0) unmatched = true;
    if (unmatched) {
      for (const m of findIn(matcher, targetText!, unit.targetLang, true)) {
        const h = sourceHit(hits, byRef, m, resolve);
        if (!h || h.source.length === 0) continue;
        let seen = false;
        for (const t of h.target) if (t.start === m.start && t.end === m.end) seen = true;
        if (!seen) h.target.push(m);
      }
    }
  }
  const targetCopied = !targetBlank && sameSquashed(unit.source.text, targetText!);
  return { unit, location: locationOf(unit), targetBlank, targetCopied, sourceMatches, sourceHits, targetOuter, targetHits, hits };
}
