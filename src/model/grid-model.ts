/** The GridModel: every table of one dataset, plus its metadata. No I/O here. */
import {
  BUS_SECTIONS,
  BUSES,
  DIST_NODES,
  FEEDERS,
  GENERATORS,
  LINE_SECTIONS,
  METERS,
  POLES,
  PROTECTIVE_DEVICES,
  SUBSTATION_TRANSFORMERS,
  SUBSTATIONS,
  SWITCHES,
  TRANSFORMERS,
  TRANSMISSION_LINES,
} from './schema.ts';
import {
  BUILDINGS,
  CUSTOMERS,
  FLOOD_ZONES,
  ROADS,
  SERVICE_AREAS,
  TREES,
  WATER_BODIES,
} from './schema-context.ts';
import type { Table, TableSpec } from './table.ts';

/** Every table, in the order they are written, hashed and listed. */
export const TABLE_SPECS = [
  BUSES,
  SUBSTATIONS,
  BUS_SECTIONS,
  GENERATORS,
  TRANSMISSION_LINES,
  SUBSTATION_TRANSFORMERS,
  FEEDERS,
  DIST_NODES,
  LINE_SECTIONS,
  PROTECTIVE_DEVICES,
  SWITCHES,
  POLES,
  TRANSFORMERS,
  METERS,
  CUSTOMERS,
  BUILDINGS,
  WATER_BODIES,
  TREES,
  FLOOD_ZONES,
  SERVICE_AREAS,
  ROADS,
] as const;

type Specs = (typeof TABLE_SPECS)[number];
export type TableName = Specs['name'];
type SpecOf<N extends TableName> = Extract<Specs, { name: N }>;

export type GridTables = { [N in TableName]: Table<SpecOf<N>> };

/** Lon/lat bounding box [west, south, east, north]. */
export type Bbox = [number, number, number, number];

export interface GridMeta {
  /** Human name of the dataset, e.g. "Synthetic metro (city, seed 1)". */
  name: string;
  /** How the dataset was made: generator parameters or the imported source. */
  source:
    | { kind: 'generator'; scale: string; seed: number; center: [number, number] }
    | { kind: 'import'; format: string; file: string };
  /** Area every asset lies in. */
  region: Bbox;
  /** System MVA base of the per-unit transmission quantities. */
  base_mva: number;
}

export interface GridModel {
  meta: GridMeta;
  tables: GridTables;
}

export function tableSpec(name: string): TableSpec | undefined {
  return TABLE_SPECS.find((s) => s.name === name);
}

/** Row counts per table, in TABLE_SPECS order. */
export function tableCounts(model: GridModel): Record<TableName, number> {
  const counts = {} as Record<TableName, number>;
  for (const spec of TABLE_SPECS) counts[spec.name] = model.tables[spec.name].size;
  return counts;
}

/** The table whose id prefix starts `id` (ids look like `XFMR-000123`), or undefined. */
export function tableOfId(id: string): TableSpec | undefined {
  const dash = id.indexOf('-');
  if (dash <= 0) return undefined;
  const prefix = id.slice(0, dash);
  return TABLE_SPECS.find((s) => s.idPrefix === prefix);
}
