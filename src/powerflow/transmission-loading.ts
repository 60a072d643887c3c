/**
 * Base-case transmission flows of a dataset: substation loads at their buses, generators
 * re-dispatched in proportion to capacity to meet them, a DC power flow of every island (each with
 * its own slack: the island's largest generator) in one factorization, with the network's
 * ordering and symbolic analysis kept across calls, and loading against derated branch ratings
 * (lines and autotransformers each by their own derating).
 */
import type { GridTables } from '../model/grid-model.ts';
import type { LoadConditions } from '../model/load-model.ts';
import { derateBranches } from '../model/branch-rating.ts';
import { DcPowerFlowWorkspace } from './dc-power-flow-islands.ts';
import { findIslands } from './islands.ts';

export interface TransmissionLoading {
  flow_mw: Float64Array;
  loading_pct: Float64Array;
  generation_mw: Float64Array;
  /** Load that no in-service generator in its island could serve. */
  unserved_mw: number;
  islands: number;
  /** Island of each bus, and each island's load beyond its in-service capacity. */
  busIsland: Int32Array;
  islandDeficit_mw: Float64Array;
}

/** Lines and generators out of service (1 = out). */
export interface TransmissionOutages {
  linesOut?: Uint8Array;
  generatorsOut?: Uint8Array;
}

type Tables = Pick<GridTables, 'buses' | 'generators' | 'transmission_lines' | 'substations'>;

export function computeTransmissionLoading(
  tables: Tables,
  substation_mw: ArrayLike<number>,
  conditions: LoadConditions,
  baseMva: number,
  outages: TransmissionOutages = {},
): TransmissionLoading {
  const nBus = tables.buses.size;
  const line = tables.transmission_lines.cols;
  const nLine = tables.transmission_lines.size;
  const inService = Uint8Array.from({ length: nLine }, (_, k) => (outages.linesOut?.[k] ? 0 : 1));
  const load = new Float64Array(nBus);
  for (let s = 0; s < tables.substations.size; s++) load[tables.substations.cols.bus[s]] += substation_mw[s];

  const { label, count } = findIslands(nBus, line.from_bus, line.to_bus, inService);
  const gen = tables.generators.cols;
  const islandLoad = new Float64Array(count);
  const islandCapacity = new Float64Array(count);
  const slack = new Int32Array(count).fill(-1);
  for (let b = 0; b < nBus; b++) islandLoad[label[b]] += load[b];
  for (let g = 0; g < tables.generators.size; g++) {
    if (outages.generatorsOut?.[g]) continue;
    const isl = label[gen.bus[g]];
    islandCapacity[isl] += gen.pmax_mw[g];
    if (slack[isl] < 0 || gen.pmax_mw[g] > gen.pmax_mw[slack[isl]]) slack[isl] = g;
  }
  const generation_mw = new Float64Array(tables.generators.size);
  let unserved_mw = 0;
  const injection = new Float64Array(nBus);
  for (let b = 0; b < nBus; b++) injection[b] = -load[b];
  const islandDeficit_mw = new Float64Array(count);
  for (let isl = 0; isl < count; isl++) {
    islandDeficit_mw[isl] = Math.max(0, islandLoad[isl] - islandCapacity[isl]);
    unserved_mw += islandDeficit_mw[isl];
  }
  for (let g = 0; g < tables.generators.size; g++) {
    if (outages.generatorsOut?.[g]) continue;
    const isl = label[gen.bus[g]];
    const share = islandCapacity[isl] > 0 ? Math.min(1, islandLoad[isl] / islandCapacity[isl]) : 0;
    generation_mw[g] = gen.pmax_mw[g] * share;
    injection[gen.bus[g]] += generation_mw[g];
  }

  // All islands in one solve: each with its slack as reference. An island without generation
  // is all deficit (counted above) and carries no flow: any bus of it is its reference.
  const referenceBus: number[] = [];
  const firstBus = new Int32Array(count).fill(-1);
  for (let b = 0; b < nBus; b++) if (firstBus[label[b]] < 0) firstBus[label[b]] = b;
  for (let isl = 0; isl < count; isl++) {
    referenceBus.push(slack[isl] >= 0 ? gen.bus[slack[isl]] : firstBus[isl]);
  }
  for (let b = 0; b < nBus; b++) if (slack[label[b]] < 0) injection[b] = 0;
  const solved = flowWorkspace(tables, baseMva).solve(
    inService,
    injection,
    referenceBus,
    new Float64Array(count),
  );
  const flow_mw = solved.flow_mw;
  for (let k = 0; k < nLine; k++) if (slack[label[line.from_bus[k]]] < 0) flow_mw[k] = 0;
  const derated = derateBranches(line.rating_mva, line.kind, conditions.temperature_c);
  const loading_pct = Float64Array.from(flow_mw, (p, k) =>
    derated[k] > 0 ? (100 * Math.abs(p)) / derated[k] : 0,
  );
  return {
    flow_mw,
    loading_pct,
    generation_mw,
    unserved_mw,
    islands: count,
    busIsland: label,
    islandDeficit_mw,
  };
}

const workspaces = new WeakMap<object, { baseMva: number; ws: DcPowerFlowWorkspace }>();

/** One DC power flow workspace per transmission network (ordering and symbolic analysis once). */
function flowWorkspace(tables: Tables, baseMva: number): DcPowerFlowWorkspace {
  const key = tables.transmission_lines;
  const cached = workspaces.get(key);
  if (cached && cached.baseMva === baseMva) return cached.ws;
  const line = tables.transmission_lines.cols;
  const ws = new DcPowerFlowWorkspace({
    nBus: tables.buses.size,
    baseMva,
    branchFrom: line.from_bus,
    branchTo: line.to_bus,
    x_pu: line.x_pu,
    tap: line.tap,
    shift_deg: line.shift_deg,
    inService: new Uint8Array(tables.transmission_lines.size).fill(1),
  });
  workspaces.set(key, { baseMva, ws });
  return ws;
}
