/**
 * untranslated (info): the target is missing or empty, or the target is identical to a source that contains
 * glossary terms whose target-language terms differ from the source text (so it was copied, not translated).
 */
import { termKey } from '../normalize/index.js';
import { termsIn } from './terms.js';
import type { Check } from './types.js';

export const untranslated: Check = {
  id: 'untranslated',
  severity: 'info',
  descriptionKey: 'checks.untranslated',
  create(ctx) {
    return {
      unit(a, emit) {
        if (!ctx.enabled('untranslated')) return;
        if (!a.targetBlank && !a.targetCopied) return;
        const base = { checkId: 'untranslated' as const, severity: ctx.severity('untranslated'), ...a.location, sourceText: a.unit.source.text, targetText: a.unit.target?.text ?? '' };
        if (a.targetBlank) {
          emit({ ...base, messageKey: a.unit.target ? 'findings.untranslated-empty' : 'findings.untranslated-missing', params: {} });
          return;
        }
        if (!a.targetCopied) return;
        // identical: only a finding when some source term should read differently in the target language
        for (let i = 0; i < a.sourceMatches.length; i++) {
          const m = a.sourceMatches[i]!;
          const h = a.sourceHits[i];
          if (!h || !ctx.enabled('untranslated', h.key)) continue;
          const targets = termsIn(h.concept, a.unit.targetLang, ctx.allowed(h.key));
          if (targets.length === 0) continue;
          const same = targets.some((t) => termKey(t.text, a.unit.targetLang, t.caseSensitive) === termKey(m.text, a.unit.targetLang, t.caseSensitive));
          if (same) continue;
          emit({
            ...base,
            source: { start: m.start, end: m.end, text: m.text },
            term: m.text,
            expected: targets.map((t) => t.text),
            glossaryId: h.glossaryId,
            conceptId: h.concept.id,
            messageKey: 'findings.untranslated-identical',
            params: { term: m.text, expected: targets.map((t) => t.text).join(' / ') },
          });
          return;
        }
      },
    };
  },
};
