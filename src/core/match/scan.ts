/**
 * Scans of normalised text (Uint16Array units) with a per-candidate acceptance test (word boundaries,
 * languages, case): leftmost-longest non-overlapping, or all overlapping candidates.
 */
import type { Automaton } from './automaton.js';
import { DEPTH_MASK, DICT, HAS_OUTPUT, INFO, OUT } from './automaton.js';

/** Called for a candidate: the node whose pattern ends at `end` and starts at `start`. */
export type Accept = (node: number, start: number, end: number) => boolean;
export type EmitNode = (node: number, start: number, end: number) => void;

/**
 * Leftmost-longest: among accepted candidates the one with the smallest start, and for that start the
 * longest; scanning resumes at its end. A candidate is final once no partial match in the automaton
 * state can start at or before it.
 */
export function scanUnitsLeftmostLongest(a: Automaton, units: Uint16Array, length: number, accept: Accept, emit: EmitNode): void {
  const t = a.trie;
  let i = 0;
  let s = 0;
  let cs = -1;
  let ce = -1;
  let cn = -1;
  for (;;) {
    while (i < length) {
      s = a.next(s, units[i++]!);
      const info = t[s + INFO]!;
      if (info & HAS_OUTPUT) {
        for (let o = t[s + OUT]! >= 0 ? s : t[s + DICT]!; o >= 0; o = t[o + DICT]!) {
          const st = i - (t[o + INFO]! & DEPTH_MASK);
          if (cs >= 0 && st > cs) break; // shorter candidates start later still
          if (accept(o, st, i)) {
            if (cs < 0 || st < cs || i > ce) {
              cs = st;
              ce = i;
              cn = o;
            }
            break;
          }
        }
      }
      if (cs >= 0 && i - (info & DEPTH_MASK) > cs) {
        emit(cn, cs, ce);
        i = ce;
        s = 0;
        cs = -1;
      }
    }
    if (cs < 0) return;
    emit(cn, cs, ce);
    i = ce;
    s = 0;
    cs = -1;
  }
}

/** Every accepted candidate, ordered by end, then longest first. */
export function scanUnitsOverlapping(a: Automaton, units: Uint16Array, length: number, accept: Accept, emit: EmitNode): void {
  const t = a.trie;
  let s = 0;
  for (let i = 0; i < length; ) {
    s = a.next(s, units[i++]!);
    if (!(t[s + INFO]! & HAS_OUTPUT)) continue;
    for (let o = t[s + OUT]! >= 0 ? s : t[s + DICT]!; o >= 0; o = t[o + DICT]!) {
      const st = i - (t[o + INFO]! & DEPTH_MASK);
      if (accept(o, st, i)) emit(o, st, i);
    }
  }
}
