/**
 * missing-term (error): a source term of a concept occurs in the source, but none of the concept's allowed
 * target terms occurs in the target (the matcher's script/width/inflection tolerance applies). Suggests the
 * preferred target term. Several concepts sharing one source span (homonyms) are satisfied by any of them.
 * Units without a translation are left to `untranslated`; a deprecated/forbidden rendering to `forbidden-term`.
 * One finding per concept and unit (at its first occurrence).
 */
import { spanOf, expectedTerms } from './terms.js';
import type { Check, ConceptHit, Finding } from './types.js';
import type { TermMatch } from '../match/types.js';

export const missingTerm: Check = {
  id: 'missing-term',
  severity: 'error',
  descriptionKey: 'checks.missing-term',
  create(ctx) {
    return {
      unit(a, emit) {
        if (a.targetBlank || a.targetCopied) return;
        const bySpan = new Map<string, { m: TermMatch; hits: ConceptHit[] }>();
        for (const m of a.sourceMatches) {
          const key = `${m.glossaryId}\u0000${m.conceptId}`;
          const h = a.concepts.get(key);
          if (!h || !ctx.enabled('missing-term', key)) continue;
          const sk = `${m.start}:${m.end}`;
          const g = bySpan.get(sk) ?? { m, hits: [] };
          if (!g.hits.includes(h)) g.hits.push(h);
          bySpan.set(sk, g);
        }
        const reported = new Set<string>();
        for (const { m, hits } of bySpan.values()) {
          // concepts that have something to expect in the target language
          const withTarget = hits.filter((h) => expectedTerms(h.concept, a.unit.targetLang, ctx.allowed(h.key)).length > 0);
          if (withTarget.length === 0) continue;
          if (withTarget.some((h) => h.target.length > 0)) continue;
          // one finding per concept and unit, however often its term occurs in the source
          const key = withTarget.map((h) => h.key).join('\u0001');
          if (reported.has(key)) continue;
          reported.add(key);
          const first = withTarget[0]!;
          const expected = [...new Set(withTarget.flatMap((h) => expectedTerms(h.concept, a.unit.targetLang, ctx.allowed(h.key))))];
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
