/**
 * Exact multi-pattern matching (no normalisation, no word boundaries, case-sensitive) over UTF-16 code
 * units: the mode the benchmark gate compares with `grep -F -o`. Leftmost-longest non-overlapping by
 * default (grep's `-o` semantics), every overlapping occurrence on request.
 */
import { Automaton, BASE_MASK, CHECK, DEPTH, FAIL, REC_SHIFT } from './automaton.js';

export interface ExactMatch {
  start: number;
  end: number;
  /** Index of the pattern in the list given to buildExactMatcher. */
  pattern: number;
}

export interface ExactOptions {
  /** All overlapping occurrences instead of leftmost-longest non-overlapping ones. @default false */
  overlapping?: boolean;
}

export interface ExactMatcher {
  readonly automaton: Automaton;
  /** Number of distinct non-empty patterns. */
  readonly patternCount: number;
  /** Longest pattern, in UTF-16 code units. */
  readonly maxPatternLength: number;
  /** Counts matches without allocating them. */
  count(text: string, options?: ExactOptions): number;
  find(text: string, options?: ExactOptions): ExactMatch[];
  /** The automaton as bytes (see loadExactMatcher). */
  serialize(): Uint8Array;
}

type Emit = (start: number, end: number, pattern: number) => void;

/** Leftmost-longest, non-overlapping: at the leftmost start, the longest pattern; resume after it. */
export function scanLeftmostLongest(a: Automaton, text: string, emit: Emit): void {
  const { code, da, link, out, dict } = a;
  const n = text.length;
  let i = 0;
  let s = 0;
  let cs = -1;
  let ce = -1;
  let cp = -1;
  for (;;) {
    while (i < n) {
      const x = code[text.charCodeAt(i++)]!;
      // transition (inlined Automaton.next)
      let b = 0;
      if (x === 0) s = 0;
      else {
        for (;;) {
          const t = (da[s]! & BASE_MASK) + x;
          if (da[t + CHECK] === s) {
            s = t;
            b = da[t]!;
            break;
          }
          if (s === 0) break;
          s = link[s + FAIL]!;
        }
      }
      if (s === 0) {
        if (cs >= 0) {
          emit(cs, ce, cp);
          i = ce;
          cs = -1;
        }
        continue;
      }
      if (b < 0) {
        // HAS_OUTPUT: the longest pattern ending here
        const p = out[s >> REC_SHIFT]!;
        const o = p >= 0 ? s : dict[s >> REC_SHIFT]!;
        const st = i - link[o + DEPTH]!;
        if (cs < 0 || st < cs || (st === cs && i > ce)) {
          cs = st;
          ce = i;
          cp = p >= 0 ? p : out[o >> REC_SHIFT]!;
        }
      }
      if (cs >= 0 && i - link[s + DEPTH]! > cs) {
        emit(cs, ce, cp);
        i = ce;
        s = 0;
        cs = -1;
      }
    }
    if (cs < 0) return;
    emit(cs, ce, cp);
    i = ce;
    s = 0;
    cs = -1;
  }
}

/** Every occurrence of every pattern, ordered by end then by decreasing length. */
export function scanOverlapping(a: Automaton, text: string, emit: Emit): void {
  const { da, link, out, dict } = a;
  const n = text.length;
  let s = 0;
  for (let i = 0; i < n; ) {
    s = a.next(s, text.charCodeAt(i));
    i++;
    if (da[s]! >= 0) continue;
    for (let o = out[s >> REC_SHIFT]! >= 0 ? s : dict[s >> REC_SHIFT]!; o >= 0; o = dict[o >> REC_SHIFT]!) emit(i - link[o + DEPTH]!, i, out[o >> REC_SHIFT]!);
  }
}

/** Counts leftmost-longest matches (no allocation). */
function countLeftmostLongest(a: Automaton, text: string): number {
  let c = 0;
  scanLeftmostLongest(a, text, () => {
    c++;
  });
  return c;
}

/** Counts overlapping matches (no allocation, no callback). */
function countOverlapping(a: Automaton, text: string): number {
  const { code, da, link, out, dict } = a;
  const n = text.length;
  let s = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = code[text.charCodeAt(i)]!;
    if (x === 0) {
      s = 0;
      continue;
    }
    for (;;) {
      const t = (da[s]! & BASE_MASK) + x;
      if (da[t + CHECK] === s) {
        s = t;
        break;
      }
      if (s === 0) break;
      s = link[s + FAIL]!;
    }
    if (da[s]! >= 0) continue;
    for (let o = out[s >> REC_SHIFT]! >= 0 ? s : dict[s >> REC_SHIFT]!; o >= 0; o = dict[o >> REC_SHIFT]!) count++;
  }
  return count;
}

function wrap(automaton: Automaton): ExactMatcher {
  return {
    automaton,
    patternCount: automaton.patternCount,
    maxPatternLength: automaton.maxDepth,
    count(text, options) {
      return options?.overlapping ? countOverlapping(automaton, text) : countLeftmostLongest(automaton, text);
    },
    find(text, options) {
      const res: ExactMatch[] = [];
      const emit: Emit = (start, end, pattern) => {
        res.push({ start, end, pattern });
      };
      if (options?.overlapping) scanOverlapping(automaton, text, emit);
      else scanLeftmostLongest(automaton, text, emit);
      return res;
    },
    serialize: () => automaton.serialize(),
  };
}

/**
 * Builds an exact matcher: no normalisation, no word boundaries, case-sensitive. Pattern ids are indices
 * into `patterns` (a repeated pattern keeps its first index; empty patterns are ignored).
 */
export function buildExactMatcher(patterns: readonly string[]): ExactMatcher {
  return wrap(Automaton.build(patterns));
}

/** Loads an exact matcher saved with `serialize()` (the typed arrays are used in place). */
export function loadExactMatcher(bytes: Uint8Array): ExactMatcher {
  return wrap(Automaton.deserialize(bytes));
}
