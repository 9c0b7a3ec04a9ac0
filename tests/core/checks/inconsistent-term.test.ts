import { describe, expect, it } from 'vitest';
import { only, unit } from './helpers.js';

describe('inconsistent-term', () => {
  it('groups one source term rendered with different allowed terms: one finding, counts and every location', async () => {
    const a = unit('Compute is scarce.', '算力稀缺。');
    const b = unit('Compute is cheap.', '算力便宜。');
    const c = unit('Compute grows.', '计算资源增长。');
    const fs = await only('inconsistent-term', [a, b, c]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'warning', term: 'compute', counts: { 算力: 2, 计算资源: 1 }, unitId: c.id, expected: ['算力'] });
    expect(fs[0]!.locations!.map((l) => [l.unitId, l.variant])).toEqual([
      [a.id, '算力'],
      [b.id, '算力'],
      [c.id, '计算资源'],
    ]);
  });

  it('reports the reverse: one target term rendering two source concepts', async () => {
    const fs = await only('inconsistent-term', [unit('Chip supply.', '芯片供应。'), unit('An integrated circuit.', '一块芯片。'), unit('An integrated circuit.', '一块集成电路。')]);
    expect(fs.map((f) => [f.messageKey, f.term])).toEqual([
      ['findings.inconsistent-term', 'integrated circuit'],
      ['findings.inconsistent-term-reverse', '芯片'],
    ]);
  });

  it('treats script/inflection variants as one rendering and respects maxLocations (counts stay exact)', async () => {
    const units = [unit('Export controls.', '出口管制。'), unit('export control', '出口管制'), unit('EXPORT CONTROLS', '出口管制')];
    expect(await only('inconsistent-term', units)).toEqual([]);
    const many = [...Array(5)].map(() => unit('Compute.', '算力。')).concat([unit('Compute.', '计算资源。')]);
    const [f] = await only('inconsistent-term', many, { maxLocations: 2 });
    expect(f!.counts).toEqual({ 算力: 5, 计算资源: 1 });
    expect(f!.locations).toHaveLength(3);
  });
});
