/**
 * Seeded property tests for lookup (mulberry32, fixed seeds named in each test): on random glossaries of
 * Chinese and English terms, every term is found at rank 1 by its own text, by its traditional form and
 * among the first 10 by its pinyin; a single-character typo in a word of 6+ letters is found in the top 10;
 * result lists are always ordered, unique and within the limit.
 */
import { describe, expect, it } from 'vitest';
import { buildLookupIndex } from '../../src/core/lookup/index.js';
import { lookupKey } from '../../src/core/lookup/keys.js';
import type { MatcherEntry } from '../../src/core/match/types.js';
import type { Concept, Term } from '../../src/core/model.js';
import { toSimplified, toTraditional } from '../../src/core/normalize/script.js';
import { pinyinOf } from '../../src/core/pinyin.js';
import { mulberry32 } from '../support/prng.js';


// Simplified characters that have a distinct traditional form (and come back unchanged), plus a few that do not.
const HAN_POOL = [...'出口管制开放权重人工智能数据中心芯片模型计算安全国家发展技术网络系统应用设备标准监测规则风险评估报告联邦政策机构资源电力'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const VOWELS = 'aeiou';
const CONSONANTS = 'bcdfghjklmnprstvwz';

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** A pronounceable pseudo-word of 4–10 letters that does not end in s (so it is its own singular). */
function word(r: Rand): string {
  const n = 4 + Math.floor(r() * 7);
  let w = '';
  for (let i = 0; i < n; i++) w += i % 2 === 0 ? pick(r, [...CONSONANTS]) : pick(r, [...VOWELS]);
  return w;
}

function glossary(seed: number, size: number): { entries: MatcherEntry[]; zh: Map<string, string>; en: Map<string, string> } {
  const r = mulberry32(seed);
  const keys = new Set<string>();
  const zh = new Map<string, string>();
  const en = new Map<string, string>();
  const entries: MatcherEntry[] = [];
  for (let i = 0; entries.length < size && i < size * 20; i++) {
    const n = 2 + Math.floor(r() * 4);
    let z = '';
    for (let k = 0; k < n; k++) z += pick(r, HAN_POOL);
    const e = Array.from({ length: 1 + Math.floor(r() * 3) }, () => word(r)).join(' ');
    const kz = lookupKey(z);
    const ke = lookupKey(e);
    if (keys.has(kz) || keys.has(ke)) continue;
    keys.add(kz);
    keys.add(ke);
    const id = `c${entries.length}`;
    zh.set(id, z);
    en.set(id, e);
    const terms: Term[] = [
      { text: z, lang: 'zh-Hans', status: 'preferred' },
      { text: e, lang: 'en', status: r() < 0.7 ? 'preferred' : 'admitted' },
    ];
    const concept: Concept = { id, terms, definitions: {}, notes: [] };
    entries.push({ glossaryId: r() < 0.5 ? 'g1' : 'g2', concept });
  }
  return { entries, zh, en };
}

function typo(r: Rand, w: string): string {
  const i = Math.floor(r() * w.length);
  switch (Math.floor(r() * 4)) {
    case 0:
      return w.slice(0, i) + w.slice(i + 1); // deletion
    case 1:
      return w.slice(0, i) + pick(r, [...LETTERS]) + w.slice(i); // insertion
    case 2: {
      const c = pick(r, [...LETTERS].filter((x) => x !== w[i]));
      return w.slice(0, i) + c + w.slice(i + 1); // substitution
    }
    default: {
      const j = Math.min(i, w.length - 2);
      return w[j] === w[j + 1] ? w.slice(0, j) + w.slice(j + 1) : w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2); // transposition
    }
  }
}

describe('lookup properties', () => {
  for (const seed of [1, 2024, 777]) {
    const { entries, zh, en } = glossary(seed, 400);
    const index = buildLookupIndex(entries);

    it(`finds every term by its exact text at rank 1 (seed ${seed})`, () => {
      for (const [id, text] of [...zh, ...en]) {
        const hit = index.search(text)[0];
        expect(hit?.conceptId, text).toBe(id);
        expect(hit?.reason, text).toBe('exact');
      }
    });

    it(`finds every Chinese term by its traditional form at rank 1 (seed ${seed})`, () => {
      let changed = 0;
      for (const [id, text] of zh) {
        const trad = toTraditional(text, 't');
        if (toSimplified(trad) !== text) continue; // a character whose round trip is ambiguous
        if (trad !== text) changed++;
        const hit = index.search(trad)[0];
        expect(hit?.conceptId, `${trad} (${text})`).toBe(id);
        expect(['exact', 'variant'], trad).toContain(hit?.reason);
      }
      expect(changed).toBeGreaterThan(zh.size / 2);
    });

    it(`finds every Chinese term by its pinyin (spaced, joined) and initials within the top 10 (seed ${seed})`, () => {
      for (const [id, text] of zh) {
        const { plain, initials } = pinyinOf(text);
        for (const q of [plain, plain.replace(/ /g, '')]) {
          const hits = index.search(q);
          expect(hits.map((h) => h.conceptId), `${q} (${text})`).toContain(id);
          expect(hits[0]?.reason, q).toBe('pinyin');
        }
        // Initials collide a lot in a small character pool: only check that the term is found among them.
        const byInitials = index.search(initials, { limit: 100 });
        expect(byInitials.map((h) => h.conceptId), `${initials} (${text})`).toContain(id);
      }
    });

    it(`finds a single-character typo of a 6+ letter English word in the top 10 (seed ${seed})`, () => {
      const r = mulberry32(seed ^ 0x5eed);
      let tried = 0;
      for (const [id, text] of en) {
        const words = text.split(' ');
        const wi = words.findIndex((w) => w.length >= 6);
        if (wi < 0) continue;
        words[wi] = typo(r, words[wi]!);
        const q = words.join(' ');
        const hits = index.search(q);
        expect(hits.map((h) => h.conceptId), `${q} (${text})`).toContain(id);
        tried++;
      }
      expect(tried).toBeGreaterThan(100);
    });

    it(`returns ordered, unique hits within the limit for random queries (seed ${seed})`, () => {
      const r = mulberry32(seed + 1);
      const texts = [...zh.values(), ...en.values()];
      for (let i = 0; i < 300; i++) {
        const text = pick(r, texts);
        const a = Math.floor(r() * text.length);
        const q = text.slice(a, a + 1 + Math.floor(r() * 6));
        const limit = 1 + Math.floor(r() * 15);
        const glossaryIds = r() < 0.3 ? ['g1'] : undefined;
        const hits = index.search(q, { limit, ...(glossaryIds ? { glossaryIds } : {}) });
        expect(hits.length).toBeLessThanOrEqual(limit);
        expect(new Set(hits.map((h) => h.conceptId)).size).toBe(hits.length);
        for (let k = 1; k < hits.length; k++) expect(hits[k - 1]!.score).toBeGreaterThanOrEqual(hits[k]!.score);
        if (glossaryIds) for (const h of hits) expect(h.glossaryId).toBe('g1');
      }
    });
  }
});
