/**
 * The one storage interface. Implementations: memory (tests, `--glossary <file>`), SQLite (embedded default);
 * PostgreSQL for shared team servers can follow: every method is async and every multi-row write is a batch
 * that is applied whole or not at all. All implementations pass tests/store/contract.ts.
 */
import type { Concept, GlossaryInfo, StoredConcept } from '../core/model.js';

export interface ListOptions {
  /** @default 0 */
  offset?: number;
  /** @default all */
  limit?: number;
}

export interface WriteOptions {
  /**
   * Optimistic concurrency: the revision the caller's copy was based on. `0` means "must not exist yet".
   * Omitted means last-writer-wins (imports with an explicit overwrite policy, seeding).
   */
  expectedRevision?: number;
}

export type BatchOp =
  | { op: 'put'; concept: Concept; expectedRevision?: number }
  | { op: 'delete'; conceptId: string; expectedRevision?: number };

export interface BatchResult {
  put: number;
  deleted: number;
  /** The glossary's change counter after the batch. */
  version: number;
}

export interface GlossaryStore {
  /** Human-readable kind for logs and `shuyu --version`: `memory`, `sqlite:/path/db.sqlite`. */
  readonly description: string;

  listGlossaries(): Promise<GlossaryInfo[]>;
  getGlossary(id: string): Promise<GlossaryInfo | undefined>;
  /** Creates a glossary; throws ShuyuError('conflict') if the id exists. */
  createGlossary(info: GlossaryInfo): Promise<GlossaryInfo>;
  /** Updates name/description/languages/sourceHash; throws 'not_found'. */
  updateGlossary(id: string, patch: Partial<Omit<GlossaryInfo, 'id'>>): Promise<GlossaryInfo>;
  /** Deletes a glossary and its concepts; throws 'not_found'. */
  deleteGlossary(id: string): Promise<void>;

  /**
   * The glossary's change counter: increases on every committed write. Engines cache automata and lookup
   * indexes per (glossary, version) and rebuild when it moves.
   */
  version(glossaryId: string): Promise<number>;

  countConcepts(glossaryId: string): Promise<number>;
  getConcept(glossaryId: string, conceptId: string): Promise<StoredConcept | undefined>;
  /** Concepts ordered by id. */
  listConcepts(glossaryId: string, options?: ListOptions): Promise<StoredConcept[]>;
  /** Streams all concepts of a glossary in id order without loading them all at once. */
  iterateConcepts(glossaryId: string): AsyncIterable<StoredConcept>;

  /** Creates or updates one concept; throws 'conflict' when expectedRevision does not match, 'not_found' for an unknown glossary. */
  putConcept(glossaryId: string, concept: Concept, options?: WriteOptions): Promise<StoredConcept>;
  /** Deletes one concept; throws 'not_found' or 'conflict'. */
  deleteConcept(glossaryId: string, conceptId: string, options?: WriteOptions): Promise<void>;
  /** Applies every op or none (one transaction). Concepts are validated before anything is written. */
  applyBatch(glossaryId: string, ops: BatchOp[]): Promise<BatchResult>;
  /**
   * Atomically replaces a glossary's info and all of its concepts (creating it if needed): used to seed and
   * re-sync built-in glossaries and for imports with the "replace" policy. Readers see old or new, never a mix.
   */
  replaceGlossary(info: GlossaryInfo, concepts: Concept[]): Promise<BatchResult>;

  /** Extraction candidates rejected for a glossary (not proposed again). Optional: see src/service/extract.ts. */
  listRejections?(glossaryId: string): Promise<Rejection[]>;
  /** Remembers a rejected candidate for a glossary (idempotent per key and language). */
  addRejection?(glossaryId: string, rejection: Rejection): Promise<void>;

  close(): Promise<void>;
}

/** A term-extraction candidate a user rejected for one glossary. */
export interface Rejection {
  /** Grouping key of the candidate (termKey). */
  key: string;
  /** The candidate as shown. */
  text: string;
  /** `zh` or `en`. */
  lang: string;
  /** ISO time of the rejection. */
  at?: string;
}
