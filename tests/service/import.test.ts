/**
 * The import use case against a real (memory) store: preview without writes, duplicates by normalised
 * form (script, width, case, inflection), the four policies, all-or-nothing on bad rows, built-in
 * glossaries refused, languages asked for but absent.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ShuyuError } from '../../src/core/errors.js';
import type { Concept } from '../../src/core/model.js';
import { createMemoryStore } from '../../src/store/memory.js';
import type { GlossaryStore } from '../../src/store/types.js';
import { importGlossary, mergeConcepts } from '../../src/service/import.js';
import { exportGlossary } from '../../src/service/export.js';

const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const existing: Concept[] = [
  {
    id: 'open-weight',
    definitions: { en: 'Weights are public.' },
    notes: [],
    terms: [
      { text: '开放权重', lang: 'zh-Hans', status: 'preferred' },
      { text: 'open-weight', lang: 'en', status: 'preferred' },
    ],
  },
  { id: 'export-control', definitions: {}, notes: [], terms: [{ text: 'export control', lang: 'en', status: 'preferred' }] },
];
const FILE = 'zh-TW,en,en synonyms,en definition\n開放權重,Open Weights,open weight model,\n出口管制,export controls,,Rules on exports.\n前沿模型,frontier model,,\n';

let store: GlossaryStore;
beforeEach(async () => {
  store = createMemoryStore();
  await store.replaceGlossary({ id: 'mine', name: 'Mine', languages: ['zh-Hans', 'en'] }, existing);
});

const conceptsOf = async (id: string) => store.listConcepts(id);

describe('import preview and duplicates', () => {
  it('dry run reports added / duplicates with reasons and writes nothing', async () => {
    const before = await store.version('mine');
    const r = await importGlossary(store, csv('new.csv', FILE), { into: 'mine', dryRun: true });
    expect(r.dryRun).toBe(true);
    expect(r.counts).toEqual({ added: 1, changed: 0, skipped: 2, unchanged: 0, duplicates: 2, total: 3 });
    expect(r.items.map((i) => [i.action, i.duplicateOf ?? null])).toEqual([
      ['skip', 'open-weight'],
      ['skip', 'export-control'],
      ['add', null],
    ]);
    // 開放權重 = 开放权重 (script), Open Weights = open-weight (case, hyphen, inflection)
    expect(r.items[0]!.reason).toMatch(/開放權重|Open Weights/);
    expect(await store.version('mine')).toBe(before);
    expect(await store.countConcepts('mine')).toBe(2);
  });

  it('skip adds only the new concept', async () => {
    const r = await importGlossary(store, csv('new.csv', FILE), { into: 'mine', onDuplicate: 'skip' });
    expect(r.counts.added).toBe(1);
    expect((await conceptsOf('mine')).map((c) => c.id).sort()).toEqual(['export-control', 'frontier-model', 'open-weight']);
    expect((await store.getConcept('mine', 'open-weight'))!.terms).toHaveLength(2);
  });

  it('merge adds the new forms as synonyms and fills gaps', async () => {
    const r = await importGlossary(store, csv('new.csv', FILE), { into: 'mine', onDuplicate: 'merge' });
    expect(r.counts).toMatchObject({ added: 1, changed: 2 });
    const ow = (await store.getConcept('mine', 'open-weight'))!;
    expect(ow.terms.map((t) => `${t.lang}:${t.text}:${t.status}`)).toEqual([
      'zh-Hans:开放权重:preferred',
      'en:open-weight:preferred',
      'en:open weight model:admitted', // 開放權重 is 开放权重 in Traditional script: not a new form

    ]);
    const ec = (await store.getConcept('mine', 'export-control'))!;
    expect(ec.definitions).toEqual({ en: 'Rules on exports.' });
    expect(ec.terms.map((t) => t.text)).toEqual(['export control', '出口管制']);
    // importing the same file again changes nothing more
    const again = await importGlossary(store, csv('new.csv', FILE), { into: 'mine', onDuplicate: 'merge' });
    expect(again.counts).toMatchObject({ added: 0, changed: 0, unchanged: 3 });
  });

  it('overwrite replaces the existing concept (keeping its id); keep adds a second concept', async () => {
    await importGlossary(store, csv('new.csv', FILE), { into: 'mine', onDuplicate: 'overwrite' });
    const ow = (await store.getConcept('mine', 'open-weight'))!;
    expect(ow.terms.map((t) => t.text)).toEqual(['開放權重', 'Open Weights', 'open weight model']);
    expect(ow.definitions).toEqual({});

    const store2 = createMemoryStore();
    await store2.replaceGlossary({ id: 'mine', name: 'Mine', languages: ['en'] }, existing);
    const r = await importGlossary(store2, csv('new.csv', FILE), { into: 'mine', onDuplicate: 'keep' });
    expect(r.counts).toMatchObject({ added: 3, duplicates: 2 });
    expect(await store2.countConcepts('mine')).toBe(5);
  });

  it('creates the target glossary from the file name when it does not exist', async () => {
    const r = await importGlossary(store, csv('政策术语.csv', FILE));
    expect(r).toMatchObject({ glossaryId: '政策术语', createdGlossary: true });
    expect(await store.countConcepts('政策术语')).toBe(3);
    expect((await store.getGlossary('政策术语'))!.languages.sort()).toEqual(['en', 'zh-Hant']);
  });
});

describe('all or nothing', () => {
  it('a file with bad rows imports nothing and lists every problem', async () => {
    const bad = 'zh,en,en status\n开放权重,open-weight,preferred\n出口管制,export control,wrong\n前沿模型,frontier model,worse\n';
    const e = (await importGlossary(store, csv('bad.csv', bad), { into: 'fresh' }).catch((x: unknown) => x)) as ShuyuError;
    expect(e).toBeInstanceOf(ShuyuError);
    expect(e.code).toBe('invalid_input');
    expect(e.details).toHaveLength(2);
    expect(await store.getGlossary('fresh')).toBeUndefined();
  });

  it('a failing batch leaves a new glossary uncreated', async () => {
    const failing: GlossaryStore = Object.create(store, {
      applyBatch: { value: async () => Promise.reject(new ShuyuError('internal', 'disk full')) },
    });
    await expect(importGlossary(failing, csv('x.csv', FILE), { into: 'brand-new' })).rejects.toThrow('disk full');
    expect(await store.getGlossary('brand-new')).toBeUndefined();
  });

  it('refuses built-in glossaries and unknown policies', async () => {
    await store.replaceGlossary({ id: 'builtin', name: 'B', languages: ['en'], builtIn: true }, existing);
    await expect(importGlossary(store, csv('x.csv', FILE), { into: 'builtin' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(importGlossary(store, csv('x.csv', FILE), { into: 'mine', onDuplicate: 'replace' as never })).rejects.toMatchObject({ code: 'usage' });
  });

  it('fails loudly when the file has no term in the asked languages', async () => {
    await expect(importGlossary(store, csv('x.csv', FILE), { into: 'mine', langs: ['fr'] })).rejects.toMatchObject({ code: 'empty_import' });
  });
});

describe('mergeConcepts', () => {
  it('demotes a second preferred term to admitted and keeps existing data first', () => {
    const merged = mergeConcepts(existing[0]!, {
      id: 'x',
      definitions: { en: 'other', fr: 'poids' },
      notes: ['n'],
      terms: [
        { text: 'open weights', lang: 'en', status: 'preferred' },
        { text: 'poids ouverts', lang: 'fr', status: 'preferred' },
      ],
    });
    expect(merged.id).toBe('open-weight');
    expect(merged.definitions).toEqual({ en: 'Weights are public.', fr: 'poids' });
    expect(merged.terms.map((t) => `${t.text}:${t.status}`)).toEqual(['开放权重:preferred', 'open-weight:preferred', 'poids ouverts:preferred']);
  });
});

describe('export use case', () => {
  it('filters languages and statuses and names the file', async () => {
    const r = await exportGlossary(store, 'mine', { format: 'csv', langs: ['zh'], statuses: ['preferred'] });
    expect(r.fileName).toBe('mine.csv');
    expect(r.mediaType).toBe('text/csv');
    const text = new TextDecoder().decode(r.bytes);
    expect(text).toContain('开放权重');
    expect(text).not.toContain('Weights are public');
    expect(text.split('\r\n')[0]).not.toMatch(/,en[ ,]/);
    await expect(exportGlossary(store, 'mine', { format: 'docx' })).rejects.toMatchObject({ code: 'unsupported_format' });
    await expect(exportGlossary(store, 'mine', { format: 'csv', statuses: ['great'] })).rejects.toMatchObject({ code: 'usage' });
    await expect(exportGlossary(store, 'nope', { format: 'csv' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
