/**
 * forbidden-term (error): the target uses a term whose status is not allowed — a `forbidden` term anywhere,
 * a `deprecated` (or otherwise not allowed) term when its concept is present in the source. A term inside
 * a longer allowed term is not flagged, nor a span that is also an allowed term of a concept in the source.
 */
import { conceptKey } from './analyse.js';
import { expectedTerms, spanOf } from './terms.js';
import type { Check } from './types.js';

export const forbiddenTerm: Check = {
  id: 'forbidden-term',
  severity: 'error',
  descriptionKey: 'checks.forbidden-term',
  create(ctx) {
    return {
      unit(a, emit) {
        if (a.targetBlank || a.targetCopied) return;
        const inSource = (key: string) => (a.concepts.get(key)?.source.length ?? 0) > 0;
        const reported = new Set<string>();
        for (const m of a.targetOuter) {
          const key = conceptKey(m.glossaryId, m.conceptId);
          const allowed = ctx.allowed(key);
          if (allowed.includes(m.status)) continue;
          if (!ctx.enabled('forbidden-term', key)) continue;
          if (m.status !== 'forbidden' && !inSource(key)) continue;
          // the same span is an allowed term of a concept the source has: a homonym, not an error
          const alsoAllowed = a.targetOuter.some(
            (o) => o !== m && o.start === m.start && o.end === m.end && ctx.allowed(conceptKey(o.glossaryId, o.conceptId)).includes(o.status) && inSource(conceptKey(o.glossaryId, o.conceptId)),
          );
          if (alsoAllowed) continue;
          const span = `${m.start}:${m.end}`;
          if (reported.has(span)) continue;
          reported.add(span);
          const h = a.concepts.get(key);
          const expected = h ? expectedTerms(h.concept, a.unit.targetLang, allowed) : [];
          const src = h?.source[0];
          emit({
            checkId: 'forbidden-term',
            severity: ctx.severity('forbidden-term'),
            ...a.location,
            ...(src ? { source: spanOf(src) } : {}),
            target: spanOf(m),
            sourceText: a.unit.source.text,
            targetText: a.unit.target?.text ?? '',
            term: m.text,
            expected,
            glossaryId: m.glossaryId,
            conceptId: m.conceptId,
            messageKey: expected.length ? 'findings.forbidden-term' : 'findings.forbidden-term-no-alternative',
            params: { term: m.text, status: m.status, expected: expected.join(' / '), suggestion: expected[0] ?? '' },
          });
        }
      },
    };
  },
};
