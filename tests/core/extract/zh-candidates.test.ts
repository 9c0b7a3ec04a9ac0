import { describe, expect, it } from 'vitest';
import { joinZh, tagZh, zhCandidateSpans } from '../../../src/core/extract/zh-candidates.js';
import { zhTagger } from '../../../src/service/extract-nlp.js';

function spans(sentence: string, userWords: string[] = []): string[] {
  return zhCandidateSpans(tagZh(sentence, zhTagger(userWords))).map((s) => joinZh(s.parts));
}

describe('Chinese candidates (jieba)', () => {
  it('builds noun phrases from segments and keeps nested ones', () => {
    const c = spans('加强人工智能计算出口管制。');
    expect(c).toEqual(expect.arrayContaining(['人工智能', '出口管制', '人工智能计算出口管制']));
    expect(c).not.toContain('加强人工智能'); // a stop verb never starts a term
  });

  it('is bounded by punctuation and function words', () => {
    const c = spans('鼓励开源和开放权重人工智能');
    expect(c).toEqual(expect.arrayContaining(['开源', '开放权重', '人工智能']));
    expect(c.some((x) => x.includes('和'))).toBe(false);
  });

  it('joins split suffixes and prefixes (数据/集, 可/解释性)', () => {
    expect(spans('构建世界级科学数据集')).toContain('数据集');
    expect(spans('投资人工智能可解释性')).toContain('可解释性');
  });

  it('takes a two-character verb alone as a nominalised head (创新) but never a stop verb', () => {
    const c = spans('人工智能创新');
    expect(c).toEqual(expect.arrayContaining(['创新', '人工智能创新']));
    expect(spans('推动创新')).not.toContain('推动');
  });

  it('keeps glossary terms whole when they are loaded as user words', () => {
    expect(spans('发展前沿模型评估体系', ['前沿模型评估'])).toContain('前沿模型评估');
  });

  it('segments Traditional text like Simplified and reports it as written', () => {
    expect(spans('鼓勵開放權重人工智慧')).toEqual(expect.arrayContaining(['開放權重']));
  });

  it('takes Latin acronyms in Chinese text but not English prose', () => {
    const c = spans('建设美国AI基础设施 the plan');
    expect(c).toContain('AI基础设施');
    expect(c).not.toContain('the');
  });
});
