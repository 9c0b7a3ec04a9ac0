import { describe, expect, it } from 'vitest';
import { buildLookupIndex } from '../../src/core/lookup/index.js';
import type { LookupHit } from '../../src/core/lookup/types.js';
import type { MatcherEntry } from '../../src/core/match/types.js';
import type { Concept, Term, TermStatus } from '../../src/core/model.js';

const t = (text: string, lang: string, status: TermStatus = 'preferred', extra: Partial<Term> = {}): Term => ({ text, lang, status, ...extra });
const concept = (id: string, terms: Term[], definitions: Record<string, string> = {}): Concept => ({ id, terms, definitions, notes: [] });

const policy: Concept[] = [
  concept('export-controls', [t('出口管制', 'zh-Hans'), t('export controls', 'en'), t('export control regime', 'en', 'admitted')], {
    en: 'Government restrictions on exports of sensitive goods and technology.',
    'zh-Hans': '政府对敏感物项和技术出口的限制。',
  }),
  concept('open-weight', [t('开放权重', 'zh-Hans'), t('開放權重', 'zh-Hant'), t('open-weight', 'en'), t('open weights', 'en', 'admitted')]),
  concept('ai', [t('人工智能', 'zh-Hans'), t('人工智慧', 'zh-Hant'), t('artificial intelligence', 'en'), t('AI', 'en', 'admitted', { caseSensitive: true, termType: 'acronym' })]),
  concept('data-center', [t('数据中心', 'zh-Hans'), t('data center', 'en'), t('data centre', 'en', 'admitted'), t('server farm', 'en', 'deprecated')]),
  concept('export', [t('出口', 'zh-Hans'), t('export', 'en')]),
  concept('nuclear-export-control', [t('核出口控制', 'zh-Hans'), t('nuclear export control', 'en')]),
  concept('chip', [t('芯片', 'zh-Hans'), t('chip', 'en'), t('semiconductor chip', 'en', 'admitted')], { en: 'An integrated circuit.' }),
  concept('ai-chip', [t('AI芯片', 'zh-Hans'), t('AI chip', 'en')]),
  concept('open-source', [t('开源', 'zh-Hans'), t('open source', 'en'), t('open-source software', 'en', 'admitted')]),
  concept('chongqing', [t('重庆', 'zh-Hans'), t('Chongqing', 'en')]),
  concept('green', [t('绿色', 'zh-Hans'), t('green', 'en')]),
  concept('stride', [t('大踏步', 'zh-Hans'), t('stride', 'en')]),
];
const other: Concept[] = [concept('export-duty', [t('出口税', 'zh-Hans'), t('export duty', 'en')])];
const entries: MatcherEntry[] = [...policy.map((c) => ({ glossaryId: 'policy', concept: c })), ...other.map((c) => ({ glossaryId: 'trade', concept: c }))];
const index = buildLookupIndex(entries);

const ids = (hits: LookupHit[]) => hits.map((h) => h.conceptId);
const first = (q: string) => {
  const hit = index.search(q)[0];
  if (!hit) throw new Error(`no hit for ${q}`);
  return hit;
};

describe('buildLookupIndex', () => {
  it('counts concepts', () => {
    expect(index.size).toBe(13);
  });

  it('finds an exact Chinese term and returns the whole concept', () => {
    const hit = first('出口管制');
    expect(hit).toMatchObject({ glossaryId: 'policy', conceptId: 'export-controls', reason: 'exact', matched: '出口管制', matchedLang: 'zh-Hans' });
    expect(hit.concept.terms.map((x) => [x.text, x.status])).toEqual([
      ['出口管制', 'preferred'],
      ['export controls', 'preferred'],
      ['export control regime', 'admitted'],
    ]);
    expect(hit.concept.definitions.en).toMatch(/restrictions/);
    expect(hit.detail).toBeUndefined();
  });

  it('folds traditional input to simplified', () => {
    const hit = first('出口管製');
    expect(hit).toMatchObject({ conceptId: 'export-controls', reason: 'variant', matched: '出口管制' });
    expect(hit.detail).toContain('traditional → simplified');
    expect(first('數據中心')).toMatchObject({ conceptId: 'data-center', reason: 'variant' });
  });

  it('finds stored traditional terms exactly', () => {
    expect(first('開放權重')).toMatchObject({ conceptId: 'open-weight', reason: 'exact', matchedLang: 'zh-Hant' });
    expect(first('人工智慧')).toMatchObject({ conceptId: 'ai', reason: 'exact', matchedLang: 'zh-Hant' });
  });

  it('finds English variants: plural, case, hyphen, width', () => {
    expect(first('export controls')).toMatchObject({ conceptId: 'export-controls', reason: 'exact' });
    const singular = first('export control');
    expect(singular).toMatchObject({ conceptId: 'export-controls', reason: 'variant', matched: 'export controls' });
    expect(singular.detail).toMatch(/singular\/plural/);
    expect(first('Export Controls')).toMatchObject({ conceptId: 'export-controls', reason: 'variant', detail: 'letter case' });
    expect(first('Open Weights')).toMatchObject({ conceptId: 'open-weight', reason: 'variant' });
    expect(first('open weight')).toMatchObject({ conceptId: 'open-weight', reason: 'variant' });
    expect(first('AI')).toMatchObject({ conceptId: 'ai', reason: 'exact', matched: 'AI' });
    expect(first('ＡＩ')).toMatchObject({ conceptId: 'ai', reason: 'variant', detail: 'full-width → half-width' });
    expect(first('ai')).toMatchObject({ conceptId: 'ai', reason: 'variant' });
  });

  it('finds mixed Chinese/Latin terms with or without spaces and in full width', () => {
    expect(first('AI芯片')).toMatchObject({ conceptId: 'ai-chip', reason: 'exact' });
    expect(first('AI 芯片')).toMatchObject({ conceptId: 'ai-chip', reason: 'variant' });
    expect(first('ＡＩ芯片')).toMatchObject({ conceptId: 'ai-chip', reason: 'variant' });
  });

  it('tolerates typos in English terms', () => {
    const hit = first('export contol');
    expect(hit).toMatchObject({ conceptId: 'export-controls', reason: 'fuzzy', matched: 'export controls', detail: '1 edit' });
    expect(ids(index.search('export contol'))).toContain('nuclear-export-control');
    expect(first('artifical inteligence')).toMatchObject({ conceptId: 'ai', reason: 'fuzzy', detail: '2 edits' });
    expect(first('semicondutcor chip')).toMatchObject({ conceptId: 'chip', reason: 'fuzzy' });
    expect(first('opne source')).toMatchObject({ conceptId: 'open-source', reason: 'fuzzy' });
  });

  it('does not call a typo what is not one', () => {
    expect(index.search('quantum entanglement')).toEqual([]);
    expect(index.search('xyzzy')).toEqual([]);
  });

  it('finds full pinyin without tones, with or without spaces, and typed with tones', () => {
    for (const q of ['chukouguanzhi', 'chu kou guan zhi', 'Chū kǒu guǎn zhì', 'chu3 kou3 guan3 zhi4']) {
      const hit = first(q);
      expect(hit, q).toMatchObject({ conceptId: 'export-controls', reason: 'pinyin', matched: '出口管制' });
      expect(hit.detail).toContain('chū kǒu guǎn zhì');
    }
    expect(first('kaifangquanzhong')).toMatchObject({ conceptId: 'open-weight', reason: 'pinyin' });
  });

  it('ranks a whole pinyin match above a pinyin prefix', () => {
    const hits = index.search('chukou');
    // 出口税 (chu kou shui) is a shorter prefix match than 出口管制.
    expect(ids(hits).slice(0, 3)).toEqual(['export', 'export-duty', 'export-controls']);
    expect(hits[0]!.detail).toMatch(/^pinyin chukou/);
    expect(hits[1]!.detail).toMatch(/^pinyin prefix/);
    expect(ids(index.search('chu kou'))).toEqual(ids(hits));
  });

  it('finds pinyin initials', () => {
    const hit = first('ckgz');
    expect(hit).toMatchObject({ conceptId: 'export-controls', reason: 'pinyin-initials' });
    expect(hit.detail).toContain('ckgz');
    expect(first('rgzn')).toMatchObject({ conceptId: 'ai', reason: 'pinyin-initials' });
  });

  it('reads polyphonic characters and ü in pinyin queries', () => {
    expect(first('chongqing')).toMatchObject({ conceptId: 'chongqing' });
    expect(first('zhongqing')).toMatchObject({ conceptId: 'chongqing', reason: 'pinyin' });
    expect(first('zhongqing').detail).toContain('other reading');
    expect(first('lvse')).toMatchObject({ conceptId: 'green', reason: 'pinyin' });
    expect(first('lü se')).toMatchObject({ conceptId: 'green', reason: 'pinyin' });
  });

  it('ranks English matches of an English word above pinyin that happens to match', () => {
    // "data" is also the pinyin of 大踏 (大踏步 da ta bu).
    const hits = index.search('data');
    expect(hits[0]).toMatchObject({ conceptId: 'data-center', reason: 'prefix' });
    expect(ids(hits)).toContain('stride');
    expect(ids(hits).indexOf('stride')).toBeGreaterThan(0);
  });

  it('finds Chinese substrings, ranked exact > prefix > substring', () => {
    const hits = index.search('出口');
    expect(hits.map((h) => [h.conceptId, h.reason])).toEqual([
      ['export', 'exact'],
      ['export-duty', 'prefix'], // shorter than 出口管制, so first among prefixes
      ['export-controls', 'prefix'],
      ['nuclear-export-control', 'substring'],
    ]);
    expect(first('管制')).toMatchObject({ conceptId: 'export-controls', reason: 'substring', detail: 'contains "管制"' });
    expect(first('權重')).toMatchObject({ conceptId: 'open-weight', reason: 'substring' });
  });

  it('finds English prefixes and contained words', () => {
    expect(first('export con')).toMatchObject({ conceptId: 'export-controls', reason: 'prefix' });
    expect(first('data cen')).toMatchObject({ conceptId: 'data-center', reason: 'prefix' });
    const hits = index.search('export control');
    expect(hits.map((h) => [h.conceptId, h.reason])).toEqual([
      ['export-controls', 'variant'],
      ['nuclear-export-control', 'substring'],
    ]);
  });

  it('searches definitions as the lowest-ranked reason', () => {
    const hit = first('sensitive goods');
    expect(hit).toMatchObject({ conceptId: 'export-controls', reason: 'definition', matchedLang: 'en' });
    expect(hit.matched).toMatch(/sensitive goods/);
    expect(first('integrated circuits')).toMatchObject({ conceptId: 'chip', reason: 'definition' });
    expect(first('敏感物项')).toMatchObject({ conceptId: 'export-controls', reason: 'definition', matchedLang: 'zh-Hans' });
    // A term hit outranks a definition hit.
    const tech = index.search('export');
    expect(tech[tech.length - 1]!.reason).not.toBe('exact');
  });

  it('orders every result list by score with reasons in rank order', () => {
    const order = ['exact', 'variant', 'pinyin', 'pinyin-initials', 'prefix', 'substring', 'fuzzy', 'definition'];
    for (const q of ['出口', 'export', 'chukou', 'export contol', 'open', 'data', '出口管製']) {
      const hits = index.search(q, { limit: 50 });
      for (let i = 1; i < hits.length; i++) {
        expect(hits[i - 1]!.score, q).toBeGreaterThanOrEqual(hits[i]!.score);
        if (hits[i - 1]!.reason !== hits[i]!.reason && q !== 'data') expect(order.indexOf(hits[i - 1]!.reason), q).toBeLessThan(order.indexOf(hits[i]!.reason));
      }
      expect(new Set(ids(hits)).size, q).toBe(hits.length);
    }
  });

  it('prefers the preferred term of a concept and shows deprecated terms with their status', () => {
    expect(first('export control')).toMatchObject({ matched: 'export controls' });
    const hit = first('server farm');
    expect(hit).toMatchObject({ conceptId: 'data-center', reason: 'exact', matched: 'server farm' });
    expect(hit.concept.terms.find((x) => x.text === 'server farm')?.status).toBe('deprecated');
  });

  it('honours limit', () => {
    expect(index.search('出口', { limit: 1 })).toHaveLength(1);
    expect(index.search('出口', { limit: 2 }).map((h) => h.conceptId)).toEqual(['export', 'export-duty']);
    expect(index.search('出口', { limit: 0 })).toEqual([]);
    expect(index.search('e', { limit: 3 }).length).toBeLessThanOrEqual(3);
  });

  it('filters by glossary', () => {
    expect(ids(index.search('出口', { glossaryIds: ['trade'] }))).toEqual(['export-duty']);
    expect(ids(index.search('出口', { glossaryIds: ['policy'] }))).not.toContain('export-duty');
    expect(index.search('出口', { glossaryIds: ['nope'] })).toEqual([]);
    // An empty list means no restriction, as in Engine.resolveGlossaries.
    expect(ids(index.search('出口', { glossaryIds: [] }))).toEqual(ids(index.search('出口')));
    // The filter applies before the limit.
    expect(ids(index.search('出口', { glossaryIds: ['trade'], limit: 1 }))).toEqual(['export-duty']);
  });

  it('ignores sentence punctuation around the query', () => {
    expect(first('出口管制。')).toMatchObject({ conceptId: 'export-controls', reason: 'variant' });
    expect(first('"export controls"')).toMatchObject({ conceptId: 'export-controls', reason: 'variant' });
    expect(first('（人工智能）')).toMatchObject({ conceptId: 'ai' });
  });

  it('returns nothing for empty or blank queries', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('？！')).toEqual([]);
  });

  it('bounds the work of very long queries', () => {
    // A 10,000-letter word would otherwise generate tens of millions of deletions for the typo index.
    expect(index.search('a'.repeat(10000))).toEqual([]);
    expect(index.search(`${'x'.repeat(600)} export controls`)).toEqual([]); // cut at 500 characters
    expect(first(`export controls${' '.repeat(600)}`)).toMatchObject({ conceptId: 'export-controls', reason: 'exact' });
  });

  it('works on an empty index', () => {
    const empty = buildLookupIndex([]);
    expect(empty.size).toBe(0);
    expect(empty.search('出口')).toEqual([]);
    expect(empty.search('export contol')).toEqual([]);
  });
});
