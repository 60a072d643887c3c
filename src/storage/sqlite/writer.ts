/**
 * Writes a GridModel as DIR/grid.sqlite, atomically: the file is built under a temp name with
 * journaling and syncing off (a crash only loses the temp file), switched to WAL, fsynced and
 * renamed over the previous dataset. The same model always gives a byte-identical file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { TABLE_SPECS, type GridModel } from '../../model/grid-model.ts';
import type { Table } from '../../model/table.ts';
import type { DatasetWriter, ExtraMeta, WriteOptions, WriteResult } from '../grid-repository.ts';
import { migrate } from '../migrations/index.ts';
import {
  claimTempPath,
  releaseTemp,
  removeStaleTemps,
  removeWithSideFiles,
  replaceFile,
} from './atomic-file.ts';
import { DATASET_FILE, GRID_META_KEY } from './ddl.ts';
import { writeTable } from './table-writer.ts';
import { validateModel } from './validate-model.ts';

/** Meta keys the store owns. */
const RESERVED_META_KEYS = new Set([GRID_META_KEY, 'schema_version']);

function metaEntries(model: GridModel, extraMeta: ExtraMeta): [string, string][] {
  const entries: [string, string][] = [[GRID_META_KEY, JSON.stringify(model.meta)]];
  for (const [key, value] of Object.entries(extraMeta)) {
    if (RESERVED_META_KEYS.has(key)) throw new Error(`storage: meta key '${key}' is reserved`);
    const json = JSON.stringify(value);
    if (json === undefined) throw new Error(`storage: meta '${key}' is not JSON-serialisable`);
    entries.push([key, json]);
  }
  return entries;
}

function openForBuild(file: string): Database.Database {
  const db = new Database(file);
  // Speed over safety: a crash mid-build only loses the temp file.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -262144'); // KiB: 256 MiB page cache
  // Shadow-table writes for the R*Tree bulk load (see rtree-pack.ts).
  db.unsafeMode(true);
  return db;
}

/**
 * Writes `model` (and `extraMeta`, e.g. { content_hash }) to `dir`/grid.sqlite, creating `dir`
 * if needed. On any error the previous dataset is left as it was and the temp file is removed.
 */
export async function writeDataset(
  dir: string,
  model: GridModel,
  extraMeta: ExtraMeta = {},
  options: WriteOptions = {},
): Promise<WriteResult> {
  validateModel(model);
  const entries = metaEntries(model, extraMeta);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, DATASET_FILE);
  removeStaleTemps(file);
  const temp = claimTempPath(file);

  let db: Database.Database | undefined;
  try {
    db = openForBuild(temp);
    migrate(db);
    const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => entries.forEach(([key, value]) => insertMeta.run(key, value)))();
    for (const spec of TABLE_SPECS) {
      await writeTable(db, model.tables[spec.name] as Table, options.onProgress);
    }
    // Readers open the dataset in WAL mode; closing checkpoints and removes the -wal file.
    db.pragma('journal_mode = WAL');
    db.close();
    db = undefined;
    replaceFile(temp, file);
  } catch (err) {
    if (db?.open) db.close();
    removeWithSideFiles(temp);
    throw err;
  } finally {
    releaseTemp(temp);
  }
  return { path: file, bytes: fs.statSync(file).size };
}

/** The SQLite store as a DatasetWriter. */
export const sqliteDatasetWriter: DatasetWriter = { writeDataset };
