/**
 * SQL layout of a dataset, derived from the model's TableSpecs: one STRICT table per model table
 * (`idx` = row index, `id`, one column per model column), shape tables add a geometry BLOB and
 * its bounds, and every table with geometry gets an R*Tree named `rtree_<table>`.
 */
import type { ColumnKind } from '../../model/columns.ts';
import type { TableSpec } from '../../model/table.ts';

/** Columns the store adds; a model column with one of these names would collide. */
const RESERVED = new Set(['idx', 'id', 'geom', 'minx', 'miny', 'maxx', 'maxy']);

/** Name of the file inside a dataset directory. */
export const DATASET_FILE = 'grid.sqlite';

/** Meta entry holding the model's GridMeta as one JSON object (key order kept for hashing). */
export const GRID_META_KEY = 'grid';

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function sqlType(kind: ColumnKind): string {
  switch (kind) {
    case 'f64':
    case 'f32':
      // Nullable: SQLite stores NaN as NULL, and it reads back as NaN.
      return 'REAL';
    case 'i32':
    case 'u8':
      return 'INTEGER NOT NULL';
    case 'text':
      return 'TEXT NOT NULL';
  }
}

export function hasShapes(spec: TableSpec): boolean {
  return spec.geometry === 'path' || spec.geometry === 'polygon';
}

export function hasGeometry(spec: TableSpec): boolean {
  return spec.geometry !== 'none';
}

export function rtreeName(spec: TableSpec): string {
  return `rtree_${spec.name}`;
}

/** Model column names in spec order. */
export function columnNames(spec: TableSpec): string[] {
  return Object.keys(spec.columns);
}

/** Column list of a table's SELECT/INSERT: idx, id, model columns, then geometry columns. */
export function storedColumns(spec: TableSpec): string[] {
  const cols = ['idx', 'id', ...columnNames(spec)];
  if (hasShapes(spec)) cols.push('geom', 'minx', 'miny', 'maxx', 'maxy');
  return cols;
}

export function createTableSql(spec: TableSpec): string[] {
  const defs = ['idx INTEGER PRIMARY KEY', 'id TEXT NOT NULL UNIQUE'];
  for (const [name, col] of Object.entries(spec.columns)) {
    if (RESERVED.has(name))
      throw new Error(`storage: column ${spec.name}.${name} collides with a store column`);
    defs.push(`${quoteIdent(name)} ${sqlType(col.kind)}`);
  }
  if (hasShapes(spec)) {
    defs.push(
      'geom BLOB NOT NULL',
      'minx REAL NOT NULL',
      'miny REAL NOT NULL',
      'maxx REAL NOT NULL',
      'maxy REAL NOT NULL',
    );
  }
  const sql = [`CREATE TABLE ${quoteIdent(spec.name)} (${defs.join(', ')}) STRICT`];
  if (hasGeometry(spec)) {
    sql.push(`CREATE VIRTUAL TABLE ${quoteIdent(rtreeName(spec))} USING rtree(id, minx, maxx, miny, maxy)`);
  }
  return sql;
}

export const CREATE_META_SQL =
  'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL CHECK (json_valid(value))) STRICT';
