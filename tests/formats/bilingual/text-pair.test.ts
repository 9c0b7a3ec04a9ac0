import { describe, expect, it } from 'vitest';
import { planReads } from '../../../src/formats/bilingual/index.js';
import { textPairFormat } from '../../../src/formats/bilingual/text-pair.js';
import { bytesInput, readAll } from './helpers.js';

describe('line-aligned text pair reader', () => {
  it('pairs lines, takes languages from the names (zh file given first), skips blank pairs, notes extra lines', async () => {
    const zh = bytesInput('plan.zh-CN.txt', '出口管制\n\n前沿模型\n多余的一行\n');
    const en = bytesInput('plan.en.txt', 'export controls\n\nfrontier model\n');
    const { units, info } = await readAll(textPairFormat, [zh, en]);
    expect(info.sourceLang).toBe('en');
    expect(info.targetLang).toBe('zh-Hans');
    expect(units.map((u) => [u.id, u.source.text, u.target?.text])).toEqual([
      ['1', 'export controls', '出口管制'],
      ['3', 'frontier model', '前沿模型'],
    ]);
    expect(info.notices).toHaveLength(1);
    expect(info.notices[0]!.code).toBe('line_count_mismatch');
  });

  it('is planned by stem: x.en.txt + x.zh.txt form one pair; a lone .txt is a usage error', () => {
    const sets = planReads([{ input: bytesInput('a.en.txt', '') }, { input: bytesInput('a.zh.txt', '') }, { input: bytesInput('b.xlf', '') }]);
    expect(sets.map((s) => [s.format.id, s.inputs.map((i) => i.name)])).toEqual([
      ['xliff', ['b.xlf']],
      ['text-pair', ['a.en.txt', 'a.zh.txt']],
    ]);
    expect(() => planReads([{ input: bytesInput('a.en.txt', '') }])).toThrow(/pairs/);
    expect(() => planReads([{ input: bytesInput('a.docx', '') }])).toThrow(/not a bilingual format/);
  });
});
