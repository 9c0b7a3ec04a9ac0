/**
 * Seeded property test for every glossary parser: random glossaries full of Chinese (simplified and
 * traditional), astral characters, quotes, delimiters, bars and backslashes, newlines, XML specials and
 * formula-like text round-trip through every writable format (per the contract in contract.ts).
 */
import { describe, it } from 'vitest';
import type { Concept, Glossary, Term } from '../../src/core/model.js';
import { PARTS_OF_SPEECH, TERM_STATUSES, TERM_TYPES } from '../../src/core/model.js';
import { assertRoundTrip, roundTripFormats } from './contract.js';
import { mulberry32 } from '../support/prng.js';


const PIECES = [
  '开放', '权重', '開放', '權重', '出口管制', '前沿模型', '𠀀', '𪚥', '😀', '𝔘',
  'open', 'weight', 'AI', 'Ünïcödé', 'İı', 'ß',
  '"', "'", ',', ';', '\t', '|', '\\', '\\|', ' ', '  ', '\n', '\r\n', '<', '>', '&', '&amp;', ']]>',
  '=', '+', '-', '@', '＝', '＋', '－', '＠', "'=", '=SUM(A1)', '-1', '0042', '1e5', '·', '，', '。', '“', '”',
];
const LEADING_FORMULA = ['=', '+', '-', '@', '＝', "'", '\t'];

function makeText(rnd: () => number, maxPieces: number, opts: { term?: boolean } = {}): string {
  const n = 1 + Math.floor(rnd() * maxPieces);
  let s = '';
  if (rnd() < 0.2) s += LEADING_FORMULA[Math.floor(rnd() * LEADING_FORMULA.length)];
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(rnd() * PIECES.length)];
  if (opts.term) {
    s = s.replace(/[\r\n\t]+/g, ' ').trim();
    return s === '' || s === "'" ? `术语${Math.floor(rnd() * 1000)}` : s.slice(0, 200);
  }
  return s;
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

function randomGlossary(seed: number, size: number): Glossary {
  const rnd = mulberry32(seed);
  const concepts: Concept[] = [];
  for (let i = 0; i < size; i++) {
    const terms: Term[] = [];
    const used = new Set<string>();
    const count = 1 + Math.floor(rnd() * 5);
    for (let k = 0; k < count; k++) {
      const lang = pick(rnd, ['zh-Hans', 'zh-Hans', 'en', 'en', 'zh-Hant', 'fr']);
      const text = makeText(rnd, 4, { term: true });
      if (used.has(`${lang}\u0000${text}`)) continue;
      used.add(`${lang}\u0000${text}`);
      const t: Term = { text, lang, status: pick(rnd, TERM_STATUSES) };
      if (rnd() < 0.3) t.partOfSpeech = pick(rnd, PARTS_OF_SPEECH);
      if (rnd() < 0.2) t.termType = pick(rnd, TERM_TYPES);
      if (rnd() < 0.15) t.caseSensitive = true;
      if (rnd() < 0.3) t.context = makeText(rnd, 8);
      if (rnd() < 0.2) t.note = makeText(rnd, 6);
      if (rnd() < 0.1) t.source = makeText(rnd, 3);
      terms.push(t);
    }
    const c: Concept = { id: `c${i}-${Math.floor(rnd() * 1e6)}`, definitions: {}, notes: [], terms };
    if (rnd() < 0.5) c.definitions[pick(rnd, ['zh-Hans', 'en', 'fr'])] = makeText(rnd, 10);
    if (rnd() < 0.3) c.subjectField = makeText(rnd, 3);
    if (rnd() < 0.4) c.notes = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => makeText(rnd, 6));
    if (rnd() < 0.2) c.source = makeText(rnd, 3);
    if (rnd() < 0.2) c.related = [`c${Math.floor(rnd() * size)}`];
    concepts.push(c);
  }
  return { id: `random-${seed}`, name: `Random ${seed}`, languages: ['zh-Hans', 'en'], concepts };
}

describe('random glossaries round-trip through every format', () => {
  for (const seed of [1, 42, 20260729]) {
    for (const format of roundTripFormats()) {
      const layouts = ['csv', 'tsv', 'xlsx'].includes(format.id) ? (['concept', 'term'] as const) : ([undefined] as const);
      for (const layout of layouts) {
        it(`seed ${seed}: ${format.id}${layout ? ` / ${layout}` : ''}`, async () => {
          await assertRoundTrip(format, randomGlossary(seed, 25), layout ? { layout } : {});
        });
      }
    }
  }
});
