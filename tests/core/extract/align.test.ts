import { describe, expect, it } from 'vitest';
import { alignSegments, dice, logLikelihood } from '../../../src/core/extract/align.js';

describe('association measures', () => {
  it('computes Dice and G²', () => {
    expect(dice(3, 3, 3)).toBe(1);
    expect(dice(1, 3, 1)).toBe(0.5);
    expect(logLikelihood(5, 5, 5, 100)).toBeGreaterThan(30);
    expect(logLikelihood(1, 50, 50, 100)).toBeLessThan(logLikelihood(40, 50, 50, 100));
    expect(logLikelihood(0, 0, 0, 10)).toBe(0);
    expect(logLikelihood(1, 50, 50, 100)).toBe(0); // less than chance
  });
});

describe('alignSegments', () => {
  // 出口管制 ~ export control, 数据中心 ~ data center, 政府 is everywhere on the zh side
  const segs = [
    { zh: ['出口管制', '政府'], en: ['export control', 'government'] },
    { zh: ['出口管制', '数据中心'], en: ['export control', 'data center'] },
    { zh: ['数据中心', '政府'], en: ['data center', 'government'] },
    { zh: ['出口管制'], en: ['export control'] },
    { zh: ['数据中心', '政府'], en: ['data center', 'government'] },
    { zh: ['芯片'], en: ['chip'] },
    { zh: ['芯片', '政府'], en: ['chip'] },
    ...Array.from({ length: 20 }, () => ({ zh: ['其他'], en: ['other'] })),
  ];

  it('links each side at most once, by mutual best association', () => {
    const pairs = alignSegments(segs, [], { minLogLikelihood: 3.84 });
    const byZh = new Map(pairs.map((p) => [p.zhKey, p.enKey]));
    expect(byZh.get('出口管制')).toBe('export control');
    expect(byZh.get('数据中心')).toBe('data center');
    expect(byZh.get('政府')).toBe('government');
    expect(byZh.get('芯片')).toBe('chip');
    expect(new Set(pairs.map((p) => p.enKey)).size).toBe(pairs.length);
    for (const p of pairs) expect(p.segments.length).toBeGreaterThan(0);
  });

  it('applies thresholds', () => {
    expect(alignSegments(segs, [], { minCooccurrence: 4 }).map((p) => p.zhKey)).toEqual(['其他']);
  });

  it('takes anchors first and removes them from the counts', () => {
    const pairs = alignSegments(segs, [{ zhKey: '政府', enKey: 'government', source: 'glossary' }], { minLogLikelihood: 3.84 });
    expect(pairs[0]).toMatchObject({ zhKey: '政府', enKey: 'government', source: 'glossary', confidence: 1, cooccurrences: 3 });
  });

  it('uses a dictionary to confirm weaker pairs', () => {
    const weak = [{ zh: ['算力'], en: ['compute'] }, { zh: ['算力'], en: ['compute', 'x'] }, { zh: ['x2'], en: ['compute'] }, { zh: ['算力'], en: ['y'] }];
    expect(alignSegments(weak, [], {})).toEqual([]);
    const withDict = alignSegments(weak, [], { dictionary: (z) => (z === '算力' ? ['compute', 'computing power'] : undefined), minLogLikelihood: 0 });
    expect(withDict[0]).toMatchObject({ zhKey: '算力', enKey: 'compute', inDictionary: true });
  });
});
