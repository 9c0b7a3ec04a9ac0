/**
 * inconsistent-term (warning), across the whole run (all files): one source term rendered with different
 * allowed target terms (preferred in some units, admitted in others), and the reverse — one target term
 * rendering different source concepts. One finding per term with counts and every location.
 * Renderings are compared by glossary term (the matcher already maps case, width, script and inflection variants
 * of a term to that term); the reverse direction groups target terms by their text across concepts.
 * State: per (concept, source term) and per target term text seen (keyed by a 53-bit hash of language and folded
 * text), a group of variant rows in typed arrays (see variants.ts) — bounded by the glossary — plus 24 bytes per
 * kept location (at most maxLocations per variant).
 */
import type { ConceptRef } from './concepts.js';
import { renderingCount, reverseKey, reverseShared } from './concepts.js';
import { HashIndex, IntList, own } from './compact.js';
import { displayTerm } from './terms.js';
import type { Check, Finding } from './types.js';
import { VariantStore } from './variants.js';
import type { SpanOffsets } from './variants.js';

export const inconsistentTerm: Check = {
  id: 'inconsistent-term',
  severity: 'warning',
  descriptionKey: 'checks.inconsistent-term',
  create(ctx) {
    const units = ctx.units;
    // forward: (concept, source term) → group of target-term variants
    const fStore = new VariantStore(true, ctx.maxLocations);
    const fByNumber = new HashIndex();
    const fByString = new Map<string, number>();
    const fOrder = new IntList(256);
    const fRef: ConceptRef[] = [];
    const fTerm = new IntList(256);
    const fLang: string[] = [];
    // reverse: target term text → group of source-concept variants
    const rStore = new VariantStore(true, ctx.maxLocations);
    const rByKey = new HashIndex();
    const rOrder = new IntList(256);
    const rTerm: string[] = [];
    const spans: SpanOffsets = { ss: -1, se: -1, ts: -1, te: -1 };
    const pairs: number[] = [];

    /** The forward variant (concept, source term) → target term, created when new. */
    const forwardVariant = (ref: ConceptRef, termIndex: number, variantKey: number, label: string, lang: string): number => {
      const nk = termIndex < 64 ? ref.n * 64 + termIndex : -1;
      const g = nk >= 0 ? fByNumber.get(nk) : (fByString.get(`${ref.key}\u0000${termIndex}`) ?? -1);
      if (g < 0) {
        const ng = fStore.group(variantKey, label);
        if (nk >= 0) fByNumber.add(nk, ng);
        else fByString.set(`${ref.key}\u0000${termIndex}`, ng);
        fOrder.push(ng);
        fRef.push(ref);
        fTerm.push(termIndex);
        fLang.push(lang);
        return ng;
      }
      const v = fStore.find(g, variantKey);
      return v >= 0 ? v : fStore.variant(g, variantKey, label);
    };
    /** The reverse variant (target term text) → source concept, created when new. */
    const reverseVariant = (ref: ConceptRef, rk: number, tText: string, label: string): number => {
      const rg = rByKey.get(rk);
      if (rg < 0) {
        const ng = rStore.group(ref.n, label);
        rByKey.add(rk, ng);
        rOrder.push(ng);
        rTerm.push(tText);
        return ng;
      }
      const v = rStore.find(rg, ref.n);
      return v >= 0 ? v : rStore.variant(rg, ref.n, label);
    };

    return {
      unit(a) {
        if (a.targetBlank || a.targetCopied) return;
        const tgtLang = a.unit.targetLang;
        let unit = -1;
        for (const h of a.hits) {
          if (h.source.length === 0 || h.target.length === 0 || !ctx.enabled('inconsistent-term', h.key)) continue;
          const allowed = ctx.allowed(h.key);
          let any = false;
          for (const m of h.target) if (allowed.includes(m.status)) any = true;
          if (!any) continue;
          const forward = renderingCount(h.ref, tgtLang, allowed) > 1;
          pairs.length = 0;
          // (a match's `term` is the glossary term's text: the concept's terms need not be read)
          for (const sm of h.source) {
            for (const tm of h.target) {
              if (!allowed.includes(tm.status)) continue;
              const pair = sm.termIndex * 65536 + tm.termIndex;
              if (pairs.includes(pair)) continue;
              pairs.push(pair);
              if (unit < 0) unit = units.ref(a.location);
              spans.ss = sm.start;
              spans.se = sm.end;
              spans.ts = tm.start;
              spans.te = tm.end;
              // the matched texts, as the glossary's own strings when they are the terms (nothing copied or kept alive)
              const sText = sm.text === sm.term ? sm.term : own(sm.text);
              const tText = tm.text === tm.term ? tm.term : own(tm.text);
              // groups that can never have a second variant are not kept (they would yield no finding)
              if (forward) fStore.add(forwardVariant(h.ref, sm.termIndex, tm.termIndex, tm.term, tgtLang), unit, spans, sText, tText);
              const rk = reverseKey(h.ref, tm.termIndex);
              if (reverseShared(h.ref, tm.termIndex)) rStore.add(reverseVariant(h.ref, rk, tm.term, sm.term), unit, spans, sText, tText);
            }
          }
        }
      },
      finish(emit) {
        for (let i = 0; i < fOrder.length; i++) {
          const g = fOrder.get(i);
          if (fStore.sizeOf(g) < 2) continue;
          const ref = fRef[i]!;
          const term = ref.concept.terms[fTerm.get(i)]!.text;
          const vs = fStore.sorted(g);
          const locations = fStore.locations(vs, units);
          const first = fStore.headline(vs, units);
          const f: Finding = {
            checkId: 'inconsistent-term',
            severity: ctx.severity('inconsistent-term'),
            file: first.file,
            ...(first.part ? { part: first.part } : {}),
            unitId: first.unitId,
            ...(first.line !== undefined ? { line: first.line } : {}),
            ...(first.source ? { source: first.source } : {}),
            ...(first.target ? { target: first.target } : {}),
            term,
            expected: [displayTerm(ref.concept, fLang[i]!)],
            glossaryId: ref.glossaryId,
            conceptId: ref.concept.id,
            messageKey: 'findings.inconsistent-term',
            params: { term, variants: fStore.describe(vs), count: vs.length },
            locations,
            counts: fStore.counts(vs),
          };
          emit(f);
        }
        for (let i = 0; i < rOrder.length; i++) {
          const g = rOrder.get(i);
          if (rStore.sizeOf(g) < 2) continue;
          const term = rTerm[i]!;
          const vs = rStore.sorted(g);
          const locations = rStore.locations(vs, units);
          const first = rStore.headline(vs, units);
          emit({
            checkId: 'inconsistent-term',
            severity: ctx.severity('inconsistent-term'),
            file: first.file,
            ...(first.part ? { part: first.part } : {}),
            unitId: first.unitId,
            ...(first.line !== undefined ? { line: first.line } : {}),
            ...(first.source ? { source: first.source } : {}),
            ...(first.target ? { target: first.target } : {}),
            term,
            messageKey: 'findings.inconsistent-term-reverse',
            params: { term, variants: rStore.describe(vs), count: vs.length },
            locations,
            counts: rStore.counts(vs),
          });
        }
      },
    };
  },
};
