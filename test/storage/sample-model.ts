/**
 * A small hand-made GridModel for storage tests: every table of TABLE_SPECS with a few rows,
 * every column filled by kind, shapes already quantized to the stored precision.
 */
import { TABLE_SPECS, type GridModel, type GridTables, type TableName } from '../../src/model/grid-model.ts';
import { makeId } from '../../src/model/ids.ts';
import { TableBuilder, type Row, type TableSpec } from '../../src/model/table.ts';
import { quantizeCoord } from '../../src/storage/coords.ts';

export const SAMPLE_ORIGIN = { lon: -95.5, lat: 29.6 };

/** Integer hash to [0, 1): deterministic scatter without an RNG. */
function unit(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= h >>> 13;
  return (h >>> 0) / 2 ** 32;
}

/** Location of row r of table t, scattered over a 0.6 x 0.4 degree area. */
export function sampleLocation(tableIndex: number, r: number): [number, number] {
  return [
    SAMPLE_ORIGIN.lon + 0.6 * unit(tableIndex, 2 * r),
    SAMPLE_ORIGIN.lat + 0.4 * unit(tableIndex, 2 * r + 1),
  ];
}

function sampleRow(spec: TableSpec, t: number, r: number): Row<TableSpec> {
  const row: Record<string, number | string> = {};
  const [lon, lat] = sampleLocation(t, r);
  const firstF64 = Object.keys(spec.columns).find((name) => spec.columns[name].kind === 'f64');
  Object.entries(spec.columns).forEach(([name, col], c) => {
    switch (col.kind) {
      case 'f64':
        // Every 5th value is NaN: the store keeps NaN as NULL and must give it back.
        row[name] = r % 5 === 4 && name === firstF64 ? NaN : r * 1.25 + c / 3;
        break;
      case 'f32':
        row[name] = Math.fround(r * 0.5 + c / 7);
        break;
      case 'i32':
        row[name] = col.ref ? r - 1 : 1990 + r * 1_000_003;
        break;
      case 'u8':
        row[name] = (r + c) % 3;
        break;
      case 'text':
        row[name] = `${spec.name} ${r} "q" 'ü' ${c}`;
        break;
    }
  });
  if (spec.geometry === 'point') {
    row.lon = lon;
    row.lat = lat;
  }
  return row as Row<TableSpec>;
}

/** Flat [lon, lat, ...]: a closed square ring for polygons, a 3-point line for paths. */
function sampleShape(spec: TableSpec, lon: number, lat: number, r: number): number[] {
  const d = 0.0002 * (1 + (r % 3));
  const pts =
    spec.geometry === 'polygon'
      ? [lon, lat, lon + d, lat, lon + d, lat + d, lon, lat + d, lon, lat]
      : [lon, lat, lon + d, lat + d / 2, lon + 2 * d, lat + d / 3];
  return pts.map(quantizeCoord);
}

/** Every table with `rows` rows (or `rowsByTable[name]`). */
export function buildSampleModel(rows = 6, rowsByTable: Partial<Record<TableName, number>> = {}): GridModel {
  const tables = {} as Record<TableName, unknown>;
  TABLE_SPECS.forEach((spec, t) => {
    const n = rowsByTable[spec.name] ?? rows;
    const builder = new TableBuilder<TableSpec>(spec, n);
    for (let r = 0; r < n; r++) {
      const [lon, lat] = sampleLocation(t, r);
      const hasShape = spec.geometry === 'path' || spec.geometry === 'polygon';
      builder.add(
        makeId(spec.idPrefix, r + 1, 7),
        sampleRow(spec, t, r),
        hasShape ? sampleShape(spec, lon, lat, r) : undefined,
      );
    }
    tables[spec.name] = builder.finish();
  });
  return {
    meta: {
      name: 'Storage test grid',
      source: { kind: 'generator', scale: 'test', seed: 7, center: [SAMPLE_ORIGIN.lon, SAMPLE_ORIGIN.lat] },
      region: [-96, 29, -95, 30],
      base_mva: 100,
    },
    tables: tables as GridTables,
  };
}
