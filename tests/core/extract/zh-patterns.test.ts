import { describe, expect, it } from 'vitest';
import { joinZh, tagZh, zhCandidateSpans } from '../../../src/core/extract/zh-candidates.js';
import { zhTagger } from '../../../src/service/extract-nlp.js';
import { extractZh as zh, scoreOf } from '../../support/extract.js';

function spans(sentence: string): string[] {
  return zhCandidateSpans(tagZh(sentence, zhTagger())).map((s) => joinZh(s.parts));
}

describe('Chinese candidates outside the noun-phrase runs', () => {
  it('takes a coordination of two bare nouns as one candidate', () => {
    expect(spans('包括向盟友和伙伴出口美国人工智能。')).toContain('盟友和伙伴');
    expect(spans('深化与盟友与伙伴的合作。')).toContain('盟友与伙伴');
  });

  it('does not coordinate inside a longer phrase or before a noun it modifies', () => {
    // 安全 ends the phrase 供应链安全: the coordination is of phrases, not of the bare nouns
    expect(spans('偏向供应链安全和地缘竞争风险。').some((s) => s.includes('和'))).toBe(false);
    // 伙伴 modifies 关系: 盟友和伙伴关系 is a coordination inside a noun phrase
    expect(spans('维护盟友和伙伴关系。')).not.toContain('盟友和伙伴');
  });

  it('takes the second of two coordinated nouns with the shared head as a fragment, not a candidate', () => {
    const texts = zh('实现可解释性、控制性和稳健性突破。包括向盟友和伙伴出口美国人工智能。鼓励开源和开放权重人工智能。').map((c) => c.text);
    expect(texts).not.toContain('稳健性突破');
    expect(texts).not.toContain('伙伴出口');
    expect(texts).not.toContain('开放权重人工智能');
    // the conjunct itself stands alone there, and a shorter span from it is still a candidate
    expect(texts).toContain('稳健性');
    expect(texts).toContain('开放权重');
  });

  it('does not propose an idiom used as a modifier (before 的/地 or a verb), only one used as a noun', () => {
    const texts = zh('通过多管齐下的政策工具重塑创新。可能在短期内促进发展。消除繁文缛节和苛刻监管。').map((c) => c.text);
    expect(texts).not.toContain('多管齐下');
    expect(texts).not.toContain('在短期内');
    expect(texts).toContain('繁文缛节');
  });

  it('keeps a whole item of a list that goes on after it (数据中心、半导体制造设施和能源基础设施)', () => {
    expect(zh('简化数据中心、半导体制造设施和能源基础设施的审批流程。').map((c) => c.text)).toContain('半导体制造设施');
  });

  it('weighs a whole item of an enumeration like a quoted name, but not a numbered heading', () => {
    const text = '从能源、数据、芯片、劳动力多方入手。芯片产业很大。我们讨论企业。企业很多。';
    const plain = text.replace('能源、数据、芯片、劳动力', '能源，数据，芯片，劳动力');
    expect(scoreOf(zh(text), '芯片')).toBeCloseTo(scoreOf(zh(plain), '芯片') * 1.5, 1);
    expect(scoreOf(zh('二、内容要点\n内容要点很多。'), '内容要点')).toBe(scoreOf(zh('二 内容要点\n内容要点很多。'), '内容要点'));
  });

  it('does not weigh a list of qualities or a first item that carries a modifier all items share', () => {
    const boosted = (text: string, plainText: string, term: string) => scoreOf(zh(text), term) / scoreOf(zh(plainText), term);
    // 安全、可靠和可信: qualities (可靠, 可信 are not nouns)
    expect(boosted('关于安全、可靠和可信的系统。', '关于安全，可靠和可信的系统。', '安全')).toBeCloseTo(1, 3);
    // 人工智能|可解释性、控制性和稳健性: the first item is longer than the next, 人工智能 is shared
    expect(boosted('投资人工智能可解释性、控制性和稳健性突破。', '投资人工智能可解释性，控制性和稳健性突破。', '人工智能可解释性')).toBeCloseTo(1, 3);
    expect(boosted('从能源、数据、芯片、劳动力多方入手。', '从能源，数据，芯片，劳动力多方入手。', '能源')).toBeCloseTo(1.5, 3);
  });

  it('takes each item of a quoted list as a candidate, verb phrases included', () => {
    const got = spans('该文件围绕“加速人工智能创新、建设美国人工智能基础设施、领导国际人工智能外交与安全”三大支柱。');
    expect(got).toContain('加速人工智能创新');
    expect(got).toContain('建设美国人工智能基础设施');
    // an item with a conjunction is a phrase, not a name
    expect(got).not.toContain('领导国际人工智能外交与安全');
    // without quotation marks a verb phrase stays out
    expect(spans('围绕加速人工智能创新、建设美国人工智能基础设施展开。')).not.toContain('加速人工智能创新');
    // a name does not make the term inside it less of a term: 人工智能创新 keeps its full C-value
    // (the list recurs and 人工智能创新 never occurs outside it, so as a constituent it would get no credit)
    const all = zh('该文件围绕“加速人工智能创新、建设美国人工智能基础设施”两大支柱。再谈“加速人工智能创新、建设美国人工智能基础设施”。');
    expect(all.find((c) => c.text === '人工智能创新')?.cvalue).toBeCloseTo(2 * Math.log2(3), 2);
    expect(all.map((c) => c.text)).toContain('加速人工智能创新');
  });

  it('takes numeral + 大 + noun as one candidate (三大支柱)', () => {
    expect(spans('国际外交与安全”三大支柱，主要内容包括。')).toContain('三大支柱');
  });

  it('takes the whole content of quotation marks when no pattern ends it on a head', () => {
    expect(spans('转向“创新主导”战略。')).toContain('创新主导');
    expect(spans('转向创新主导战略。')).not.toContain('创新主导');
  });

  it('marks an idiom so that quotation marks around it do not count as naming a term', () => {
    const quoted = zhCandidateSpans(tagZh('这是“唯我独尊”的图谋。', zhTagger())).find((s) => joinZh(s.parts) === '唯我独尊');
    expect(quoted?.idiom).toBe(true);
    const score = (text: string) => zh(text).find((c) => c.text === '唯我独尊')?.score;
    expect(score('这是“唯我独尊”的图谋。')).toBe(score('这是唯我独尊的图谋。'));
  });
});

describe('Chinese ranking of coordinations', () => {
  it('proposes a coordination only when it recurs', () => {
    expect(zh('向盟友和伙伴出口。向盟友和伙伴开放。').map((c) => c.text)).toContain('盟友和伙伴');
    expect(zh('向盟友和伙伴出口。').map((c) => c.text)).not.toContain('盟友和伙伴');
  });

  it('leaves the conjuncts standing alone', () => {
    // 情报界 occurs only inside the coordination; it still stands alone there and stays a candidate
    const c = zh('为军事和情报界建设数据中心。').find((x) => x.text === '情报界');
    expect(c).toBeDefined();
    expect(c!.cvalue).toBeGreaterThan(0);
  });
});
