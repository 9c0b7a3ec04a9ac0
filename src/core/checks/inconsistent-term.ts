/**
 * inconsistent-term (warning), across the whole run (all files): one source term rendered with different
 * allowed target terms (preferred in some units, admitted in others), and the reverse — one target term
 * rendering different source concepts. One finding per term with counts and every location.
 * Renderings are compared by termKey, so script, width and inflection variants of one term are one rendering.
 */
import { termKey } from '../normalize/index.js';
import { displayTerm, spanOf } from './terms.js';
import type { Check, Finding } from './types.js';
import { VariantGroup, countsOf, describeVariants, headline, locationsOf } from './variants.js';

interface ForwardExtra {
  term: string;
  glossaryId: string;
  conceptId: string;
  preferred: string;
}

export const inconsistentTerm: Check = {
  id: 'inconsistent-term',
  severity: 'warning',
  descriptionKey: 'checks.inconsistent-term',
  create(ctx) {
    const forward = new Map<string, VariantGroup<ForwardExtra>>();
    const reverse = new Map<string, VariantGroup<{ term: string }>>();
    return {
      unit(a, emit) {
        void emit;
        if (a.targetBlank || a.targetCopied) return;
        for (const h of a.concepts.values()) {
          if (h.source.length === 0 || h.target.length === 0 || !ctx.enabled('inconsistent-term', h.key)) continue;
          const allowed = ctx.allowed(h.key);
          const tgt = h.target.filter((m) => allowed.includes(m.status));
          if (tgt.length === 0) continue;
          const srcLang = a.unit.sourceLang;
          const tgtLang = a.unit.targetLang;
          const seenForward = new Set<string>();
          for (const sm of h.source) {
            const sTerm = h.concept.terms[sm.termIndex];
            if (!sTerm) continue;
            const fKey = `${h.key}\u0000${termKey(sTerm.text, srcLang, sTerm.caseSensitive)}`;
            let fg = forward.get(fKey);
            if (!fg) {
              fg = new VariantGroup<ForwardExtra>({ term: sTerm.text, glossaryId: h.glossaryId, conceptId: h.concept.id, preferred: displayTerm(h.concept, tgtLang) });
              forward.set(fKey, fg);
            }
            for (const tm of tgt) {
              const tTerm = h.concept.terms[tm.termIndex];
              if (!tTerm) continue;
              const rKey = termKey(tTerm.text, tgtLang, tTerm.caseSensitive);
              const once = `${fKey}\u0001${rKey}`;
              if (seenForward.has(once)) continue;
              seenForward.add(once);
              const loc = { ...a.location, source: spanOf(sm), target: spanOf(tm) };
              fg.add(rKey, tTerm.text, loc, ctx.maxLocations);
              let rg = reverse.get(rKey);
              if (!rg) {
                rg = new VariantGroup({ term: tTerm.text });
                reverse.set(rKey, rg);
              }
              rg.add(h.key, displayTerm(h.concept, srcLang), loc, ctx.maxLocations);
            }
          }
        }
      },
      finish(emit) {
        for (const g of forward.values()) {
          if (g.variants.size < 2) continue;
          const vs = g.sorted();
          const locations = locationsOf(vs);
          const first = headline(vs);
          const f: Finding = {
            checkId: 'inconsistent-term',
            severity: ctx.severity('inconsistent-term'),
            file: first.file,
            ...(first.part ? { part: first.part } : {}),
            unitId: first.unitId,
            ...(first.line !== undefined ? { line: first.line } : {}),
            ...(first.source ? { source: first.source } : {}),
            ...(first.target ? { target: first.target } : {}),
            term: g.extra.term,
            expected: [g.extra.preferred],
            glossaryId: g.extra.glossaryId,
            conceptId: g.extra.conceptId,
            messageKey: 'findings.inconsistent-term',
            params: { term: g.extra.term, variants: describeVariants(vs), count: vs.length },
            locations,
            counts: countsOf(vs),
          };
          emit(f);
        }
        for (const g of reverse.values()) {
          if (g.variants.size < 2) continue;
          const vs = g.sorted();
          const locations = locationsOf(vs);
          const first = headline(vs);
          emit({
            checkId: 'inconsistent-term',
            severity: ctx.severity('inconsistent-term'),
            file: first.file,
            ...(first.part ? { part: first.part } : {}),
            unitId: first.unitId,
            ...(first.line !== undefined ? { line: first.line } : {}),
            ...(first.source ? { source: first.source } : {}),
            ...(first.target ? { target: first.target } : {}),
            term: g.extra.term,
            messageKey: 'findings.inconsistent-term-reverse',
            params: { term: g.extra.term, variants: describeVariants(vs), count: vs.length },
            locations,
            counts: countsOf(vs),
          });
        }
      },
    };
  },
};
