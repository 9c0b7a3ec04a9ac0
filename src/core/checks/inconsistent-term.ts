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
import { HashIndex, IntList } from './compact.js';
import { ownText } from './spans.js';
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
    // forward: (concept, source term) → group of target-term variants (labels: target terms)
    const fStore = new VariantStore(true, ctx.maxLocations, false, 'target');
    const fByNumber = new HashIndex();
    const fByString = new Map<string, number>();
    /** Target language of each forward group's first unit, as a number (fLangs), by group row. */
    const fLang = new IntList(256);
    const fLangs: string[] = [];
    /** Groups with a second variant (the only ones that make findings): concept and source term. */
    const fConflicts = new Map<number, { ref: ConceptRef; termIndex: number }>();
    // reverse: target term text → group of source-concept variants (labels: source terms)
    const rStore = new VariantStore(true, ctx.maxLocations, false, 'source');
    const rByKey = new HashIndex();
    /** The first target term of each reverse group (its display text), by group row; groups with a second variant. */
    const rTerm: string[] = [];
    const rConflicts = new Set<number>();
    let rGroupTerm = '';
    const spans: SpanOffsets = { ss: -1, se: -1, ts: -1, te: -1 };
    const pairs: number[] = [];

    const langNumber = (lang: string): number => {
      const i = fLangs.indexOf(lang);
      return i >= 0 ? i : fLangs.push(lang) - 1;
    };
    /** The forward variant (concept, source term) → target term, created when new. */
    const forwardVariant = (ref: ConceptRef, termIndex: number, variantKey: number, label: string, lang: string): number => {
      const nk = termIndex < 64 ? ref.n * 64 + termIndex : -1;
      const g = nk >= 0 ? fByNumber.get(nk) : (fByString.get(`${ref.key}\u0000${termIndex}`) ?? -1);
      if (g < 0) {
        const ng = fStore.group(variantKey, label);
        if (nk >= 0) fByNumber.add(nk, ng);
        else fByString.set(`${ref.key}\u0000${termIndex}`, ng);
        while (fLang.length < ng) fLang.push(-1);
        fLang.push(langNumber(lang));
        return ng;
      }
      const v = fStore.find(g, variantKey);
      if (v >= 0) return v;
      if (!fConflicts.has(g)) fConflicts.set(g, { ref, termIndex });
      return fStore.variant(g, variantKey, label);
    };
    /** The reverse variant (target term text) → source concept, created when new; sets rGroupTerm. */
    const reverseVariant = (ref: ConceptRef, rk: number, tText: string, label: string): number => {
      const rg = rByKey.get(rk);
      if (rg < 0) {
        const ng = rStore.group(ref.n, label);
        rByKey.add(rk, ng);
        rTerm[ng] = tText;
        rGroupTerm = tText;
        return ng;
      }
      rGroupTerm = rTerm[rg]!;
      const v = rStore.find(rg, ref.n);
      if (v >= 0) return v;
      rConflicts.add(rg);
      return rStore.variant(rg, ref.n, label);
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
              // the matched texts, as the glossary's own strings when they are the terms (nothing copied or kept
              // alive), and not kept at all when they are the texts a location shows by default (label, group text)
              const sText = ownText(sm);
              const tText = ownText(tm);
              const sOwn = sText === sm.term ? undefined : sText;
              // groups that can never have a second variant are not kept (they would yield no finding)
              if (forward) {
                const v = forwardVariant(h.ref, sm.termIndex, tm.termIndex, tm.term, tgtLang);
                fStore.add(v, unit, spans, sText === h.ref.concept.terms[sm.termIndex]?.text ? undefined : sText, tText === tm.term ? undefined : tText);
              }
              if (reverseShared(h.ref, tm.termIndex)) {
                const v = reverseVariant(h.ref, reverseKey(h.ref, tm.termIndex), tm.term, sm.term);
                rStore.add(v, unit, spans, sOwn, tText === rGroupTerm ? undefined : tText);
              }
            }
          }
        }
      },
      finish(emit) {
        // groups in the order first seen (group rows grow with it); only those with a second variant
        for (const g of [...fConflicts.keys()].sort((x, y) => x - y)) {
          const { ref, termIndex } = fConflicts.get(g)!;
          const term = ref.concept.terms[termIndex]!.text;
          const vs = fStore.sorted(g);
          const locations = fStore.locations(vs, units, term);
          const first = fStore.headline(vs, units, term);
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
            expected: [displayTerm(ref.concept, fLangs[fLang.get(g)]!)],
            glossaryId: ref.glossaryId,
            conceptId: ref.concept.id,
            messageKey: 'findings.inconsistent-term',
            params: { term, variants: fStore.describe(vs), count: vs.length },
            locations,
            counts: fStore.counts(vs),
          };
          emit(f);
        }
        for (const g of [...rConflicts].sort((x, y) => x - y)) {
          const term = rTerm[g]!;
          const vs = rStore.sorted(g);
          const locations = rStore.locations(vs, units, term);
          const first = rStore.headline(vs, units, term);
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
