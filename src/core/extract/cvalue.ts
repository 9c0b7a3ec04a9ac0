/**
 * C-value (Frantzi, Ananiadou & Mima 2000): termhood of a candidate from its frequency, length and how
 * often it only appears nested inside longer candidates.
 *
 *   not nested:  C(a) = log2(|a| + 1) · f(a)
 *   nested:      C(a) = log2(|a| + 1) · ( f(a) − (1 / |T_a|) · Σ_{b ∈ T_a} f(b) )
 *
 * where |a| is the length in words (segments for Chinese) and T_a the longer candidates that contain a.
 * The `+ 1` (a common variant) gives single-word candidates a non-zero score so they rank with phrases.
 * `nestedDiscount` (α) scales the subtracted container frequency: 1 is the original C-value; below 1 a
 * term seen only inside one longer candidate (数据集 in 科学数据集, both once) keeps part of its score, which
 * matters in short documents where almost everything occurs once.
 */

/** What C-value needs to know about one candidate. */
export interface CValueInput {
  key: string;
  frequency: number;
  words: number;
  /** Keys of the shorter candidates nested in this one (contiguous sub-sequences that are candidates too). */
  nested: readonly string[];
}

/** C-value of every candidate, by key. Never negative. */
export function cValues(candidates: Iterable<CValueInput>, nestedDiscount = 1): Map<string, number> {
  const all = new Map<string, CValueInput>();
  for (const c of candidates) all.set(c.key, c);
  // Σ f(b) and |T_a| for every nested candidate a
  const containerSum = new Map<string, number>();
  const containerCount = new Map<string, number>();
  for (const b of all.values()) {
    for (const a of new Set(b.nested)) {
      if (a === b.key || !all.has(a)) continue;
      containerSum.set(a, (containerSum.get(a) ?? 0) + b.frequency);
      containerCount.set(a, (containerCount.get(a) ?? 0) + 1);
    }
  }
  const out = new Map<string, number>();
  for (const a of all.values()) {
    const weight = Math.log2(a.words + 1);
    const count = containerCount.get(a.key) ?? 0;
    const f = count === 0 ? a.frequency : a.frequency - (nestedDiscount * (containerSum.get(a.key) ?? 0)) / count;
    out.set(a.key, Math.max(0, weight * f));
  }
  return out;
}
