import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  DatasetError,
  MIGRATIONS,
  openDataset,
  writeDataset,
  type Migration,
} from '../../src/storage/index.ts';
import { buildSampleModel } from './sample-model.ts';
import { useTempDirs } from './temp-dir.ts';

const tempDir = useTempDirs();

/** The DatasetError `fn` throws (sync or async). */
async function datasetError(fn: () => unknown): Promise<DatasetError> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as Error).message).not.toContain('\n');
    return err as DatasetError;
  }
  throw new Error('expected a DatasetError');
}

async function writtenDataset(rows = 12): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  await writeDataset(dir, buildSampleModel(rows));
  return { dir, file: path.join(dir, 'grid.sqlite') };
}

function withWritable(file: string, fn: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

describe('openDataset errors', () => {
  it('names a missing directory', async () => {
    const dir = path.join(tempDir(), 'nope');
    const err = await datasetError(() => openDataset(dir));
    expect(err.code).toBe('dir_missing');
    expect(err.message).toBe(`dataset directory ${dir} does not exist`);
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    expect((await datasetError(() => openDataset(file))).message).toBe(`${file} is not a directory`);
  });

  it('tells how to make a dataset when the directory has none', async () => {
    const dir = tempDir();
    const err = await datasetError(() => openDataset(dir));
    expect(err.code).toBe('no_dataset');
    expect(err.message).toBe(`no dataset in ${dir}: run \`flux generate\``);
  });

  it('rejects a file that is not SQLite', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'grid.sqlite');
    fs.writeFileSync(file, 'this is not a database\n'.repeat(200));
    const err = await datasetError(() => openDataset(dir));
    expect(err.code).toBe('invalid');
    expect(err.message).toBe(`${file} is not a valid Flux dataset: file is not a database`);
  });

  it('rejects a truncated file', async () => {
    const { dir, file } = await writtenDataset();
    fs.truncateSync(file, 8192);
    const err = await datasetError(() => openDataset(dir));
    expect(err.code).toBe('invalid');
    expect(err.message).toMatch(/is not a valid Flux dataset: file is truncated \(8192 of \d+ bytes\)$/);
  });

  it('reports corrupt pages as an invalid dataset', async () => {
    const { dir, file } = await writtenDataset(400);
    const bytes = fs.readFileSync(file);
    // Overwrite everything after the first four pages (schema and meta) with garbage.
    bytes.fill(0xa5, 4 * 4096);
    fs.writeFileSync(file, bytes);
    const err = await datasetError(async () => {
      const repo = openDataset(dir);
      try {
        await repo.readModel();
      } finally {
        await repo.close();
      }
    });
    expect(err.code).toBe('invalid');
    expect(err.message).toMatch(/^\S+grid\.sqlite is not a valid Flux dataset: /);
  });

  it('reports rows that break the format as an invalid dataset', async () => {
    const { dir, file } = await writtenDataset();
    withWritable(file, (db) => db.exec('DELETE FROM poles WHERE idx = 2'));
    const repo = openDataset(dir);
    const err = await datasetError(() => repo.readModel());
    await repo.close();
    expect(err.code).toBe('invalid');
    expect(err.message).toBe(
      `${file} is not a valid Flux dataset: table poles has row index 3 where 2 was expected`,
    );
  });

  it('rejects SQLite files without Flux meta', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'grid.sqlite');
    withWritable(file, (db) => db.exec('CREATE TABLE other (x)'));
    const err = await datasetError(() => openDataset(dir));
    expect(err.code).toBe('missing_meta');
    expect(err.message).toBe(`${file} is not a valid Flux dataset: missing meta table`);

    const written = await writtenDataset();
    withWritable(written.file, (db) => db.exec('DELETE FROM meta'));
    const err2 = await datasetError(() => openDataset(written.dir));
    expect(err2.message).toBe(`${written.file} is not a valid Flux dataset: missing meta entry 'grid'`);
  });

  it('refuses datasets from a newer schema', async () => {
    const { dir, file } = await writtenDataset();
    withWritable(file, (db) => db.pragma('user_version = 99'));
    const err = await datasetError(() => openDataset(dir));
    expect(err.code).toBe('too_new');
    expect(err.message).toBe(
      `${file} has schema version 99 but this Flux reads up to ${MIGRATIONS.length}: upgrade Flux or regenerate the dataset`,
    );
  });
});

describe('schema migrations', () => {
  it('migrates an older dataset on open', async () => {
    const { dir, file } = await writtenDataset();
    const next = MIGRATIONS.length + 1;
    const addNotes: Migration = {
      version: next,
      name: 'notes',
      up: (db) => db.exec('CREATE TABLE notes (text TEXT)'),
    };
    const repo = openDataset(dir, { migrations: [...MIGRATIONS, addNotes] });
    expect((await repo.readMeta()).schema_version).toBe(next);
    expect((await repo.counts()).buses).toBe(12);
    await repo.close();
    withWritable(file, (db) =>
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").pluck().get()).toBe('notes'),
    );
    // The code that does not know that version now refuses it.
    expect((await datasetError(() => openDataset(dir))).code).toBe('too_new');
  });

  it('checks that migrations are numbered without gaps', async () => {
    const { dir } = await writtenDataset();
    const n = MIGRATIONS.length;
    const gap: Migration = { version: n + 2, name: 'gap', up: () => {} };
    expect(() => openDataset(dir, { migrations: [...MIGRATIONS, gap] })).toThrow(
      `expected version ${n + 1}, found ${n + 2}`,
    );
  });

  it('brings a version-1 dataset up to bus sections, branch kinds, structures and pole classes', async () => {
    const { dir, file } = await writtenDataset();
    // Rebuild the version-1 layout: no bus_sections table, none of the columns migration 2 adds.
    withWritable(file, (db) => {
      db.exec('DROP TABLE bus_sections; DROP TABLE rtree_bus_sections;');
      for (const [table, column] of [
        ['transmission_lines', 'kind'],
        ['transmission_lines', 'from_section'],
        ['transmission_lines', 'to_section'],
        ['transmission_lines', 'structure'],
        ['substation_transformers', 'bus_section'],
        ['generators', 'bus_section'],
        ['poles', 'class'],
      ])
        db.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
      db.pragma('user_version = 1');
    });
    const repo = openDataset(dir);
    const model = await repo.readModel();
    await repo.close();
    expect(model.tables.bus_sections.size).toBe(0);
    expect([...model.tables.transmission_lines.cols.structure].every((v) => v === -1)).toBe(true);
    expect([...model.tables.transmission_lines.cols.kind].every((v) => v === 0)).toBe(true);
    expect([...model.tables.substation_transformers.cols.bus_section].every((v) => v === -1)).toBe(true);
    expect([...model.tables.poles.cols.class].every((v) => v === 0)).toBe(true);
    withWritable(file, (db) => expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length));
  });
});
