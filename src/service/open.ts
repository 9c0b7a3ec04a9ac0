/**
 * Opening the engine: the SQLite store at $SHUYU_DB (default <repo>/data/shuyu.sqlite) seeded with the
 * built-in glossaries, or, with `glossaryFiles`, an in-memory store holding just those files.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ShuyuError } from '../core/errors.js';
import type { Glossary } from '../core/model.js';
import { glossaryIdFromName, glossaryIdProblem } from '../core/glossary-info.js';
import { createMemoryStore } from '../store/memory.js';
import { createSqliteStore } from '../store/sqlite.js';
import type { GlossaryStore } from '../store/types.js';
import { readGlossary } from '../formats/registry.js';
import { Engine } from './engine.js';
import { repoRoot, seedBuiltInGlossaries } from './seed.js';

export interface OpenEngineOptions {
  /** SQLite database file. @default process.env.SHUYU_DB ?? <repo>/data/shuyu.sqlite */
  dbPath?: string;
  /** Use an in-memory store holding only these glossary files (any readable format) instead of the database. */
  glossaryFiles?: string[];
  /** Seed and re-sync the built-in glossaries into the database. @default true */
  seed?: boolean;
  /** Folder of built-in glossaries to seed from. @default <repo>/glossary */
  glossaryDir?: string;
}

/** The database file used when none is given: $SHUYU_DB, else <repo>/data/shuyu.sqlite. */
export function defaultDbPath(): string {
  const env = process.env.SHUYU_DB;
  return env && env.trim() !== '' ? path.resolve(env) : path.join(repoRoot(), 'data', 'shuyu.sqlite');
}

/** Opens the store described by `options` and wraps it in an Engine. */
export async function openEngine(options: OpenEngineOptions = {}): Promise<Engine> {
  if (options.glossaryFiles?.length && options.dbPath) {
    throw new ShuyuError('usage', 'Give either glossary files or a database, not both', { params: { db: options.dbPath } });
  }
  if (options.glossaryFiles?.length) return new Engine(await loadFilesIntoMemory(options.glossaryFiles));
  const store = createSqliteStore(options.dbPath ?? defaultDbPath());
  try {
    if (options.seed !== false) await seedBuiltInGlossaries(store, options.glossaryDir);
  } catch (e) {
    await store.close();
    throw e;
  }
  return new Engine(store);
}

/** An in-memory store with one glossary per file; two files giving the same glossary id is a conflict. */
async function loadFilesIntoMemory(files: string[]): Promise<GlossaryStore> {
  const store = createMemoryStore();
  const from = new Map<string, string>();
  for (const file of files) {
    const glossary = await readGlossaryFile(file);
    const other = from.get(glossary.id);
    if (other) {
      throw new ShuyuError('conflict', `${other} and ${file} both give the glossary id "${glossary.id}"`, {
        params: { file, glossary: glossary.id },
      });
    }
    from.set(glossary.id, file);
    const { concepts, ...info } = glossary;
    await store.replaceGlossary(info, concepts);
  }
  return store;
}

/**
 * Reads one glossary file in any readable format (through the formats registry). Formats without their
 * own id get one from the file name.
 */
export async function readGlossaryFile(file: string): Promise<Glossary> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new ShuyuError('not_found', `No glossary file ${file}`, { params: { file } });
  }
  const { glossary } = await readGlossary({ name: file, path: file });
  const id = glossary.id && !glossaryIdProblem(glossary.id) ? glossary.id : glossaryIdFromName(glossary.id || file);
  return { ...glossary, id, name: glossary.name?.trim() ? glossary.name : id };
}
