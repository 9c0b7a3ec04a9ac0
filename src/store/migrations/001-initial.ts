/**
 * Migration 1: glossaries, concepts and the store-wide version counter.
 * Concepts are stored as JSON (the whole Concept minus its id) keyed by (glossary_id, id): lookups by id use
 * the primary key index and iteration pages through it in id order.
 */
import type { Migration } from './types.js';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE glossaries (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        description TEXT,
        languages   TEXT NOT NULL,            -- JSON array of normalised language tags
        built_in    INTEGER NOT NULL DEFAULT 0,
        source_hash TEXT,
        version     INTEGER NOT NULL,         -- from store_counter; moves on every committed write
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE concepts (
        glossary_id TEXT NOT NULL REFERENCES glossaries(id) ON DELETE CASCADE,
        id          TEXT NOT NULL,
        revision    INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        data        TEXT NOT NULL,            -- JSON of the normalised Concept without id
        PRIMARY KEY (glossary_id, id)
      ) STRICT;

      -- One row: the store-wide counter glossary versions are taken from, so a version is never reused,
      -- not even after a glossary is deleted and created again.
      CREATE TABLE store_counter (
        only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
        value    INTEGER NOT NULL
      ) STRICT;
      INSERT INTO store_counter (only_row, value) VALUES (1, 0);
    `);
  },
};
