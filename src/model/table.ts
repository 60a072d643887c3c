/**
 * A grid-model table: one asset type stored as columns (struct of arrays), with a stable
 * string id per row. Rows refer to other tables by row index (`ref`); -1 means "none".
 */
import {
  allocColumn,
  GrowableColumn,
  GrowableCoords,
  type ArrayOf,
  type ColumnKind,
  type ValueOf,
} from './columns.ts';

export interface ColumnSpec {
  readonly kind: ColumnKind;
  /** Name of the table this column indexes into (row index, -1 for none). */
  readonly ref?: string;
  /** Name of the code list (see codes.ts) whose values this column holds. */
  readonly codes?: string;
}

/** point: lon/lat columns; path: polyline; polygon: one outer ring; none: drawn from other tables. */
export type GeometryKind = 'point' | 'path' | 'polygon' | 'none';

export interface TableSpec {
  readonly name: string;
  readonly idPrefix: string;
  readonly geometry: GeometryKind;
  readonly doc: string;
  readonly columns: Readonly<Record<string, ColumnSpec>>;
}

export type Columns<S extends TableSpec> = {
  [C in keyof S['columns']]: ArrayOf<S['columns'][C]['kind']>;
};

export type Row<S extends TableSpec> = {
  [C in keyof S['columns']]: ValueOf<S['columns'][C]['kind']>;
};

/** Flat coordinates of paths or rings: shape i spans points offsets[i] .. offsets[i+1]-1. */
export interface ShapeColumn {
  offsets: Uint32Array;
  coords: Float64Array;
}

export interface Table<S extends TableSpec = TableSpec> {
  readonly spec: S;
  readonly size: number;
  readonly ids: string[];
  readonly cols: Columns<S>;
  /** Present when spec.geometry is 'path' or 'polygon'. */
  readonly shapes?: ShapeColumn;
}

/** Appends rows to a table; `finish()` yields the immutable Table. */
export class TableBuilder<S extends TableSpec> {
  private readonly ids: string[] = [];
  private readonly columns: Record<string, GrowableColumn> = {};
  private readonly offsets: number[] = [0];
  private readonly coords = new GrowableCoords();

  constructor(
    readonly spec: S,
    capacity = 1024,
  ) {
    for (const [name, col] of Object.entries(spec.columns)) {
      this.columns[name] = new GrowableColumn(col.kind, capacity);
    }
  }

  get size(): number {
    return this.ids.length;
  }

  /** Adds a row and returns its index. `shape` is flat [lon, lat, ...] for path/polygon tables. */
  add(id: string, row: Row<S>, shape?: ArrayLike<number>): number {
    for (const name in this.columns) {
      this.columns[name].push((row as Record<string, number | string>)[name]);
    }
    if (this.spec.geometry === 'path' || this.spec.geometry === 'polygon') {
      if (!shape || shape.length < 4) throw new Error(`${this.spec.name}: row ${id} needs a shape`);
      for (let k = 0; k < shape.length; k += 2) this.coords.push(shape[k], shape[k + 1]);
      this.offsets.push(this.coords.length / 2);
    }
    this.ids.push(id);
    return this.ids.length - 1;
  }

  finish(): Table<S> {
    const cols: Record<string, unknown> = {};
    for (const name in this.columns) cols[name] = this.columns[name].finish();
    const hasShapes = this.spec.geometry === 'path' || this.spec.geometry === 'polygon';
    return {
      spec: this.spec,
      size: this.ids.length,
      ids: this.ids,
      cols: cols as Columns<S>,
      shapes: hasShapes
        ? { offsets: Uint32Array.from(this.offsets), coords: this.coords.finish() }
        : undefined,
    };
  }
}

/** Builds a table directly from full columns (used by storage readers). */
export function tableFromColumns<S extends TableSpec>(
  spec: S,
  ids: string[],
  cols: Record<string, unknown>,
  shapes?: ShapeColumn,
): Table<S> {
  for (const [name, col] of Object.entries(spec.columns)) {
    const arr = cols[name] as { length: number } | undefined;
    if (!arr) cols[name] = allocColumn(col.kind, ids.length);
    else if (arr.length !== ids.length) {
      throw new Error(`${spec.name}.${name}: ${arr.length} values for ${ids.length} rows`);
    }
  }
  return { spec, size: ids.length, ids, cols: cols as Columns<S>, shapes };
}

/** Bounding box [west, south, east, north] of shape i. */
export function shapeBounds(shapes: ShapeColumn, i: number): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (let p = shapes.offsets[i]; p < shapes.offsets[i + 1]; p++) {
    const x = shapes.coords[2 * p];
    const y = shapes.coords[2 * p + 1];
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}
