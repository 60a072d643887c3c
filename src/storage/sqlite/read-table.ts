/** Reading stored rows back into model tables and asset records. */
import type Database from 'better-sqlite3';
import { allocColumn, type ColumnArray } from '../../model/columns.ts';
import type { TableName } from '../../model/grid-model.ts';
import { tableFromColumns, type ShapeColumn, type Table, type TableSpec } from '../../model/table.ts';
import type { AssetRecord, ProgressFn } from '../grid-repository.ts';
import { columnNames, hasShapes, quoteIdent } from './ddl.ts';
import { decodeShapeBlob, StoredDataError, unitsToDeg } from './geometry-blob.ts';
import { PROGRESS_ROWS } from './table-writer.ts';

type RawRow = unknown[];

/** SELECT list of a row as read: idx, id, model columns, then geom for shape tables. */
export function selectColumns(spec: TableSpec, alias = ''): string {
  const cols = ['idx', 'id', ...columnNames(spec).map(quoteIdent)];
  if (hasShapes(spec)) cols.push('geom');
  return cols.map((c) => alias + c).join(', ');
}

/** Rows in a table: the writer stores row i at idx i, so this is max(idx) + 1 (a B-tree seek). */
export function tableSize(db: Database.Database, spec: TableSpec): number {
  const max = db
    .prepare(`SELECT max(idx) FROM ${quoteIdent(spec.name)}`)
    .pluck()
    .get() as number | null;
  return max === null ? 0 : max + 1;
}

/** Shape blobs copied end to end (one memcpy per row), decoded in one pass at the end. */
class BlobStage {
  bytes = new Uint8Array(1 << 20);
  length = 0;

  append(blob: Uint8Array): void {
    if (blob.byteLength % 8 !== 0)
      throw new StoredDataError(`geometry blob of ${blob.byteLength} bytes is not whole lon/lat pairs`);
    if (this.length + blob.byteLength > this.bytes.length) {
      let capacity = this.bytes.length * 2;
      while (capacity < this.length + blob.byteLength) capacity *= 2;
      const next = new Uint8Array(capacity);
      next.set(this.bytes.subarray(0, this.length));
      this.bytes = next;
    }
    this.bytes.set(blob, this.length);
    this.length += blob.byteLength;
  }

  /** Degrees from the staged Int32 units. */
  coords(): Float64Array {
    const units = new Int32Array(this.bytes.buffer, 0, this.length / 4);
    const out = new Float64Array(units.length);
    for (let k = 0; k < units.length; k++) out[k] = unitsToDeg(units[k]);
    return out;
  }
}

/** The whole table, row i from idx i; throws when the stored rows are not 0..n-1. */
export function readTable(db: Database.Database, spec: TableSpec, onProgress?: ProgressFn): Table {
  const size = tableSize(db, spec);
  const names = columnNames(spec);
  const kinds = names.map((c) => spec.columns[c].kind);
  const cols = kinds.map((kind) => allocColumn(kind, size) as (number | string)[] | Float64Array);
  const ids = new Array<string>(size);
  const shapeTable = hasShapes(spec);
  const offsets = new Uint32Array(shapeTable ? size + 1 : 0);
  const stage = new BlobStage();
  const stmt = db.prepare(`SELECT ${selectColumns(spec)} FROM ${quoteIdent(spec.name)} ORDER BY idx`).raw();
  let i = 0;
  for (const row of stmt.iterate() as IterableIterator<RawRow>) {
    if (row[0] !== i)
      throw new StoredDataError(`table ${spec.name} has row index ${String(row[0])} where ${i} was expected`);
    ids[i] = row[1] as string;
    for (let c = 0; c < cols.length; c++) {
      const v = row[2 + c];
      // SQLite keeps NaN as NULL.
      cols[c][i] = v === null ? NaN : (v as number | string);
    }
    if (shapeTable) {
      stage.append(row[2 + cols.length] as Uint8Array);
      offsets[i + 1] = stage.length / 8;
    }
    i++;
    if (onProgress && i % PROGRESS_ROWS === 0) onProgress(spec.name as TableName, i, size);
  }
  if (i !== size)
    throw new StoredDataError(`table ${spec.name} has ${i} rows but row indexes up to ${size - 1}`);
  onProgress?.(spec.name as TableName, size, size);
  const byName: Record<string, ColumnArray> = {};
  names.forEach((c, k) => (byName[c] = cols[k] as ColumnArray));
  const shapes: ShapeColumn | undefined = shapeTable ? { offsets, coords: stage.coords() } : undefined;
  return tableFromColumns(spec, ids, byName, shapes);
}

/** An AssetRecord from a row selected with selectColumns(spec). */
export function rowToAsset(spec: TableSpec, row: RawRow): AssetRecord {
  const asset: AssetRecord = {
    table: spec.name as TableName,
    index: row[0] as number,
    id: row[1] as string,
    properties: {},
  };
  columnNames(spec).forEach((c, k) => {
    const v = row[2 + k] === null ? NaN : (row[2 + k] as number | string);
    if (spec.geometry === 'point' && (c === 'lon' || c === 'lat')) asset[c] = v as number;
    else asset.properties[c] = v;
  });
  if (hasShapes(spec)) {
    const units = decodeShapeBlob(row[2 + columnNames(spec).length] as Uint8Array);
    asset.shape = Array.from(units, unitsToDeg);
  }
  return asset;
}
