/**
 * Opens a SQLite database file for the store: creates the parent directory, refuses files that are not
 * SQLite (or are someone else's SQLite database), sets WAL, foreign keys, busy timeout and full sync,
 * then applies pending migrations.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { ShuyuError, isShuyuError } from '../core/errors.js';
import type { Migration } from './migrations/types.js';
import { migrate } from './migrate.js';

export interface OpenDatabaseOptions {
  /** Milliseconds a writer waits for another process's lock before failing. @default 5000 */
  busyTimeoutMs?: number;
  /** Migrations to apply (tests pass a prefix to build old schemas). @default every known migration */
  migrations?: readonly Migration[];
}

/** Opens (creating if needed) and migrates the database at `file`. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  const resolved = path.resolve(file);
  try {
    mkdirSync(path.dirname(resolved), { recursive: true });
  } catch (cause) {
    throw new ShuyuError('invalid_input', `Cannot create the folder for the database ${resolved}: ${(cause as Error).message}`, {
      params: { file: resolved },
      cause,
    });
  }
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(resolved, { timeout: options.busyTimeoutMs ?? 5000 });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    refuseForeignDatabase(db, resolved);
    migrate(db, resolved, options.migrations);
    return db;
  } catch (cause) {
    db?.close();
    if (isShuyuError(cause)) throw cause;
    const code = (cause as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new ShuyuError('invalid_input', `${resolved} is not a SQLite database; give a new file name or a Shuyu database`, {
        params: { file: resolved },
        cause,
      });
    }
    throw new ShuyuError('invalid_input', `Cannot open the database ${resolved}: ${(cause as Error).message}`, {
      params: { file: resolved, sqliteCode: code },
      cause,
    });
  }
}

/** A SQLite file with tables but without schema_migrations belongs to another program: leave it alone. */
function refuseForeignDatabase(db: Database, file: string): void {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  if (tables.length > 0 && !tables.includes('schema_migrations')) {
    throw new ShuyuError('invalid_input', `${file} is a SQLite database of another program (no schema_migrations table); Shuyu will not change it`, {
      params: { file },
    });
  }
}
