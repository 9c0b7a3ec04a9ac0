/**
 * The adapter contract (tests/formats/contract.ts) run against every registered glossary format that reads
 * and writes: TBX, XLSX, CSV, TSV (both layouts), Shuyu JSON and glossary YAML.
 */
import { describe, expect, it } from 'vitest';
import type { Glossary } from '../../src/core/model.js';
import { assertRoundTrip, roundTripFormats } from './contract.js';

const rich: Glossary = {
  id: 'rich',
  name: 'Rich glossary',
  description: 'everything the model has',
  languages: ['zh-Hans', 'zh-Hant', 'en', 'fr'],
  concepts: [
    {
      id: 'open-weight',
      subjectField: 'AI policy',
      definitions: { en: 'A model whose trained weights are released.', 'zh-Hans': '训练权重公开发布的模型。', fr: 'Poids publiés.' },
      notes: ['Note one', 'Note | with bar', 'multi\nline'],
      source: 'AI Action Plan, p. 3',
      related: ['open-source', 'frontier-model'],
      terms: [
        { text: '开放权重', lang: 'zh-Hans', status: 'preferred', partOfSpeech: 'adjective', context: '开放权重模型', note: '新词', source: '译者' },
        { text: '开源权重', lang: 'zh-Hans', status: 'deprecated' },
        { text: '開放權重', lang: 'zh-Hant', status: 'preferred' },
        { text: 'open-weight', lang: 'en', status: 'preferred', partOfSpeech: 'adjective', termType: 'fullForm', context: 'open-weight models, such as "Llama"' },
        { text: 'open-source', lang: 'en', status: 'forbidden' },
        { text: 'open weights', lang: 'en', status: 'admitted' },
      ],
    },
    {
      id: 'ai',
      definitions: {},
      notes: [],
      terms: [
        { text: 'AI', lang: 'en', status: 'preferred', caseSensitive: true, termType: 'acronym' },
        { text: '人工智能', lang: 'zh-Hans', status: 'preferred', partOfSpeech: 'noun' },
      ],
    },
    {
      id: 'export-control',
      subjectField: '=formula-like subject',
      definitions: { en: '+1 formula-like definition' },
      notes: ['@mention', '－full-width minus'],
      terms: [
        { text: '出口管制', lang: 'zh-Hans', status: 'preferred' },
        { text: 'export control', lang: 'en', status: 'preferred' },
        { text: '-export controls', lang: 'en', status: 'admitted' },
      ],
    },
    {
      id: 'chips-act',
      definitions: {},
      notes: [],
      terms: [
        { text: '芯片法案', lang: 'zh-Hans', status: 'preferred' },
        { text: 'CHIPS and Science Act', lang: 'en', status: 'preferred' },
        { text: 'chips act', lang: 'en', status: 'admitted' },
        { text: 'CHIPS', lang: 'en', status: 'admitted', caseSensitive: true },
      ],
    },
  ],
};

const lossy: Glossary = {
  id: 'lossy',
  name: 'with specs and extra data',
  languages: ['zh-Hans', 'en'],
  concepts: [
    {
      id: 'frontier-model',
      definitions: {},
      notes: [],
      specs: { match: ['frontier models are'], noMatch: ['frontier town'] },
      extra: { 'admin:productSubset': 'policy', custom: 'value' },
      terms: [
        { text: '前沿模型', lang: 'zh-Hans', status: 'preferred' },
        { text: 'frontier model', lang: 'en', status: 'preferred' },
      ],
    },
  ],
};

describe('glossary adapter contract', () => {
  const list = roundTripFormats();

  it('covers every writable glossary format', () => {
    expect(list.map((f) => f.id).sort()).toEqual(expect.arrayContaining(['csv', 'json', 'shuyu-yaml', 'tbx', 'tsv', 'xlsx']));
  });

  for (const format of list) {
    const layouts = ['csv', 'tsv', 'xlsx'].includes(format.id) ? (['concept', 'term'] as const) : ([undefined] as const);
    for (const layout of layouts) {
      const label = `${format.id}${layout ? ` (one row per ${layout})` : ''}`;
      it(`${label}: read(write(g)) ≡ g for what it holds`, async () => {
        await assertRoundTrip(format, rich, layout ? { layout } : {});
      });
      it(`${label}: what it cannot hold is reported as a warning`, async () => {
        await assertRoundTrip(format, lossy, layout ? { layout } : {});
        const { warnings } = await format.write!(lossy, layout ? { layout } : {});
        if (format.cannotHold.length) expect(warnings.map((w) => w.message).join('\n')).toMatch(/specs|extra/);
        else expect(warnings).toEqual([]);
      });
    }
  }
});
