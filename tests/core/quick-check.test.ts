/**
 * quickCheckConcept (checkConcept's fast path) against the zod schema path (checkConceptSchema): on random concepts, valid and
 * invalid, the fast path returns exactly checkConcept's concept (key order included) for everything
 * checkConcept accepts, and never accepts what checkConcept rejects.
 */
import { describe, expect, it } from 'vitest';
import { checkConceptSchema } from '../../src/core/model.js';
import { quickCheckConcept } from '../../src/core/quick-check.js';
import { mulberry32 } from '../support/prng.js';

function randomConcept(rand: () => number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const maybe = (p: number) => rand() < p;
  const text = () => pick(['开放权重', ' open weight ', 'AI', '', '  ', 'x'.repeat(501), 'chips', 'CHIPS', '出口管制', 'a|b']);
  const term = (): Record<string, unknown> => {
    const t: Record<string, unknown> = { text: text(), lang: pick(['zh-CN', 'zh', 'zh-TW', 'en', 'EN-us', 'e', 'fr', 'zh-Hant']), status: pick(['preferred', 'admitted', 'deprecated', 'forbidden', 'bogus']) };
    if (maybe(0.2)) t.partOfSpeech = pick(['noun', 'verb', 'gerund', undefined]);
    if (maybe(0.2)) t.termType = pick(['acronym', 'fullForm', 'weird']);
    if (maybe(0.2)) t.caseSensitive = pick([true, false, 'yes']);
    if (maybe(0.2)) t.context = pick(['ctx', 'y'.repeat(5001)]);
    if (maybe(0.1)) t.note = 'n';
    if (maybe(0.1)) t.source = 's';
    if (maybe(0.02)) t.unknown = 1;
    return t;
  };
  const c: Record<string, unknown> = { id: pick(['c1', 'open-weight', '-bad', 'a.b:c_d', 'x'.repeat(201), 7]), terms: Array.from({ length: Math.floor(rand() * 4) }, term) };
  if (maybe(0.7)) c.definitions = pick([{ en: 'd' }, { 'zh-CN': '定义', EN: 'x' }, {}, { en: 'z'.repeat(10001) }, { en: 3 }]);
  if (maybe(0.7)) c.notes = pick([['a', 'b'], [], [1], ['n'.repeat(10001)]]);
  if (maybe(0.2)) c.subjectField = pick(['AI', 's'.repeat(201)]);
  if (maybe(0.2)) c.source = 'src';
  if (maybe(0.2)) c.related = pick([['a'], [], [2]]);
  if (maybe(0.1)) c.specs = pick([{ match: ['m'] }, { noMatch: ['n'], match: [] }, { other: [] }, {}]);
  if (maybe(0.1)) c.extra = pick([{ k: 'v' }, { k: 1 }]);
  if (maybe(0.02)) c.bogus = true;
  return c;
}

describe('quickCheckConcept', () => {
  it('agrees with checkConcept on 5000 random concepts (seed 20261129)', () => {
    const rand = mulberry32(20261129);
    let accepted = 0;
    let rejected = 0;
    for (let i = 0; i < 5000; i++) {
      const input = randomConcept(rand);
      const quick = quickCheckConcept(structuredClone(input));
      const slow = checkConceptSchema(structuredClone(input));
      if (!slow.concept) {
        expect(quick, JSON.stringify(input)).toBeUndefined();
        rejected++;
        continue;
      }
      // everything checkConcept accepts, the fast path accepts too, with the same result
      expect(quick, JSON.stringify(input)).toBeDefined();
      accepted++;
      expect(JSON.stringify(quick)).toBe(JSON.stringify(slow.concept));
      expect(quick).toEqual(slow.concept);
    }
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(1000);
  });
});
