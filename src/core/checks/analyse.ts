/**
 * Matching one unit: the source is searched for source-language terms and the target (overlapping, so a
 * term inside a longer term is still seen) for target-language terms; matches are grouped by concept.
 * This is the only place the checks call the matcher: two searches per unit.
 */
import type { BilingualUnit } from '../../formats/types.js';
import type { Concept } from '../model.js';
import type { Matcher, TermMatch } from '../match/types.js';
import { dedupeBySpan } from './terms.js';
import type { ConceptHit, UnitAnalysis } from './types.js';

/** Finds a concept by glossary and id (the glossaries the matcher was built from). */
export type ConceptResolver = (glossaryId: string, conceptId: string) => Concept | undefined;

/** Key of a concept across glossaries. */
export function conceptKey(glossaryId: string, conceptId: string): string {
  return `${glossaryId}\u0000${conceptId}`;
}

/** Whitespace collapsed and trimmed. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function blank(text: string | undefined): boolean {
  return text === undefined || text.replace(/[\s\uFFFC]+/g, '') === '';
}

/**
 * Matches a unit and groups the matches by concept. The source and target are each searched once
 * (leftmost-longest; concepts sharing a span all come back). Only when a source concept has no match in
 * the target is the target searched again with overlapping matches, to see terms inside longer terms.
 */
export function analyseUnit(unit: BilingualUnit, matcher: Matcher, resolve: ConceptResolver): UnitAnalysis {
  const location = { file: unit.file, unitId: unit.id, ...(unit.part ? { part: unit.part } : {}), ...(unit.line !== undefined ? { line: unit.line } : {}) };
  const sourceMatches = dedupeBySpan(matcher.find(unit.source.text, { langs: [unit.sourceLang] }));
  const targetBlank = blank(unit.target?.text);
  const targetOuter = targetBlank ? [] : dedupeBySpan(matcher.find(unit.target!.text, { langs: [unit.targetLang] }));
  const concepts = new Map<string, ConceptHit>();
  const hit = (m: TermMatch, create: boolean): ConceptHit | undefined => {
    const key = conceptKey(m.glossaryId, m.conceptId);
    let h = concepts.get(key);
    if (!h && create) {
      const concept = resolve(m.glossaryId, m.conceptId);
      if (!concept) return undefined;
      h = { key, glossaryId: m.glossaryId, concept, source: [], target: [] };
      concepts.set(key, h);
    }
    return h;
  };
  for (const m of sourceMatches) hit(m, true)?.source.push(m);
  for (const m of targetOuter) hit(m, true)?.target.push(m);
  if (!targetBlank) {
    let unmatched = false;
    for (const h of concepts.values()) if (h.source.length > 0 && h.target.length === 0) unmatched = true;
    if (unmatched) {
      const seen = new Set(targetOuter.map((m) => `${m.glossaryId}\u0000${m.conceptId}\u0000${m.start}\u0000${m.end}`));
      for (const m of matcher.find(unit.target!.text, { langs: [unit.targetLang], overlapping: true })) {
        const h = hit(m, false);
        if (!h || h.source.length === 0 || seen.has(`${m.glossaryId}\u0000${m.conceptId}\u0000${m.start}\u0000${m.end}`)) continue;
        h.target.push(m);
      }
    }
  }
  const targetCopied = !targetBlank && squash(unit.source.text) === squash(unit.target!.text);
  return { unit, location, targetBlank, targetCopied, sourceMatches, targetOuter, concepts };
}
