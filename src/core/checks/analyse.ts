/**
 * Matching one unit: the source is searched for source-language terms and the target for target-language
 * terms, each once, with the one automaton; matches are grouped by concept. This is the only place the checks
 * call the matcher. Everything the checks need is derived from these two searches; only when a source concept
 * has no match in the target is the target searched again with overlapping matches (terms inside longer terms).
 */
import type { BilingualUnit } from '../../formats/types.js';
import type { FindOptions, MatchSpans, Matcher, TermMatch } from '../match/types.js';
import { normalizedLang } from '../lang.js';
import { langTest, sameLang } from './concepts.js';
import type { ConceptRef, ConceptResolver } from './concepts.js';
import { SpanMatch, inLang, termInfo, termTable } from './spans.js';
import type { TermInfo, TermTable } from './spans.js';
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
export function isBlank(text: string | undefined): boolean {
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
  const trad = isTraditional(lang);
  const found = matcher.find(text, overlapping ? (trad ? TRAD_OVERLAPPING : OVERLAPPING) : trad ? TRAD : PLAIN);
  const cache = langTest(lang);
  for (let i = 0; i < found.length; i++) {
    if (!sameLang(cache, lang, found[i]!.lang)) return matcher.find(text, { langs: [lang], overlapping, ...(trad ? TRAD : PLAIN) });
  }
  return found;
}

/**
 * A segment in Traditional Chinese (zh-Hant, zh-TW …) is Traditional text even when it is too short to show it
 * (人工智慧 alone): Taiwan vocabulary may match there (FindOptions.script). Other segments leave it to the matcher.
 */
function isTraditional(lang: string): boolean {
  return normalizedLang(lang) === 'zh-Hant';
}

const PLAIN: FindOptions = {};
const TRAD: FindOptions = { script: 'traditional' };
const TRAD_OVERLAPPING: FindOptions = { overlapping: true, script: 'traditional' };

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

/** The concepts of one unit: a short list searched, a long one indexed (a class, not closures per unit). */
class HitIndex {
  readonly hits: ConceptHit[] = [];
  private byRef: Map<ConceptRef, ConceptHit> | undefined;
  hitFor(ref: ConceptRef): ConceptHit | undefined {
    if (this.byRef) return this.byRef.get(ref);
    const hits = this.hits;
    for (let k = 0; k < hits.length; k++) if (hits[k]!.ref === ref) return hits[k];
    return undefined;
  }
  hitOf(ref: ConceptRef): ConceptHit {
    let h = this.hitFor(ref);
    if (!h) {
      h = { ref, key: ref.key, glossaryId: ref.glossaryId, concept: ref.concept, source: [], target: [] };
      this.hits.push(h);
      if (this.byRef) this.byRef.set(ref, h);
      else if (this.hits.length > LINEAR) this.byRef = new Map(this.hits.map((x) => [x.ref, x]));
    }
    return h;
  }
}

/**
 * Matches a unit and groups the matches by concept. The source and target are each searched once
 * (leftmost-longest; concepts sharing a span all come back). Only when a source concept has no match in
 * the target is the target searched again with overlapping matches, to see terms inside longer terms.
 * Concepts are resolved for source matches; a target match gets a hit of its own only when its concept is not
 * in the source and the term is forbidden (the only case a check looks at such a match). With findSpans the
 * matches stay packed rows until they are kept (see analyseSpans).
 */
export function analyseUnit(unit: BilingualUnit, matcher: Matcher, resolve: ConceptResolver): UnitAnalysis {
  if (matcher.findSpans) return analyseSpans(unit, matcher, resolve, termTable(matcher, resolve));
  return analyseFind(unit, matcher, resolve);
}

/** analyseUnit with `find` (matchers without findSpans): a TermMatch per match. */
function analyseFind(unit: BilingualUnit, matcher: Matcher, resolve: ConceptResolver): UnitAnalysis {
  const sourceMatches = dedupe(findIn(matcher, unit.source.text, unit.sourceLang, false));
  const targetText = unit.target?.text;
  const targetBlank = isBlank(targetText);
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

/** What each row of `spans` matched, into `out` (scratch arrays reused unit after unit: rows are read once). */
function readInfos(table: TermTable, spans: MatchSpans, resolve: ConceptResolver, out: TermInfo[]): void {
  for (let i = 0; i < spans.count; i++) out[i] = termInfo(table, spans, i, resolve);
}

/**
 * The matches of `lang` terms in `text` as packed rows, and what each matched in `infos`: findIn with findSpans
 * (the same rows, in the same order).
 */
function findSpansIn(matcher: Matcher, text: string, lang: string, table: TermTable, resolve: ConceptResolver, infos: TermInfo[]): MatchSpans {
  const trad = isTraditional(lang);
  let found = matcher.findSpans!(text, trad ? TRAD : PLAIN);
  readInfos(table, found, resolve, infos);
  const cache = langTest(lang);
  for (let i = 0; i < found.count; i++) {
    if (!inLang(infos[i]!, lang, cache)) {
      found = matcher.findSpans!(text, { langs: [lang], ...(trad ? TRAD : PLAIN) });
      readInfos(table, found, resolve, infos);
      break;
    }
  }
  return found;
}

const OVERLAPPING: FindOptions = { overlapping: true };
const SOURCE_INFOS: TermInfo[] = [];
const TARGET_INFOS: TermInfo[] = [];
const OVERLAP_INFOS: TermInfo[] = [];

/** Whether row i repeats an earlier row's (concept, span) — the same concept in two entries (as dedupe). */
function repeated(s: MatchSpans, i: number, infos: TermInfo[]): boolean {
  const start = s.start[i]!;
  const end = s.end[i]!;
  const info = infos[i]!;
  for (let j = i - 1; j >= 0; j--) {
    if (s.start[j] !== start || s.end[j] !== end) return false;
    const o = infos[j]!;
    if (o.conceptId === info.conceptId && o.glossaryId === info.glossaryId) return true;
  }
  return false;
}

/**
 * analyseUnit with findSpans: the same analysis, but a match is read from the packed rows (its concept and term
 * from a table filled once per glossary term) and becomes an object only when it is kept — every source match,
 * the target matches of the unit's concepts and forbidden target terms. Target matches no check can look at
 * (another concept, not forbidden) are left out of targetOuter, and the overlapping re-search keeps only the
 * matches of source concepts.
 */
function analyseSpans(unit: BilingualUnit, matcher: Matcher, resolve: ConceptResolver, table: TermTable): UnitAnalysis {
  const sourceText = unit.source.text;
  const srcInfos = SOURCE_INFOS;
  const src = findSpansIn(matcher, sourceText, unit.sourceLang, table, resolve, srcInfos);
  const targetText = unit.target?.text;
  const targetBlank = isBlank(targetText);
  const byConcept = new HitIndex();
  const hits = byConcept.hits;
  const sourceMatches: TermMatch[] = [];
  const sourceHits: (ConceptHit | undefined)[] = [];
  for (let i = 0; i < src.count; i++) {
    const info = srcInfos[i]!;
    if (i > 0 && repeated(src, i, srcInfos)) continue;
    const m = new SpanMatch(src.start[i]!, src.end[i]!, src.termIndex[i]!, info, sourceText, src, i);
    sourceMatches.push(m);
    const ref = info.ref;
    if (!ref) {
      sourceHits.push(undefined);
      continue;
    }
    const h = byConcept.hitOf(ref);
    h.source.push(m);
    sourceHits.push(h);
  }
  const nSource = hits.length;
  const targetOuter: TermMatch[] = [];
  const targetHits: (ConceptHit | undefined)[] = [];
  if (!targetBlank) {
    const tgtInfos = TARGET_INFOS;
    const tgt = findSpansIn(matcher, targetText!, unit.targetLang, table, resolve, tgtInfos);
    for (let i = 0; i < tgt.count; i++) {
      const info = tgtInfos[i]!;
      const ref = info.ref;
      let h = ref && byConcept.hitFor(ref);
      const forbidden = info.status === 'forbidden';
      if (!h && !forbidden) continue; // no check looks at it
      if (i > 0 && repeated(tgt, i, tgtInfos)) continue;
      if (!h && ref) h = byConcept.hitOf(ref);
      const m = new SpanMatch(tgt.start[i]!, tgt.end[i]!, tgt.termIndex[i]!, info, targetText!, tgt, i);
      targetOuter.push(m);
      targetHits.push(h);
      if (h) h.target.push(m);
    }
    let unmatched = false;
    for (let i = 0; i < nSource; i++) if (hits[i]!.target.length === 0) unmatched = true;
    if (unmatched) {
      // Overlapping matches are reported span by span, the best term per concept: a language filter changes
      // only the rows of the concepts whose best term there is in another language. So the unfiltered rows
      // serve unless such a row is a source concept's; only then is the target searched again, filtered.
      const lang = unit.targetLang;
      const cache = langTest(lang);
      const ovInfos = OVERLAP_INFOS;
      let ov = matcher.findSpans!(targetText!, OVERLAPPING);
      readInfos(table, ov, resolve, ovInfos);
      for (let i = 0; i < ov.count; i++) {
        const info = ovInfos[i]!;
        if (inLang(info, lang, cache)) continue;
        const h = info.ref && byConcept.hitFor(info.ref);
        if (h && h.source.length > 0) {
          ov = matcher.findSpans!(targetText!, { langs: [lang], overlapping: true });
          readInfos(table, ov, resolve, ovInfos);
          break;
        }
      }
      for (let i = 0; i < ov.count; i++) {
        const info = ovInfos[i]!;
        const ref = info.ref;
        const h = ref && byConcept.hitFor(ref);
        if (!h || h.source.length === 0 || !inLang(info, lang, cache)) continue;
        const start = ov.start[i]!;
        const end = ov.end[i]!;
        let seen = false;
        for (const t of h.target) if (t.start === start && t.end === end) seen = true;
        if (!seen) h.target.push(new SpanMatch(start, end, ov.termIndex[i]!, info, targetText!, ov, i));
      }
    }
  }
  const targetCopied = !targetBlank && sameSquashed(sourceText, targetText!);
  return { unit, location: locationOf(unit), targetBlank, targetCopied, sourceMatches, sourceHits, targetOuter, targetHits, hits };
}
