/**
 * Seeded differential tests: the automaton against a naive indexOf-based matcher on random glossaries
 * and texts (mulberry32, fixed seeds named in each test).
 */
import { describe, expect, it } from 'vitest';
import { buildExactMatcher, buildMatcher } from '../../src/core/match/index.js';
import type { MatcherEntry } from '../../src/core/match/index.js';
import { mulberry32 } from '../support/prng.js';


// a small alphabet so that patterns overlap a lot: ASCII, Han, full-width and an astral character
const ALPHABET = ['a', 'b', 'c', 'a', 'b', '人', '工', '智', 'Ａ', '𠀀'];

function randomString(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
  return s;
}

type Hit = [number, number];

/** Every occurrence of every pattern, found with indexOf. */
function naiveOverlapping(patterns: string[], text: string): Hit[] {
  const hits: Hit[] = [];
  for (const p of new Set(patterns)) {
    if (!p) continue;
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) hits.push([i, i + p.length]);
  }
  return hits.sort((x, y) => x[1] - y[1] || y[1] - y[0] - (x[1] - x[0]));
}

/** grep -F -o: at the leftmost position where any pattern starts, the longest one; go on after it. */
function naiveLeftmostLongest(patterns: string[], text: string): Hit[] {
  const hits: Hit[] = [];
  let pos = 0;
  for (;;) {
    let best: Hit | undefined;
    for (const p of patterns) {
      if (!p) continue;
      const i = text.indexOf(p, pos);
      if (i < 0) continue;
      if (!best || i < best[0] || (i === best[0] && i + p.length > best[1])) best = [i, i + p.length];
    }
    if (!best) return hits;
    hits.push(best);
    pos = best[1];
  }
}

const SEEDS = [1, 7, 42, 2024, 31337, 0xc0ffee];

describe('exact automaton vs naive indexOf matcher', () => {
  for (const seed of SEEDS) {
    it(`agrees on 150 random glossaries and texts (seed ${seed})`, () => {
      const rand = mulberry32(seed);
      for (let round = 0; round < 150; round++) {
        const patterns = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => randomString(rand, 0, 5));
        const text = randomString(rand, 0, 120);
        const m = buildExactMatcher(patterns);
        const ll = m.find(text).map((h): Hit => [h.start, h.end]);
        expect(ll, `seed ${seed} round ${round}: ${JSON.stringify({ patterns, text })}`).toEqual(naiveLeftmostLongest(patterns, text));
        expect(m.count(text)).toBe(ll.length);
        const ov = m.find(text, { overlapping: true });
        for (const h of ov) expect(text.slice(h.start, h.end)).toBe(patterns[h.pattern]);
        expect(ov.map((h): Hit => [h.start, h.end])).toEqual(naiveOverlapping(patterns, text));
        expect(m.count(text, { overlapping: true })).toBe(ov.length);
      }
    });
  }
});

/** Han-only glossaries have no word boundaries: the glossary matcher must agree with indexOf too. */
describe('glossary matcher on Han text vs naive indexOf matcher', () => {
  const HAN = ['人', '工', '智', '能', '数', '据'];
  for (const seed of [3, 99, 4096]) {
    it(`agrees on 100 random Han glossaries and texts (seed ${seed})`, () => {
      const rand = mulberry32(seed);
      const pick = (min: number, max: number) => {
        const n = min + Math.floor(rand() * (max - min + 1));
        let s = '';
        for (let i = 0; i < n; i++) s += HAN[Math.floor(rand() * HAN.length)]!;
        return s;
      };
      for (let round = 0; round < 100; round++) {
        const terms = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 8) }, () => pick(1, 4)))];
        const entries: MatcherEntry[] = terms.map((t, i) => ({ glossaryId: 'g', concept: { id: `c${i}`, definitions: {}, notes: [], terms: [{ text: t, lang: 'zh-Hans', status: 'preferred' }] } }));
        const text = pick(0, 80);
        const m = buildMatcher(entries);
        const got = (overlapping: boolean) => [...new Set(m.find(text, { overlapping }).map((h) => `${h.start},${h.end}`))];
        const show = (hits: Hit[]) => hits.map((h) => `${h[0]},${h[1]}`);
        expect(got(false), `seed ${seed} round ${round}`).toEqual(show(naiveLeftmostLongest(terms, text)));
        expect(got(true).sort(), `seed ${seed} round ${round}`).toEqual(show(naiveOverlapping(terms, text)).sort());
      }
    });
  }
});
