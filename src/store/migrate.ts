/**
 * Applies numbered schema migrations in order, inside one IMMEDIATE transaction (so two processes opening
 * the same file cannot both migrate it), and records each in schema_migrations. A database whose schema is
 * newer than this build knows is refused instead of being touched.
 */
import type { Database } from 'better-sqlite3';
import { ShuyuError } from '../core/errors.js';
import type { Migration } from './migrations/types.js';
import { migrations as allMigrations } from './migrations/index.js';

export interface MigrateResult {
  /** Schema version found when opening (0 for a new database). */
  from: number;
  /** Schema version after migrating. */
  to: number;
}

/** Brings `db` up to the last of `migrations` (default: every known migration). */
export function migrate(db: Database, file: string, migrations: readonly Migration[] = allMigrations): MigrateResult {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new ShuyuError('internal', `Migration list is out of order at ${m.version} (expected ${i + 1})`);
  });
  const latest = migrations.length;
  const run = db.transaction((): MigrateResult => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT`);
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
    const from = applied.at(-1)?.version ?? 0;
    if (from > latest) {
      throw new ShuyuError(
        'unsupported_format',
        `The database ${file} has schema version ${from}, newer than this version of Shuyu knows (${latest}); upgrade Shuyu to open it`,
        { params: { file, schemaVersion: from, knownVersion: latest } },
      );
    }
    for (const row of applied) {
      const known = migrations[row.version - 1];
      if (known && known.name !== row.name) {
        throw new ShuyuError('internal', `Migration ${row.version} in ${file} is "${row.name}" but this build calls it "${known.name}"`, {
          params: { file, schemaVersion: row.version },
        });
      }
    }
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of migrations.slice(from)) {
      m.up(db);
      record.run(m.version, m.name, new Date().toISOString());
    }
    return { from, to: latest };
  });
  return run.immediate();
}
