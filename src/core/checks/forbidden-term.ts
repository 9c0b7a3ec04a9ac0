/**
 * forbidden-term (error): the target uses a term whose status is not allowed — a `forbidden` term anywhere,
 * a `deprecated` (or otherwise not allowed) term when its concept is present in the source. A term inside
 * a longer allowed term is not flagged, nor a span that is also an allowed term of a concept in the source.
 */
import { conceptKey } from './concepts.js';
import { expectedTexts } from './concepts.js';
import { spanOf } from './terms.js';
import type { Check } from './types.js';

export const forbiddenTerm: Check = {
  id: 'forbidden-term',
  severity: 'error',
  descriptionKey: 'checks.forbidden-term',
  create(ctx) {
    return {
      unit(a, emit) {
        if (a.targetBlank || a.targetCopied) return;
        const outer = a.targetOuter;
        let reported: Set<string> | undefined;
        for (let i = 0; i < outer.length; i++) {
          const m = outer[i]!;
          const h = a.targetHits[i];
          if (!h && m.status !== 'forbidden') continue; // not in the source, and only forbidden counts anywhere
          const key = h ? h.key : conceptKey(m.glossaryId, m.conceptId);
          const allowed = ctx.allowed(key);
          if (allowed.includes(m.status)) continue;
          if (!ctx.enabled('forbidden-term', key)) continue;
          if (m.status !== 'forbidden' && !(h && h.source.length > 0)) continue;
          // the same span is an allowed term of a concept the source has: a homonym, not an error
          let alsoAllowed = false;
          for (let j = 0; j < outer.length && !alsoAllowed; j++) {
            const o = outer[j]!;
            const oh = a.targetHits[j];
            if (j === i || o.start !== m.start || o.end !== m.end || !oh || oh.source.length === 0) continue;
            if (ctx.allowed(oh.key).includes(o.status)) alsoAllowed = true;
          }
          if (alsoAllowed) continue;
          const span = `${m.start}:${m.end}`;
          reported ??= new Set();
          if (reported.has(span)) continue;
          reported.add(span);
          const expected = h ? [...expectedTexts(h.ref, a.unit.targetLang, allowed)] : [];
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
