/** 002: candidates rejected during term extraction, per glossary (not proposed again). */
import type { Migration } from './types.js';

export const migration002: Migration = {
  version: 2,
  name: 'rejections',
  up(db) {
    db.exec(`
      CREATE TABLE rejections (
        glossary_id TEXT NOT NULL REFERENCES glossaries(id) ON DELETE CASCADE,
        key         TEXT NOT NULL,
        lang        TEXT NOT NULL,
        text        TEXT NOT NULL,
        at          TEXT NOT NULL,
        PRIMARY KEY (glossary_id, key, lang)
      ) STRICT;
    `);
  },
};
