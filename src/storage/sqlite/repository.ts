/** The SQLite store behind the GridRepository interface; open it with openDataset(). */
import type Database from 'better-sqlite3';
import {
  TABLE_SPECS,
  tableOfId,
  tableSpec,
  type Bbox,
  type GridMeta,
  type GridModel,
  type GridTables,
  type TableName,
} from '../../model/grid-model.ts';
import type { TableSpec } from '../../model/table.ts';
import { DatasetError } from '../dataset-error.ts';
import type {
  AssetRecord,
  BboxQueryOptions,
  DatasetMeta,
  GridRepository,
  ReadOptions,
} from '../grid-repository.ts';
import { schemaVersionOf } from '../migrations/index.ts';
import { GRID_META_KEY, hasShapes, quoteIdent, rtreeName } from './ddl.ts';
import { StoredDataError } from './geometry-blob.ts';
import { readTable, rowToAsset, selectColumns, tableSize } from './read-table.ts';

const DEFAULT_LIMIT = 1000;

interface TableStatements {
  byId: Database.Statement;
  bbox?: Database.Statement;
  countBbox?: Database.Statement;
}

/** SQLite result codes and format errors that mean the file itself is broken. */
function isCorruption(err: unknown): boolean {
  if (err instanceof StoredDataError) return true;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/** Rows meeting a bbox: the R*Tree finds candidates (float32, rounded outwards), REAL columns decide. */
function bboxWhere(spec: TableSpec): string {
  const rtree = 'r.minx <= @e AND r.maxx >= @w AND r.miny <= @n AND r.maxy >= @s';
  const exact = hasShapes(spec)
    ? 't.minx <= @e AND t.maxx >= @w AND t.miny <= @n AND t.maxy >= @s'
    : 't.lon BETWEEN @w AND @e AND t.lat BETWEEN @s AND @n';
  // CROSS JOIN keeps the R*Tree as the outer loop.
  return `FROM ${quoteIdent(rtreeName(spec))} r CROSS JOIN ${quoteIdent(spec.name)} t ON t.idx = r.id WHERE ${rtree} AND ${exact}`;
}

export class SqliteGridRepository implements GridRepository {
  private readonly statements = new Map<string, TableStatements>();

  constructor(
    private readonly db: Database.Database,
    /** Path of the grid.sqlite file. */
    readonly location: string,
  ) {}

  /** Runs `fn`, turning SQLite corruption errors into DatasetError. */
  private guard<T>(fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (err) {
      if (isCorruption(err)) {
        return Promise.reject(
          new DatasetError(
            'invalid',
            this.location,
            `${this.location} is not a valid Flux dataset: ${(err as Error).message}`,
            { cause: err },
          ),
        );
      }
      return Promise.reject(err);
    }
  }

  private stmts(spec: TableSpec): TableStatements {
    let s = this.statements.get(spec.name);
    if (!s) {
      const table = quoteIdent(spec.name);
      s = { byId: this.db.prepare(`SELECT ${selectColumns(spec)} FROM ${table} WHERE id = ?`).raw() };
      if (spec.geometry !== 'none') {
        const from = bboxWhere(spec);
        s.bbox = this.db
          .prepare(`SELECT ${selectColumns(spec, 't.')} ${from} ORDER BY t.idx LIMIT @limit OFFSET @offset`)
          .raw();
        s.countBbox = this.db.prepare(`SELECT count(*) ${from}`).pluck();
      }
      this.statements.set(spec.name, s);
    }
    return s;
  }

  private spec(name: string): TableSpec {
    const spec = tableSpec(name);
    if (!spec) throw new Error(`storage: unknown table '${name}'`);
    return spec;
  }

  readMeta(): Promise<DatasetMeta> {
    return this.guard(() => {
      const rows = this.db.prepare('SELECT key, value FROM meta ORDER BY rowid').raw().all() as [
        string,
        string,
      ][];
      const meta: Record<string, unknown> = {};
      for (const [key, value] of rows) {
        if (key === GRID_META_KEY) Object.assign(meta, JSON.parse(value) as GridMeta);
      }
      for (const [key, value] of rows) if (key !== GRID_META_KEY) meta[key] = JSON.parse(value);
      meta.schema_version = schemaVersionOf(this.db);
      return meta as DatasetMeta;
    });
  }

  counts(): Promise<Record<TableName, number>> {
    return this.guard(() => {
      const counts = {} as Record<TableName, number>;
      for (const spec of TABLE_SPECS) counts[spec.name] = tableSize(this.db, spec);
      return counts;
    });
  }

  readTable<N extends TableName>(name: N, options: ReadOptions = {}): Promise<GridTables[N]> {
    return this.guard(
      () => readTable(this.db, this.spec(name), options.onProgress) as unknown as GridTables[N],
    );
  }

  readModel(options: ReadOptions = {}): Promise<GridModel> {
    return this.guard(() => {
      const row = this.db
        .prepare('SELECT value FROM meta WHERE key = ?')
        .pluck()
        .get(GRID_META_KEY) as string;
      const tables = {} as Record<TableName, unknown>;
      for (const spec of TABLE_SPECS) tables[spec.name] = readTable(this.db, spec, options.onProgress);
      return { meta: JSON.parse(row) as GridMeta, tables: tables as GridTables };
    });
  }

  getAsset(id: string): Promise<AssetRecord | undefined> {
    return this.guard(() => {
      // The id prefix names the table; imported ids may not follow it, so fall back to all tables.
      const guess = tableOfId(id);
      for (const spec of guess ? [guess, ...TABLE_SPECS.filter((s) => s !== guess)] : TABLE_SPECS) {
        const row = this.stmts(spec).byId.get(id) as unknown[] | undefined;
        if (row) return rowToAsset(spec, row);
      }
      return undefined;
    });
  }

  private bboxParams(spec: TableSpec, bbox: Bbox): Record<string, number> {
    const [w, s, e, n] = bbox;
    if (spec.geometry === 'none') throw new Error(`storage: table ${spec.name} has no geometry`);
    if (![w, s, e, n].every(Number.isFinite) || w > e || s > n) {
      throw new RangeError(
        `storage: bbox must be finite [west, south, east, north], got [${bbox.join(', ')}]`,
      );
    }
    return { w, s, e, n };
  }

  queryBbox(table: TableName, bbox: Bbox, options: BboxQueryOptions = {}): Promise<AssetRecord[]> {
    return this.guard(() => {
      const spec = this.spec(table);
      const params = {
        ...this.bboxParams(spec, bbox),
        limit: options.limit ?? DEFAULT_LIMIT,
        offset: options.offset ?? 0,
      };
      const rows = this.stmts(spec).bbox!.all(params) as unknown[][];
      return rows.map((row) => rowToAsset(spec, row));
    });
  }

  countBbox(table: TableName, bbox: Bbox): Promise<number> {
    return this.guard(() => {
      const spec = this.spec(table);
      return this.stmts(spec).countBbox!.get(this.bboxParams(spec, bbox)) as number;
    });
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    this.statements.clear();
    return Promise.resolve();
  }
}
