import { describe, expect, it } from 'vitest';
import { only, unit } from './helpers.js';

describe('inconsistent-segment', () => {
  it('reports identical source translated differently (whitespace ignored), once with all locations', async () => {
    const a = unit('Save the file.', '保存文件。');
    const b = unit('Save  the file. ', '保存该文件。');
    const c = unit('Save the file.', '保存文件。');
    const fs = await only('inconsistent-segment', [a, b, c]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ messageKey: 'findings.inconsistent-segment', unitId: b.id, counts: { '保存文件。': 2, '保存该文件。': 1 } });
    expect(fs[0]!.locations!.map((l) => l.unitId)).toEqual([a.id, c.id, b.id]);
  });

  it('reports identical target from different sources, ignoring case and final punctuation, not plural forms of one key', async () => {
    const fs = await only('inconsistent-segment', [
      unit('Delete', '删除'),
      unit('Remove', '删除'),
      unit('Open', '打开'),
      unit('open.', '打开'),
      unit('{{n}} item', '项目', { group: 'items' }),
      unit('{{n}} items', '项目', { group: 'items' }),
    ]);
    expect(fs.map((f) => [f.messageKey, f.term])).toEqual([['findings.inconsistent-segment-reverse', '删除']]);
  });
});

describe('inconsistent-segment, nested labels', () => {
  it('does not report a short label and its longer form sharing a translation', async () => {
    const fs = await only('inconsistent-segment', [unit('Left', '左对齐'), unit('Align left', '左对齐'), unit('Pod expired', 'Pod已到期'), unit('Expired', 'Pod已到期')]);
    expect(fs).toEqual([]);
  });
});
