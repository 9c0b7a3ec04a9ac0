import { describe, expect, it } from 'vitest';
import { enDefinitions, findLongForm, zhDefinitions } from '../../../src/core/extract/definitions.js';
import { joinZh, tagZh, zhCandidateSpans } from '../../../src/core/extract/zh-candidates.js';
import { zhTagger } from '../../../src/service/extract-nlp.js';

function zh(sentence: string) {
  return zhDefinitions(sentence, zhCandidateSpans(tagZh(sentence, zhTagger())), joinZh).map((d) => [d.term, d.gloss, d.kind]);
}

describe('in-text definitions', () => {
  it('takes Chinese terms with an English gloss in parentheses', () => {
    expect(zh('鼓励开源和开放权重（open-weight）人工智能')).toEqual([['开放权重', 'open-weight', 'translation']]);
    expect(zh('发展人工智能（AI）')).toEqual([['人工智能', 'AI', 'translation']]);
    expect(zh('《美国人工智能行动计划》（America’s AI Action Plan）')).toEqual([['美国人工智能行动计划', 'America’s AI Action Plan', 'translation']]);
  });

  it('ignores codes and numbers in parentheses', () => {
    expect(zh('发布备忘录（M-25-21）')).toEqual([]);
    expect(zh('于2023年（2023）发布')).toEqual([]);
  });

  it('finds acronym long forms (Schwartz & Hearst)', () => {
    expect(enDefinitions('The race in artificial intelligence (AI) is on.', []).map((d) => [d.term, d.gloss])).toEqual([['artificial intelligence', 'AI']]);
    expect(enDefinitions('Led by the Center for AI Standards and Innovation (CAISI) at DOC.', []).map((d) => [d.term, d.gloss])).toEqual([
      ['Center for AI Standards and Innovation', 'CAISI'],
    ]);
    expect(findLongForm('NIST', 'we met some friends')).toBeUndefined();
  });
});
