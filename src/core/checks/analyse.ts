/**
 * Matching one unit: the source is searched for source-language terms and the target (overlapping, so a
 * term inside a longer term is still seen) for target-language terms; matches are grouped by concept.
 * This is the only place the checks call the matcher: two searches per unit.
 */
import type { BilingualUnit } from '../../formats/types.js';
import type { Concept } from '../model.js';
import type { Matcher, TermMatch } from '../match/types.js';
import { dedupeBySpan, outermost } from './terms.js';
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

/** Matches a unit and groups the matches by concept. */
export function analyseUnit(unit: BilingualUnit, matcher: Matcher, resolve: ConceptResolver): UnitAnalysis {
  const location = { file: unit.file, unitId: unit.id, ...(unit.part ? { part: unit.part } : {}), ...(unit.line !== undefined ? { line: unit.line } : {}) };
  const sourceAll = matcher.find(unit.source.text, { langs: [unit.sourceLang], overlapping: true });
  const sourceMatches = outermost(dedupeBySpan(sourceAll));
  const targetBlank = blank(unit.target?.text);
  const targetAll = targetBlank ? [] : dedupeBySpan(matcher.find(unit.target!.text, { langs: [unit.targetLang], overlapping: true }));
  const targetOuter = outermost(targetAll);
  const concepts = new Map<string, ConceptHit>();
  const hit = (m: TermMatch): ConceptHit | undefined => {
    const key = conceptKey(m.glossaryId, m.conceptId);
    let h = concepts.get(key);
    if (!h) {
      const concept = resolve(m.glossaryId, m.conceptId);
      if (!concept) return undefined;
      h = { key, glossaryId: m.glossaryId, concept, source: [], target: [] };
      concepts.set(key, h);
    }
    return h;
  };
  for (const m of sourceMatches) hit(m)?.source.push(m);
  for (const m of targetAll) hit(m)?.target.push(m);
  const targetCopied = !targetBlank && squash(unit.source.text) === squash(unit.target!.text);
  return { unit, location, targetBlank, targetCopied, sourceMatches, targetOuter, concepts };
}
