/**
 * Exports the transmission network of a grid model as a MATPOWER version-2 case, in the state
 * src/powerflow/transmission-loading.ts analyses it: so tools that only read MATPOWER cases
 * (bench/peers/dc_cascade.py, MATPOWER itself) see the same network, loads and dispatch.
 *
 * - One bus per grid bus, in table order, numbered 1..n (mpc.bus_name holds the grid's bus ids).
 *   PD is the MW of the substations stepping down at the bus (QD at POWER_FACTOR); BASE_KV its kV.
 * - Bus types: in each island of the network, the bus of its largest generator (by Pmax, lowest
 *   index on ties: transmission-loading's slack) is the reference (3), other generator buses are
 *   PV (2), the rest PQ (1). The grids we generate are one island, so one reference bus. Buses of
 *   an island without a generator are isolated (4): transmission-loading counts their load as
 *   unserved and gives them no flow, as rundcpf does for type-4 buses.
 * - Generators in table order: PMAX = pmax_mw, PG dispatched as transmission-loading does (in
 *   proportion to Pmax to meet the island's load, at most Pmax).
 * - Branches in table order: R, X, B, TAP and SHIFT as the grid has them (an autotransformer is a
 *   branch with TAP 1 on a per-unit system: its kind is only a label here); RATE_A (and RATE_B,
 *   RATE_C: we model no separate emergency rating) = rating_mva derated for the temperature, lines
 *   as conductors and autotransformers as transformers (derateBranches).
 *
 * The DC power flow of the case (runMatpowerDcPowerFlow) then gives computeTransmissionLoading's
 * flows, and its cascade (runMatpowerCascade) is the standard QSS DC cascade on the grid.
 */
import type { GridMeta, GridTables } from '../../model/grid-model.ts';
import { POWER_FACTOR, type LoadConditions } from '../../model/load-model.ts';
import { derateBranches } from '../../model/branch-rating.ts';
import { findIslands } from '../../powerflow/islands.ts';
import { BUS_TYPE, type MatpowerCase } from './case-format.ts';
import { buildCase, type CaseRows } from './case-builder.ts';

/** What the export reads of a grid model: its transmission tables and metadata. */
export interface TransmissionGrid {
  readonly meta: Pick<GridMeta, 'name' | 'source' | 'base_mva'>;
  readonly tables: Pick<GridTables, 'buses' | 'generators' | 'transmission_lines' | 'substations'>;
}

const Q_PER_P = Math.tan(Math.acos(POWER_FACTOR));
const VMAX_PU = 1.1;
const VMIN_PU = 0.9;

/**
 * The case's name: `flux_<scale>_s<seed>` for generated grids, else the dataset's name made a
 * MATLAB identifier (as writeMatpowerCase names the case function, so the name round-trips).
 */
function caseName(meta: TransmissionGrid['meta']): string {
  const s = meta.source;
  const name = s.kind === 'generator' ? `flux_${s.scale}_s${s.seed}` : meta.name;
  return name.replace(/\W/g, '_').replace(/^(?![A-Za-z])/, 'case_');
}

/**
 * The grid's transmission network as a MATPOWER case, with `substation_mw[s]` drawn at the bus
 * of substation s, under `conditions` (its temperature derates RATE_A).
 *
 * @example
 * const ev = evaluate(buildCascadeContext(model, scenario('base')), new CascadeState(model));
 * const mpc = gridToMatpowerCase(model, ev.substation_mw, scenario('base').conditions);
 * writeFileSync('city.m', writeMatpowerCase(mpc));
 */
export function gridToMatpowerCase(
  model: TransmissionGrid,
  substation_mw: ArrayLike<number>,
  conditions: LoadConditions,
): MatpowerCase {
  const { buses, generators, transmission_lines: lines, substations } = model.tables;
  if (substation_mw.length !== substations.size) {
    throw new RangeError(
      `from-grid: ${substation_mw.length} substation loads for ${substations.size} substations`,
    );
  }
  const nBus = buses.size;
  const line = lines.cols;
  const gen = generators.cols;

  const load_mw = new Float64Array(nBus);
  for (let s = 0; s < substations.size; s++) {
    const p = substation_mw[s];
    if (!Number.isFinite(p)) throw new RangeError(`from-grid: substation ${substations.ids[s]} load is ${p}`);
    load_mw[substations.cols.bus[s]] += p;
  }

  // Islands, each island's load, capacity and slack, as transmission-loading.ts finds them.
  const { label, count } = findIslands(nBus, line.from_bus, line.to_bus);
  const islandLoad = new Float64Array(count);
  const islandCapacity = new Float64Array(count);
  const slack = new Int32Array(count).fill(-1);
  for (let b = 0; b < nBus; b++) islandLoad[label[b]] += load_mw[b];
  for (let g = 0; g < generators.size; g++) {
    const isl = label[gen.bus[g]];
    islandCapacity[isl] += gen.pmax_mw[g];
    if (slack[isl] < 0 || gen.pmax_mw[g] > gen.pmax_mw[slack[isl]]) slack[isl] = g;
  }

  const type = new Uint8Array(nBus).fill(BUS_TYPE.PQ);
  for (let g = 0; g < generators.size; g++) type[gen.bus[g]] = BUS_TYPE.PV;
  for (let b = 0; b < nBus; b++) if (slack[label[b]] < 0) type[b] = BUS_TYPE.NONE;
  for (let isl = 0; isl < count; isl++) if (slack[isl] >= 0) type[gen.bus[slack[isl]]] = BUS_TYPE.REF;

  const rate_mw = derateBranches(line.rating_mva, line.kind, conditions.temperature_c);
  const rows: CaseRows = {
    name: caseName(model.meta),
    baseMva: model.meta.base_mva,
    bus: Array.from({ length: nBus }, (_, b) => [
      b + 1,
      type[b],
      load_mw[b],
      load_mw[b] * Q_PER_P,
      0,
      0,
      1,
      1,
      0,
      buses.cols.kv[b],
      1,
      VMAX_PU,
      VMIN_PU,
    ]),
    gen: Array.from({ length: generators.size }, (_, g) => {
      const isl = label[gen.bus[g]];
      const share = islandCapacity[isl] > 0 ? Math.min(1, islandLoad[isl] / islandCapacity[isl]) : 0;
      const pmax = gen.pmax_mw[g];
      return [gen.bus[g] + 1, pmax * share, 0, pmax, -pmax, 1, model.meta.base_mva, 1, pmax, gen.pmin_mw[g]];
    }),
    branch: Array.from({ length: lines.size }, (_, k) => {
      const rate = rate_mw[k];
      return [
        line.from_bus[k] + 1,
        line.to_bus[k] + 1,
        line.r_pu[k],
        line.x_pu[k],
        line.b_pu[k],
        rate,
        rate,
        rate,
        line.tap[k],
        line.shift_deg[k],
        1,
        -360,
        360,
      ];
    }),
    busName: [...buses.ids],
  };
  return buildCase(rows);
}
