/**
 * The one contract every GlossaryStore passes (unstorage `testDriver` style): memory.test.ts and
 * sqlite.test.ts call runStoreContract; a PostgreSQL store would call it too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/core/errors.js';
import { ShuyuError } from '../../src/core/errors.js';
import type { Concept, GlossaryInfo } from '../../src/core/model.js';
import type { GlossaryStore } from '../../src/store/types.js';

/** Expects `p` to reject with a ShuyuError of `code` and returns it. */
export async function rejectsWith(p: Promise<unknown> | (() => Promise<unknown>), code: ErrorCode): Promise<ShuyuError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(ShuyuError);
    expect((e as ShuyuError).code, (e as Error).message).toBe(code);
    return e as ShuyuError;
  }
  throw new Error(`expected a ShuyuError('${code}') but nothing was thrown`);
}

/** A valid concept with a zh-Hans and an en term. */
export function concept(id: string, zh = `术语${id}`, en = `term ${id}`): Concept {
  return {
    id,
    definitions: {},
    notes: [],
    terms: [
      { text: zh, lang: 'zh-Hans', status: 'preferred' },
      { text: en, lang: 'en', status: 'preferred' },
    ],
  };
}

const info = (id: string, extra: Partial<GlossaryInfo> = {}): GlossaryInfo => ({ id, name: `Glossary ${id}`, languages: ['zh-Hans', 'en'], ...extra });

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const codeUnitOrder = (ids: string[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export function runStoreContract(name: string, makeStore: () => GlossaryStore | Promise<GlossaryStore>): void {
  describe(`store contract: ${name}`, () => {
    let store: GlossaryStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('glossaries', () => {
      it('starts empty and describes itself', async () => {
        expect(await store.listGlossaries()).toEqual([]);
        expect(store.description).toMatch(/\S/);
      });

      it('creates, gets and lists glossaries in id order with normalised languages', async () => {
        const created = await store.createGlossary({ id: 'b', name: ' B terms ', languages: ['zh-CN', 'EN', 'zh'], description: 'second' });
        expect(created).toEqual({ id: 'b', name: 'B terms', languages: ['zh-Hans', 'en'], description: 'second' });
        await store.createGlossary(info('a', { builtIn: true, sourceHash: 'abc' }));
        await store.createGlossary(info('c', { builtIn: false }));
        expect(await store.getGlossary('b')).toEqual(created);
        expect(await store.getGlossary('a')).toEqual(info('a', { builtIn: true, sourceHash: 'abc' }));
        expect(await store.getGlossary('c')).toEqual(info('c'));
        expect(await store.getGlossary('zzz')).toBeUndefined();
        expect((await store.listGlossaries()).map((g) => g.id)).toEqual(['a', 'b', 'c']);
      });

      it('refuses a duplicate id with conflict', async () => {
        await store.createGlossary(info('g'));
        const e = await rejectsWith(store.createGlossary(info('g', { name: 'other' })), 'conflict');
        expect(e.params.glossary).toBe('g');
        expect((await store.getGlossary('g'))?.name).toBe('Glossary g');
      });

      it('refuses invalid glossary info with invalid_input naming each field', async () => {
        const e = await rejectsWith(store.createGlossary({ id: '-bad id', name: ' ', languages: ['x'] }), 'invalid_input');
        expect(e.details.map((d) => d.path).sort()).toEqual(['id', 'languages', 'name']);
        await rejectsWith(store.createGlossary({ id: '', name: 'n', languages: [] }), 'invalid_input');
        expect(await store.listGlossaries()).toEqual([]);
      });

      it('updates name, description, languages and sourceHash, never the id', async () => {
        await store.createGlossary(info('g', { description: 'old' }));
        const updated = await store.updateGlossary('g', { name: 'New', languages: ['en', 'zh-TW'], sourceHash: 'h1', description: undefined });
        expect(updated).toEqual({ id: 'g', name: 'New', languages: ['en', 'zh-Hant'], sourceHash: 'h1' });
        expect(await store.getGlossary('g')).toEqual(updated);
        const sneaky = await store.updateGlossary('g', { id: 'other' } as Partial<GlossaryInfo>);
        expect(sneaky.id).toBe('g');
        expect(await store.getGlossary('other')).toBeUndefined();
      });

      it('rejects an invalid update and keeps the glossary as it was', async () => {
        await store.createGlossary(info('g'));
        await rejectsWith(store.updateGlossary('g', { name: '' }), 'invalid_input');
        expect(await store.getGlossary('g')).toEqual(info('g'));
      });

      it('throws not_found for updating or deleting an unknown glossary', async () => {
        expect((await rejectsWith(store.updateGlossary('nope', { name: 'x' }), 'not_found')).params.glossary).toBe('nope');
        await rejectsWith(store.deleteGlossary('nope'), 'not_found');
      });

      it('deletes a glossary with its concepts; a re-created one starts empty', async () => {
        await store.createGlossary(info('g'));
        await store.createGlossary(info('keep'));
        await store.putConcept('g', concept('c1'));
        await store.putConcept('keep', concept('c1'));
        await store.deleteGlossary('g');
        expect(await store.getGlossary('g')).toBeUndefined();
        await rejectsWith(store.getConcept('g', 'c1'), 'not_found');
        await rejectsWith(store.countConcepts('g'), 'not_found');
        await store.createGlossary(info('g'));
        expect(await store.countConcepts('g')).toBe(0);
        expect(await store.getConcept('keep', 'c1')).toBeDefined();
      });
    });

    describe('concepts', () => {
      beforeEach(async () => {
        await store.createGlossary(info('g'));
      });

      it('puts a new concept at revision 1, normalised, with timestamps', async () => {
        const input: Concept = {
          id: 'export-control',
          definitions: { 'zh-CN': '出口管制的定义', en: 'Control of exports' },
          notes: ['n1'],
          terms: [
            { text: ' 出口管制 ', lang: 'zh-CN', status: 'preferred', partOfSpeech: 'noun' },
            { text: 'export control', lang: 'EN', status: 'preferred', caseSensitive: false },
            { text: 'export controls', lang: 'en', status: 'admitted', context: 'Strengthen export controls.' },
          ],
          related: ['chip'],
          specs: { match: ['加强出口管制'], noMatch: ['出口'] },
          extra: { 'tbx:customer': 'x' },
        };
        const stored = await store.putConcept('g', input);
        expect(stored.revision).toBe(1);
        expect(stored.glossaryId).toBe('g');
        expect(stored.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(stored.updatedAt).toBe(stored.createdAt);
        expect(stored.terms[0]).toEqual({ text: '出口管制', lang: 'zh-Hans', status: 'preferred', partOfSpeech: 'noun' });
        expect(stored.terms[1]?.lang).toBe('en');
        expect(stored.definitions).toEqual({ 'zh-Hans': '出口管制的定义', en: 'Control of exports' });
        expect(await store.getConcept('g', 'export-control')).toEqual(stored);
        expect(await store.countConcepts('g')).toBe(1);
      });

      it('fills defaults for definitions and notes', async () => {
        const stored = await store.putConcept('g', { id: 'x', terms: [{ text: 'x', lang: 'en', status: 'admitted' }] } as unknown as Concept);
        expect(stored.definitions).toEqual({});
        expect(stored.notes).toEqual([]);
      });

      it('updates a concept: revision + 1, createdAt kept', async () => {
        const first = await store.putConcept('g', concept('c1'));
        await new Promise((r) => setTimeout(r, 5));
        const second = await store.putConcept('g', concept('c1', '新术语'));
        expect(second.revision).toBe(2);
        expect(second.createdAt).toBe(first.createdAt);
        expect(second.updatedAt > first.updatedAt).toBe(true);
        expect(second.terms[0]?.text).toBe('新术语');
        expect(await store.countConcepts('g')).toBe(1);
      });

      it('returns undefined for an unknown concept and not_found for an unknown glossary', async () => {
        expect(await store.getConcept('g', 'nope')).toBeUndefined();
        await rejectsWith(store.getConcept('nope', 'c1'), 'not_found');
        await rejectsWith(store.listConcepts('nope'), 'not_found');
        await rejectsWith(collect(store.iterateConcepts('nope')), 'not_found');
        await rejectsWith(store.version('nope'), 'not_found');
        const e = await rejectsWith(store.putConcept('nope', concept('c1')), 'not_found');
        expect(e.params.glossary).toBe('nope');
      });

      it('rejects an invalid concept with invalid_input and details, writing nothing', async () => {
        const before = await store.version('g');
        const bad = { id: 'bad', definitions: {}, notes: [], terms: [{ text: '', lang: 'en', status: 'approved' }] } as unknown as Concept;
        const e = await rejectsWith(store.putConcept('g', bad), 'invalid_input');
        expect(e.details.length).toBeGreaterThanOrEqual(2);
        expect(e.details.every((d) => d.conceptId === 'bad')).toBe(true);
        expect(e.details.map((d) => d.path)).toEqual(expect.arrayContaining(['terms[0].text', 'terms[0].status']));
        await rejectsWith(store.putConcept('g', { ...concept('c'), id: 'has space' }), 'invalid_input');
        await rejectsWith(store.putConcept('g', { ...concept('c'), terms: [] }), 'invalid_input');
        await rejectsWith(store.putConcept('g', { ...concept('c'), terms: [concept('c').terms[0]!, concept('c').terms[0]!] }), 'invalid_input');
        expect(await store.countConcepts('g')).toBe(0);
        expect(await store.version('g')).toBe(before);
      });

      it('lists concepts in id order with offset and limit', async () => {
        const ids = ['m', 'a', 'Z', 'b.2', 'b-1', 'b:3', 'b_4', '0', 'aa'];
        for (const id of ids) await store.putConcept('g', concept(id));
        const expected = codeUnitOrder(ids);
        expect((await store.listConcepts('g')).map((c) => c.id)).toEqual(expected);
        expect((await store.listConcepts('g', { offset: 2, limit: 3 })).map((c) => c.id)).toEqual(expected.slice(2, 5));
        expect((await store.listConcepts('g', { offset: 7 })).map((c) => c.id)).toEqual(expected.slice(7));
        expect(await store.listConcepts('g', { limit: 0 })).toEqual([]);
        expect(await store.listConcepts('g', { offset: 100 })).toEqual([]);
        await rejectsWith(store.listConcepts('g', { offset: -1 }), 'invalid_input');
        await rejectsWith(store.listConcepts('g', { limit: 1.5 }), 'invalid_input');
      });

      it('iterates every concept in id order across pages', async () => {
        const n = 1234;
        const ops = Array.from({ length: n }, (_, i) => ({ op: 'put' as const, concept: concept(`c${(i * 7919) % n}`) }));
        await store.applyBatch('g', ops);
        const seen = (await collect(store.iterateConcepts('g'))).map((c) => c.id);
        expect(seen).toHaveLength(n);
        expect(seen).toEqual(codeUnitOrder(seen));
        expect(new Set(seen).size).toBe(n);
        expect(await store.countConcepts('g')).toBe(n);
      });

      it('deletes a concept; deleting an unknown one is not_found', async () => {
        await store.putConcept('g', concept('c1'));
        await store.deleteConcept('g', 'c1');
        expect(await store.getConcept('g', 'c1')).toBeUndefined();
        const e = await rejectsWith(store.deleteConcept('g', 'c1'), 'not_found');
        expect(e.params).toMatchObject({ glossary: 'g', conceptId: 'c1' });
        await rejectsWith(store.deleteConcept('nope', 'c1'), 'not_found');
      });

      it('copies data in and out: callers cannot change what is stored', async () => {
        const input: Concept = { ...concept('c1'), related: ['r'], specs: { match: ['m'] }, extra: { k: 'v' }, definitions: { en: 'd' } };
        const stored = await store.putConcept('g', input);
        const expected = structuredClone(stored);
        input.terms[0]!.text = 'changed input';
        input.related!.push('r2');
        input.specs!.match!.push('m2');
        input.extra!.k = 'changed';
        input.definitions.en = 'changed';
        stored.terms[0]!.text = 'changed output';
        const got = await store.getConcept('g', 'c1');
        got!.notes.push('changed get');
        const listed = await store.listConcepts('g');
        listed[0]!.definitions.en = 'changed list';
        for await (const c of store.iterateConcepts('g')) c.terms.pop();
        const g = await store.getGlossary('g');
        g!.languages.push('fr');
        expect(await store.getConcept('g', 'c1')).toEqual(expected);
        expect(expected.terms[0]?.text).toBe('术语c1');
        const batchInput = concept('c2');
        await store.applyBatch('g', [{ op: 'put', concept: batchInput }]);
        batchInput.terms[0]!.text = 'changed batch input';
        const replaceInput = [concept('c3')];
        await store.replaceGlossary({ id: 'h', name: 'h', languages: ['en'] }, replaceInput);
        replaceInput[0]!.terms[0]!.text = 'changed replace input';
        expect((await store.getConcept('g', 'c2'))?.terms[0]?.text).toBe('术语c2');
        expect((await store.getConcept('h', 'c3'))?.terms[0]?.text).toBe('术语c3');
        expect((await store.getGlossary('g'))?.languages).toEqual(['zh-Hans', 'en']);
      });
    });

    describe('revisions and conflicts', () => {
      beforeEach(async () => {
        await store.createGlossary(info('g'));
      });

      it('expectedRevision 0 means "must not exist yet"', async () => {
        expect((await store.putConcept('g', concept('c1'), { expectedRevision: 0 })).revision).toBe(1);
        const e = await rejectsWith(store.putConcept('g', concept('c1', '别的'), { expectedRevision: 0 }), 'conflict');
        expect(e.params).toEqual({ glossary: 'g', conceptId: 'c1', expectedRevision: 0, actualRevision: 1 });
        expect((await store.getConcept('g', 'c1'))?.terms[0]?.text).toBe('术语c1');
      });

      it('a matching revision writes; a stale one is a conflict with both revisions in params', async () => {
        await store.putConcept('g', concept('c1'));
        expect((await store.putConcept('g', concept('c1', '二'), { expectedRevision: 1 })).revision).toBe(2);
        const e = await rejectsWith(store.putConcept('g', concept('c1', '三'), { expectedRevision: 1 }), 'conflict');
        expect(e.params).toEqual({ glossary: 'g', conceptId: 'c1', expectedRevision: 1, actualRevision: 2 });
        expect((await store.getConcept('g', 'c1'))?.terms[0]?.text).toBe('二');
      });

      it('expecting a revision of a concept that does not exist is a conflict', async () => {
        const e = await rejectsWith(store.putConcept('g', concept('c1'), { expectedRevision: 3 }), 'conflict');
        expect(e.params).toMatchObject({ expectedRevision: 3, actualRevision: 0 });
        expect(await store.getConcept('g', 'c1')).toBeUndefined();
      });

      it('delete checks the revision too', async () => {
        await store.putConcept('g', concept('c1'));
        await store.putConcept('g', concept('c1'));
        await rejectsWith(store.deleteConcept('g', 'c1', { expectedRevision: 1 }), 'conflict');
        expect(await store.getConcept('g', 'c1')).toBeDefined();
        await store.deleteConcept('g', 'c1', { expectedRevision: 2 });
        expect(await store.getConcept('g', 'c1')).toBeUndefined();
      });

      it('of two concurrent edits based on the same revision exactly one wins', async () => {
        await store.putConcept('g', concept('c1'));
        const results = await Promise.allSettled([
          store.putConcept('g', concept('c1', '甲'), { expectedRevision: 1 }),
          store.putConcept('g', concept('c1', '乙'), { expectedRevision: 1 }),
          store.deleteConcept('g', 'c1', { expectedRevision: 1 }),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.map((r) => (r.reason as ShuyuError).code)).toEqual(['conflict', 'conflict']);
        const now = await store.getConcept('g', 'c1');
        if (now) expect(now.revision).toBe(2);
      });

      it('rejects a malformed expectedRevision', async () => {
        await rejectsWith(store.putConcept('g', concept('c1'), { expectedRevision: -1 }), 'invalid_input');
        await rejectsWith(store.putConcept('g', concept('c1'), { expectedRevision: 1.5 }), 'invalid_input');
        await rejectsWith(store.applyBatch('g', [{ op: 'put', concept: concept('c1'), expectedRevision: -2 }]), 'invalid_input');
        expect(await store.countConcepts('g')).toBe(0);
      });
    });

    describe('applyBatch', () => {
      beforeEach(async () => {
        await store.createGlossary(info('g'));
        await store.putConcept('g', concept('old1'));
        await store.putConcept('g', concept('old2'));
      });

      const snapshot = async () => ({ version: await store.version('g'), concepts: await store.listConcepts('g') });

      it('applies puts and deletes together and reports counts and the new version', async () => {
        const result = await store.applyBatch('g', [
          { op: 'put', concept: concept('new1') },
          { op: 'put', concept: concept('old1', '改'), expectedRevision: 1 },
          { op: 'delete', conceptId: 'old2', expectedRevision: 1 },
          { op: 'put', concept: concept('new2'), expectedRevision: 0 },
        ]);
        expect(result).toEqual({ put: 3, deleted: 1, version: await store.version('g') });
        expect((await store.listConcepts('g')).map((c) => [c.id, c.revision])).toEqual([
          ['new1', 1],
          ['new2', 1],
          ['old1', 2],
        ]);
      });

      it('applies ops in order: two puts of one id make revision 2, put then delete leaves nothing', async () => {
        await store.applyBatch('g', [
          { op: 'put', concept: concept('x') },
          { op: 'put', concept: concept('x', '二'), expectedRevision: 1 },
          { op: 'put', concept: concept('y') },
          { op: 'delete', conceptId: 'y', expectedRevision: 1 },
        ]);
        expect((await store.getConcept('g', 'x'))?.revision).toBe(2);
        expect(await store.getConcept('g', 'y')).toBeUndefined();
      });

      it('an invalid concept anywhere writes nothing and lists every problem', async () => {
        const before = await snapshot();
        const e = await rejectsWith(
          store.applyBatch('g', [
            { op: 'put', concept: concept('ok1') },
            { op: 'put', concept: { ...concept('bad1'), terms: [] } },
            { op: 'delete', conceptId: 'old1' },
            { op: 'put', concept: { ...concept('bad2'), terms: [{ text: 'x', lang: 'en', status: 'nope' as 'preferred' }] } },
            { op: 'zap' } as unknown as { op: 'delete'; conceptId: string },
          ]),
          'invalid_input',
        );
        expect(e.details.map((d) => d.path?.split('.')[0])).toEqual(['ops[1]', 'ops[3]', 'ops[4]']);
        expect(e.details.slice(0, 2).map((d) => d.conceptId)).toEqual(['bad1', 'bad2']);
        expect(await snapshot()).toEqual(before);
      });

      it('a conflict in the middle of a batch writes nothing', async () => {
        const before = await snapshot();
        const e = await rejectsWith(
          store.applyBatch('g', [
            { op: 'put', concept: concept('new1') },
            { op: 'delete', conceptId: 'old2' },
            { op: 'put', concept: concept('old1', '改'), expectedRevision: 7 },
            { op: 'put', concept: concept('new2') },
          ]),
          'conflict',
        );
        expect(e.params).toMatchObject({ conceptId: 'old1', expectedRevision: 7, actualRevision: 1 });
        expect(await snapshot()).toEqual(before);
      });

      it('deleting an unknown concept in a batch is not_found and writes nothing', async () => {
        const before = await snapshot();
        await rejectsWith(store.applyBatch('g', [{ op: 'put', concept: concept('new1') }, { op: 'delete', conceptId: 'ghost' }]), 'not_found');
        expect(await snapshot()).toEqual(before);
      });

      it('an empty batch changes nothing, not even the version', async () => {
        const before = await snapshot();
        expect(await store.applyBatch('g', [])).toEqual({ put: 0, deleted: 0, version: before.version });
        expect(await snapshot()).toEqual(before);
      });

      it('a batch for an unknown glossary is not_found', async () => {
        await rejectsWith(store.applyBatch('nope', [{ op: 'put', concept: concept('a') }]), 'not_found');
        expect(await store.getGlossary('nope')).toBeUndefined();
      });
    });

    describe('replaceGlossary', () => {
      it('creates a missing glossary with its concepts', async () => {
        const r = await store.replaceGlossary(info('g', { builtIn: true, sourceHash: 'h1' }), [concept('a'), concept('b')]);
        expect(r).toEqual({ put: 2, deleted: 0, version: await store.version('g') });
        expect(await store.getGlossary('g')).toEqual(info('g', { builtIn: true, sourceHash: 'h1' }));
        expect((await store.listConcepts('g')).map((c) => [c.id, c.revision])).toEqual([
          ['a', 1],
          ['b', 1],
        ]);
      });

      it('replaces info and every concept; unchanged concepts keep their revision', async () => {
        await store.replaceGlossary(info('g', { sourceHash: 'h1' }), [concept('keep'), concept('change'), concept('drop')]);
        const kept = await store.getConcept('g', 'keep');
        const r = await store.replaceGlossary(info('g', { name: 'Renamed', sourceHash: 'h2' }), [concept('keep'), concept('change', '改'), concept('add')]);
        expect(r).toMatchObject({ put: 2, deleted: 1 });
        expect((await store.getGlossary('g'))?.name).toBe('Renamed');
        expect((await store.getGlossary('g'))?.sourceHash).toBe('h2');
        expect((await store.listConcepts('g')).map((c) => [c.id, c.revision])).toEqual([
          ['add', 1],
          ['change', 2],
          ['keep', 1],
        ]);
        expect(await store.getConcept('g', 'keep')).toEqual(kept);
      });

      it('an invalid or duplicated concept leaves the old glossary untouched', async () => {
        await store.replaceGlossary(info('g'), [concept('a')]);
        const before = { info: await store.getGlossary('g'), concepts: await store.listConcepts('g'), version: await store.version('g') };
        await rejectsWith(store.replaceGlossary(info('g', { name: 'X' }), [concept('b'), { ...concept('c'), terms: [] }]), 'invalid_input');
        const dup = await rejectsWith(store.replaceGlossary(info('g', { name: 'X' }), [concept('b'), concept('b')]), 'invalid_input');
        expect(dup.details[0]).toMatchObject({ conceptId: 'b', path: 'concepts[1].id' });
        await rejectsWith(store.replaceGlossary({ ...info('g'), name: '' }, [concept('b')]), 'invalid_input');
        expect({ info: await store.getGlossary('g'), concepts: await store.listConcepts('g'), version: await store.version('g') }).toEqual(before);
      });

      it('replacing with no concepts empties the glossary', async () => {
        await store.replaceGlossary(info('g'), [concept('a')]);
        expect(await store.replaceGlossary(info('g'), [])).toMatchObject({ put: 0, deleted: 1 });
        expect(await store.countConcepts('g')).toBe(0);
      });
    });

    describe('version counter', () => {
      it('moves forward on every kind of write to that glossary only', async () => {
        const seen: number[] = [];
        const step = async (write: () => Promise<unknown>) => {
          await write();
          seen.push(await store.version('g'));
        };
        await step(() => store.createGlossary(info('g')));
        await store.createGlossary(info('other'));
        const otherVersion = await store.version('other');
        await step(() => store.putConcept('g', concept('a')));
        await step(() => store.putConcept('g', concept('a')));
        await step(() => store.deleteConcept('g', 'a'));
        await step(() => store.applyBatch('g', [{ op: 'put', concept: concept('b') }]));
        await step(() => store.updateGlossary('g', { name: 'renamed' }));
        await step(() => store.replaceGlossary(info('g'), [concept('c')]));
        for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!);
        expect(await store.version('other')).toBe(otherVersion);
      });

      it('does not move on reads or failed writes', async () => {
        await store.createGlossary(info('g'));
        await store.putConcept('g', concept('a'));
        const v = await store.version('g');
        await store.getConcept('g', 'a');
        await store.listConcepts('g');
        await collect(store.iterateConcepts('g'));
        await store.countConcepts('g');
        await store.listGlossaries();
        await rejectsWith(store.putConcept('g', concept('a'), { expectedRevision: 0 }), 'conflict');
        await rejectsWith(store.putConcept('g', { ...concept('a'), terms: [] }), 'invalid_input');
        await rejectsWith(store.deleteConcept('g', 'ghost'), 'not_found');
        await rejectsWith(store.applyBatch('g', [{ op: 'put', concept: concept('z') }, { op: 'delete', conceptId: 'ghost' }]), 'not_found');
        await rejectsWith(store.updateGlossary('g', { name: '' }), 'invalid_input');
        await rejectsWith(store.createGlossary(info('g')), 'conflict');
        expect(await store.version('g')).toBe(v);
      });

      it('never repeats a version after a glossary is deleted and created again', async () => {
        await store.createGlossary(info('g'));
        await store.putConcept('g', concept('a'));
        const before = await store.version('g');
        await store.deleteGlossary('g');
        await store.createGlossary(info('g'));
        const created = await store.version('g');
        await store.putConcept('g', concept('b'));
        expect(created).not.toBe(before);
        expect(await store.version('g')).toBeGreaterThan(before);
      });
    });

    describe('unicode', () => {
      it('round-trips Chinese and astral-plane text and ids, ordering ids by UTF-16 code units', async () => {
        const ids = ['b', 'a', '术语', 'Ω-terms', '𠀀表', 'ｚ全角', 'Z'];
        for (const id of ids) await store.createGlossary(info(id, { name: `名称 ${id} 🧠`, description: '人工智能 𠮷野家 👩‍🔬' }));
        expect((await store.listGlossaries()).map((g) => g.id)).toEqual(codeUnitOrder(ids));
        const c: Concept = {
          id: 'astral.1',
          subjectField: '人工智能',
          definitions: { 'zh-Hans': '𠮷与😀的定义', en: 'Definition — “quoted” ☃' },
          notes: ['注：𩸽', '\u0000 control?'.replace('\u0000', '')],
          terms: [
            { text: '𠮷野家', lang: 'zh-Hans', status: 'preferred', context: '我在𠮷野家吃饭。' },
            { text: '開放權重', lang: 'zh-Hant', status: 'admitted' },
            { text: 'open-weight 😀', lang: 'en', status: 'preferred', note: 'ẞ ǅ İ' },
          ],
          extra: { '名字': '值 🎉' },
        };
        const stored = await store.putConcept('𠀀表', c);
        const { glossaryId, revision, createdAt, updatedAt, ...content } = stored;
        expect(content).toEqual(c);
        expect(glossaryId).toBe('𠀀表');
        expect(await store.getConcept('𠀀表', 'astral.1')).toEqual(stored);
        expect(await collect(store.iterateConcepts('𠀀表'))).toEqual([stored]);
        expect((await store.getGlossary('术语'))?.description).toBe('人工智能 𠮷野家 👩‍🔬');
        expect([revision, typeof createdAt, typeof updatedAt]).toEqual([1, 'string', 'string']);
      });
    });

    describe('extraction rejections', () => {
      it('remembers rejected candidates per glossary, once per key and language, and forgets them with the glossary', async () => {
        if (!store.listRejections || !store.addRejection) return;
        await store.createGlossary({ id: 'a', name: 'A', languages: ['zh-Hans', 'en'] });
        await store.createGlossary({ id: 'b', name: 'B', languages: ['en'] });
        await store.addRejection('a', { key: 'datum', text: 'data', lang: 'en', at: '2026-01-01T00:00:00.000Z' });
        await store.addRejection('a', { key: 'datum', text: 'Data', lang: 'en', at: '2026-01-02T00:00:00.000Z' });
        await store.addRejection('a', { key: '方面', text: '方面', lang: 'zh' });
        expect((await store.listRejections('a')).map((r) => [r.key, r.lang, r.text])).toEqual([
          ['datum', 'en', 'data'],
          ['方面', 'zh', '方面'],
        ]);
        expect(await store.listRejections('b')).toEqual([]);
        await expect(store.listRejections('nope')).rejects.toMatchObject({ code: 'not_found' });
        await expect(store.addRejection('nope', { key: 'x', text: 'x', lang: 'en' })).rejects.toMatchObject({ code: 'not_found' });
        await store.deleteGlossary('a');
        await store.createGlossary({ id: 'a', name: 'A', languages: ['en'] });
        expect(await store.listRejections('a')).toEqual([]);
      });
    });
  });
}
