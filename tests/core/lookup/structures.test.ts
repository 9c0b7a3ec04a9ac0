/**
 * The typed-array building blocks of the lookup index against plain reference implementations, on seeded random
 * data (mulberry32, seeds in the test names): radix-sorted pairs, sorted keys, the hashed vocabulary, the
 * symmetric-delete index, batched script and reading caches.
 */
import { describe, expect, it } from 'vitest';
import { DeleteIndex, deletes1, hash32, osaDistance } from '../../../src/core/lookup/fuzzy.js';
import { ExactKeys } from '../../../src/core/lookup/exact-keys.js';
import { lookupKey, primeSimplifyChars } from '../../../src/core/lookup/keys.js';
import { keyDirectory, lowerBoundKey, sortPairs } from '../../../src/core/lookup/pairs.js';
import { PostingsBuilder } from '../../../src/core/lookup/postings.js';
import { SortedKeys } from '../../../src/core/lookup/sorted.js';
import { Vocabulary } from '../../../src/core/lookup/words.js';
import { toSimplifiedChars } from '../../../src/core/normalize/script.js';
import { plainReadingsOf, preloadReadings, readingsOf } from '../../../src/core/pinyin.js';
import { mulberry32 } from '../../support/prng.js';

type Rand = () => number;
const ALPHABET = [...'aabbceeilnorsst 出口管制開放權重一不行长重了儿𫛭\uffff'];
const randomKey = (r: Rand, max = 9) => Array.from({ length: Math.floor(r() * max) }, () => ALPHABET[Math.floor(r() * ALPHABET.length)]!).join('');

/** Reference Damerau–Levenshtein (optimal string alignment), full matrix. */
function osaReference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

describe('lookup index structures', () => {
  it('sortPairs orders by unsigned key and keeps input order for equal keys (seed 11)', () => {
    const r = mulberry32(11);
    const n = 5000;
    const keys = Int32Array.from({ length: n }, () => (r() < 0.3 ? Math.floor(r() * 8) : Math.floor(r() * 2 ** 32)) | 0);
    const values = Int32Array.from({ length: n }, (_, i) => i);
    const sorted = sortPairs(keys, values);
    const expected = [...values].sort((a, b) => keys[a]! >>> 0 !== keys[b]! >>> 0 ? (keys[a]! >>> 0) - (keys[b]! >>> 0) : a - b);
    expect([...sorted.values]).toEqual(expected);
    expect([...sorted.keys]).toEqual(expected.map((i) => keys[i]! >>> 0));
    const dir = keyDirectory(sorted.keys);
    for (let k = 0; k < 200; k++) {
      const probe = k % 2 ? sorted.keys[Math.floor(r() * n)]! : Math.floor(r() * 2 ** 32);
      const naive = sorted.keys.findIndex((x) => x >= probe);
      expect(lowerBoundKey(sorted.keys, dir, probe)).toBe(naive < 0 ? n : naive);
    }
  });

  it('SortedKeys orders like `<` on UTF-16 code units, ties by id, and finds prefixes (seed 12)', () => {
    const r = mulberry32(12);
    const keys = Array.from({ length: 3000 }, () => randomKey(r));
    const ids = Int32Array.from({ length: keys.length }, () => Math.floor(r() * 100));
    const sk = new SortedKeys(keys, ids);
    const expected = [...keys.keys()].sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : ids[a]! - ids[b]! || a - b));
    expect(sk.keys).toEqual(expected.map((i) => keys[i]));
    expect([...sk.ids]).toEqual(expected.map((i) => ids[i]));
    for (const prefix of ['', 'a', 'se', '出口', 'x', '\uffff']) {
      const seen: string[] = [];
      sk.forPrefix(prefix, 1e9, (p) => seen.push(sk.keys[p]!));
      expect(seen).toEqual(expected.map((i) => keys[i]!).filter((k) => k.startsWith(prefix)));
    }
  });

  it('ExactKeys finds every entry of a key in input order (seed 13)', () => {
    const r = mulberry32(13);
    const keys = Array.from({ length: 2000 }, () => randomKey(r, 4));
    const ids = Int32Array.from(keys.keys());
    const ek = new ExactKeys(keys, ids);
    for (const key of new Set(keys)) {
      const found: number[] = [];
      ek.forKey(key, (e) => found.push(ek.ids[e]!));
      expect(found).toEqual([...keys.keys()].filter((i) => keys[i] === key));
    }
    ek.forKey('not there', () => expect.fail('found a missing key'));
  });

  it('Postings return ascending, distinct ids per token, whatever the insertion order', () => {
    const b = new PostingsBuilder();
    for (const [tok, id] of [['a', 5], ['b', 1], ['a', 2], ['a', 5], ['c', 0], ['a', 1]] as const) b.add(tok, id);
    const p = b.build();
    expect([...p.get('a')]).toEqual([1, 2, 5]);
    expect([...p.get('b')]).toEqual([1]);
    expect([...p.get('zzz')]).toEqual([]);
  });

  it('Vocabulary interns ranges of keys and finds words (seed 14)', () => {
    const r = mulberry32(14);
    const v = new Vocabulary();
    const words = Array.from({ length: 3000 }, () => randomKey(r, 6).replace(/ /g, '') || 'x');
    const reference = new Map<string, number>();
    for (const w of words) {
      const key = `pre ${w} post`;
      const id = v.intern(key, 4, 4 + w.length);
      if (!reference.has(w)) reference.set(w, reference.size);
      expect(id).toBe(reference.get(w));
    }
    for (const [w, id] of reference) expect(v.get(w)).toBe(id);
    expect(v.get('no such word')).toBeUndefined();
    expect(v.size).toBe(reference.size);
  });

  it('osaDistance agrees with the full-matrix reference within its bound (seed 15)', () => {
    const r = mulberry32(15);
    for (let k = 0; k < 500; k++) {
      const a = randomKey(r, 8).replace(/ /g, '');
      const b = randomKey(r, 8).replace(/ /g, '');
      const d = osaReference(a, b);
      for (const max of [0, 1, 2, 3]) {
        const got = osaDistance(a, b, max);
        if (d <= max) expect(got, `${a} ${b} ${max}`).toBe(d);
        else expect(got, `${a} ${b} ${max}`).toBeGreaterThan(max);
      }
    }
  });

  it('DeleteIndex hashes the same deletions as deletes1 and finds every word within one edit (seed 16)', () => {
    const r = mulberry32(16);
    const vocab = [...new Set(Array.from({ length: 400 }, () => Array.from({ length: 2 + Math.floor(r() * 6) }, () => 'abcdeloss'[Math.floor(r() * 9)]).join('')))];
    const index = new DeleteIndex(vocab);
    const hashes = new Set<number>();
    for (const w of vocab) for (const s of [w, ...deletes1(w)]) hashes.add(hash32(s));
    expect(new Set((index as unknown as { hashes: Uint32Array }).hashes)).toEqual(hashes);
    for (const q of ['abc', 'lose', 'bess', 'dolo', 'sloe']) {
      const found = index.similar(q, 1);
      for (const [id, w] of vocab.entries()) {
        const d = osaReference(q, w);
        if (d === 1) expect(found.get(id), `${q} → ${w}`).toBe(1);
        else expect(found.has(id), `${q} → ${w}`).toBe(false);
      }
    }
  });

  it('batched script and reading caches give what one call per character gives', () => {
    const chars = [...'開放權重體資訊網絡行長樂重了儿们綠鬱乾後'];
    primeSimplifyChars([chars.join(''), 'AI晶片']);
    for (const c of chars) expect(lookupKey(c), c).toBe(toSimplifiedChars(c));
    preloadReadings(chars);
    for (const c of chars) expect(readingsOf(c).length).toBeGreaterThan(0);
    expect(plainReadingsOf('行')).toEqual(expect.arrayContaining(['xing', 'hang']));
    expect(plainReadingsOf('绿')).toContain('lv');
  });
});
