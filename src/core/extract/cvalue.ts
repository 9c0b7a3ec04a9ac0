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

/**
 * C-value of every candidate, by key. Never negative. `isCandidate` tells whether a key is one of the
 * candidates (when the caller already has them by key; otherwise a map of them is built here).
 */
export function cValues(candidates: Iterable<CValueInput>, nestedDiscount = 1, isCandidate?: (key: string) => boolean): Map<string, number> {
  let all: readonly CValueInput[];
  let has: (key: string) => boolean;
  if (isCandidate) {
    all = Array.isArray(candidates) ? (candidates as CValueInput[]) : [...candidates];
    has = isCandidate;
  } else {
    const byKey = new Map<string, CValueInput>();
    for (const c of candidates) byKey.set(c.key, c);
    all = [...byKey.values()];
    has = (key) => byKey.has(key);
  }
  // Σ f(b) and |T_a| for every nested candidate a (one record per a; `last` skips a repeated sub-span of one b)
  const containers = new Map<string, { sum: number; count: number; last: number }>();
  let n = 0;
  for (const b of all) {
    n++;
    for (const a of b.nested) {
      let acc = containers.get(a);
      if (!acc) {
        if (a === b.key || !has(a)) continue;
        containers.set(a, (acc = { sum: 0, count: 0, last: 0 }));
      }
      if (acc.last === n) continue;
      acc.last = n;
      acc.sum += b.frequency;
      acc.count++;
    }
  }
  const out = new Map<string, number>();
  for (const a of all) {
    const weight = Math.log2(a.words + 1);
    const acc = containers.get(a.key);
    const f = !acc || acc.count === 0 ? a.frequency : a.frequency - (nestedDiscount * acc.sum) / acc.count;
    out.set(a.key, Math.max(0, weight * f));
  }
  return out;
}
