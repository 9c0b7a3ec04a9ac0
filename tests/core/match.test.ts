import { describe, expect, it } from 'vitest';
import type { Concept, Term } from '../../src/core/model.js';
import { buildExactMatcher, buildMatcher, loadExactMatcher } from '../../src/core/match/index.js';
import type { MatcherEntry, TermMatch } from '../../src/core/match/index.js';

function term(text: string, lang: string, extra: Partial<Term> = {}): Term {
  return { text, lang, status: 'preferred', ...extra };
}
function entry(id: string, terms: Term[], glossaryId = 'g'): MatcherEntry {
  const concept: Concept = { id, definitions: {}, notes: [], terms };
  return { glossaryId, concept };
}

const glossary = [
  entry('open-weight', [term('开放权重', 'zh-Hans'), term('open-weight', 'en')]),
  entry('ai', [term('人工智能', 'zh-Hans'), term('AI', 'en', { caseSensitive: true }), term('artificial intelligence', 'en')]),
  entry('export-control', [term('出口管制', 'zh-Hans'), term('export control', 'en')]),
  entry('grid', [term('grid', 'en', { status: 'admitted' }), term('电网', 'zh-Hans')]),
  entry('model', [term('model', 'en'), term('模型', 'zh-Hans')]),
  entry('frontier-model', [term('frontier model', 'en'), term('前沿模型', 'zh-Hans')]),
  entry('data-center', [term('数据中心', 'zh-Hans'), term('data center', 'en'), term('data centre', 'en-GB', { status: 'admitted' })]),
];
const matcher = buildMatcher(glossary);

/** The (text, concept, how) triples found in `text`. */
function found(text: string, opts = {}): [string, string, string][] {
  return matcher.find(text, opts).map((m) => [m.text, m.conceptId, m.how.join('+')]);
}
function checkOffsets(text: string, ms: TermMatch[]): void {
  for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
}

describe('buildMatcher: folds', () => {
  it('finds exact terms and reports them as exact', () => {
    expect(found('开放权重 and export control')).toEqual([
      ['开放权重', 'open-weight', 'exact'],
      ['export control', 'export-control', 'exact'],
    ]);
  });

  it('folds traditional script and Taiwan vocabulary (script)', () => {
    expect(found('開放權重、人工智慧與出口管制')).toEqual([
      ['開放權重', 'open-weight', 'script'],
      ['人工智慧', 'ai', 'script'],
      ['出口管制', 'export-control', 'exact'],
    ]);
  });

  it('matches Taiwan vocabulary only in Traditional text, where it means the term', () => {
    const m = buildMatcher([
      entry('process', [term('进程', 'zh-Hans'), term('process', 'en')]),
      entry('command-line', [term('命令行', 'zh-Hans'), term('command line', 'en')]),
      entry('ai', [term('人工智能', 'zh-Hans')]),
    ]);
    const ids = (text: string, opts = {}) => m.find(text, opts).map((x) => `${x.text}:${x.conceptId}`);
    // Simplified text: 程序 is "program", 命令列表 "command list", not 进程 / 命令行
    expect(ids('请运行程序，查看命令列表。')).toEqual([]);
    // Traditional text (與, 這, 們 …): the Taiwan forms mean the terms
    expect(ids('這個程序佔用記憶體。命令列介面與人工智慧')).toEqual(['程序:process', '命令列:command-line', '人工智慧:ai']);
    // the context is the candidate's line, 64 units around it
    expect(ids('這是繁體。\n运行程序')).toEqual([]);
    expect(ids(`這${'。'.repeat(70)}程序`)).toEqual([]);
    // the caller may say which script the text is in
    expect(ids('人工智慧', { script: 'traditional' })).toEqual(['人工智慧:ai']);
    expect(ids('人工智慧')).toEqual([]);
    expect(ids('這個程序', { script: 'simplified' })).toEqual([]);
    // a Traditional term's own script variant is no regional vocabulary: it matches in Simplified text
    const t = buildMatcher([entry('open-weight', [term('開放權重', 'zh-Hant')])]);
    expect(t.find('开放权重模型').map((x) => x.text)).toEqual(['开放权重']);
  });

  it('folds full width (width) and case (case)', () => {
    expect(found('ｅｘｐｏｒｔ　ｃｏｎｔｒｏｌ, ＡＩ, Export Control')).toEqual([
      ['ｅｘｐｏｒｔ　ｃｏｎｔｒｏｌ', 'export-control', 'width'],
      ['ＡＩ', 'ai', 'width'],
      ['Export Control', 'export-control', 'case'],
    ]);
  });

  it('folds inflection, possessives and hyphen/space/joined forms (inflection)', () => {
    const text = "export controls; open weights, Open-Weights, openweight, open weight; the model's and models' weights";
    expect(found(text)).toEqual([
      ['export controls', 'export-control', 'inflection'],
      ['open weights', 'open-weight', 'inflection'],
      ['Open-Weights', 'open-weight', 'case+inflection'],
      ['openweight', 'open-weight', 'inflection'],
      ['open weight', 'open-weight', 'inflection'],
      ["model's", 'model', 'inflection'],
      ["models'", 'model', 'inflection'],
    ]);
    checkOffsets(text, matcher.find(text));
  });

  it('inflects the head noun of an "X of Y" term, not its complement', () => {
    const m = buildMatcher([entry('coc', [term('code of conduct', 'en')]), entry('coe', [term('Center of Excellence', 'en')])]);
    const text = 'vague “codes of conduct”, a Code of Conduct, AI Centers of Excellence; code of conducts';
    expect(m.find(text).map((x) => [x.text, x.conceptId, x.how.join('+')])).toEqual([
      ['codes of conduct', 'coc', 'inflection'],
      ['Code of Conduct', 'coc', 'case'],
      ['Centers of Excellence', 'coe', 'inflection'],
    ]);
  });

  it('does not split a joined word of the term', () => {
    const m = buildMatcher([entry('t', [term('therapist', 'en')])]);
    expect(m.find('the rapist').length).toBe(0);
    expect(m.find('therapists').length).toBe(1);
  });

  it('combines several folds', () => {
    expect(found('ＥＸＰＯＲＴ　ＣＯＮＴＲＯＬＳ')).toEqual([['ＥＸＰＯＲＴ　ＣＯＮＴＲＯＬＳ', 'export-control', 'case+width+inflection']]);
  });
});

describe('buildMatcher: boundaries', () => {
  it('applies word boundaries to Latin runs only', () => {
    expect(found('He said gridlock is not a grid.')).toEqual([['grid', 'grid', 'exact']]);
    expect(found('AIs and AI-driven and AI芯片 and 发展AI')).toEqual([
      ['AIs', 'ai', 'inflection'],
      ['AI', 'ai', 'exact'],
      ['AI', 'ai', 'exact'],
      ['AI', 'ai', 'exact'],
    ]);
  });

  it('lets Chinese terms start and end next to Han characters', () => {
    expect(found('美国的人工智能数据中心建设')).toEqual([
      ['人工智能', 'ai', 'exact'],
      ['数据中心', 'data-center', 'exact'],
    ]);
  });

  it('matches case-sensitive terms only with equal case (after width folding)', () => {
    expect(found('ai and Ai and AI and ＡＩ').map((m) => m[0])).toEqual(['AI', 'ＡＩ']);
  });
});

describe('buildMatcher: offsets and modes', () => {
  it('reports UTF-16 offsets into text with astral and full-width characters', () => {
    const text = '😀𠀀开放权重𩸽 ＡＩ 😀 export controls';
    const ms = matcher.find(text);
    checkOffsets(text, ms);
    expect(ms.map((m) => [m.start, m.end])).toEqual([
      [4, 8],
      [11, 13],
      [17, 32],
    ]);
  });

  it('prefers the leftmost, then the longest match, without overlaps', () => {
    expect(found('frontier model and 前沿模型')).toEqual([
      ['frontier model', 'frontier-model', 'exact'],
      ['前沿模型', 'frontier-model', 'exact'],
    ]);
  });

  it('reports all overlapping matches on request', () => {
    const text = 'frontier models, 前沿模型';
    const ms = matcher.find(text, { overlapping: true });
    checkOffsets(text, ms);
    expect(ms.map((m) => [m.text, m.conceptId])).toEqual([
      ['frontier models', 'frontier-model'],
      ['models', 'model'],
      ['前沿模型', 'frontier-model'],
      ['模型', 'model'],
    ]);
  });

  it('filters by language; zh-Hans also finds traditional text', () => {
    expect(found('開放權重 open weight', { langs: ['zh-Hans'] }).map((m) => m[0])).toEqual(['開放權重']);
    expect(found('開放權重 open weight', { langs: ['en'] }).map((m) => m[0])).toEqual(['open weight']);
  });

  it('reports every concept sharing a normalised pattern, preferred status first', () => {
    const m = buildMatcher([
      entry('a', [term('chip', 'en', { status: 'deprecated' })]),
      entry('b', [term('Chips', 'en'), term('chip', 'en', { status: 'admitted' })], 'other'),
    ]);
    const ms = m.find('a chip');
    expect(ms.map((x) => [x.conceptId, x.glossaryId, x.term, x.status, x.how.join('+')])).toEqual([
      ['b', 'other', 'chip', 'admitted', 'exact'],
      ['a', 'g', 'chip', 'deprecated', 'exact'],
    ]);
    expect(m.patternCount).toBe(2);
  });

  it('finds nothing in empty text and ignores empty terms', () => {
    expect(matcher.find('')).toEqual([]);
    expect(buildMatcher([entry('x', [term(' - ', 'en')])]).find('a - b')).toEqual([]);
  });
});

describe('buildMatcher: long texts and packed spans', () => {
  // a segment with matches of every kind, repeated far beyond the scan's normalisation window
  const segment = "He said 開放權重 models' and the model's Open Weights, ＡＩ, 人工智慧 with ｅｘｐｏｒｔ　ｃｏｎｔｒｏｌｓ; gridlock grid 𠀀AI芯片 openweight 前沿模型😀frontier models";
  const long = `${segment}\n`.repeat(700);

  for (const overlapping of [false, true]) {
    it(`finds each repeat of a segment in a long text like in the segment alone (overlapping: ${overlapping})`, () => {
      const one = matcher.find(segment, { overlapping });
      expect(one.length).toBeGreaterThan(10);
      const all = matcher.find(long, { overlapping });
      expect(all.length).toBe(700 * one.length);
      all.forEach((m, i) => {
        const k = Math.floor(i / one.length);
        const e = one[i % one.length]!;
        expect(m).toEqual({ ...e, start: e.start + k * (segment.length + 1), end: e.end + k * (segment.length + 1) });
      });
    });
  }

  it('keeps a pending candidate across the window borders', () => {
    // after 人工 a longer candidate is almost always still possible, so most window borders fall while
    // a leftmost-longest candidate is pending
    const m = buildMatcher([entry('a', [term('人工', 'zh-Hans')]), entry('b', [term('人工智能研究所', 'zh-Hans')]), entry('c', [term('智能', 'zh-Hans')])]);
    const unit = '人工智能研究';
    const text = unit.repeat(5000);
    for (const overlapping of [false, true]) {
      const spans = m.findSpans(text, { overlapping });
      expect(spans.count).toBe(10000); // 人工 then 智能 in each unit
      for (let i = 0; i < spans.count; i++) {
        const start = 6 * (i >> 1) + 2 * (i & 1);
        expect([spans.start[i], spans.end[i], spans.entry[i]]).toEqual([start, start + 2, i & 1 ? 2 : 0]);
      }
    }
  });

  it('findSpans gives the matches of find as packed arrays', () => {
    const spans = matcher.findSpans(long);
    const ms = matcher.find(long);
    expect(spans.count).toBe(ms.length);
    for (let i = 0; i < spans.count; i += 97) {
      const m = ms[i]!;
      expect([spans.start[i], spans.end[i]]).toEqual([m.start, m.end]);
      expect(glossary[spans.entry[i]!]!.concept.id).toBe(m.conceptId);
      expect(spans.termIndex[i]).toBe(m.termIndex);
      expect(spans.match(i)).toEqual(m);
    }
    expect(() => spans.match(spans.count)).toThrow(RangeError);
  });
});

describe('buildMatcher: regression cases', () => {
  const texts = (m: ReturnType<typeof buildMatcher>, text: string) => m.find(text).map((x) => [x.text, x.conceptId, x.how.join('+')]);

  it('finds the plural of a last word in -se/-sis (use cases, databases, analyses)', () => {
    const m = buildMatcher([
      entry('use-case', [term('use case', 'en')]),
      entry('db', [term('database', 'en')]),
      entry('analysis', [term('risk analysis', 'en')]),
      entry('bases', [term('knowledge bases', 'en')]),
    ]);
    expect(texts(m, 'Two use cases, three databases, two risk analyses and one knowledge base.')).toEqual([
      ['use cases', 'use-case', 'inflection'],
      ['databases', 'db', 'inflection'],
      ['risk analyses', 'analysis', 'inflection'],
      ['knowledge base', 'bases', 'inflection'],
    ]);
  });

  it('does not join the words of a proper name, nor a joined form inside a dotted name', () => {
    const m = buildMatcher([entry('wh', [term('White House', 'en')]), entry('ow', [term('open weight', 'en')])]);
    expect(texts(m, 'See whitehouse.gov and the whitehouse; the White House, the white-house.')).toEqual([
      ['White House', 'wh', 'exact'],
      ['white-house', 'wh', 'case+inflection'],
    ]);
    expect(texts(m, 'openweight.ai, www.openweight and openweight models')).toEqual([['openweight', 'ow', 'inflection']]);
  });

  it('gives no generated plural or singular to a capitalised single word; acronyms and titles keep theirs', () => {
    const m = buildMatcher([
      entry('us', [term('America', 'en')]),
      entry('ai', [term('AI', 'en')]),
      entry('gpu', [term('GPU cluster', 'en')]),
      entry('caio', [term('Chief AI Officer', 'en')]),
    ]);
    expect(texts(m, 'the Americas, America, AIs, GPU clusters and Chief AI Officers')).toEqual([
      ['America', 'us', 'exact'],
      ['AIs', 'ai', 'inflection'],
      ['GPU clusters', 'gpu', 'inflection'],
      ['Chief AI Officers', 'caio', 'inflection'],
    ]);
  });
});

describe('buildExactMatcher', () => {
  const pats = ['he', 'she', 'his', 'hers', 'h', '人工', '人工智能', '智能'];
  const text = 'ushers and his 人工智能 he';

  it('finds leftmost-longest matches like grep -F -o', () => {
    const m = buildExactMatcher(pats);
    expect(m.find(text).map((x) => text.slice(x.start, x.end))).toEqual(['she', 'his', '人工智能', 'he']);
    expect(m.count(text)).toBe(4);
  });

  it('finds all overlapping matches on request', () => {
    const m = buildExactMatcher(pats);
    const all = m.find(text, { overlapping: true }).map((x) => text.slice(x.start, x.end));
    expect(all).toEqual(['h', 'she', 'he', 'hers', 'h', 'his', '人工', '人工智能', '智能', 'h', 'he']);
    expect(m.count(text, { overlapping: true })).toBe(all.length);
  });

  it('is case-sensitive and has no word boundaries', () => {
    const m = buildExactMatcher(['AI']);
    expect(m.count('SAID AI ai')).toBe(2);
  });

  it('saves and loads the automaton', () => {
    const m = buildExactMatcher(pats);
    const bytes = m.serialize();
    // an unaligned copy loads too
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    for (const loaded of [loadExactMatcher(bytes), loadExactMatcher(shifted.subarray(1))]) {
      expect(loaded.find(text)).toEqual(m.find(text));
      expect(loaded.count(text, { overlapping: true })).toBe(m.count(text, { overlapping: true }));
    }
    expect(() => loadExactMatcher(new Uint8Array(40))).toThrow(/not a serialised automaton/);
    expect(() => loadExactMatcher(bytes.subarray(0, 100))).toThrow(/truncated/);
  });

  it('keeps the first id of a repeated pattern and skips empty ones', () => {
    const m = buildExactMatcher(['', 'ab', 'ab', 'b']);
    expect(m.patternCount).toBe(2);
    expect(m.find('ab')).toEqual([{ start: 0, end: 2, pattern: 1 }]);
  });
});
