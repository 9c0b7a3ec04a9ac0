/**
 * Internal structure of multi-word candidates, from the candidate table alone (no second pass over the text).
 *
 * A candidate of three or more words is bracketed (binary constituent structure) by splitting it where both
 * sides are most often seen on their own: split point b scores f′(left) · f′(right), where f′ of a side counts
 * its occurrences in the input that do not continue across the split (管制 is always 出口管制, so it is not
 * free at 出口|管制) and is at least the candidate's own frequency. Splits within a factor τ of the best are all
 * kept (ambiguous structures keep every reading). Two things follow for the shorter candidates inside:
 *
 * - **crossing** sub-spans cut across every reading (权重人工智能 in [[开放 权重] 人工智能], 歧视性出口 in
 *   [歧视性 [出口 管制]]): those occurrences are fragments, not term occurrences, and are subtracted;
 * - **constituent** sub-spans of two or more words (初创企业 in [人工智能 [初创 企业]], 科学数据集 in
 *   [世界级 [科学 数据集]]) are terms in their own right: C-value does not discount them for the container.
 *
 * Longer candidates are analysed first; each votes with the occurrences not already analysed as a constituent
 * of a longer one, so nested containers do not count one occurrence twice.
 */
import type { CountEntry } from './counter.js';

/** Result of {@link analyseNesting}. */
export interface NestingAnalysis {
  /** Occurrences of a candidate (by key) that cut across the structure of a longer candidate. */
  crossing: Map<string, number>;
  /** For a container key: keys of its multi-word constituents (not discounted by C-value). */
  constituents: Map<string, Set<string>>;
}

/** Options of {@link analyseNesting}. */
export interface NestingOptions {
  /** Splits scoring at least best/τ are kept as alternative readings. @default 1.5 */
  tau?: number;
  /** Rarer candidates are not analysed as containers (large inputs, where they cannot be ranked anyway). @default 1 */
  minFrequency?: number;
  /** Frequency of a candidate by key, when the caller has them by key (otherwise a map is built here). */
  frequencyOf?: (key: string) => number | undefined;
  /** Whether a candidate's first word only modifies the rest (美国|人工智能联盟): its top split is after that word. */
  leadOnly?: (e: CountEntry) => boolean;
}

/** Words that link a head to a following complement inside a candidate (English `of` phrases). */
const LINK_WORDS: ReadonlySet<string> = new Set(['of']);

/** Longest candidate analysed, in words (positions are packed as i·64 + j). */
const MAX_PARTS = 63;

/**
 * Keys of every contiguous sub-sequence shorter than the whole, by length then start: the sub-span [i, i + len)
 * is at index {@link subspanIndex}(k, i, len).
 */
export function subspanKeys(parts: readonly string[], keyOf: (parts: readonly string[]) => string): string[] {
  const keys: string[] = [];
  for (let len = 1; len < parts.length; len++) {
    for (let i = 0; i + len <= parts.length; i++) keys.push(keyOf(parts.slice(i, i + len)));
  }
  return keys;
}

/** Index of sub-span [i, i + len) of a k-word candidate in {@link subspanKeys}. */
export function subspanIndex(k: number, i: number, len: number): number {
  // lengths 1 … len−1 hold k, k−1, … k−len+2 sub-spans
  return (len - 1) * k - ((len - 1) * (len - 2)) / 2 + i;
}

/** Analyses every candidate of three or more words (see the file comment). */
export function analyseNesting(
  entries: readonly CountEntry[],
  keyOf: (parts: readonly string[]) => string,
  options: NestingOptions = {},
  nestedOf: (e: CountEntry) => readonly string[] = (e) => subspanKeys(e.parts, keyOf),
): NestingAnalysis {
  const tau = options.tau ?? 1.5;
  let frequencyOf = options.frequencyOf;
  if (!frequencyOf) {
    const freq = new Map<string, number>();
    for (const e of entries) freq.set(e.key, e.frequency);
    frequencyOf = (key) => freq.get(key);
  }
  const crossing = new Map<string, number>();
  const covered = new Map<string, number>();
  const constituentsOf = new Map<string, Set<string>>();
  const minFrequency = options.minFrequency ?? 1;
  const long = entries.filter((e) => e.parts.length >= 3 && e.parts.length <= MAX_PARTS && e.frequency >= minFrequency).sort((a, b) => b.parts.length - a.parts.length);
  for (const e of long) {
    const k = e.parts.length;
    const n1 = k + 1;
    const nested = nestedOf(e);
    // raw[i·n1 + j]: frequency of sub-span [i, j), or the candidate's own when the sub-span is not a candidate
    const raw = new Float64Array(n1 * n1);
    const known = new Uint8Array(n1 * n1);
    let idx = 0;
    for (let len = 1; len < k; len++) {
      for (let i = 0; i + len <= k; i++) {
        const f = frequencyOf(nested[idx++]!);
        raw[i * n1 + i + len] = f ?? e.frequency;
        if (f !== undefined) known[i * n1 + i + len] = 1;
      }
    }
    raw[k] = e.frequency;
    // occurrences of side [i, j) not continued across split b (by the word on the other side of b)
    const free = (i: number, j: number, b: number): number => {
      const continued = i === b ? raw[(i - 1) * n1 + j]! : raw[i * n1 + j + 1]!;
      return Math.max(e.frequency, raw[i * n1 + j]! - continued + e.frequency);
    };
    // a prepositional link (Department | of Commerce) is where the phrase divides, whatever the counts say
    let link = -1;
    for (let n = 1; n < k - 1 && link < 0; n++) if (LINK_WORDS.has(e.parts[n]!.toLowerCase())) link = n;
    const linked = link > 0 ? (i: number, j: number) => (i < link && link < j ? link : i === link && j - i > 1 ? link + 1 : undefined) : undefined;
    const forced = options.leadOnly?.(e) ? (i: number, j: number) => (i === 0 && j === k ? 1 : linked?.(i, j)) : linked;
    const cons = bracketings(k, free, tau, forced);

    const votes = Math.max(0, e.frequency - (crossing.get(e.key) ?? 0) - (covered.get(e.key) ?? 0));
    // a container that may be a term itself and recurs is the term where its constituents never occur without it;
    // one seen once, or only counted for structure (开放权重人工智能) or a free combination, leaves them their due
    const termLike = !e.structural && !options.leadOnly?.(e);
    idx = 0;
    for (let len = 1; len < k; len++) {
      for (let i = 0; i + len <= k; i++, idx++) {
        if (!known[i * n1 + i + len]) continue;
        const key = nested[idx]!;
        const isConstituent = cons.has(i * 64 + i + len);
        if (votes > 0) {
          const table = isConstituent ? covered : crossing;
          table.set(key, (table.get(key) ?? 0) + votes);
        }
        if (isConstituent && len >= 2 && (!termLike || e.frequency < 2 || (frequencyOf(key) ?? 0) > e.frequency)) {
          let set = constituentsOf.get(e.key);
          if (!set) constituentsOf.set(e.key, (set = new Set()));
          set.add(key);
        }
      }
    }
  }
  return { crossing, constituents: constituentsOf };
}

/**
 * Constituents (i·64 + j) of all readings of a span of k words: recursively split where
 * free(left) · free(right) is largest, keeping every split within a factor τ of the best; `forced` names the
 * only split of a span where there is one.
 */
export function bracketings(
  k: number,
  free: (i: number, j: number, b: number) => number,
  tau: number,
  forced?: (i: number, j: number) => number | undefined,
): Set<number> {
  const out = new Set<number>();
  const visit = (i: number, j: number): void => {
    if (out.has(i * 64 + j)) return;
    out.add(i * 64 + j);
    if (j - i < 2) return;
    const b = forced?.(i, j);
    if (b !== undefined) {
      visit(i, b);
      visit(b, j);
      return;
    }
    const scores: number[] = [];
    for (let b = i + 1; b < j; b++) scores.push(free(i, b, b) * free(b, j, b));
    const best = Math.max(...scores);
    scores.forEach((s, n) => {
      if (s * tau >= best) {
        visit(i, i + 1 + n);
        visit(i + 1 + n, j);
      }
    });
  };
  visit(0, k);
  return out;
}
