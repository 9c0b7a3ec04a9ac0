/**
 * Bilingual pair extraction from aligned segments: which Chinese candidate translates which English one.
 *
 * 1. Anchors first: pairs a glossary already holds and pairs the text defines (`开放权重（open-weight）`)
 *    are taken as they are; in each segment where both sides of an anchor occur, both are removed before
 *    counting, so they cannot attract other candidates.
 * 2. Association: for every zh/en candidate pair seen together in at least `minCooccurrence` segments,
 *    the Dice coefficient 2·c / (f_zh + f_en) and Dunning's log-likelihood G² (2×2 table over segments).
 * 3. Thresholds (`minDice`, `minLogLikelihood`), then competitive linking (Melamed 2000): pairs in order of
 *    score, each accepted only when neither side is already linked — every accepted pair is the mutual best
 *    match among the remaining ones. An optional dictionary (CC-CEDICT) adds to the score of pairs whose
 *    English matches a dictionary gloss of the Chinese.
 */

/** One aligned segment: the candidate keys found on each side. */
export interface AlignSegment {
  zh: readonly string[];
  en: readonly string[];
}

/** A known or defined pair (by candidate keys). */
export interface AnchorPair {
  zhKey: string;
  enKey: string;
  source: 'glossary' | 'definition';
}

export interface AlignOptions {
  /** @default 2 */
  minCooccurrence?: number;
  /** @default 0.5 */
  minDice?: number;
  /** @default 10.83 (p < 0.001 for one degree of freedom) */
  minLogLikelihood?: number;
  /** English glosses of a Chinese key (dictionary), lower-cased; optional. */
  dictionary?: (zhKey: string) => readonly string[] | undefined;
  /** Words of an English key, lower-cased (for dictionary comparison). @default split on spaces */
  enWords?: (enKey: string) => string[];
  /** Supporting segments reported per pair. @default 5 */
  maxEvidence?: number;
}

/** A proposed pair. */
export interface AlignedPair {
  zhKey: string;
  enKey: string;
  source: 'glossary' | 'definition' | 'association';
  /** 0–1: 1 for anchors; for associations Dice, raised by a dictionary match, capped at 0.99. */
  confidence: number;
  dice: number;
  logLikelihood: number;
  cooccurrences: number;
  /** Indexes of segments where both occur (first few). */
  segments: number[];
  /** The dictionary confirms the pair. */
  inDictionary?: boolean;
}

function xlogx(x: number): number {
  return x > 0 ? x * Math.log(x) : 0;
}

/**
 * Dunning's G² for co-occurrence count `c` of items with counts `a`, `b` in `n` segments; 0 when they
 * co-occur less often than chance (negative association is no evidence of a translation).
 */
export function logLikelihood(c: number, a: number, b: number, n: number): number {
  if (n <= 0 || c * n <= a * b) return 0;
  const k11 = c;
  const k12 = a - c;
  const k21 = b - c;
  const k22 = n - a - b + c;
  if (k12 < 0 || k21 < 0 || k22 < 0) return 0;
  const rows = xlogx(k11 + k12) + xlogx(k21 + k22);
  const cols = xlogx(k11 + k21) + xlogx(k12 + k22);
  const cells = xlogx(k11) + xlogx(k12) + xlogx(k21) + xlogx(k22);
  return Math.max(0, 2 * (cells - rows - cols + xlogx(n)));
}

/** Dice coefficient. */
export function dice(c: number, a: number, b: number): number {
  return a + b > 0 ? (2 * c) / (a + b) : 0;
}

/** Proposes zh–en pairs. Anchors come first, then associations in order of confidence. */
export function alignSegments(segments: readonly AlignSegment[], anchors: readonly AnchorPair[] = [], options: AlignOptions = {}): AlignedPair[] {
  const minC = options.minCooccurrence ?? 2;
  const minDice = options.minDice ?? 0.5;
  const minLL = options.minLogLikelihood ?? 10.83;
  const maxEvidence = options.maxEvidence ?? 5;
  const enWords = options.enWords ?? ((k: string) => k.toLowerCase().split(/\s+/));
  const n = segments.length;

  const anchorZh = new Map<string, AnchorPair[]>();
  for (const a of anchors) anchorZh.set(a.zhKey, [...(anchorZh.get(a.zhKey) ?? []), a]);
  const anchorEvidence = new Map<AnchorPair, number[]>();
  const anchorCount = new Map<AnchorPair, number>();

  // pass 1: anchors and frequencies (in segments)
  const cleaned: { zh: string[]; en: string[] }[] = [];
  const fz = new Map<string, number>();
  const fe = new Map<string, number>();
  segments.forEach((seg, i) => {
    const zh = new Set(seg.zh);
    const en = new Set(seg.en);
    for (const z of seg.zh) {
      for (const a of anchorZh.get(z) ?? []) {
        if (!en.has(a.enKey)) continue;
        anchorCount.set(a, (anchorCount.get(a) ?? 0) + 1);
        const ev = anchorEvidence.get(a) ?? [];
        if (ev.length < maxEvidence) ev.push(i);
        anchorEvidence.set(a, ev);
        zh.delete(a.zhKey);
        en.delete(a.enKey);
      }
    }
    cleaned.push({ zh: [...zh], en: [...en] });
    for (const z of zh) fz.set(z, (fz.get(z) ?? 0) + 1);
    for (const e of en) fe.set(e, (fe.get(e) ?? 0) + 1);
  });

  // pass 2: co-occurrences of candidates frequent enough to pass the threshold
  const cooc = new Map<string, { c: number; segs: number[] }>();
  cleaned.forEach((seg, i) => {
    const zs = seg.zh.filter((z) => (fz.get(z) ?? 0) >= minC);
    const es = seg.en.filter((e) => (fe.get(e) ?? 0) >= minC);
    for (const z of zs) {
      for (const e of es) {
        const k = `${z}\u0000${e}`;
        let r = cooc.get(k);
        if (!r) cooc.set(k, (r = { c: 0, segs: [] }));
        r.c++;
        if (r.segs.length < maxEvidence) r.segs.push(i);
      }
    }
  });

  const scored: AlignedPair[] = [];
  for (const [k, { c, segs }] of cooc) {
    if (c < minC) continue;
    const [z, e] = k.split('\u0000') as [string, string];
    const a = fz.get(z) ?? 0;
    const b = fe.get(e) ?? 0;
    const d = dice(c, a, b);
    const ll = logLikelihood(c, a, b, n);
    const glosses = options.dictionary?.(z);
    const inDictionary = glosses ? dictionaryMatch(glosses, enWords(e)) : false;
    if ((d < minDice || ll < minLL) && !(inDictionary && d >= minDice / 2)) continue;
    const confidence = Math.min(0.99, d + (inDictionary ? 0.25 : 0));
    const p: AlignedPair = { zhKey: z, enKey: e, source: 'association', confidence: round(confidence), dice: round(d), logLikelihood: round(ll), cooccurrences: c, segments: segs };
    if (inDictionary) p.inDictionary = true;
    scored.push(p);
  }
  // ties (nested candidates that always co-occur: data centers / centers) go to the longer pair
  scored.sort(
    (x, y) =>
      y.confidence - x.confidence ||
      y.zhKey.length + y.enKey.length - (x.zhKey.length + x.enKey.length) ||
      y.logLikelihood - x.logLikelihood ||
      (x.zhKey + x.enKey < y.zhKey + y.enKey ? -1 : 1),
  );

  const out: AlignedPair[] = [];
  const linkedZh = new Set<string>();
  const linkedEn = new Set<string>();
  for (const a of anchors) {
    const c = anchorCount.get(a) ?? 0;
    out.push({ zhKey: a.zhKey, enKey: a.enKey, source: a.source, confidence: 1, dice: 1, logLikelihood: 0, cooccurrences: c, segments: anchorEvidence.get(a) ?? [] });
    linkedZh.add(a.zhKey);
    linkedEn.add(a.enKey);
  }
  for (const p of scored) {
    if (linkedZh.has(p.zhKey) || linkedEn.has(p.enKey)) continue;
    linkedZh.add(p.zhKey);
    linkedEn.add(p.enKey);
    out.push(p);
  }
  return out;
}

/** A gloss matches when its content words equal the English candidate's words (order-free). */
function dictionaryMatch(glosses: readonly string[], words: string[]): boolean {
  const target = words.filter((w) => !STOP.has(w)).sort().join(' ');
  if (!target) return false;
  return glosses.some((g) => g.toLowerCase().split(/[\s,;/()]+/).filter((w) => w && !STOP.has(w)).sort().join(' ') === target);
}

const STOP = new Set(['a', 'an', 'the', 'of', 'to', 'and', 'or', 'for', 'in', 'on', 'by']);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
