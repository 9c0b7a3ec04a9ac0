import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShuyuError } from '../../src/core/errors.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { defaultDbPath, openEngine } from '../../src/service/open.js';
import { repoRoot, seedBuiltInGlossaries } from '../../src/service/seed.js';
import { stringifyGlossaryJson } from '../../src/formats/glossary-json.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'shuyu-open-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const freshDir = (name: string) => {
  const dir = path.join(tmp, `${name}-${++n}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

const yaml = (id: string, terms: [string, string][]) =>
  [
    `id: ${id}`,
    `name: ${id} terms`,
    'languages: [zh-Hans, en]',
    'concepts:',
    ...terms.flatMap(([zh, en], i) => [
      `  - id: c${i}`,
      '    terms:',
      `      - { text: ${zh}, lang: zh-Hans, status: preferred }`,
      `      - { text: ${en}, lang: en, status: preferred }`,
    ]),
    '',
  ].join('\n');

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function rejection(p: Promise<unknown>): Promise<ShuyuError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ShuyuError);
  return e as ShuyuError;
}

describe('seedBuiltInGlossaries', () => {
  it('seeds every YAML file as a built-in glossary with the sha256 of its file', async () => {
    const dir = freshDir('seed');
    writeFileSync(path.join(dir, 'ai.yaml'), yaml('ai', [['人工智能', 'artificial intelligence']]));
    writeFileSync(path.join(dir, 'trade.yml'), yaml('trade', [['出口管制', 'export control'], ['关税', 'tariff']]));
    writeFileSync(path.join(dir, 'README.md'), '# not a glossary\n');
    const store = createMemoryStore();
    expect(await seedBuiltInGlossaries(store, dir)).toEqual({ created: ['ai', 'trade'], updated: [], unchanged: [], orphaned: [], shadowed: [] });
    expect(await store.getGlossary('trade')).toEqual({
      id: 'trade',
      name: 'trade terms',
      languages: ['zh-Hans', 'en'],
      builtIn: true,
      sourceHash: sha256(path.join(dir, 'trade.yml')),
    });
    expect(await store.countConcepts('trade')).toBe(2);
  });

  it('re-syncs only the glossaries whose file changed', async () => {
    const dir = freshDir('resync');
    const ai = path.join(dir, 'ai.yaml');
    writeFileSync(ai, yaml('ai', [['人工智能', 'artificial intelligence']]));
    writeFileSync(path.join(dir, 'trade.yaml'), yaml('trade', [['出口管制', 'export control']]));
    const store = createMemoryStore();
    await seedBuiltInGlossaries(store, dir);
    const versions = { ai: await store.version('ai'), trade: await store.version('trade') };

    expect(await seedBuiltInGlossaries(store, dir)).toMatchObject({ created: [], updated: [], unchanged: ['ai', 'trade'] });
    expect(await store.version('ai')).toBe(versions.ai);

    writeFileSync(ai, yaml('ai', [['人工智能', 'artificial intelligence'], ['开放权重', 'open-weight']]));
    expect(await seedBuiltInGlossaries(store, dir)).toMatchObject({ updated: ['ai'], unchanged: ['trade'] });
    expect(await store.version('ai')).toBeGreaterThan(versions.ai);
    expect(await store.version('trade')).toBe(versions.trade);
    expect((await store.getConcept('ai', 'c1'))?.terms[1]?.text).toBe('open-weight');
    expect((await store.getConcept('ai', 'c0'))?.revision).toBe(1);
    expect((await store.getGlossary('ai'))?.sourceHash).toBe(sha256(ai));
  });

  it('fails with file, line and concept when a built-in file is broken, changing nothing', async () => {
    const dir = freshDir('broken');
    writeFileSync(path.join(dir, 'ai.yaml'), yaml('ai', [['人工智能', 'artificial intelligence']]));
    const store = createMemoryStore();
    await seedBuiltInGlossaries(store, dir);
    const before = await store.listConcepts('ai');
    writeFileSync(path.join(dir, 'ai.yaml'), yaml('ai', [['人工智能', 'artificial intelligence']]).replace('status: preferred }\n      - { text: artificial', 'status: approved }\n      - { text: artificial'));
    const e = await rejection(seedBuiltInGlossaries(store, dir));
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/^Built-in glossary .*ai\.yaml is broken/);
    expect(e.message).toMatch(/ai\.yaml:7:\d+: terms\[0\]\.status: .* \[c0\]/);
    expect(e.params).toMatchObject({ line: 7, conceptId: 'c0' });
    expect(String(e.params.file)).toMatch(/ai\.yaml$/);
    expect(await store.listConcepts('ai')).toEqual(before);
  });

  it('never overwrites a user glossary with the same id, and keeps glossaries whose file is gone', async () => {
    const dir = freshDir('shadow');
    writeFileSync(path.join(dir, 'mine.yaml'), yaml('mine', [['甲', 'a']]));
    writeFileSync(path.join(dir, 'gone.yaml'), yaml('gone', [['乙', 'b']]));
    const store = createMemoryStore();
    await store.createGlossary({ id: 'mine', name: 'My own', languages: ['en'] });
    expect(await seedBuiltInGlossaries(store, dir)).toMatchObject({ created: ['gone'], shadowed: ['mine'] });
    expect((await store.getGlossary('mine'))?.name).toBe('My own');
    unlinkSync(path.join(dir, 'gone.yaml'));
    expect(await seedBuiltInGlossaries(store, dir)).toMatchObject({ orphaned: ['gone'] });
    expect(await store.countConcepts('gone')).toBe(1);
  });

  it('refuses two built-in files with the same glossary id', async () => {
    const dir = freshDir('dup');
    writeFileSync(path.join(dir, 'a.yaml'), yaml('same', [['甲', 'a']]));
    writeFileSync(path.join(dir, 'b.yaml'), yaml('same', [['乙', 'b']]));
    expect((await rejection(seedBuiltInGlossaries(createMemoryStore(), dir))).code).toBe('conflict');
  });
});

describe('openEngine', () => {
  let savedEnv: string | undefined;
  beforeEach(() => {
    savedEnv = process.env.SHUYU_DB;
  });
  afterEach(() => {
    if (savedEnv === undefined) delete process.env.SHUYU_DB;
    else process.env.SHUYU_DB = savedEnv;
  });

  it('finds the repository root and defaults to data/shuyu.sqlite in it, or $SHUYU_DB', () => {
    expect(repoRoot()).toBe(repo);
    delete process.env.SHUYU_DB;
    expect(defaultDbPath()).toBe(path.join(repo, 'data', 'shuyu.sqlite'));
    process.env.SHUYU_DB = 'some/where.sqlite';
    expect(defaultDbPath()).toBe(path.resolve('some/where.sqlite'));
  });

  it('opens a seeded SQLite store; reopening re-syncs only what changed', async () => {
    const dir = freshDir('engine-seed');
    const file = path.join(dir, 'ai.yaml');
    writeFileSync(file, yaml('ai', [['人工智能', 'artificial intelligence']]));
    process.env.SHUYU_DB = path.join(dir, 'db', 'shuyu.sqlite');
    const first = await openEngine({ glossaryDir: dir });
    expect(first.store.description).toBe(`sqlite:${process.env.SHUYU_DB}`);
    expect((await first.store.getGlossary('ai'))?.builtIn).toBe(true);
    const v1 = await first.store.version('ai');
    await first.close();

    const second = await openEngine({ glossaryDir: dir });
    expect(await second.store.version('ai')).toBe(v1);
    await second.close();

    writeFileSync(file, yaml('ai', [['人工智能', 'AI']]));
    const third = await openEngine({ glossaryDir: dir });
    expect(await third.store.version('ai')).toBeGreaterThan(v1);
    expect((await third.store.getConcept('ai', 'c0'))?.terms[1]?.text).toBe('AI');
    await third.close();
  });

  it('an explicit dbPath wins over $SHUYU_DB, and seed: false seeds nothing', async () => {
    const dir = freshDir('engine-noseed');
    process.env.SHUYU_DB = path.join(dir, 'not-this.sqlite');
    const engine = await openEngine({ dbPath: path.join(dir, 'this.sqlite'), seed: false });
    expect(engine.store.description).toBe(`sqlite:${path.join(dir, 'this.sqlite')}`);
    expect(await engine.store.listGlossaries()).toEqual([]);
    await engine.close();
  });

  it('seeds the real built-in glossaries by default', async () => {
    const engine = await openEngine({ dbPath: path.join(freshDir('engine-real'), 'shuyu.sqlite') });
    const ids = (await engine.store.listGlossaries()).filter((g) => g.builtIn).map((g) => g.id);
    expect(ids).toContain('ai-policy');
    await engine.close();
  });

  it('fails start-up on a broken built-in file', async () => {
    const dir = freshDir('engine-broken');
    writeFileSync(path.join(dir, 'bad.yaml'), 'id: bad\nconcepts:\n  - id: x\n    terms: []\n');
    const e = await rejection(openEngine({ dbPath: path.join(dir, 'shuyu.sqlite'), glossaryDir: dir }));
    expect(e.message).toMatch(/bad\.yaml:4:\d+: terms: .*\[x\]/);
  });

  it('with glossaryFiles, holds just those files in memory', async () => {
    const dir = freshDir('engine-files');
    const a = path.join(dir, 'ai.yaml');
    writeFileSync(a, yaml('ai', [['人工智能', 'artificial intelligence']]));
    const b = path.join(dir, 'Trade Terms.json');
    writeFileSync(
      b,
      stringifyGlossaryJson({ id: '', name: '', languages: [], concepts: [{ id: 't1', definitions: {}, notes: [], terms: [{ text: '关税', lang: 'zh-Hans', status: 'preferred' }] }] }).replace(
        /\s*"id": "",\n\s*"name": "",/,
        '',
      ),
    );
    const engine = await openEngine({ glossaryFiles: [a, b] });
    expect(engine.store.description).toBe('memory');
    expect((await engine.store.listGlossaries()).map((g) => [g.id, g.name])).toEqual([
      ['Trade-Terms', 'Trade-Terms'],
      ['ai', 'ai terms'],
    ]);
    expect(await engine.store.countConcepts('Trade-Terms')).toBe(1);
    await engine.close();
  });

  it('a missing glossary file is not_found naming the file; files and a database together are a usage error', async () => {
    const missing = path.join(tmp, 'nope.yaml');
    const e = await rejection(openEngine({ glossaryFiles: [missing] }));
    expect(e.code).toBe('not_found');
    expect(e.params.file).toBe(missing);
    expect((await rejection(openEngine({ glossaryFiles: [missing], dbPath: path.join(tmp, 'x.sqlite') }))).code).toBe('usage');
  });

  it('rebuilds the matcher and lookup index when a glossary changes, and only then', async () => {
    const dir = freshDir('engine-cache');
    const a = path.join(dir, 'ai.yaml');
    writeFileSync(a, yaml('ai', [['人工智能', 'artificial intelligence']]));
    const engine = await openEngine({ glossaryFiles: [a] });
    const m1 = await engine.matcher();
    const l1 = await engine.lookupIndex();
    expect(await engine.matcher()).toBe(m1);
    expect(await engine.lookupIndex()).toBe(l1);
    expect(m1.find('我们研究开放权重模型').length).toBe(0);
    await engine.store.putConcept('ai', {
      id: 'ow',
      definitions: {},
      notes: [],
      terms: [{ text: '开放权重', lang: 'zh-Hans', status: 'preferred' }],
    });
    const m2 = await engine.matcher();
    expect(m2).not.toBe(m1);
    expect(m2.find('我们研究开放权重模型').map((m) => m.conceptId)).toEqual(['ow']);
    expect(await engine.lookupIndex()).not.toBe(l1);
    await engine.close();
  });

  it('concurrent requests share one build; a write by another connection to the same file triggers a rebuild', async () => {
    const dir = freshDir('engine-shared');
    const file = path.join(dir, 'ai.yaml');
    writeFileSync(file, yaml('ai', [['人工智能', 'artificial intelligence']]));
    const dbPath = path.join(dir, 'shuyu.sqlite');
    const engine = await openEngine({ dbPath, glossaryDir: dir });
    const [a, b] = await Promise.all([engine.matcher(), engine.matcher()]);
    expect(a).toBe(b);
    await engine.warm();
    expect(await engine.matcher()).toBe(a);
    const other = await openEngine({ dbPath, glossaryDir: dir });
    await other.store.putConcept('ai', { id: 'dc', definitions: {}, notes: [], terms: [{ text: '数据中心', lang: 'zh-Hans', status: 'preferred' }] });
    await other.close();
    const rebuilt = await engine.matcher();
    expect(rebuilt).not.toBe(a);
    expect(rebuilt.find('建设数据中心').map((m) => m.conceptId)).toEqual(['dc']);
    await engine.close();
  });
});
