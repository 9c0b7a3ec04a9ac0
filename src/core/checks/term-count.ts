/**
 * term-count (warning): a source term occurs more often than the concept's allowed target terms in the
 * target — a likely omission. Only when the target has at least one (none at all is `missing-term`).
 */
import { expectedTexts } from './concepts.js';
import { occurrences, spanOf } from './terms.js';
import type { Check } from './types.js';

export const termCount: Check = {
  id: 'term-count',
  severity: 'warning',
  descriptionKey: 'checks.term-count',
  create(ctx) {
    return {
      unit(a, emit) {
        if (a.targetBlank || a.targetCopied) return;
        for (const h of a.hits) {
          if (h.source.length < 2 || !ctx.enabled('term-count', h.key)) continue;
          const allowed = ctx.allowed(h.key);
          const tgt = h.target.filter((m) => allowed.includes(m.status));
          const s = occurrences(h.source);
          const t = occurrences(tgt);
          if (t === 0 || s <= t) continue;
          const expected = [...expectedTexts(h.ref, a.unit.targetLang, allowed)];
          emit({
            checkId: 'term-count',
            severity: ctx.severity('term-count'),
            ...a.location,
            source: spanOf(h.source[0]!),
            target: spanOf(tgt[0]!),
            sourceText: a.unit.source.text,
            targetText: a.unit.target?.text ?? '',
            term: h.source[0]!.text,
            expected,
            glossaryId: h.glossaryId,
            conceptId: h.concept.id,
            messageKey: 'findings.term-count',
            params: { term: h.source[0]!.text, sourceCount: s, targetCount: t, expected: expected.join(' / ') },
          });
        }
      },
    };
  },
};
