/**
 * Use cases for browsing and editing glossaries: list glossaries with their sizes, page through concepts,
 * read one concept, and write or delete it with optimistic concurrency (the caller names the revision its
 * copy was based on; a stale revision is a `conflict`). Built-in glossaries are read-only: they are
 * re-synced from glossary/ files.
 */
import type { GlossaryInfo, StoredConcept } from '../core/model.js';
import { validateConcept } from '../core/model.js';
import { validateGlossaryInfo } from '../core/glossary-info.js';
import { ShuyuError } from '../core/errors.js';
import type { Engine } from './engine.js';

export interface GlossarySummary extends GlossaryInfo {
  conceptCount: number;
  /** The glossary's change counter. */
  version: number;
}

export interface ConceptPage {
  glossaryId: string;
  total: number;
  offset: number;
  limit: number;
  concepts: StoredConcept[];
}

/** Largest page of concepts returned at once. */
export const MAX_PAGE = 500;

/** Every glossary with its concept count and version. */
export async function listGlossaries(engine: Engine): Promise<GlossarySummary[]> {
  const infos = await engine.store.listGlossaries();
  return Promise.all(
    infos.map(async (g) => ({ ...g, conceptCount: await engine.store.countConcepts(g.id), version: await engine.store.version(g.id) })),
  );
}

async function requireGlossary(engine: Engine, glossaryId: string): Promise<GlossaryInfo> {
  const info = await engine.store.getGlossary(glossaryId);
  if (!info) throw new ShuyuError('not_found', `No glossary "${glossaryId}"`, { params: { glossary: glossaryId } });
  return info;
}

async function requireWritable(engine: Engine, glossaryId: string): Promise<void> {
  const info = await requireGlossary(engine, glossaryId);
  if (info.builtIn) {
    throw new ShuyuError('conflict', `Glossary "${glossaryId}" is built in (edit its file under glossary/ instead)`, {
      params: { glossary: glossaryId },
    });
  }
}

/** One page of concepts in id order. */
export async function listConcepts(engine: Engine, glossaryId: string, offset = 0, limit = 50): Promise<ConceptPage> {
  await requireGlossary(engine, glossaryId);
  const capped = Math.min(Math.max(limit, 1), MAX_PAGE);
  const [total, concepts] = await Promise.all([
    engine.store.countConcepts(glossaryId),
    engine.store.listConcepts(glossaryId, { offset, limit: capped }),
  ]);
  return { glossaryId, total, offset, limit: capped, concepts };
}

/** One concept, or `not_found`. */
export async function getConcept(engine: Engine, glossaryId: string, conceptId: string): Promise<StoredConcept> {
  await requireGlossary(engine, glossaryId);
  const concept = await engine.store.getConcept(glossaryId, conceptId);
  if (!concept) {
    throw new ShuyuError('not_found', `No concept "${conceptId}" in glossary "${glossaryId}"`, { params: { glossary: glossaryId, conceptId } });
  }
  return concept;
}

/**
 * Creates or replaces a concept. `revision` is the revision the caller's copy was based on (0 = create).
 * @throws `invalid_input` with every problem, `conflict` on a stale revision, `usage` when the id in the body differs.
 */
export async function putConcept(engine: Engine, glossaryId: string, conceptId: string, body: unknown, revision: number): Promise<StoredConcept> {
  await requireWritable(engine, glossaryId);
  const input = typeof body === 'object' && body !== null ? { ...(body as Record<string, unknown>) } : body;
  if (typeof input === 'object' && input !== null) {
    const rec = input as Record<string, unknown>;
    for (const k of ['revision', 'glossaryId', 'createdAt', 'updatedAt']) delete rec[k];
    if (rec.id === undefined) rec.id = conceptId;
    if (rec.id !== conceptId) throw new ShuyuError('usage', `The concept id in the body ("${String(rec.id)}") differs from the URL ("${conceptId}")`, { params: { conceptId } });
  }
  const concept = validateConcept(input);
  return engine.store.putConcept(glossaryId, concept, { expectedRevision: revision });
}

/** Deletes a concept; `revision` (when given) must be the current one. */
export async function deleteConcept(engine: Engine, glossaryId: string, conceptId: string, revision?: number): Promise<void> {
  await requireWritable(engine, glossaryId);
  await engine.store.deleteConcept(glossaryId, conceptId, revision === undefined ? {} : { expectedRevision: revision });
}

export interface NewGlossary {
  id: string;
  name: string;
  description?: string;
  languages?: string[];
}

/** Creates an empty, editable glossary; `conflict` when the id is taken. */
export async function createGlossary(engine: Engine, input: NewGlossary): Promise<GlossaryInfo> {
  const info = validateGlossaryInfo({
    id: input.id,
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    languages: input.languages ?? ['zh-Hans', 'en'],
  });
  return engine.store.createGlossary(info);
}
