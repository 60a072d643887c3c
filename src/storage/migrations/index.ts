/**
 * Numbered schema migrations of the SQLite store. `PRAGMA user_version` holds the version a
 * dataset is at; opening an older dataset runs the missing migrations, a newer one is refused.
 */
import type Database from 'better-sqlite3';
import { initialMigration } from './001-initial.ts';
import { busSectionsMigration } from './002-bus-sections-structures.ts';

export interface Migration {
  /** 1, 2, 3, ... with no gaps. */
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [initialMigration, busSectionsMigration];

/** The version a dataset written by this code has. */
export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migrations: expected version ${i + 1}, found ${m.version} (${m.name})`);
  });
  return migrations.length;
}

/**
 * Brings `db` up to the last of `migrations`, each in its own transaction.
 * Throws when the database is newer than the code; returns the versions before and after.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  const latest = latestVersion(migrations);
  const from = schemaVersionOf(db);
  if (from > latest) throw new Error(`schema version ${from} is newer than this code knows (${latest})`);
  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: latest };
}
