/**
 * inconsistent-segment (warning), the Xbench check across the whole run: identical source text translated
 * differently, and identical target text coming from different sources. Whitespace is collapsed; for the
 * target→source direction source case, trailing punctuation and English inflection are ignored, and plural/context variants of
 * one i18next key are not compared with each other. Segments are keyed by a 53-bit hash, so memory grows with
 * the number of distinct segments (a hash, one location and a short text each), not with their length.
 */
import { usesWhitespace } from '../lang.js';
import { termKey } from '../normalize/index.js';
import { hash53 } from './hash.js';
import type { Check } from './types.js';
import { UnitTable, VariantGroup, countsOf, describeVariants, headline, locationsOf } from './variants.js';

const MAX_LABEL = 160;

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Source text for the target→source direction: case, final punctuation, width and English inflection folded
 * (Chinese does not mark number, so "Override"/"Overrides" → 覆盖 is not an inconsistency). */
function loose(s: string, lang: string): string {
  const t = squash(s).normalize('NFKC').toLowerCase().replace(/[\s.!?:;,…。！？：；，、]+$/u, '');
  if (!usesWhitespace(lang)) return t;
  // cheap English number folding (termKey is too costly per segment): words → singular-ish
  return t.replace(/\b([a-z]{2,}?)(ies|es|s)\b/g, (w, stem: string, end: string) => (end === 'ies' ? `${stem}y` : end === 'es' && /(s|x|z|ch|sh)$/.test(stem) ? stem : w.endsWith('ss') ? w : `${stem}${end === 'es' ? 'e' : ''}`));
}

function label(s: string): string {
  const t = squash(s);
  return t.length > MAX_LABEL ? `${t.slice(0, MAX_LABEL)}…` : t;
}

/**
 * True when every source of a shared translation is contained in the longest one ("Left" / "Align left",
 * "Select" / "Selection", "Expired" / "Pod expired"): a short label and its longer form rendered alike is
 * usually context, not an error (this removed 8 of 17 false alarms in the review, see docs/checking.md).
 */
function nested(g: VariantGroup<{ text: string }>, lang: string): boolean {
  const keys = g.variants().map((v) => termKey(v.label.replace(/[\s.!?:;,…。！？：；，、]+$/u, ''), lang)).sort((x, y) => y.length - x.length);
  const longest = keys[0] ?? '';
  return keys.every((k) => k.length > 0 && longest.includes(k));
}

export const inconsistentSegment: Check = {
  id: 'inconsistent-segment',
  severity: 'warning',
  descriptionKey: 'checks.inconsistent-segment',
  create(ctx) {
    const bySource = new Map<number, VariantGroup<{ text: string }>>();
    const byTarget = new Map<number, VariantGroup<{ text: string }>>();
    let lang = 'en';
    const units = new UnitTable();
    return {
      unit(a) {
        if (a.targetBlank || !ctx.enabled('inconsistent-segment')) return;
        lang = a.unit.sourceLang;
        const src = squash(a.unit.source.text);
        if (src.replace(/\uFFFC/g, '') === '') return;
        const tgt = squash(a.unit.target!.text);
        const loc = units.ref(a.location);
        // one label string per side, shared by both maps
        const srcLabel = label(src);
        const tgtLabel = label(tgt);
        const sk = hash53(src);
        const tk = hash53(tgt);
        let sg = bySource.get(sk);
        if (!sg) bySource.set(sk, (sg = new VariantGroup({ text: srcLabel })));
        sg.add(tk, tgtLabel, loc, ctx.maxLocations);
        let tg = byTarget.get(tk);
        if (!tg) byTarget.set(tk, (tg = new VariantGroup({ text: tgtLabel })));
        tg.add(hash53(loose(src, a.unit.sourceLang)), srcLabel, loc, ctx.maxLocations, undefined, a.unit.group ?? '');
      },
      finish(emit) {
        const make = (g: VariantGroup<{ text: string }>, key: string) => {
          const vs = g.sorted();
          const locations = locationsOf(vs, units);
          const first = headline(vs, units);
          emit({
            checkId: 'inconsistent-segment',
            severity: ctx.severity('inconsistent-segment'),
            file: first.file,
            ...(first.part ? { part: first.part } : {}),
            unitId: first.unitId,
            ...(first.line !== undefined ? { line: first.line } : {}),
            term: g.extra.text,
            messageKey: key,
            params: { text: g.extra.text, variants: describeVariants(vs), count: vs.length },
            locations,
            counts: countsOf(vs),
          });
        };
        for (const g of bySource.values()) if (g.size > 1) make(g, 'findings.inconsistent-segment');
        for (const g of byTarget.values()) {
          if (g.size < 2) continue;
          const groups = new Set<string>();
          for (const v of g.variants()) for (const x of v.groups ?? []) groups.add(x);
          if (groups.size === 1 && !groups.has('')) continue; // plural/context forms of one key
          if (nested(g, lang)) continue;
          make(g, 'findings.inconsistent-segment-reverse');
        }
      },
    };
  },
};
