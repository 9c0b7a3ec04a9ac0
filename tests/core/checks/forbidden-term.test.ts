import { describe, expect, it } from 'vitest';
import { only, unit } from './helpers.js';

describe('forbidden-term', () => {
  it('reports a deprecated target term of a concept in the source, with the allowed terms', async () => {
    const u = unit('Open-weight models help.', '开源权重模型有帮助。');
    const fs = await only('forbidden-term', [u]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', term: '开源权重', expected: ['开放权重'], target: { start: 0, end: 4 }, source: { text: 'Open-weight' }, params: { status: 'deprecated' } });
  });

  it('reports a forbidden term anywhere, a deprecated one only when its concept is in the source', async () => {
    const fs = await only('forbidden-term', [unit('The meeting ended.', '国安会议结束了。'), unit('The rules changed.', '出口控制规则变了。')]);
    expect(fs.map((f) => [f.term, f.params.status])).toEqual([['国安', 'forbidden']]);
  });

  it('does not flag a term inside a longer allowed term, nor statuses allowed for the run', async () => {
    // 开源 (open-source, preferred) sits inside nothing forbidden; 出口控制 allowed when deprecated is allowed
    expect(await only('forbidden-term', [unit('Export controls apply.', '出口控制适用。')], { allowedStatuses: ['preferred', 'admitted', 'deprecated'] })).toEqual([]);
    expect(await only('forbidden-term', [unit('Open-source tools.', '开源工具。')])).toEqual([]);
  });
});
