/** Checks a model before any byte is written, so malformed input fails fast with a clear message. */
import type { ColumnKind } from '../../model/columns.ts';
import { TABLE_SPECS, type GridModel } from '../../model/grid-model.ts';
import type { Table } from '../../model/table.ts';
import { hasShapes } from './ddl.ts';

const ARRAY_TYPES: Record<Exclude<ColumnKind, 'text'>, new (n: number) => ArrayLike<number>> = {
  f64: Float64Array,
  f32: Float32Array,
  i32: Int32Array,
  u8: Uint8Array,
};

function checkTable(table: Table | undefined, name: string): void {
  if (!table) throw new Error(`storage: model has no table ${name}`);
  const { spec, size, ids } = table;
  if (ids.length !== size) throw new Error(`${name}: ${ids.length} ids for ${size} rows`);
  for (const [col, colSpec] of Object.entries(spec.columns)) {
    const values = (table.cols as Record<string, unknown>)[col] as ArrayLike<unknown> | undefined;
    if (!values) throw new Error(`${name}.${col}: column missing`);
    if (values.length !== size) throw new Error(`${name}.${col}: ${values.length} values for ${size} rows`);
    if (colSpec.kind === 'text') {
      if (!Array.isArray(values)) throw new Error(`${name}.${col}: text column is not a string array`);
      for (let i = 0; i < size; i++) {
        if (typeof values[i] !== 'string') throw new Error(`${name}.${col}: row ${i} is not a string`);
      }
    } else if (!(values instanceof ARRAY_TYPES[colSpec.kind])) {
      throw new Error(`${name}.${col}: expected a ${ARRAY_TYPES[colSpec.kind].name}`);
    }
  }
  if (!hasShapes(spec)) return;
  const shapes = table.shapes;
  if (!shapes) throw new Error(`${name}: shapes missing`);
  const { offsets, coords } = shapes;
  if (offsets.length !== size + 1 || offsets[0] !== 0)
    throw new Error(`${name}: shape offsets do not match ${size} rows`);
  for (let i = 0; i < size; i++) {
    if (offsets[i + 1] < offsets[i] + 2)
      throw new Error(`${name}: shape of row ${i} has fewer than 2 points`);
  }
  if (offsets[size] * 2 !== coords.length)
    throw new Error(
      `${name}: shape offsets end at ${offsets[size]} points, coords hold ${coords.length / 2}`,
    );
}

export function validateModel(model: GridModel): void {
  for (const spec of TABLE_SPECS) {
    const table = model.tables[spec.name] as Table | undefined;
    checkTable(table, spec.name);
    if (table!.spec.name !== spec.name)
      throw new Error(`storage: table ${spec.name} carries the spec of ${table!.spec.name}`);
  }
  if (JSON.stringify(model.meta) === undefined) throw new Error('storage: model meta is not JSON');
}
