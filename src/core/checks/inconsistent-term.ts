/**
 * inconsistent-term (warning), across the whole run (all files): one source term rendered with different
 * allowed target terms (preferred in some units, admitted in others), and the reverse — one target term
 * rendering different source concepts. One finding per term with counts and every location.
 * Renderings are compared by glossary term (the matcher already maps case, width, script and inflection variants
 * of a term to that term); the reverse direction groups target terms by their text across concepts.
 */
import type { Concept } from '../model.js';
import { displayTerm, spanOf } from './terms.js';
import type { Check, Finding } from './types.js';
import { UnitTable, VariantGroup, countsOf, describeVariants, headline, locationsOf } from './variants.js';

interface ForwardExtra {
  term: string;
  glossaryId: string;
  concept: Concept;
  targetLang: string;
}

export const inconsistentTerm: Check = {
  id: 'inconsistent-term',
  severity: 'warning',
  descriptionKey: 'checks.inconsistent-term',
  create(ctx) {
    const forward = new Map<string, VariantGroup<ForwardExtra>>();
    const reverse = new Map<string, VariantGroup<{ term: string }>>();
    const units = new UnitTable();
    return {
      unit(a, emit) {
        void emit;
        if (a.targetBlank || a.targetCopied) return;
        for (const h of a.concepts.values()) {
          if (h.source.length === 0 || h.target.length === 0 || !ctx.enabled('inconsistent-term', h.key)) continue;
          const allowed = ctx.allowed(h.key);
          const tgt = h.target.filter((m) => allowed.includes(m.status));
          if (tgt.length === 0) continue;
          const tgtLang = a.unit.targetLang;
          const seenForward = new Set<string>();
          for (const sm of h.source) {
            const sTerm = h.concept.terms[sm.termIndex];
            if (!sTerm) continue;
            const fKey = `${h.key}\u0000${sm.termIndex}`;
            let fg = forward.get(fKey);
            if (!fg) {
              fg = new VariantGroup<ForwardExtra>({ term: sTerm.text, glossaryId: h.glossaryId, concept: h.concept, targetLang: tgtLang });
              forward.set(fKey, fg);
            }
            for (const tm of tgt) {
              const tTerm = h.concept.terms[tm.termIndex];
              if (!tTerm) continue;
              const rKey = tm.termIndex;
              const revKey = `${tTerm.lang}\u0000${tTerm.caseSensitive ? tTerm.text : tTerm.text.toLowerCase()}`;
              const once = `${fKey}\u0001${rKey}`;
              if (seenForward.has(once)) continue;
              seenForward.add(once);
              const ref = units.ref(a.location);
              const spans = { source: spanOf(sm), target: spanOf(tm) };
              fg.add(rKey, tTerm.text, ref, ctx.maxLocations, spans);
              let rg = reverse.get(revKey);
              if (!rg) {
                rg = new VariantGroup({ term: tTerm.text });
                reverse.set(revKey, rg);
              }
              rg.add(h.key, sTerm.text, ref, ctx.maxLocations, spans);
            }
          }
        }
      },
      finish(emit) {
        for (const g of forward.values()) {
          if (g.size < 2) continue;
          const vs = g.sorted();
          const locations = locationsOf(vs, units);
          const first = headline(vs, units);
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
            expected: [displayTerm(g.extra.concept, g.extra.targetLang)],
            glossaryId: g.extra.glossaryId,
            conceptId: g.extra.concept.id,
            messageKey: 'findings.inconsistent-term',
            params: { term: g.extra.term, variants: describeVariants(vs), count: vs.length },
            locations,
            counts: countsOf(vs),
          };
          emit(f);
        }
        for (const g of reverse.values()) {
          if (g.size < 2) continue;
          const vs = g.sorted();
          const locations = locationsOf(vs, units);
          const first = headline(vs, units);
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
