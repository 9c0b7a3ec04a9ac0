import { describe, expect, it } from 'vitest';
import { TermExtractor } from '../../../src/core/extract/extractor.js';
import { enReference, enTagger, zhReference, zhTagger } from '../../../src/service/extract-nlp.js';
import { extractionKey } from '../../../src/service/extract.js';

describe('grouping variants under one candidate', () => {
  it('groups inflected English forms and shows the form seen most', () => {
    const ex = new TermExtractor({ lang: 'en', enTagger: enTagger(), reference: enReference(), keyOf: extractionKey });
    ex.addText(0, 'Export controls matter. New export controls came.\nOne export control failed.');
    const c = ex.result().find((x) => x.key === extractionKey('export control', 'en'))!;
    expect(c.text.toLowerCase()).toBe('export controls');
    expect(c.frequency).toBe(3);
    expect(c.variants.map((v) => v.toLowerCase())).toContain('export control');
  });

  it('groups Simplified and Traditional script, and full-width Latin, with the document and context', () => {
    const ex = new TermExtractor({ lang: 'zh', zhTagger: zhTagger(), reference: zhReference(), keyOf: extractionKey });
    ex.addText(0, '鼓励开放权重模型。');
    ex.addText(1, '鼓勵開放權重模型。');
    ex.addText(1, '建设ＡＩ基础设施和AI基础设施。');
    const all = ex.result();
    const ow = all.find((x) => x.text === '开放权重' || x.text === '開放權重')!;
    expect(ow.frequency).toBe(2);
    expect([ow.text, ...ow.variants].sort()).toEqual(['开放权重', '開放權重'].sort());
    expect(ow.documents).toEqual([0, 1]);
    expect(ow.contexts.map((c) => c.sentence)).toEqual(['鼓励开放权重模型。', '鼓勵開放權重模型。']);
    const ai = all.find((x) => x.key === extractionKey('AI基础设施', 'zh'))!;
    expect(ai.frequency).toBe(2);
  });

  it('marks in-text definitions and ranks them up', () => {
    const ex = new TermExtractor({ lang: 'en', enTagger: enTagger(), reference: enReference(), keyOf: extractionKey });
    ex.addText(0, 'The Center for AI Standards and Innovation (CAISI) evaluates models. CAISI publishes guidance.');
    const all = ex.result();
    const caisi = all.find((x) => x.text === 'CAISI')!;
    expect(caisi.defined).toBe(true);
    expect(caisi.definedAs).toEqual(['Center for AI Standards and Innovation']);
    expect(all.find((x) => x.text === 'Center for AI Standards and Innovation')?.definedAs).toEqual(['CAISI']);
    expect(ex.definitions()).toHaveLength(1);
  });

  it('returns the same best candidates, in the same order, when only the top is asked for', () => {
    const ex = new TermExtractor({ lang: 'en', enTagger: enTagger(), reference: enReference(), keyOf: extractionKey });
    ex.addText(0, 'Export controls protect data centers. Data centers need power. Export controls on chips matter. AI models run in data centers.');
    const all = ex.result();
    expect(all.length).toBeGreaterThan(4);
    expect(ex.result({ limit: 3 })).toEqual(all.slice(0, 3));
  });
});
