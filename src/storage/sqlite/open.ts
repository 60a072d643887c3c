/** Opening a dataset directory, with one-line DatasetErrors for everything that can be wrong. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatasetError } from '../dataset-error.ts';
import { latestVersion, migrate, MIGRATIONS, schemaVersionOf, type Migration } from '../migrations/index.ts';
import { DATASET_FILE, GRID_META_KEY } from './ddl.ts';
import { SqliteGridRepository } from './repository.ts';

export interface OpenOptions {
  /** Schema migrations to apply to older datasets (default: all of this code's; for tests). */
  migrations?: readonly Migration[];
}

function invalid(file: string, reason: string, cause?: unknown): DatasetError {
  return new DatasetError('invalid', file, `${file} is not a valid Flux dataset: ${reason}`, { cause });
}

/**
 * A file cut short still has its full page count in the header (bytes 16-17 page size, 28-31
 * page count); checked before SQLite reads the schema, which would only say "malformed".
 */
function checkNotTruncated(file: string): void {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return; // SQLite will say why
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  // The header page count is only valid when the change counter matches "version-valid-for".
  if (header.readUInt32BE(24) !== header.readUInt32BE(92)) return;
  const expected = pageSize * header.readUInt32BE(28);
  const actual = fs.statSync(file).size;
  if (actual < expected) throw invalid(file, `file is truncated (${actual} of ${expected} bytes)`);
}

function openFile(file: string, readonly: boolean): Database.Database {
  checkNotTruncated(file);
  try {
    const db = new Database(file, { readonly, fileMustExist: true });
    // SQLite reads the header lazily: make a bad file fail here.
    schemaVersionOf(db);
    return db;
  } catch (err) {
    throw invalid(file, (err as Error).message, err);
  }
}

/** Checks a freshly opened dataset; returns its schema version. */
function inspect(db: Database.Database, file: string, latest: number): number {
  const version = schemaVersionOf(db);
  if (version > latest) {
    throw new DatasetError(
      'too_new',
      file,
      `${file} has schema version ${version} but this Flux reads up to ${latest}: upgrade Flux or regenerate the dataset`,
    );
  }
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  const grid = hasMeta && db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(GRID_META_KEY);
  if (!grid) {
    throw new DatasetError(
      'missing_meta',
      file,
      `${file} is not a valid Flux dataset: missing meta ${hasMeta ? `entry '${GRID_META_KEY}'` : 'table'}`,
    );
  }
  if (version === 0) throw invalid(file, 'schema version 0 (not written by Flux)');
  return version;
}

/**
 * Opens DIR/grid.sqlite read-only. A dataset from an older schema is migrated in place first;
 * a newer one is refused. Throws DatasetError when the dataset is missing or not valid.
 */
export function openDataset(dir: string, options: OpenOptions = {}): SqliteGridRepository {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = latestVersion(migrations);
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw new DatasetError('dir_missing', dir, `dataset directory ${dir} does not exist`);
  if (!stat.isDirectory()) throw new DatasetError('dir_missing', dir, `${dir} is not a directory`);
  const file = path.join(dir, DATASET_FILE);
  if (!fs.existsSync(file))
    throw new DatasetError('no_dataset', dir, `no dataset in ${dir}: run \`flux generate\``);

  let db = openFile(file, true);
  try {
    const version = inspect(db, file, latest);
    if (version < latest) {
      db.close();
      db = openFile(file, false);
      migrate(db, migrations);
      db.close();
      db = openFile(file, true);
    }
  } catch (err) {
    db.close();
    if (err instanceof DatasetError) throw err;
    throw invalid(file, (err as Error).message, err);
  }
  return new SqliteGridRepository(db, file);
}
