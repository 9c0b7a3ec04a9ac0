import { describe, expect, it } from 'vitest';
import { extractZh as zh } from '../../support/extract.js';

describe('Chinese ranking: modifiers and productive words', () => {
  it('drops a place name + term when the term mostly occurs without it, keeps it when bound', () => {
    const all = zh('美国人工智能发展迅速。人工智能改变产业。人工智能需要算力。人工智能带来风险。美国价值观受到重视。美国价值观被写入文件。');
    const texts = all.map((c) => c.text);
    expect(texts).toContain('人工智能');
    expect(texts).not.toContain('美国人工智能');
    expect(texts).toContain('美国价值观');
  });

  it('keeps a word that combines with several neighbours though it never stands alone', () => {
    const all = zh('推动半导体制造。保护美国半导体。限制现有半导体。拜登政府宣布。拜登政府撤销。');
    const texts = all.map((c) => c.text);
    expect(texts).toContain('半导体');
    // 拜登 only ever occurs in 拜登政府: one neighbour, no standalone use
    expect(texts).not.toContain('拜登');
    expect(texts).toContain('拜登政府');
  });

  it('drops a place name or loose general noun before a compound that is a candidate itself', () => {
    const all = zh('建设美国人工智能基础设施。推进国际人工智能外交。人工智能外交成为重点。人工智能服务民众。人工智能改变产业。');
    const texts = all.map((c) => c.text);
    expect(texts).toContain('人工智能基础设施');
    expect(texts).not.toContain('美国人工智能基础设施');
    expect(texts).toContain('人工智能外交');
    expect(texts).not.toContain('国际人工智能外交');
  });

  it('keeps a general noun that forms a compound with the next word (国际治理|机构)', () => {
    const all = zh('在国际治理机构中对抗影响力。改革国际治理机构。治理机构需要改革。');
    expect(all.map((c) => c.text)).toContain('国际治理机构');
  });

  it('drops a descriptive adjective before a compound, and takes the compound whole after a place name', () => {
    const texts = zh('输出完整技术栈和标准。推广完整技术栈。获得空前政策倾斜。给予空前政策倾斜。').map((c) => c.text);
    expect(texts).not.toContain('完整技术栈');
    expect(texts).not.toContain('空前政策倾斜');
    expect(texts).toContain('政策倾斜');
    // 美国人工智能 is frequent, but 人工智能 mostly occurs without 美国: 美国人工智能联盟 is 美国 + 人工智能联盟, not
    // 美国人工智能 + 联盟
    const alliance = zh('美国人工智能领先。美国人工智能发展。人工智能改变产业。人工智能需要算力。人工智能带来风险。人工智能服务民众。与愿意加入美国人工智能联盟的国家合作。').map((c) => c.text);
    expect(alliance).toContain('人工智能联盟');
    expect(alliance).not.toContain('美国人工智能联盟');
    // where the place name and the next word always go together, they are a unit of this text and stay one
    const bound = zh('美国人工智能领先。美国人工智能发展。美国人工智能出口。与愿意加入美国人工智能联盟的国家合作。').map((c) => c.text);
    expect(bound).toContain('美国人工智能');
  });

  it('reads a grade attribute (世界级, 国家级) like a descriptive adjective: the compound after it is the term', () => {
    const texts = zh('构建世界级科学数据集。建设国家级科学数据集。').map((c) => c.text);
    expect(texts).toContain('科学数据集');
    // without the rule every reading of 世界级|科学|数据集 ties, and 世界级科学 is proposed as a constituent
    expect(texts).not.toContain('世界级科学');
    expect(texts).not.toContain('世界级科学数据集');
  });

  it('never proposes the words by which a document names its kind or parts (简析, 内容要点)', () => {
    const texts = zh('# 行动计划简析\n\n## 二、内容要点梳理\n\n出口管制是重点。出口管制范围扩大。').map((c) => c.text);
    expect(texts).toContain('出口管制');
    expect(texts).not.toContain('简析');
    expect(texts).not.toContain('内容要点');
    expect(texts.filter((t) => t.includes('要点') || t.includes('简析'))).toEqual([]);
  });

  it('weighs a single segment by its length in characters, two a word (联邦政府 like a two-word phrase)', () => {
    const all = zh('联邦政府宣布。政府宣布。');
    expect(all.find((c) => c.text === '联邦政府')?.cvalue).toBeCloseTo(Math.log2(3), 3);
    expect(all.find((c) => c.text === '政府')?.cvalue).toBe(1);
  });
});

