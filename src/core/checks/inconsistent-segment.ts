/**
 * inconsistent-segment (warning), the Xbench check across the whole run: identical source text translated
 * differently, and identical target text coming from different sources. Whitespace is collapsed; for the
 * target→source direction source case, trailing punctuation and English inflection are ignored, and
 * plural/context variants of one i18next key are not compared with each other. Segments are keyed by a 53-bit
 * hash in open-addressing tables: per distinct segment and direction a table slot, a variant row and the
 * variant's label (the other side's text, up to 160 characters), plus 8 bytes per kept location — not the
 * segments themselves. With the `replay` option the first pass keeps only a 32-bit fingerprint per distinct
 * segment and direction (about 8 bytes) and the exact keys of those seen twice; the second pass (CheckRun.replay)
 * groups only those, with their texts at hand: the same findings, memory no longer a text per unit.
 */
import { usesWhitespace } from '../lang.js';
import { termKey } from '../normalize/index.js';
import type { BilingualUnit } from '../../formats/types.js';
import { isBlank, isSpace, locationOf } from './analyse.js';
import { hash53, hash53Squashed } from './hash.js';
import type { Check, FindingLocation } from './types.js';
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

/** Only inline codes (or nothing) once whitespace is collapsed: `squash(s)` is all U+FFFC. */
function onlyCodes(s: string): boolean {
  let i = 0;
  let j = s.length;
  while (i < j && isSpace(s.charCodeAt(i))) i++;
  while (j > i && isSpace(s.charCodeAt(j - 1))) j--;
  for (; i < j; i++) if (s.charCodeAt(i) !== 0xfffc) return false;
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
  /** Counts a unit: `key`/`keyText` the grouping side, `variantKey`/`variantText` the other (texts as in the unit). */
  add(key: number, keyText: string, variantKey: number, variantText: string, unit: number, groupKey?: string): void {
    const st = this.store;
    let g = this.index.get(key);
    let v: number;
    if (g < 0) {
      v = g = st.group(variantKey, label(variantText));
      this.index.add(key, g);
      this.order.push(g);
    } else {
      v = st.find(g, variantKey);
      if (v < 0) {
        v = st.variant(g, variantKey, label(variantText));
        if (!this.text.has(g)) this.text.set(g, own(label(keyText)));
      }
    }
    st.add(v, unit, undefined, undefined, undefined, groupKey);
  }
}

/**
 * Keys seen, as 32-bit fingerprints in an open-addressing table (about 8 bytes a key), and the exact keys seen
 * more than once (or whose fingerprint collided: a candidate too many costs nothing but a group that stays single).
 */
class SeenTwice {
  private slots = new Int32Array(1024);
  private mask = 1023;
  private size = 0;
  readonly twice = new HashIndex(64);
  add(key: number): void {
    const f = key % 4294967296 | 0 || 1;
    for (let i = Math.imul(f, 0x9e3779b1) >>> 0 & this.mask; ; i = (i + 1) & this.mask) {
      const x = this.slots[i]!;
      if (x === 0) {
        this.slots[i] = f;
        if (++this.size * 10 > this.slots.length * 7) this.grow();
        return;
      }
      if (x === f) {
        if (this.twice.get(key) < 0) this.twice.add(key, 1);
        return;
      }
    }
  }
  has(key: number): boolean {
    return this.twice.get(key) >= 0;
  }
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length - 1;
    for (let j = 0; j < old.length; j++) {
      const f = old[j]!;
      if (f === 0) continue;
      for (let i = Math.imul(f, 0x9e3779b1) >>> 0 & this.mask; ; i = (i + 1) & this.mask) {
        if (this.slots[i] === 0) {
          this.slots[i] = f;
          break;
        }
      }
    }
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
    // replay: the first pass only notes which segments occur more than once; the second groups those
    const replay = ctx.options.replay === true;
    const sources = replay ? new SeenTwice() : undefined;
    const targets = replay ? new SeenTwice() : undefined;
    let replayed = false;
    const group = (u: BilingualUnit, loc: FindingLocation | number, src: string, tgt: string, sk: number, tk: number, all: boolean) => {
      const sourceTwice = all || sources!.has(sk);
      const targetTwice = all || targets!.has(tk);
      if (!sourceTwice && !targetTwice) return;
      const unit = typeof loc === 'number' ? loc : units.ref(loc);
      if (sourceTwice) bySource.add(sk, src, tk, tgt, unit);
      if (targetTwice) byTarget.add(tk, tgt, hash53(loose(src, u.sourceLang)), src, unit, u.group ?? '');
    };
    return {
      unit(a) {
        if (a.targetBlank || !ctx.enabled('inconsistent-segment')) return;
        lang = a.unit.sourceLang;
        const src = a.unit.source.text;
        if (onlyCodes(src)) return;
        const tgt = a.unit.target!.text;
        const sk = hash53Squashed(src);
        const tk = hash53Squashed(tgt);
        if (replay) {
          sources!.add(sk);
          targets!.add(tk);
        } else group(a.unit, units.ref(a.location), src, tgt, sk, tk, true);
      },
      wantsReplay() {
        return replay && !replayed && (sources!.twice.size > 0 || targets!.twice.size > 0);
      },
      replay(u) {
        replayed = true;
        if (isBlank(u.target?.text) || !ctx.enabled('inconsistent-segment')) return;
        const src = u.source.text;
        if (onlyCodes(src)) return;
        const tgt = u.target!.text;
        group(u, locationOf(u), src, tgt, hash53Squashed(src), hash53Squashed(tgt), false);
      },
      finish(emit) {
        if (replay && !replayed && (sources!.twice.size > 0 || targets!.twice.size > 0)) throw new Error('inconsistent-segment: with the replay option the units must be fed again (CheckRun.replay) before finish');
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
