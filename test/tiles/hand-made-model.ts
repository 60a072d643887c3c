/** A GridModel with every table empty except the rows a test adds (for exact tile geometry tests). */
import { TABLE_SPECS, type GridModel, type GridTables, type TableName } from '../../src/model/grid-model.ts';
import { TableBuilder, type TableSpec } from '../../src/model/table.ts';

export interface HandMadeRow {
  id: string;
  row: Record<string, number | string>;
  /** Flat lon, lat pairs for path and polygon tables. */
  shape?: number[];
}

export function handMadeModel(rows: Partial<Record<TableName, HandMadeRow[]>>): GridModel {
  const tables = {} as Record<TableName, unknown>;
  for (const spec of TABLE_SPECS) {
    const builder = new TableBuilder<TableSpec>(spec, 16);
    for (const r of rows[spec.name] ?? []) builder.add(r.id, r.row as never, r.shape);
    tables[spec.name] = builder.finish();
  }
  return {
    meta: {
      name: 'Hand-made tile test grid',
      source: { kind: 'generator', scale: 'test', seed: 0, center: [-95.37, 29.76] },
      region: [-95.5, 29.6, -95.2, 29.9],
      base_mva: 100,
    },
    tables: tables as GridTables,
  };
}
