/**
 * SQLite GlossaryStore (better-sqlite3, WAL): the embedded default, one file (by default data/shuyu.sqlite).
 * Every write is one IMMEDIATE transaction, so a batch or a replacement is stored whole or not at all, and
 * revision checks and writes cannot interleave with another process. Concepts are JSON rows keyed by
 * (glossary_id, id); iteration pages through that key so it never loads a whole glossary.
 */
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import { ShuyuError } from '../core/errors.js';
import type { Concept, GlossaryInfo, StoredConcept } from '../core/model.js';
import { validateGlossaryInfo } from '../core/glossary-info.js';
import type { BatchOp, BatchResult, GlossaryStore, ListOptions, WriteOptions } from './types.js';
import type { CheckedOp } from './common.js';
import {
  checkBatch,
  checkOneConcept,
  checkReplacement,
  checkRevision,
  compareIds,
  conceptNotFound,
  glossaryExists,
  glossaryNotFound,
  nowIso,
  pageBounds,
  patchInfo,
} from './common.js';
import type { OpenDatabaseOptions } from './sqlite-open.js';
import { openDatabase } from './sqlite-open.js';

/** Concepts fetched per query while iterating. */
const PAGE_SIZE = 500;

interface GlossaryRow {
  id: string;
  name: string;
  description: string | null;
  languages: string;
  built_in: number;
  source_hash: string | null;
  version: number;
}

interface ConceptRow {
  glossary_id: string;
  id: string;
  revision: number;
  created_at: string;
  updated_at: string;
  data: string;
}

/** The SQLite store; `db` is exposed for diagnostics and tests only. */
export interface SqliteGlossaryStore extends GlossaryStore {
  readonly path: string;
  readonly db: Database;
}

/** Opens (creating and migrating if needed) the store at `file`. */
export function createSqliteStore(file: string, options: OpenDatabaseOptions = {}): SqliteGlossaryStore {
  const resolved = path.resolve(file);
  const db = openDatabase(resolved, options);
  const q = prepareStatements(db);

  const glossaryRow = (id: string): GlossaryRow => {
    const row = q.getGlossary.get(id) as GlossaryRow | undefined;
    if (!row) throw glossaryNotFound(id);
    return row;
  };
  const nextVersion = (): number => q.nextVersion.pluck().get() as number;
  const bump = (glossaryId: string): number => {
    const version = nextVersion();
    q.setVersion.run(version, nowIso(), glossaryId);
    return version;
  };
  const revisionOf = (glossaryId: string, conceptId: string) =>
    q.getConcept.get(glossaryId, conceptId) as ConceptRow | undefined;
  /** Revision and creation time only (a write need not read the concept's JSON back). */
  const stampOf = (glossaryId: string, conceptId: string) =>
    q.getStamp.get(glossaryId, conceptId) as Pick<ConceptRow, 'revision' | 'created_at'> | undefined;

  /** Applies checked ops inside the caller's transaction; a throw rolls everything back. */
  const applyOps = (glossaryId: string, ops: CheckedOp[]) => {
    const now = nowIso();
    let put = 0;
    let deleted = 0;
    for (const op of ops) {
      if (op.op === 'put') {
        const old = stampOf(glossaryId, op.concept.id);
        checkRevision(glossaryId, op.concept.id, old?.revision, op.expectedRevision);
        q.upsertConcept.run(glossaryId, op.concept.id, (old?.revision ?? 0) + 1, old?.created_at ?? now, now, conceptData(op.concept));
        put++;
      } else {
        const old = stampOf(glossaryId, op.conceptId);
        if (!old) throw conceptNotFound(glossaryId, op.conceptId);
        checkRevision(glossaryId, op.conceptId, old.revision, op.expectedRevision);
        q.deleteConcept.run(glossaryId, op.conceptId);
        deleted++;
      }
    }
    return { put, deleted, version: bump(glossaryId) };
  };

  const writeOps = db.transaction((glossaryId: string, ops: CheckedOp[]) => {
    glossaryRow(glossaryId);
    return applyOps(glossaryId, ops);
  });

  const putOne = db.transaction((glossaryId: string, op: CheckedOp & { op: 'put' }): StoredConcept => {
    glossaryRow(glossaryId);
    applyOps(glossaryId, [op]);
    return rowToConcept(revisionOf(glossaryId, op.concept.id)!);
  });

  const replace = db.transaction((info: GlossaryInfo, concepts: Concept[]): BatchResult => {
    const now = nowIso();
    const exists = q.getGlossary.get(info.id) !== undefined;
    const version = nextVersion();
    if (exists) q.updateGlossary.run(...infoParams(info), version, now, info.id);
    else q.insertGlossary.run(info.id, ...infoParams(info), version, now, now);
    const oldIds = new Set(q.conceptIds.pluck().all(info.id) as string[]);
    let put = 0;
    for (const c of concepts) {
      oldIds.delete(c.id);
      const data = conceptData(c);
      const old = revisionOf(info.id, c.id);
      if (old && old.data === data) continue;
      q.upsertConcept.run(info.id, c.id, (old?.revision ?? 0) + 1, old?.created_at ?? now, now, data);
      put++;
    }
    for (const id of oldIds) q.deleteConcept.run(info.id, id);
    return { put, deleted: oldIds.size, version };
  });

  const create = db.transaction((info: GlossaryInfo) => {
    if (q.getGlossary.get(info.id)) throw glossaryExists(info.id);
    const now = nowIso();
    q.insertGlossary.run(info.id, ...infoParams(info), nextVersion(), now, now);
  });

  const update = db.transaction((id: string, patch: Partial<Omit<GlossaryInfo, 'id'>>) => {
    const info = patchInfo(rowToInfo(glossaryRow(id)), patch);
    q.updateGlossary.run(...infoParams(info), nextVersion(), nowIso(), id);
    return info;
  });

  const remove = db.transaction((id: string) => {
    glossaryRow(id);
    q.deleteGlossary.run(id);
  });

  return {
    description: `sqlite:${resolved}`,
    path: resolved,
    db,

    async listGlossaries() {
      return (q.listGlossaries.all() as GlossaryRow[]).map(rowToInfo).sort((a, b) => compareIds(a.id, b.id));
    },

    async getGlossary(id) {
      const row = q.getGlossary.get(id) as GlossaryRow | undefined;
      return row ? rowToInfo(row) : undefined;
    },

    async createGlossary(input) {
      const info = validateGlossaryInfo(input);
      write(() => create.immediate(info));
      return info;
    },

    async updateGlossary(id, patch) {
      return write(() => update.immediate(id, patch));
    },

    async deleteGlossary(id) {
      write(() => remove.immediate(id));
    },

    async version(glossaryId) {
      return glossaryRow(glossaryId).version;
    },

    async countConcepts(glossaryId) {
      glossaryRow(glossaryId);
      return q.countConcepts.pluck().get(glossaryId) as number;
    },

    async getConcept(glossaryId, conceptId) {
      glossaryRow(glossaryId);
      const row = revisionOf(glossaryId, conceptId);
      return row ? rowToConcept(row) : undefined;
    },

    async listConcepts(glossaryId, options?: ListOptions) {
      glossaryRow(glossaryId);
      const { start, end } = pageBounds(options);
      const limit = Number.isFinite(end) ? end - start : -1;
      return (q.listConcepts.all(glossaryId, limit, start) as ConceptRow[]).map(rowToConcept);
    },

    async *iterateConcepts(glossaryId) {
      glossaryRow(glossaryId);
      let after = '';
      for (;;) {
        const rows = q.pageConcepts.all(glossaryId, after, PAGE_SIZE) as ConceptRow[];
        for (const row of rows) yield rowToConcept(row);
        if (rows.length < PAGE_SIZE) return;
        after = rows[rows.length - 1]!.id;
      }
    },

    async putConcept(glossaryId, input: Concept, options?: WriteOptions) {
      const concept = checkOneConcept(input, options?.expectedRevision);
      const op: CheckedOp & { op: 'put' } = { op: 'put', concept };
      if (options?.expectedRevision !== undefined) op.expectedRevision = options.expectedRevision;
      return write(() => putOne.immediate(glossaryId, op));
    },

    async deleteConcept(glossaryId, conceptId, options?: WriteOptions) {
      const op: CheckedOp = { op: 'delete', conceptId };
      if (options?.expectedRevision !== undefined) op.expectedRevision = options.expectedRevision;
      write(() => writeOps.immediate(glossaryId, [op]));
    },

    async applyBatch(glossaryId, ops: BatchOp[]): Promise<BatchResult> {
      const checked = checkBatch(ops);
      if (checked.length === 0) return { put: 0, deleted: 0, version: glossaryRow(glossaryId).version };
      return write(() => writeOps.immediate(glossaryId, checked));
    },

    async replaceGlossary(input, concepts) {
      const { info, concepts: checked } = checkReplacement(input, concepts);
      return write(() => replace.immediate(info, checked));
    },

    async listRejections(glossaryId) {
      glossaryRow(glossaryId);
      return (q.listRejections.all(glossaryId) as { key: string; lang: string; text: string; at: string }[]).map((r) => ({ key: r.key, lang: r.lang, text: r.text, at: r.at }));
    },

    async addRejection(glossaryId, rejection) {
      glossaryRow(glossaryId);
      write(() => q.addRejection.run(glossaryId, rejection.key, rejection.lang, rejection.text, rejection.at ?? nowIso()));
    },

    async close() {
      if (!db.open) return;
      db.pragma('optimize');
      db.close();
    },
  };
}

/**
 * Runs a write transaction; a lock held by another process for longer than busy_timeout becomes
 * ShuyuError('timeout') instead of a raw SQLite error.
 */
function write<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new ShuyuError('timeout', 'The database is busy: another process kept it locked for too long; try again', {
        params: { sqliteCode: code },
        cause: e,
      });
    }
    throw e;
  }
}

function prepareStatements(db: Database) {
  const cols = 'glossary_id, id, revision, created_at, updated_at, data';
  return {
    listGlossaries: db.prepare('SELECT * FROM glossaries'),
    getGlossary: db.prepare('SELECT * FROM glossaries WHERE id = ?'),
    insertGlossary: db.prepare(
      `INSERT INTO glossaries (id, name, description, languages, built_in, source_hash, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateGlossary: db.prepare(
      `UPDATE glossaries SET name = ?, description = ?, languages = ?, built_in = ?, source_hash = ?, version = ?, updated_at = ?
       WHERE id = ?`,
    ),
    deleteGlossary: db.prepare('DELETE FROM glossaries WHERE id = ?'),
    nextVersion: db.prepare('UPDATE store_counter SET value = value + 1 WHERE only_row = 1 RETURNING value'),
    setVersion: db.prepare('UPDATE glossaries SET version = ?, updated_at = ? WHERE id = ?'),
    countConcepts: db.prepare('SELECT count(*) FROM concepts WHERE glossary_id = ?'),
    getConcept: db.prepare(`SELECT ${cols} FROM concepts WHERE glossary_id = ? AND id = ?`),
    getStamp: db.prepare('SELECT revision, created_at FROM concepts WHERE glossary_id = ? AND id = ?'),
    conceptIds: db.prepare('SELECT id FROM concepts WHERE glossary_id = ?'),
    listConcepts: db.prepare(`SELECT ${cols} FROM concepts WHERE glossary_id = ? ORDER BY id LIMIT ? OFFSET ?`),
    pageConcepts: db.prepare(`SELECT ${cols} FROM concepts WHERE glossary_id = ? AND id > ? ORDER BY id LIMIT ?`),
    upsertConcept: db.prepare(
      `INSERT INTO concepts (${cols}) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (glossary_id, id) DO UPDATE SET revision = excluded.revision, updated_at = excluded.updated_at, data = excluded.data`,
    ),
    deleteConcept: db.prepare('DELETE FROM concepts WHERE glossary_id = ? AND id = ?'),
    listRejections: db.prepare('SELECT key, lang, text, at FROM rejections WHERE glossary_id = ? ORDER BY at, key'),
    addRejection: db.prepare('INSERT OR IGNORE INTO rejections (glossary_id, key, lang, text, at) VALUES (?, ?, ?, ?, ?)'),
  };
}

/** name, description, languages, built_in, source_hash — the column order used by insert and update. */
function infoParams(info: GlossaryInfo): [string, string | null, string, number, string | null] {
  return [info.name, info.description ?? null, JSON.stringify(info.languages), info.builtIn ? 1 : 0, info.sourceHash ?? null];
}

function rowToInfo(row: GlossaryRow): GlossaryInfo {
  const info: GlossaryInfo = { id: row.id, name: row.name, languages: JSON.parse(row.languages) as string[] };
  if (row.description !== null) info.description = row.description;
  if (row.built_in) info.builtIn = true;
  if (row.source_hash !== null) info.sourceHash = row.source_hash;
  return info;
}

function conceptData(concept: Concept): string {
  const { id: _id, ...rest } = concept;
  return JSON.stringify(rest);
}

function rowToConcept(row: ConceptRow): StoredConcept {
  return {
    id: row.id,
    ...(JSON.parse(row.data) as Omit<Concept, 'id'>),
    glossaryId: row.glossary_id,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
