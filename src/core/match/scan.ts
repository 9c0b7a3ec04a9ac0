/**
 * Scans of normalised text (Uint16Array units) with a per-candidate acceptance test (word boundaries,
 * languages, case): leftmost-longest non-overlapping, or all overlapping candidates.
 */
import type { Automaton } from './automaton.js';
import { BASE_MASK, CHECK, DEPTH, FAIL, REC_SHIFT } from './automaton.js';

/** Called for a candidate: the node whose pattern ends at `end` and starts at `start`. */
export type Accept = (node: number, start: number, end: number) => boolean;
export type EmitNode = (node: number, start: number, end: number) => void;

/**
 * Leftmost-longest: among accepted candidates the one with the smallest start, and for that start the
 * longest; scanning resumes at its end. A candidate is final once no partial match in the automaton
 * state can start at or before it.
 */
export function scanUnitsLeftmostLongest(a: Automaton, units: Uint16Array, length: number, accept: Accept, emit: EmitNode): void {
  const { code, da, link, out, dict } = a;
  let i = 0;
  let s = 0;
  let cs = -1;
  let ce = -1;
  let cn = -1;
  for (;;) {
    while (i < length) {
      const x = code[units[i++]!]!;
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
      if (b < 0) {
        // HAS_OUTPUT: candidates ending here, longest first
        for (let o = out[s >> REC_SHIFT]! >= 0 ? s : dict[s >> REC_SHIFT]!; o >= 0; o = dict[o >> REC_SHIFT]!) {
          const st = i - link[o + DEPTH]!;
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
      if (cs >= 0 && i - link[s + DEPTH]! > cs) {
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
  const { da, link, out, dict } = a;
  let s = 0;
  for (let i = 0; i < length; ) {
    s = a.next(s, units[i++]!);
    if (da[s]! >= 0) continue;
    for (let o = out[s >> REC_SHIFT]! >= 0 ? s : dict[s >> REC_SHIFT]!; o >= 0; o = dict[o >> REC_SHIFT]!) {
      const st = i - link[o + DEPTH]!;
      if (accept(o, st, i)) emit(o, st, i);
    }
  }
}
