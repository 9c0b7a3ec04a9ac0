/**
 * The replay option: the run keeps fingerprints of the segments instead of their texts, and reads the texts of
 * the repeated segments from a second pass. The findings must be exactly those of a run that keeps the texts.
 * Also: reading matches as packed rows through the concept index's per-term infos gives the findings of find().
 */
import { describe, expect, it } from 'vitest';
import { CheckRun, runChecks } from '../../../src/core/checks/index.js';
import { buildMatcher } from '../../../src/core/match/index.js';
import { conceptResolver } from '../../../src/service/check.js';
import type { BilingualUnit } from '../../../src/formats/types.js';
import { mulberry32 } from '../../support/prng.js';
import { corpus, unit } from './helpers.js';

const SOURCES = ['Export controls apply to chips.', 'Open-weight models', 'open-weight models.', 'The data center', 'Compute', 'Left', 'Align left', '  Compute ', 'Frontier models need compute.'];
const TARGETS = ['出口管制适用于芯片。', '开放权重模型', '开源权重模型', '数据中心', '算力', '计算资源', '左', '左对齐', '', '  算力'];

/** Units drawn from few texts, so that segments repeat with the same and with other translations (seed `seed`). */
function units(seed: number, n: number): BilingualUnit[] {
  const rnd = mulberry32(seed);
  const pick = (xs: string[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: BilingualUnit[] = [];
  for (let i = 0; i < n; i++) out.push(unit(pick(SOURCES), rnd() < 0.05 ? undefined : pick(TARGETS), rnd() < 0.2 ? { group: `k${Math.floor(rnd() * 3)}` } : {}));
  return out;
}

describe('replay option', () => {
  it('gives the same findings as keeping the texts (seeds 4201-4205)', async () => {
    const { matcher, resolve } = await corpus();
    let segments = 0;
    for (let seed = 4201; seed <= 4205; seed++) {
      const us = units(seed, 300);
      const kept = runChecks(us, matcher, resolve);
      const replayed = runChecks(us, matcher, resolve, { replay: true });
      expect(replayed).toEqual(kept);
      segments += kept.filter((f) => f.checkId === 'inconsistent-segment').length;
    }
    expect(segments).toBeGreaterThan(5);
  });

  it('needs the second pass only when a segment repeats, and refuses to finish without it', async () => {
    const { matcher, resolve } = await corpus();
    const distinct = new CheckRun(matcher, resolve, { replay: true });
    distinct.unit(unit('Compute', '算力'));
    distinct.unit(unit('Open-weight models', '开放权重模型'));
    expect(distinct.needsReplay()).toBe(false);
    expect(distinct.finish()).toEqual([]);

    const run = new CheckRun(matcher, resolve, { replay: true });
    const us = [unit('Compute', '算力'), unit('Compute', '计算资源')];
    for (const u of us) run.unit(u);
    expect(run.needsReplay()).toBe(true);
    expect(() => run.finish()).toThrow(/replay/);
    for (const u of us) run.replay(u);
    expect(run.needsReplay()).toBe(false);
    expect(run.finish().filter((f) => f.checkId === 'inconsistent-segment').map((f) => f.counts)).toEqual([{ 算力: 1, 计算资源: 1 }]);
  });
});

describe('packed rows and concept infos', () => {
  it('give the findings of the find() path, also when a concept id is given twice with other terms', async () => {
    const { entries } = await corpus();
    // the same concept id twice in one glossary: the resolver answers the second, so rows of the first entry must
    // not be read through the second entry's infos
    const first = entries.find((e) => e.concept.id === 'export-control')!;
    // the twin: the same terms at the same places except the deprecated 出口控制, which is 出口管控 (preferred) there,
    // and one more term; a row of the first entry read through the twin's infos would miss the deprecated term
    const twin = {
      glossaryId: first.glossaryId,
      concept: { ...first.concept, terms: [...first.concept.terms.map((t) => (t.status === 'deprecated' ? { ...t, text: '出口管控', status: 'preferred' as const } : t)), { text: 'twin term', lang: 'en', status: 'admitted' as const }] },
    };
    const all = [...entries, twin];
    const matcher = buildMatcher(all);
    const resolve = conceptResolver(all);
    const findOnly = { patternCount: matcher.patternCount, find: matcher.find.bind(matcher) };
    expect(matcher.findSpans).toBeDefined();
    const us = units(4301, 200);
    us.push(unit('Export control', '出口管制'), unit('Export control rules', '出口控制规则'), unit('export control and twin term', '出口控制'));
    const viaSpans = runChecks(us, matcher, resolve);
    const viaFind = runChecks(us, findOnly, resolve);
    expect(viaSpans).toEqual(viaFind);
    expect(viaSpans.length).toBeGreaterThan(10);
  });
});
