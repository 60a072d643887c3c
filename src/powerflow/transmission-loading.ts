/**
 * Base-case transmission flows of a dataset: substation loads at their buses, generators
 * re-dispatched in proportion to capacity to meet them, one DC power flow per island (each with
 * its own slack: the island's largest generator), and loading against derated line ratings.
 */
import type { GridTables } from '../model/grid-model.ts';
import type { OperatingConditions } from '../model/load-model.ts';
import { lineRatingFactor } from '../model/thermal.ts';
import { solveDcPowerFlow } from './dc-power-flow.ts';
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
  conditions: OperatingConditions,
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

  const flow_mw = new Float64Array(nLine);
  for (let isl = 0; isl < count; isl++) {
    // An island without generation is all deficit (counted above) and carries no flow.
    if (slack[isl] < 0) continue;
    // Solve this island alone: branches outside it are out of service for this solve.
    const inIsland = Uint8Array.from(line.from_bus, (f, k) => (inService[k] && label[f] === isl ? 1 : 0));
    const result = solveDcPowerFlowIsland(
      tables,
      injection,
      inIsland,
      label,
      isl,
      gen.bus[slack[isl]],
      baseMva,
    );
    for (let k = 0; k < nLine; k++) if (inIsland[k]) flow_mw[k] = result[k];
  }
  const factor = lineRatingFactor(conditions.temperature_c);
  const loading_pct = Float64Array.from(flow_mw, (p, k) =>
    line.rating_mva[k] > 0 ? (100 * Math.abs(p)) / (line.rating_mva[k] * factor) : 0,
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

function solveDcPowerFlowIsland(
  tables: Tables,
  injection: Float64Array,
  inIsland: Uint8Array,
  label: Int32Array,
  island: number,
  slackBus: number,
  baseMva: number,
): Float64Array {
  // Renumber the island's buses so the solver sees a connected network.
  const nBus = tables.buses.size;
  const local = new Int32Array(nBus).fill(-1);
  const global: number[] = [];
  for (let b = 0; b < nBus; b++) if (label[b] === island) local[b] = global.push(b) - 1;
  const n = global.length;
  const line = tables.transmission_lines.cols;
  const idx: number[] = [];
  for (let k = 0; k < inIsland.length; k++) if (inIsland[k]) idx.push(k);
  const pick = (arr: ArrayLike<number>) => Float64Array.from(idx, (k) => arr[k]);
  const result = solveDcPowerFlow({
    nBus: n,
    baseMva,
    branchFrom: Int32Array.from(idx, (k) => local[line.from_bus[k]]),
    branchTo: Int32Array.from(idx, (k) => local[line.to_bus[k]]),
    x_pu: pick(line.x_pu),
    tap: pick(line.tap),
    shift_deg: pick(line.shift_deg),
    inService: new Uint8Array(idx.length).fill(1),
    pInjection_mw: Float64Array.from(global, (b) => injection[b]),
    slackBus: local[slackBus],
  });
  const out = new Float64Array(inIsland.length);
  idx.forEach((k, j) => (out[k] = result.flow_mw[j]));
  return out;
}
