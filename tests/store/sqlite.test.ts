import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations/index.js';
import type { Migration } from '../../src/store/migrations/types.js';
import { createSqliteStore } from '../../src/store/sqlite.js';
import { openDatabase } from '../../src/store/sqlite-open.js';
import { concept, rejectsWith, runStoreContract } from './contract.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'shuyu-sqlite-'));
let n = 0;
const tempDb = (name = 'store') => path.join(tmp, `${name}-${++n}.sqlite`);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

runStoreContract('sqlite', () => createSqliteStore(tempDb()));

const info = (id: string) => ({ id, name: id, languages: ['zh-Hans', 'en'] });

describe('sqlite store', () => {
  it('uses WAL, foreign keys, a busy timeout and full sync', async () => {
    const store = createSqliteStore(tempDb());
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.description).toBe(`sqlite:${store.path}`);
    await store.close();
  });

  it('creates the parent folders of the database file', async () => {
    const file = path.join(tmp, 'deep', 'er', 'shuyu.sqlite');
    const store = createSqliteStore(file);
    await store.createGlossary(info('g'));
    await store.close();
    expect(existsSync(file)).toBe(true);
  });

  it('keeps everything when reopened', async () => {
    const file = tempDb();
    const a = createSqliteStore(file);
    await a.createGlossary({ ...info('术语'), builtIn: true, sourceHash: 'h' });
    const stored = await a.putConcept('术语', concept('c1', '𠮷野家'));
    const version = await a.version('术语');
    await a.close();
    const b = createSqliteStore(file);
    expect(await b.getGlossary('术语')).toEqual({ ...info('术语'), builtIn: true, sourceHash: 'h' });
    expect(await b.getConcept('术语', 'c1')).toEqual(stored);
    expect(await b.version('术语')).toBe(version);
    await b.putConcept('术语', concept('c2'));
    expect(await b.version('术语')).toBeGreaterThan(version);
    await b.close();
  });

  it('refuses a file that is not a SQLite database, and leaves it alone', async () => {
    const file = path.join(tmp, 'notes.txt');
    writeFileSync(file, 'These are my notes, not a database.\n'.repeat(200));
    const e = await rejectsWith(async () => createSqliteStore(file), 'invalid_input');
    expect(e.message).toMatch(/not a SQLite database/);
    expect(e.params.file).toBe(file);
    expect(readFileSync(file, 'utf8').startsWith('These are my notes')).toBe(true);
  });

  it("refuses another program's SQLite database", async () => {
    const file = tempDb('foreign');
    const other = new BetterSqlite3(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    const e = await rejectsWith(async () => createSqliteStore(file), 'invalid_input');
    expect(e.message).toMatch(/another program/);
    const check = new BetterSqlite3(file);
    expect(check.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all()).toEqual(['invoices']);
    check.close();
  });

  it('refuses a folder as the database path', async () => {
    await rejectsWith(async () => createSqliteStore(tmp), 'invalid_input');
  });

  it('sees writes made through another connection to the same file (two processes sharing it)', async () => {
    const file = tempDb();
    const a = createSqliteStore(file);
    const b = createSqliteStore(file);
    await a.createGlossary(info('g'));
    await a.putConcept('g', concept('c1'));
    const vA = await a.version('g');
    expect(await b.version('g')).toBe(vA);
    await b.putConcept('g', concept('c1', '乙'), { expectedRevision: 1 });
    const e = await rejectsWith(a.putConcept('g', concept('c1', '甲'), { expectedRevision: 1 }), 'conflict');
    expect(e.params).toMatchObject({ expectedRevision: 1, actualRevision: 2 });
    expect((await a.getConcept('g', 'c1'))?.terms[0]?.text).toBe('乙');
    expect(await a.version('g')).toBeGreaterThan(vA);
    await a.close();
    await b.close();
  });

  it('iterates page by page instead of loading the whole glossary', async () => {
    const store = createSqliteStore(tempDb());
    await store.createGlossary(info('g'));
    const ids = Array.from({ length: 1200 }, (_, i) => `c${String(i).padStart(4, '0')}`);
    await store.applyBatch('g', ids.map((id) => ({ op: 'put' as const, concept: concept(id) })));
    const it = store.iterateConcepts('g')[Symbol.asyncIterator]();
    expect((await it.next()).value?.id).toBe('c0000');
    // Rows beyond the first page are read only when reached: a concept deleted now is not returned.
    await store.deleteConcept('g', 'c1100');
    const rest: string[] = [];
    for (let r = await it.next(); !r.done; r = await it.next()) rest.push(r.value.id);
    expect(rest).toHaveLength(1198);
    expect(rest).not.toContain('c1100');
    await store.close();
  });

  it('a write blocked by another process for longer than the busy timeout fails with timeout', async () => {
    const file = tempDb();
    const store = createSqliteStore(file, { busyTimeoutMs: 50 });
    await store.createGlossary(info('g'));
    const other = new BetterSqlite3(file);
    other.exec('BEGIN IMMEDIATE');
    const e = await rejectsWith(store.putConcept('g', concept('c1')), 'timeout');
    expect(e.params.sqliteCode).toBe('SQLITE_BUSY');
    other.exec('ROLLBACK');
    other.close();
    expect((await store.putConcept('g', concept('c1'))).revision).toBe(1);
    await store.close();
  });

  it('rolls back a batch that the database itself fails half-way', async () => {
    const store = createSqliteStore(tempDb());
    await store.createGlossary(info('g'));
    await store.applyBatch('g', [{ op: 'put', concept: concept('a') }, { op: 'put', concept: concept('b') }]);
    const before = { version: await store.version('g'), concepts: await store.listConcepts('g') };
    store.db.exec(`CREATE TEMP TRIGGER fail_mid AFTER INSERT ON main.concepts WHEN NEW.id = 'c50'
      BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const ops = [
      { op: 'delete' as const, conceptId: 'a' },
      ...Array.from({ length: 100 }, (_, i) => ({ op: 'put' as const, concept: concept(`c${i}`) })),
    ];
    await expect(store.applyBatch('g', ops)).rejects.toThrow(/disk trouble/);
    await expect(store.replaceGlossary(info('g'), ops.slice(1).map((o) => (o as { concept: ReturnType<typeof concept> }).concept))).rejects.toThrow(/disk trouble/);
    expect({ version: await store.version('g'), concepts: await store.listConcepts('g') }).toEqual(before);
    store.db.exec('DROP TRIGGER temp.fail_mid');
    expect((await store.applyBatch('g', ops)).put).toBe(100);
    await store.close();
  });

  it('a process killed in the middle of a batch leaves the file consistent, with the old data', async () => {
    const file = tempDb('crash');
    const store = createSqliteStore(file);
    await store.createGlossary(info('g'));
    await store.applyBatch('g', Array.from({ length: 100 }, (_, i) => ({ op: 'put' as const, concept: concept(`old-${i}`) })));
    const before = { version: await store.version('g'), concepts: await store.listConcepts('g') };
    await store.close();

    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures/crash-mid-batch.ts'), file, 'g'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(child.signal, `child output: ${child.stdout}${child.stderr}`).toBe('SIGKILL');
    expect(child.stdout).toBe('');
    // Part of the uncommitted batch reached the WAL file before the kill: recovery must ignore it.
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(1_000_000);

    const reopened = createSqliteStore(file);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect({ version: await reopened.version('g'), concepts: await reopened.listConcepts('g') }).toEqual(before);
    await reopened.putConcept('g', concept('after-crash'));
    expect(await reopened.countConcepts('g')).toBe(101);
    await reopened.close();
  }, 120_000);
});

describe('sqlite migrations', () => {
  const extra: Migration = {
    version: migrations.length + 1,
    name: 'test-notes',
    up(db) {
      db.exec('CREATE TABLE test_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
    },
  };
  const appliedVersions = (file: string) => {
    const db = new BetterSqlite3(file, { readonly: true });
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    db.close();
    return rows;
  };

  it('records every migration in schema_migrations, in order', async () => {
    const file = tempDb();
    await createSqliteStore(file).close();
    expect(appliedVersions(file)).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('a database created by migration 1 opens with all later ones and keeps its data', async () => {
    const file = tempDb();
    const v1 = openDatabase(file, { migrations: migrations.slice(0, 1) });
    v1.prepare("INSERT INTO glossaries (id, name, languages, built_in, version, created_at, updated_at) VALUES ('g', 'G', '[\"en\"]', 0, 1, 'x', 'x')").run();
    v1.prepare("UPDATE store_counter SET value = 1").run();
    v1.prepare(
      `INSERT INTO concepts (glossary_id, id, revision, created_at, updated_at, data) VALUES ('g', 'c1', 1, 'x', 'x', ?)`,
    ).run(JSON.stringify({ definitions: {}, notes: [], terms: [{ text: 'term', lang: 'en', status: 'preferred' }] }));
    v1.close();
    expect(appliedVersions(file)).toEqual([{ version: 1, name: 'initial' }]);

    const store = createSqliteStore(file, { migrations: [...migrations, extra] });
    expect(appliedVersions(file).map((r) => (r as { version: number }).version)).toEqual([...migrations, extra].map((m) => m.version));
    expect((await store.getConcept('g', 'c1'))?.terms[0]?.text).toBe('term');
    expect(store.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'test_notes'").pluck().get()).toBe(1);
    await store.putConcept('g', concept('c2'));
    expect(await store.version('g')).toBeGreaterThan(1);
    await store.close();
    // Opening again applies nothing twice.
    await createSqliteStore(file, { migrations: [...migrations, extra] }).close();
    expect(appliedVersions(file)).toHaveLength(migrations.length + 1);
  });

  it('refuses a database whose schema is newer than this build knows, without touching it', async () => {
    const file = tempDb();
    const store = createSqliteStore(file, { migrations: [...migrations, extra] });
    await store.createGlossary(info('g'));
    await store.close();
    const e = await rejectsWith(async () => createSqliteStore(file), 'unsupported_format');
    expect(e.message).toMatch(/newer than this version of Shuyu knows/);
    expect(e.params).toMatchObject({ schemaVersion: migrations.length + 1, knownVersion: migrations.length });
    expect(appliedVersions(file)).toHaveLength(migrations.length + 1);
  });

  it('a failing migration leaves the database at its previous version', async () => {
    const file = tempDb();
    await createSqliteStore(file).close();
    const broken: Migration = {
      version: migrations.length + 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('migration bug');
      },
    };
    await expect(async () => createSqliteStore(file, { migrations: [...migrations, broken] })).rejects.toThrow(/migration bug/);
    expect(appliedVersions(file)).toHaveLength(migrations.length);
    const db = new BetterSqlite3(file, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  it('migration modules are TypeScript files numbered like their version', async () => {
    const dir = path.join(repo, 'src/store/migrations');
    for (const m of migrations) {
      const file = `${String(m.version).padStart(3, '0')}-${m.name}.ts`;
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
  });
});
