/**
 * What each map layer's features say: properties per row computed from the model and the
 * derived state (energization, base-case loading), code columns decoded to their names; and,
 * for layers drawn as aggregates at low zoom, the per-row quantities that cells sum.
 */
import { codeName } from '../model/codes.ts';
import type { GridModel, TableName } from '../model/grid-model.ts';
import type { DistributionLoading } from '../powerflow/radial-loading.ts';
import type { Energization } from '../topology/energization.ts';
import type { LineGroups } from './circuit-lines.ts';
import type { MvtProperties } from './mvt-encoder.ts';

/** Derived per-asset state shown on the map. */
export interface TileState {
  energization: Energization;
  loading: DistributionLoading;
}

/** Properties of one row; an undefined value leaves the key out. */
export type RowProperties = (row: number) => MvtProperties;

/** A quantity summed over the features of an aggregate cell, per row. */
export interface AggregateSum {
  name: string;
  value: (row: number) => number;
}

/** Rounds to one decimal: enough for the map, and repeated values share one MVT value. */
export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Rows of `table` referring to each row of the table it references through `refs`. */
function countRefs(refs: Int32Array, size: number): Uint32Array {
  const counts = new Uint32Array(size);
  for (const r of refs) if (r >= 0 && r < size) counts[r]++;
  return counts;
}

function energizedReader(state: TileState, table: TableName): (row: number) => boolean {
  const flags = state.energization[table];
  return flags ? (row) => flags[row] === 1 : () => true;
}

/** Properties of every feature of map layer `layerId` (which draws `table`). */
export function rowProperties(model: GridModel, state: TileState, layerId: string): RowProperties {
  const t = model.tables;
  switch (layerId) {
    case 'transmission_lines': {
      const { ids, cols } = t.transmission_lines;
      return (r) => ({
        id: ids[r],
        name: cols.name[r],
        kv: cols.kv[r],
        rating_mva: round1(cols.rating_mva[r]),
      });
    }
    case 'substations': {
      const { ids, cols } = t.substations;
      const capacity_mva = new Float64Array(t.substations.size);
      const stx = t.substation_transformers.cols;
      stx.substation.forEach((s, k) => {
        if (s >= 0) capacity_mva[s] += stx.rating_mva[k];
      });
      const energized = energizedReader(state, 'substations');
      return (r) => ({
        id: ids[r],
        name: cols.name[r],
        capacity_mva: round1(capacity_mva[r]),
        energized: energized(r),
      });
    }
    case 'generators': {
      const { ids, cols } = t.generators;
      return (r) => ({
        id: ids[r],
        name: cols.name[r],
        fuel: codeName('fuel', cols.fuel[r]),
        pmax_mw: round1(cols.pmax_mw[r]),
      });
    }
    case 'feeders': {
      const { ids, cols } = t.line_sections;
      const feederIds = t.feeders.ids;
      const pct = state.loading.section_pct;
      const energized = energizedReader(state, 'line_sections');
      return (r) => ({
        id: ids[r],
        feeder: feederIds[cols.feeder[r]],
        circuit: cols.feeder[r],
        overhead: cols.overhead[r] === 1,
        phases: cols.phases[r],
        loading_pct: round1(pct[r]),
        energized: energized(r),
      });
    }
    case 'switches': {
      const { ids, cols } = t.switches;
      const energized = energizedReader(state, 'switches');
      return (r) => ({
        id: ids[r],
        kind: codeName('switch_kind', cols.kind[r]),
        normally_open: cols.normally_open[r] === 1,
        energized: energized(r),
      });
    }
    case 'protective_devices': {
      const { ids, cols } = t.protective_devices;
      return (r) => ({
        id: ids[r],
        kind: codeName('device_kind', cols.kind[r]),
        rating_a: round1(cols.rating_a[r]),
      });
    }
    case 'poles': {
      const { ids, cols } = t.poles;
      return (r) => ({
        id: ids[r],
        material: codeName('pole_material', cols.material[r]),
        install_year: cols.install_year[r],
      });
    }
    case 'transformers': {
      const { ids, cols } = t.transformers;
      const pct = state.loading.transformer_pct;
      const energized = energizedReader(state, 'transformers');
      return (r) => ({ id: ids[r], kva: cols.kva[r], loading_pct: round1(pct[r]), energized: energized(r) });
    }
    case 'meters': {
      const { ids } = t.meters;
      const energized = energizedReader(state, 'meters');
      return (r) => ({ id: ids[r], energized: energized(r) });
    }
    case 'customers': {
      const { ids, cols } = t.customers;
      const energized = energizedReader(state, 'customers');
      return (r) => ({
        id: ids[r],
        class: codeName('customer_class', cols.class[r]),
        critical: codeName('critical_kind', cols.critical[r]),
        energized: energized(r),
      });
    }
    case 'trees': {
      const { ids, cols } = t.trees;
      return (r) => ({
        id: ids[r],
        height_m: round1(cols.height_m[r]),
        clearance_m: round1(cols.clearance_m[r]),
      });
    }
    case 'buildings': {
      const { ids, cols } = t.buildings;
      return (r) => ({
        id: ids[r],
        kind: codeName('building_kind', cols.kind[r]),
        height_m: round1(cols.height_m[r]),
      });
    }
    case 'water': {
      const { ids, cols } = t.water_bodies;
      return (r) => ({
        id: ids[r],
        kind: codeName('water_kind', cols.kind[r]),
        name: cols.name[r] || undefined,
      });
    }
    case 'roads': {
      const { ids, cols } = t.roads;
      return (r) => ({
        id: ids[r],
        class: codeName('road_class', cols.class[r]),
        name: cols.name[r] || undefined,
      });
    }
    case 'flood_zones': {
      const { ids, cols } = t.flood_zones;
      return (r) => ({ id: ids[r], zone: codeName('flood_zone', cols.zone[r]) });
    }
    case 'service_areas': {
      const { ids, cols } = t.service_areas;
      const substationIds = t.substations.ids;
      return (r) => ({ id: ids[r], substation: substationIds[cols.substation[r]] ?? '' });
    }
    default:
      throw new Error(`tiles: no properties defined for layer '${layerId}'`);
  }
}

/**
 * Quantities an aggregate cell of `layerId` sums besides `count` (e.g. customers in buildings).
 * Empty for layers whose cells carry only the count.
 */
export function aggregateSums(model: GridModel, layerId: string): AggregateSum[] {
  const t = model.tables;
  switch (layerId) {
    case 'buildings': {
      const perBuilding = countRefs(t.customers.cols.building, t.buildings.size);
      return [{ name: 'customers', value: (r) => perBuilding[r] }];
    }
    case 'meters': {
      const perMeter = countRefs(t.customers.cols.meter, t.meters.size);
      return [{ name: 'customers', value: (r) => perMeter[r] }];
    }
    case 'customers': {
      const critical = t.customers.cols.critical;
      return [{ name: 'critical', value: (r) => (critical[r] > 0 ? 1 : 0) }];
    }
    case 'transformers': {
      const perTransformer = new Uint32Array(t.transformers.size);
      const meterOf = t.customers.cols.meter;
      const transformerOf = t.meters.cols.transformer;
      for (let c = 0; c < t.customers.size; c++) perTransformer[transformerOf[meterOf[c]]]++;
      const kva = t.transformers.cols.kva;
      return [
        { name: 'kva', value: (r) => kva[r] },
        { name: 'customers', value: (r) => perTransformer[r] },
      ];
    }
    case 'trees': {
      const clearance = t.trees.cols.clearance_m;
      return [{ name: 'low_clearance', value: (r) => (clearance[r] < 3 ? 1 : 0) }];
    }
    case 'switches': {
      const open = t.switches.cols.normally_open;
      return [{ name: 'open', value: (r) => open[r] }];
    }
    default:
      return [];
  }
}

/**
 * How a line layer merges into one feature per group at low zoom, or undefined when it has no
 * groups. Feeders: one line per circuit with its id, `circuit` (feeder row, for colour), its
 * number of `sections`, their highest loading and the circuit's energization.
 */
export function lineGroups(model: GridModel, state: TileState, layerId: string): LineGroups | undefined {
  if (layerId !== 'feeders') return undefined;
  const feederIds = model.tables.feeders.ids;
  const groupOf = model.tables.line_sections.cols.feeder;
  const sections = new Uint32Array(feederIds.length);
  const maxPct = new Float64Array(feederIds.length);
  groupOf.forEach((f, s) => {
    if (f < 0) return;
    sections[f]++;
    if (state.loading.section_pct[s] > maxPct[f]) maxPct[f] = state.loading.section_pct[s];
  });
  const energized = energizedReader(state, 'feeders');
  return {
    groupOf,
    properties: (g) => ({
      id: feederIds[g],
      feeder: feederIds[g],
      circuit: g,
      sections: sections[g],
      loading_pct: round1(maxPct[g]),
      energized: energized(g),
    }),
  };
}
