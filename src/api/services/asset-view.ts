/**
 * An asset as the API shows it: decoded attributes, its feeder and substation, loading and
 * energization from the base case, and what it supplies downstream.
 */
import { CODES, type CodeList } from '../../model/codes.ts';
import { tableSpec, type TableName } from '../../model/grid-model.ts';
import type { AssetRef } from '../../search/asset-locator.ts';
import { traceAsset } from '../../topology/asset-trace.ts';
import type { GridContext } from './grid-context.ts';

export interface NamedRef {
  id: string;
  name: string;
}

export interface DownstreamSummary {
  customers: number;
  critical_customers: number;
  meters: number;
  transformers: number;
  load_kw: number;
}

export interface AssetView {
  id: string;
  table: TableName;
  title: string;
  name?: string;
  lon?: number;
  lat?: number;
  properties: Record<string, string | number>;
  feeder?: NamedRef;
  substation?: NamedRef;
  energized: boolean | null;
  loading_pct: number | null;
  downstream?: DownstreamSummary;
}

const TITLES: Partial<Record<TableName, string>> = {
  buses: 'Transmission bus',
  substations: 'Substation',
  generators: 'Generating plant',
  transmission_lines: 'Transmission line',
  substation_transformers: 'Substation transformer',
  feeders: 'Feeder',
  dist_nodes: 'Distribution node',
  line_sections: 'Line section',
  protective_devices: 'Protective device',
  switches: 'Switch',
  poles: 'Pole',
  transformers: 'Service transformer',
  meters: 'Meter',
  customers: 'Customer',
  buildings: 'Building',
  water_bodies: 'Water body',
  trees: 'Tree',
  flood_zones: 'Flood zone',
  service_areas: 'Service area',
  roads: 'Road',
};

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Column values with codes decoded and references shown as the referenced asset's id. */
export function assetProperties(ctx: GridContext, ref: AssetRef): Record<string, string | number> {
  const spec = tableSpec(ref.table)!;
  const table = ctx.model.tables[ref.table];
  const out: Record<string, string | number> = {};
  for (const [name, col] of Object.entries(spec.columns)) {
    if (name === 'lon' || name === 'lat') continue;
    const value = (table.cols as Record<string, ArrayLike<number | string>>)[name][ref.index];
    if ('codes' in col && col.codes)
      out[name] = (CODES[col.codes as CodeList] as readonly string[])[value as number] ?? String(value);
    else if ('ref' in col && col.ref)
      out[name] = (value as number) >= 0 ? ctx.model.tables[col.ref as TableName].ids[value as number] : '';
    else out[name] = typeof value === 'number' && !Number.isInteger(value) ? round(value, 3) : value;
  }
  return out;
}

/** Customers, meters, transformers and load on a set of transformers. */
export function summarizeTransformers(ctx: GridContext, transformers: number[]): DownstreamSummary {
  const t = ctx.model.tables;
  const onSet = new Uint8Array(t.transformers.size);
  for (const x of transformers) onSet[x] = 1;
  let customers = 0;
  let critical = 0;
  let load = 0;
  for (let c = 0; c < t.customers.size; c++) {
    if (!onSet[t.meters.cols.transformer[t.customers.cols.meter[c]]]) continue;
    customers++;
    if (t.customers.cols.critical[c] > 0) critical++;
    load += ctx.loading.customer_kw[c];
  }
  return {
    customers,
    critical_customers: critical,
    meters: customers,
    transformers: transformers.length,
    load_kw: round(load),
  };
}

/** What a meter or customer supplies: itself. */
export function summarizeCustomer(ctx: GridContext, ref: AssetRef): DownstreamSummary {
  const t = ctx.model.tables;
  const c = ref.table === 'customers' ? ref.index : t.customers.cols.meter.indexOf(ref.index);
  return {
    customers: 1,
    critical_customers: t.customers.cols.critical[c] > 0 ? 1 : 0,
    meters: 1,
    transformers: 1,
    load_kw: round(ctx.loading.customer_kw[c]),
  };
}

function loadingOf(ctx: GridContext, ref: AssetRef): number | null {
  switch (ref.table) {
    case 'transformers':
      return round(ctx.loading.transformer_pct[ref.index]);
    case 'line_sections':
      return round(ctx.loading.section_pct[ref.index]);
    case 'substation_transformers':
      return round(ctx.loading.substation_transformer_pct[ref.index]);
    case 'transmission_lines':
      return round(ctx.transmission.loading_pct[ref.index]);
    case 'substations': {
      const k = ctx.kpis().substations[ref.index];
      return k.loading_pct;
    }
    default:
      return null;
  }
}

export function describeAsset(ctx: GridContext, ref: AssetRef): AssetView {
  const t = ctx.model.tables;
  const table = t[ref.table];
  const cols = table.cols as Record<string, ArrayLike<number | string>>;
  const properties = assetProperties(ctx, ref);
  const view: AssetView = {
    id: table.ids[ref.index],
    table: ref.table,
    title: TITLES[ref.table] ?? ref.table,
    properties,
    energized: ctx.energization[ref.table] ? ctx.energization[ref.table]![ref.index] === 1 : null,
    loading_pct: loadingOf(ctx, ref),
  };
  if (typeof properties.name === 'string' && properties.name) view.name = properties.name;
  if ('lon' in cols) {
    view.lon = cols.lon[ref.index] as number;
    view.lat = cols.lat[ref.index] as number;
  } else if (table.shapes) {
    // Lines and areas: their first vertex anchors the panel and fly-to.
    const p = table.shapes.offsets[ref.index];
    view.lon = table.shapes.coords[2 * p];
    view.lat = table.shapes.coords[2 * p + 1];
  } else if (ref.table === 'line_sections') {
    const n = t.line_sections.cols.from_node[ref.index];
    view.lon = t.dist_nodes.cols.lon[n];
    view.lat = t.dist_nodes.cols.lat[n];
  }
  const trace = traceAsset(ctx.model, ctx.graph, ref.table, ref.index);
  if (trace.feeder >= 0)
    view.feeder = { id: t.feeders.ids[trace.feeder], name: t.feeders.cols.name[trace.feeder] };
  if (trace.substation >= 0)
    view.substation = {
      id: t.substations.ids[trace.substation],
      name: t.substations.cols.name[trace.substation],
    };
  if (ref.table === 'feeders' && view.lon === undefined) {
    const h = t.feeders.cols.head_node[ref.index];
    view.lon = t.dist_nodes.cols.lon[h];
    view.lat = t.dist_nodes.cols.lat[h];
  }
  if (ref.table === 'customers' || ref.table === 'meters') {
    view.downstream = summarizeCustomer(ctx, ref);
  } else if (trace.transformers.length > 0 || trace.downstreamNodes.length > 0) {
    view.downstream = summarizeTransformers(ctx, trace.transformers);
  }
  return view;
}
