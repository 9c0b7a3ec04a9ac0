/**
 * missing-term (error): a source term of a concept occurs in the source, but none of the concept's allowed
 * target terms occurs in the target (the matcher's script/width/inflection tolerance applies). Suggests the
 * preferred target term. Several concepts sharing one source span (homonyms) are satisfied by any of them.
 * Units without a translation are left to `untranslated`; a deprecated/forbidden rendering to `forbidden-term`.
 * One finding per concept and unit (at its first occurrence).
 */
import type { TermMatch } from '../match/types.js';
import { expectedTexts } from './concepts.js';
import { spanOf } from './terms.js';
import type { Check, ConceptHit, Finding, UnitAnalysis } from './types.js';
import type { CheckContext } from './types.js';

/** Concepts sharing one source span (matches of one span are adjacent in the matcher's answer). */
interface SpanGroup {
  m: TermMatch;
  hits: ConceptHit[];
}

function spanGroups(a: UnitAnalysis, ctx: CheckContext): SpanGroup[] {
  const out: SpanGroup[] = [];
  let cur: SpanGroup | undefined;
  for (let i = 0; i < a.sourceMatches.length; i++) {
    const m = a.sourceMatches[i]!;
    const h = a.sourceHits[i];
    if (!h || !ctx.enabled('missing-term', h.key)) continue;
    if (!cur || cur.m.start !== m.start || cur.m.end !== m.end) out.push((cur = { m, hits: [] }));
    if (!cur.hits.includes(h)) cur.hits.push(h);
  }
  return out;
}

export const missingTerm: Check = {
  id: 'missing-term',
  severity: 'error',
  descriptionKey: 'checks.missing-term',
  create(ctx) {
    return {
      unit(a, emit) {
        if (a.targetBlank || a.targetCopied) return;
        // a span group is satisfied when one of its concepts is in the target: when every concept of the source
        // is, there is nothing to report (most units), and no group need be built
        let unmatched = false;
        for (const h of a.sourceHits) if (h && h.target.length === 0) unmatched = true;
        if (!unmatched) return;
        const lang = a.unit.targetLang;
        let reported: Set<string> | undefined;
        for (const { m, hits } of spanGroups(a, ctx)) {
          // satisfied when a concept of the span is in the target; else the concepts that expect something
          let found = false;
          let withTarget: ConceptHit[] | undefined;
          for (const h of hits) {
            if (expectedTexts(h.ref, lang, ctx.allowed(h.key)).length === 0) continue;
            if (h.target.length > 0) found = true;
            (withTarget ??= []).push(h);
          }
          if (found || !withTarget) continue;
          // one finding per concept and unit, however often its term occurs in the source
          const key = withTarget.map((h) => h.key).join('\u0001');
          reported ??= new Set();
          if (reported.has(key)) continue;
          reported.add(key);
          const first = withTarget[0]!;
          const expected = [...new Set(withTarget.flatMap((h) => expectedTexts(h.ref, lang, ctx.allowed(h.key))))];
          const f: Finding = {
            checkId: 'missing-term',
            severity: ctx.severity('missing-term'),
            ...a.location,
            source: spanOf(m),
            sourceText: a.unit.source.text,
            targetText: a.unit.target?.text ?? '',
            term: m.text,
            expected,
            glossaryId: first.glossaryId,
            conceptId: first.concept.id,
            messageKey: 'findings.missing-term',
            params: { term: m.text, expected: expected.join(' / '), suggestion: expected[0]! },
          };
          emit(f);
        }
      },
    };
  },
};
