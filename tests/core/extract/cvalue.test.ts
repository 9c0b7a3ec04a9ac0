import { describe, expect, it } from 'vitest';
import { cValues } from '../../../src/core/extract/cvalue.js';
import { perMillion, phraseReferencePerMillion, referencePerMillion, simpleMaths } from '../../../src/core/extract/keyness.js';
import type { ReferenceFrequencies } from '../../../src/core/extract/types.js';

describe('C-value on nested terms', () => {
  const cands = [
    { key: 'export control regime', frequency: 2, words: 3, nested: ['export control', 'control regime', 'export', 'control', 'regime'] },
    { key: 'export control', frequency: 10, words: 2, nested: ['export', 'control'] },
    { key: 'control regime', frequency: 2, words: 2, nested: ['control', 'regime'] },
    { key: 'export', frequency: 12, words: 1, nested: [] },
  ];

  it('follows Frantzi et al. with log2(|a|+1)', () => {
    const cv = cValues(cands);
    expect(cv.get('export control regime')).toBeCloseTo(Math.log2(4) * 2); // not nested
    expect(cv.get('export control')).toBeCloseTo(Math.log2(3) * (10 - 2 / 1)); // nested in one longer candidate
    expect(cv.get('control regime')).toBe(0); // only ever inside the longer one
    expect(cv.get('export')).toBeCloseTo(Math.log2(2) * (12 - (2 + 10) / 2));
  });

  it('damps the nested discount with α < 1', () => {
    const cv = cValues(cands, 0.5);
    expect(cv.get('control regime')).toBeCloseTo(Math.log2(3) * (2 - 0.5 * 2));
  });
});

describe('simple-maths keyness', () => {
  const ref: ReferenceFrequencies = {
    name: 'test',
    perMillion: (w) => ({ export: 100, control: 200, 出口管制: 3 })[w],
    unseenPerMillion: 0.01,
  };

  it('is (fpm_focus + N) / (fpm_ref + N)', () => {
    expect(simpleMaths(99, 9, 1)).toBe(10);
    expect(simpleMaths(0, 0, 10)).toBe(1);
    expect(perMillion(5, 1000)).toBe(5000);
  });

  it('uses the listed frequency of a whole string, else the independence estimate', () => {
    expect(referencePerMillion('出口管制', ['出口', '管制'], ref)).toBe(3);
    expect(referencePerMillion('export control', ['export', 'control'], ref)).toBeCloseTo(1e6 * (100 / 1e6) * (200 / 1e6));
    expect(referencePerMillion('zyx', ['zyx'], ref)).toBe(0.01);
  });

  it('estimates a word the reference lists without a frequency from its parts, like a phrase', () => {
    const listed = new Map([['竞争', 200], ['对手', 40]]);
    const splitting: ReferenceFrequencies = {
      name: 'test',
      perMillion: (w) => listed.get(w),
      unseenPerMillion: 0.01,
      split: (w) => (w === '竞争对手' ? ['竞争', '对手'] : undefined),
    };
    // floor: a tenth of the rarest part (对手), not the independence estimate (0.008) nor the unseen frequency
    expect(phraseReferencePerMillion('竞争对手', ['竞争对手'], splitting)).toBeCloseTo(4);
    // the same estimate for the word as a part of a longer phrase
    expect(phraseReferencePerMillion('主要竞争对手', ['主要', '竞争对手'], splitting)).toBeCloseTo(0.001, 6);
    // a word that cannot be split stays unseen
    expect(phraseReferencePerMillion('zyx', ['zyx'], splitting)).toBe(0.01);
  });

  it('estimates a derivation with a bound affix by independence, without the collocation floor', () => {
    const listed = new Map([['数据', 100], ['集', 50], ['市场', 400], ['结构', 300]]);
    const ref: ReferenceFrequencies = { name: 'test', perMillion: (w) => listed.get(w), unseenPerMillion: 0.01 };
    const bound = (w: string, position: 'first' | 'last') => position === 'last' && w === '集';
    // 市场结构: two free words, floored at a tenth of the rarer one
    expect(phraseReferencePerMillion('市场结构', ['市场', '结构'], ref, 0.1, bound)).toBeCloseTo(30);
    // 数据集: word + bound suffix, independence only (10⁶ · 10⁻⁴ · 5·10⁻⁵)
    expect(phraseReferencePerMillion('数据集', ['数据', '集'], ref, 0.1, bound)).toBeCloseTo(0.005, 6);
    // without the predicate it is a phrase like any other
    expect(phraseReferencePerMillion('数据集', ['数据', '集'], ref, 0.1)).toBeCloseTo(5);
  });
});

