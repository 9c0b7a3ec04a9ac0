/**
 * inconsistent-segment (warning), the Xbench check across the whole run: identical source text translated
 * differently, and identical target text coming from different sources. Whitespace is collapsed; for the
 * target→source direction source case, trailing punctuation and English inflection are ignored, and plural/context variants of
 * one i18next key are not compared with each other. Segments are keyed by a 53-bit hash in open-addressing
 * tables: per distinct segment and direction a table slot, a variant row and the variant's label (the other
 * side's text, up to 160 characters), plus 8 bytes per kept location — not the segments themselves.
 */
import { usesWhitespace } from '../lang.js';
import { termKey } from '../normalize/index.js';
import { hash53 } from './hash.js';
import type { Check } from './types.js';
import { HashIndex, IntList, own } from './compact.js';
import { VariantStore } from './variants.js';

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
function nested(store: VariantStore, g: number, lang: string): boolean {
  const keys = store
    .variants(g)
    .map((v) => termKey(store.labelOf(v).replace(/[\s.!?:;,…。！？：；，、]+$/u, ''), lang))
    .sort((x, y) => y.length - x.length);
  const longest = keys[0] ?? '';
  return keys.every((k) => k.length > 0 && longest.includes(k));
}

/** Only inline codes (or nothing) once whitespace is collapsed. */
function onlyCodes(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 0xfffc) return false;
  return true;
}

/**
 * One direction of the check: a 53-bit hash of the grouping text → a group of variants (each variant a hash
 * of the other side, with its label, count and locations). The group's own text is only stored once it has
 * a second variant (until then no finding can name it).
 */
class SegmentGroups {
  readonly index = new HashIndex();
  readonly store: VariantStore;
  readonly order = new IntList(1024);
  readonly text = new Map<number, string>();
  constructor(max: number) {
    this.store = new VariantStore(false, max, true);
  }
  add(key: number, keyLabel: () => string, variantKey: number, variantLabel: () => string, unit: number, groupKey?: string): void {
    const st = this.store;
    let g = this.index.get(key);
    let v: number;
    if (g < 0) {
      v = g = st.group(variantKey, variantLabel());
      this.index.add(key, g);
      this.order.push(g);
    } else {
      v = st.find(g, variantKey);
      if (v < 0) {
        v = st.variant(g, variantKey, variantLabel());
        if (!this.text.has(g)) this.text.set(g, own(keyLabel()));
      }
    }
    st.add(v, unit, undefined, undefined, undefined, groupKey);
  }
}

export const inconsistentSegment: Check = {
  id: 'inconsistent-segment',
  severity: 'warning',
  descriptionKey: 'checks.inconsistent-segment',
  create(ctx) {
    const bySource = new SegmentGroups(ctx.maxLocations);
    const byTarget = new SegmentGroups(ctx.maxLocations);
    let lang = 'en';
    const units = ctx.units;
    return {
      unit(a) {
        if (a.targetBlank || !ctx.enabled('inconsistent-segment')) return;
        lang = a.unit.sourceLang;
        const src = squash(a.unit.source.text);
        if (onlyCodes(src)) return;
        const tgt = squash(a.unit.target!.text);
        const loc = units.ref(a.location);
        const srcLabel = () => label(src);
        const tgtLabel = () => label(tgt);
        const sk = hash53(src);
        const tk = hash53(tgt);
        bySource.add(sk, srcLabel, tk, tgtLabel, loc);
        byTarget.add(tk, tgtLabel, hash53(loose(src, a.unit.sourceLang)), srcLabel, loc, a.unit.group ?? '');
      },
      finish(emit) {
        const make = (d: SegmentGroups, g: number, key: string) => {
          const st = d.store;
          const vs = st.sorted(g);
          const locations = st.locations(vs, units);
          const first = st.headline(vs, units);
          const text = d.text.get(g) ?? '';
          emit({
            checkId: 'inconsistent-segment',
            severity: ctx.severity('inconsistent-segment'),
            file: first.file,
            ...(first.part ? { part: first.part } : {}),
            unitId: first.unitId,
            ...(first.line !== undefined ? { line: first.line } : {}),
            term: text,
            messageKey: key,
            params: { text, variants: st.describe(vs), count: vs.length },
            locations,
            counts: st.counts(vs),
          });
        };
        for (let i = 0; i < bySource.order.length; i++) {
          const g = bySource.order.get(i);
          if (bySource.store.sizeOf(g) > 1) make(bySource, g, 'findings.inconsistent-segment');
        }
        const st = byTarget.store;
        for (let i = 0; i < byTarget.order.length; i++) {
          const g = byTarget.order.get(i);
          if (st.sizeOf(g) < 2) continue;
          const groups = new Set<string>();
          for (const v of st.variants(g)) for (const x of st.groupsOf(v)) groups.add(x);
          if (groups.size === 1 && !groups.has('')) continue; // plural/context forms of one key
          if (nested(st, g, lang)) continue;
          make(byTarget, g, 'findings.inconsistent-segment-reverse');
        }
      },
    };
  },
};
