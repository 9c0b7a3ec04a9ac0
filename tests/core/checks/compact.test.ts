import { describe, expect, it } from 'vitest';
import { findIn, sameSquashed, squash } from '../../../src/core/checks/analyse.js';
import { HashIndex, TextPool, UnitTable } from '../../../src/core/checks/compact.js';
import { hash53, hash53Squashed } from '../../../src/core/checks/hash.js';
import { VariantStore } from '../../../src/core/checks/variants.js';
import { mulberry32 } from '../../support/prng.js';
import { corpus } from './helpers.js';

const PIECES = ['a', 'B', ' ', '  ', '\t', '\n', '\u3000', '\u00a0', '\ufeff', '数据', 'x y', '\uFFFC', '。', ''];

function randomText(rnd: () => number, max = 8): string {
  let s = '';
  const n = Math.floor(rnd() * max);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(rnd() * PIECES.length)]!;
  return s;
}

describe('compact check state', () => {
  it('sameSquashed agrees with squash(a) === squash(b) (seed 4101)', () => {
    const rnd = mulberry32(4101);
    for (let i = 0; i < 5000; i++) {
      const a = randomText(rnd);
      const b = rnd() < 0.3 ? a.replace(/ /g, '   ') : randomText(rnd);
      expect(sameSquashed(a, b), JSON.stringify([a, b])).toBe(squash(a) === squash(b));
    }
  });

  it('hash53Squashed(s) is hash53(squash(s)) without building the string (seed 4104)', () => {
    const rnd = mulberry32(4104);
    for (let i = 0; i < 5000; i++) {
      const s = randomText(rnd, 12);
      expect(hash53Squashed(s), JSON.stringify(s)).toBe(hash53(squash(s)));
    }
    expect(hash53Squashed(' a \t b ')).not.toBe(hash53Squashed('a b c'));
  });

  it('HashIndex maps 53-bit hashes like a Map, through growth (seed 4102)', () => {
    const rnd = mulberry32(4102);
    const idx = new HashIndex(4);
    const ref = new Map<number, number>();
    for (let i = 0; i < 20000; i++) {
      const h = hash53(String(Math.floor(rnd() * 8000)));
      if (!ref.has(h)) {
        expect(idx.get(h)).toBe(-1);
        ref.set(h, i);
        idx.add(h, i);
      }
      expect(idx.get(h)).toBe(ref.get(h));
    }
    expect(idx.size).toBe(ref.size);
    expect(idx.get(0)).toBe(-1);
  });

  it('TextPool and UnitTable give back what was stored, across chunks', () => {
    const pool = new TextPool();
    const units = new UnitTable();
    const texts: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const t = i % 7 === 0 ? '' : `${i % 3 ? 'id' : '单元'}-${i}`;
      texts.push(t);
      expect(pool.add(t)).toBe(i);
      const loc = { file: `f${i % 2}.xlf`, unitId: t, ...(i % 5 ? { line: i } : {}), ...(i % 4 === 0 ? { part: 'p' } : {}) };
      expect(units.ref(loc)).toBe(i);
      expect(units.ref(loc)).toBe(i); // the same location object again: the same unit
    }
    for (let i = 0; i < 3000; i++) {
      expect(pool.get(i)).toBe(texts[i]);
      const l = units.get(i);
      expect(l).toEqual({ file: `f${i % 2}.xlf`, unitId: texts[i], ...(i % 4 === 0 ? { part: 'p' } : {}), ...(i % 5 ? { line: i } : {}) });
    }
  });

  it('VariantStore counts exactly, keeps at most max locations per variant, and sorts by count', () => {
    const units = new UnitTable();
    for (let i = 0; i < 20; i++) units.ref({ file: 'f', unitId: `u${i}` });
    const st = new VariantStore(true, 2);
    const g = st.group(7, 'seven');
    for (let i = 0; i < 12; i++) {
      const key = i < 3 ? 7 : i % 10; // many variants: the by-key index takes over past 8
      const v = st.find(g, key) >= 0 ? st.find(g, key) : st.variant(g, key, `v${key}`);
      st.add(v, i, { ss: i, se: i + 1, ts: -1, te: -1 }, `s${i}`);
    }
    expect(st.sizeOf(g)).toBe(9); // 7 and 3, 4, 5, 6, 8, 9, 0, 1
    const vs = st.sorted(g);
    expect(st.labelOf(vs[0]!)).toBe('seven');
    expect(st.counts(vs)).toMatchObject({ seven: 4, v3: 1 });
    const locs = st.locations(vs, units);
    expect(locs.filter((l) => l.variant === 'seven').map((l) => [l.unitId, l.source])).toEqual([
      ['u0', { start: 0, end: 1, text: 's0' }],
      ['u1', { start: 1, end: 2, text: 's0' }],
    ]);
    expect(locs.every((l) => l.target === undefined)).toBe(true);
  });
});

describe('findIn', () => {
  it('equals the language-filtered search, with and without overlaps, on mixed-language text (seed 4103)', async () => {
    const { matcher } = await corpus();
    const words = ['export controls', '出口管制', 'AI', 'artificial intelligence', '人工智能', 'chips', '芯片', 'data center', '数据中心', 'the', ', ', '。', ' '];
    const rnd = mulberry32(4103);
    for (let i = 0; i < 300; i++) {
      let text = '';
      const n = 1 + Math.floor(rnd() * 10);
      for (let k = 0; k < n; k++) text += words[Math.floor(rnd() * words.length)]!;
      for (const lang of ['en', 'zh-Hans']) {
        for (const overlapping of [false, true]) {
          expect(findIn(matcher, text, lang, overlapping), `${lang} ${overlapping} ${text}`).toEqual(matcher.find(text, { langs: [lang], overlapping }));
        }
      }
    }
  });
});
