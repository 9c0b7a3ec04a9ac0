/** One numbered schema migration. Migrations are append-only: never edit or reorder a released one. */
import type { Database } from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3 … without gaps; equals the number in the file name. */
  version: number;
  /** Short name recorded in schema_migrations. */
  name: string;
  /** Applies the change; runs inside the migration runner's transaction. */
  up(db: Database): void;
}
