import { describe, expect, it } from 'vitest';
import { analyseNesting, bracketings } from '../../../src/core/extract/bracketing.js';
import type { CountEntry } from '../../../src/core/extract/counter.js';
import { maximalSpans } from '../../../src/core/extract/extractor.js';
import { phraseReferencePerMillion } from '../../../src/core/extract/keyness.js';
import type { ReferenceFrequencies } from '../../../src/core/extract/types.js';
import { extractZh } from '../../support/extract.js';

const keyOf = (parts: readonly string[]) => parts.join('');

function entry(parts: string[], frequency: number, free = frequency): CountEntry {
  return { key: keyOf(parts), parts, form: keyOf(parts), formCount: frequency, otherForms: undefined, frequency, free, docs: [0], docCount: 1, contexts: [], verbLead: false, structural: false, looseLead: false, named: false };
}

describe('bracketing long candidates', () => {
  it('splits where both sides are most often seen on their own', () => {
    // 人工智能 is free (59), 开放权重 always together: [[开放 权重] 人工智能]
    const counts: Record<string, number> = { '0,1': 3, '1,2': 2, '2,3': 59, '0,2': 2, '1,3': 2 };
    const f = (i: number, j: number) => counts[`${i},${j}`] ?? 2;
    const cons = bracketings(3, (i, j) => f(i, j), 1.5);
    expect(cons.has(0 * 64 + 2)).toBe(true);
    expect(cons.has(1 * 64 + 3)).toBe(false);
  });

  it('keeps every reading when the counts cannot tell', () => {
    const cons = bracketings(3, () => 1, 1.5);
    expect(cons.has(0 * 64 + 2) && cons.has(1 * 64 + 3)).toBe(true);
  });

  it('honours a forced split (English of-phrases)', () => {
    const cons = bracketings(4, (i, j) => (i === 2 && j === 4 ? 1 : 10), 1.5, (i, j) => (i < 1 && 1 < j ? 1 : i === 1 && j - i > 1 ? 2 : undefined));
    expect(cons.has(2 * 64 + 4)).toBe(true); // core | of | [AI infrastructure]
    expect(cons.has(0 * 64 + 3)).toBe(false);
  });

  it('counts fragments across the structure and credits multi-word constituents', () => {
    const entries = [
      { ...entry(['开放', '权重', '人工智能'], 2), structural: true },
      entry(['开放', '权重'], 2),
      entry(['权重', '人工智能'], 2),
      entry(['开放'], 3),
      entry(['权重'], 2),
      entry(['人工智能'], 59),
      entry(['人工智能', '初创', '企业'], 1),
      entry(['人工智能', '初创'], 1),
      entry(['初创', '企业'], 1),
    ];
    const { crossing, constituents } = analyseNesting(entries, keyOf);
    expect(crossing.get('权重人工智能')).toBe(2);
    expect(crossing.get('开放权重')).toBeUndefined();
    expect(constituents.get('开放权重人工智能')?.has('开放权重')).toBe(true);
    expect(crossing.get('人工智能初创')).toBe(1);
    expect(constituents.get('人工智能初创企业')?.has('初创企业')).toBe(true);
  });

  it('credits no constituent of a recurring container that may be a term, unless it also occurs without it', () => {
    const entries = [
      entry(['国际', '治理', '机构'], 2),
      entry(['国际', '治理'], 2),
      entry(['治理', '机构'], 2),
      entry(['国际'], 9),
      entry(['治理'], 4),
      entry(['机构'], 5),
      entry(['数据', '中心', '建设'], 2),
      entry(['数据', '中心'], 5),
      entry(['中心', '建设'], 2),
      entry(['数据'], 9),
      entry(['中心'], 5),
      entry(['建设'], 9),
    ];
    const { constituents } = analyseNesting(entries, keyOf);
    // 国际治理机构 is the term: neither part is ever used without it
    expect(constituents.get('国际治理机构')).toBeUndefined();
    // 数据中心 also stands alone: it keeps its credit inside 数据中心建设
    expect(constituents.get('数据中心建设')?.has('数据中心')).toBe(true);
    // the same container seen once leaves its constituents their due (short texts)
    const once = analyseNesting([entry(['国际', '治理', '机构'], 1), entry(['国际', '治理'], 1), entry(['治理', '机构'], 1), entry(['国际'], 9), entry(['治理'], 4), entry(['机构'], 5)], keyOf);
    expect(once.constituents.get('国际治理机构')?.size).toBeGreaterThan(0);
  });
});

describe('ranking with nested structure', () => {
  const extract = (text: string) => extractZh(text).map((c) => c.text);

  it('keeps a term seen only inside a longer free phrase and drops the fragment', () => {
    const r = extract('鼓励开源和开放权重人工智能。支持开放权重人工智能。人工智能发展迅速。人工智能改变世界。构建世界级科学数据集。');
    expect(r).toContain('开放权重');
    expect(r).not.toContain('权重人工智能');
    expect(r).toContain('科学数据集');
    expect(r).not.toContain('科学数据'); // cut before the suffix 集
  });

  it('takes a verb before a noun phrase only when the verb is bound to it', () => {
    const r = extract('赢得人工智能竞赛。人工智能很重要。人工智能在发展。人工智能改变世界。');
    expect(r).toContain('人工智能竞赛');
    expect(r).not.toContain('赢得人工智能');
  });

  it('scores a single word by its occurrences on its own', () => {
    const r = extract('拜登政府发布命令。拜登政府撤销政策。');
    expect(r).toContain('拜登政府');
    expect(r).not.toContain('拜登');
  });
});

describe('helpers', () => {
  it('marks one-word spans no longer span contains', () => {
    const spans = [
      { parts: ['a', 'b'], start: 0, end: 2 },
      { parts: ['a'], start: 0, end: 1 },
      { parts: ['b'], start: 1, end: 2 },
      { parts: ['c'], start: 3, end: 4 },
    ];
    expect(maximalSpans(spans)).toEqual([true, false, false, true]);
  });

  it('floors a phrase reference frequency at a share of its rarest word', () => {
    const ref: ReferenceFrequencies = { name: 't', perMillion: (w) => ({ 市场: 448, 结构: 236 })[w], unseenPerMillion: 0.01 };
    expect(phraseReferencePerMillion('市场结构', ['市场', '结构'], ref, 0.1)).toBeCloseTo(23.6);
    expect(phraseReferencePerMillion('市场', ['市场'], ref, 0.1)).toBe(448);
  });
});
