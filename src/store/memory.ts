/**
 * In-memory GlossaryStore: the reference implementation, used by tests and by `--glossary <file>`.
 * Every value is deep-copied on the way in and out, so callers can never mutate stored data (concepts are
 * copied on the way in by validation itself: checkConcept builds fresh objects).
 * Each method runs synchronously inside its promise, so a write is atomic with respect to other calls.
 */
import type { Concept, GlossaryInfo, StoredConcept } from '../core/model.js';
import { validateGlossaryInfo } from '../core/glossary-info.js';
import type { BatchOp, BatchResult, GlossaryStore, ListOptions, Rejection, WriteOptions } from './types.js';
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

interface Entry {
  info: GlossaryInfo;
  version: number;
  concepts: Map<string, StoredConcept>;
  /** Concept ids in order; rebuilt lazily after a write. */
  sorted?: string[];
}

const clone = <T>(value: T): T => structuredClone(value);

/** Creates an empty in-memory store. */
export function createMemoryStore(): GlossaryStore {
  const glossaries = new Map<string, Entry>();
  /** Extraction candidates rejected per glossary (see GlossaryStore.listRejections). */
  const rejections = new Map<string, Rejection[]>();
  /** Store-wide counter: a glossary's version is never reused, even after delete and re-create. */
  let counter = 0;

  const entry = (id: string): Entry => {
    const e = glossaries.get(id);
    if (!e) throw glossaryNotFound(id);
    return e;
  };
  const sortedIds = (e: Entry): string[] => (e.sorted ??= [...e.concepts.keys()].sort(compareIds));
  const touch = (e: Entry): number => {
    e.sorted = undefined;
    e.version = ++counter;
    return e.version;
  };

  /**
   * Applies checked ops in place, keeping an undo log: if any op fails, every earlier op of the call is
   * reverted before the error is thrown, so a batch is applied whole or not at all (in O(ops), not O(glossary)).
   */
  const applyOps = (glossaryId: string, e: Entry, ops: CheckedOp[]) => {
    const undo: [string, StoredConcept | undefined][] = [];
    const now = nowIso();
    let put = 0;
    let deleted = 0;
    try {
      for (const op of ops) {
        if (op.op === 'put') {
          const old = e.concepts.get(op.concept.id);
          checkRevision(glossaryId, op.concept.id, old?.revision, op.expectedRevision);
          undo.push([op.concept.id, old]);
          e.concepts.set(op.concept.id, stored(glossaryId, op.concept, (old?.revision ?? 0) + 1, old?.createdAt ?? now, now));
          put++;
        } else {
          const old = e.concepts.get(op.conceptId);
          if (!old) throw conceptNotFound(glossaryId, op.conceptId);
          checkRevision(glossaryId, op.conceptId, old.revision, op.expectedRevision);
          undo.push([op.conceptId, old]);
          e.concepts.delete(op.conceptId);
          deleted++;
        }
      }
    } catch (err) {
      for (const [id, old] of undo.reverse()) {
        if (old) e.concepts.set(id, old);
        else e.concepts.delete(id);
      }
      throw err;
    }
    return { put, deleted, version: touch(e) };
  };

  return {
    description: 'memory',

    async listGlossaries() {
      return [...glossaries.keys()].sort(compareIds).map((id) => clone(entry(id).info));
    },

    async getGlossary(id) {
      const e = glossaries.get(id);
      return e ? clone(e.info) : undefined;
    },

    async createGlossary(input) {
      const info = validateGlossaryInfo(clone(input));
      if (glossaries.has(info.id)) throw glossaryExists(info.id);
      glossaries.set(info.id, { info, version: ++counter, concepts: new Map() });
      return clone(info);
    },

    async updateGlossary(id, patch) {
      const e = entry(id);
      e.info = patchInfo(e.info, clone(patch));
      touch(e);
      return clone(e.info);
    },

    async deleteGlossary(id) {
      entry(id);
      glossaries.delete(id);
      rejections.delete(id);
    },

    async version(glossaryId) {
      return entry(glossaryId).version;
    },

    async countConcepts(glossaryId) {
      return entry(glossaryId).concepts.size;
    },

    async getConcept(glossaryId, conceptId) {
      const c = entry(glossaryId).concepts.get(conceptId);
      return c ? clone(c) : undefined;
    },

    async listConcepts(glossaryId, options?: ListOptions) {
      const e = entry(glossaryId);
      const { start, end } = pageBounds(options);
      return sortedIds(e)
        .slice(start, end)
        .map((id) => clone(e.concepts.get(id)!));
    },

    async *iterateConcepts(glossaryId) {
      const e = entry(glossaryId);
      const snapshot = sortedIds(e).map((id) => e.concepts.get(id)!);
      for (const c of snapshot) yield clone(c);
    },

    async putConcept(glossaryId, input: Concept, options?: WriteOptions) {
      const concept = checkOneConcept(input, options?.expectedRevision);
      const e = entry(glossaryId);
      const ops: CheckedOp[] = [{ op: 'put', concept, ...(options?.expectedRevision !== undefined ? { expectedRevision: options.expectedRevision } : {}) }];
      applyOps(glossaryId, e, ops);
      return clone(e.concepts.get(concept.id)!);
    },

    async deleteConcept(glossaryId, conceptId, options?: WriteOptions) {
      const e = entry(glossaryId);
      const ops: CheckedOp[] = [{ op: 'delete', conceptId, ...(options?.expectedRevision !== undefined ? { expectedRevision: options.expectedRevision } : {}) }];
      applyOps(glossaryId, e, ops);
    },

    async applyBatch(glossaryId, ops: BatchOp[]): Promise<BatchResult> {
      const checked = checkBatch(ops);
      const e = entry(glossaryId);
      if (checked.length === 0) return { put: 0, deleted: 0, version: e.version };
      return applyOps(glossaryId, e, checked);
    },

    async replaceGlossary(input, concepts) {
      const { info, concepts: checked } = checkReplacement(clone(input), concepts);
      const old = glossaries.get(info.id);
      const now = nowIso();
      const next = new Map<string, StoredConcept>();
      let put = 0;
      for (const c of checked) {
        const prev = old?.concepts.get(c.id);
        if (prev && sameContent(prev, c)) next.set(c.id, prev);
        else {
          next.set(c.id, stored(info.id, c, (prev?.revision ?? 0) + 1, prev?.createdAt ?? now, now));
          put++;
        }
      }
      let deleted = 0;
      for (const id of old?.concepts.keys() ?? []) if (!next.has(id)) deleted++;
      const e: Entry = { info, version: 0, concepts: next };
      glossaries.set(info.id, e);
      return { put, deleted, version: touch(e) };
    },

    async listRejections(glossaryId) {
      entry(glossaryId);
      return clone(rejections.get(glossaryId) ?? []);
    },

    async addRejection(glossaryId, rejection) {
      entry(glossaryId);
      const list = rejections.get(glossaryId) ?? [];
      if (!list.some((r) => r.key === rejection.key && r.lang === rejection.lang)) list.push({ ...rejection, at: rejection.at ?? nowIso() });
      rejections.set(glossaryId, list);
    },

    async close() {
      glossaries.clear();
    },
  };
}

function stored(glossaryId: string, concept: Concept, revision: number, createdAt: string, updatedAt: string): StoredConcept {
  return { ...concept, glossaryId, revision, createdAt, updatedAt };
}

/** True when a stored concept holds exactly this (normalised) content. */
export function sameContent(prev: StoredConcept, concept: Concept): boolean {
  const { glossaryId: _g, revision: _r, createdAt: _c, updatedAt: _u, ...content } = prev;
  return JSON.stringify(content) === JSON.stringify(concept);
}
