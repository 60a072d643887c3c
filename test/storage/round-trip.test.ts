import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { TABLE_SPECS, tableCounts, type Bbox, type GridModel } from '../../src/model/grid-model.ts';
import { modelContentHash } from '../../src/model/hash.ts';
import { shapeBounds, type Table } from '../../src/model/table.ts';
import {
  openDataset,
  writeDataset,
  SCHEMA_VERSION,
  type SqliteGridRepository,
} from '../../src/storage/index.ts';
import { buildSampleModel, SAMPLE_ORIGIN } from './sample-model.ts';
import { useTempDirs } from './temp-dir.ts';

const tempDir = useTempDirs();

/** Row indexes of `table` inside bbox, by brute force over the model. */
function expectedInBbox(table: Table, bbox: Bbox): number[] {
  const [w, s, e, n] = bbox;
  const out: number[] = [];
  for (let i = 0; i < table.size; i++) {
    if (table.shapes) {
      const [bw, bs, be, bn] = shapeBounds(table.shapes, i);
      if (bw <= e && be >= w && bs <= n && bn >= s) out.push(i);
    } else {
      const { lon, lat } = table.cols as Record<string, Float64Array>;
      if (lon[i] >= w && lon[i] <= e && lat[i] >= s && lat[i] <= n) out.push(i);
    }
  }
  return out;
}

describe('sqlite dataset round trip', () => {
  let model: GridModel;
  let repo: SqliteGridRepository;
  let dir: string;
  const progress: [string, number, number][] = [];

  beforeAll(async () => {
    model = buildSampleModel(12);
    dir = path.join(tempDir(), 'nested', 'dataset');
    await writeDataset(
      dir,
      model,
      { content_hash: modelContentHash(model), generator: { version: 1 } },
      {
        onProgress: (table, done, total) => progress.push([table, done, total]),
      },
    );
    repo = openDataset(dir);
  });
  afterAll(() => repo?.close());

  it('reports progress for every table, ending at done === total', () => {
    for (const spec of TABLE_SPECS) expect(progress).toContainEqual([spec.name, 12, 12]);
  });

  it('reads back every table column by column', async () => {
    const back = await repo.readModel();
    expect(back.meta).toEqual(model.meta);
    for (const spec of TABLE_SPECS) {
      const a = model.tables[spec.name] as Table;
      const b = back.tables[spec.name] as Table;
      expect(b.size, spec.name).toBe(a.size);
      expect(b.ids, spec.name).toEqual(a.ids);
      for (const col of Object.keys(spec.columns)) {
        const got = (b.cols as Record<string, unknown>)[col];
        const want = (a.cols as Record<string, unknown>)[col];
        expect(got?.constructor, `${spec.name}.${col}`).toBe(want?.constructor);
        expect(got, `${spec.name}.${col}`).toEqual(want);
      }
      expect(b.shapes, spec.name).toEqual(a.shapes);
    }
    expect(modelContentHash(back)).toBe(modelContentHash(model));
  });

  it('reads meta with schema version and extra entries', async () => {
    const meta = await repo.readMeta();
    expect(meta).toMatchObject({
      ...model.meta,
      schema_version: SCHEMA_VERSION,
      content_hash: modelContentHash(model),
      generator: { version: 1 },
    });
  });

  it('counts rows per table', async () => {
    expect(await repo.counts()).toEqual(tableCounts(model));
  });

  it('finds assets by id, with properties and geometry', async () => {
    const bus = await repo.getAsset('BUS-0000003');
    expect(bus).toEqual({
      table: 'buses',
      index: 2,
      id: 'BUS-0000003',
      properties: { name: model.tables.buses.cols.name[2], kv: 2.5 + 1 / 3, substation: 1, kind: 2 },
      lon: model.tables.buses.cols.lon[2],
      lat: model.tables.buses.cols.lat[2],
    });
    const bldg = await repo.getAsset('BLDG-0000005');
    const shapes = model.tables.buildings.shapes!;
    expect(bldg?.shape).toEqual(
      Array.from(shapes.coords.subarray(shapes.offsets[4] * 2, shapes.offsets[5] * 2)),
    );
    expect(bldg?.properties.height_m).toBe(model.tables.buildings.cols.height_m[4]);
    expect(Number.isNaN((await repo.getAsset('BUS-0000005'))?.properties.kv)).toBe(true);
    expect(await repo.getAsset('BUS-9999999')).toBeUndefined();
    expect(await repo.getAsset('no-such-thing')).toBeUndefined();
  });

  it('queries bboxes exactly, for points, paths and polygons', async () => {
    const boxes: Bbox[] = [
      [SAMPLE_ORIGIN.lon - 1, SAMPLE_ORIGIN.lat - 1, SAMPLE_ORIGIN.lon + 1, SAMPLE_ORIGIN.lat + 1],
      [SAMPLE_ORIGIN.lon, SAMPLE_ORIGIN.lat, SAMPLE_ORIGIN.lon + 0.3, SAMPLE_ORIGIN.lat + 0.005],
      [-95.4, 29.603, -95.1, 29.6071],
      [0, 0, 1, 1],
    ];
    for (const spec of TABLE_SPECS) {
      if (spec.geometry === 'none') continue;
      const table = model.tables[spec.name] as Table;
      for (const bbox of boxes) {
        const want = expectedInBbox(table, bbox);
        const rows = await repo.queryBbox(spec.name, bbox);
        expect(
          rows.map((r) => r.index),
          `${spec.name} ${bbox.join(',')}`,
        ).toEqual(want);
        expect(await repo.countBbox(spec.name, bbox)).toBe(want.length);
      }
    }
  });

  it('includes points lying exactly on the bbox edges', async () => {
    const { lon, lat } = model.tables.meters.cols;
    const rows = await repo.queryBbox('meters', [lon[3], lat[3], lon[3], lat[3]]);
    expect(rows.map((r) => r.id)).toEqual([model.tables.meters.ids[3]]);
  });

  it('pages bbox results in row order', async () => {
    const all = await repo.queryBbox('customers', [-180, -90, 180, 90]);
    const page = await repo.queryBbox('customers', [-180, -90, 180, 90], { limit: 4, offset: 3 });
    expect(page.map((r) => r.index)).toEqual(all.slice(3, 7).map((r) => r.index));
  });

  it('rejects bbox queries on tables without geometry and bad boxes', async () => {
    await expect(repo.queryBbox('feeders', [-180, -90, 180, 90])).rejects.toThrow(/no geometry/);
    await expect(repo.queryBbox('meters', [1, 0, 0, 1])).rejects.toThrow(RangeError);
  });

  it('writes R*Trees that pass SQLite integrity checks', () => {
    const db = new Database(path.join(dir, 'grid.sqlite'), { readonly: true });
    try {
      for (const spec of TABLE_SPECS) {
        if (spec.geometry === 'none') continue;
        expect(db.prepare('SELECT rtreecheck(?)').pluck().get(`rtree_${spec.name}`), spec.name).toBe('ok');
      }
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });
});

describe('empty tables', () => {
  it('round-trips a model with no rows', async () => {
    const dir = tempDir();
    const model = buildSampleModel(0);
    await writeDataset(dir, model);
    const repo = openDataset(dir);
    const back = await repo.readModel();
    await repo.close();
    expect(modelContentHash(back)).toBe(modelContentHash(model));
  });
});
