/**
 * Transmission sensitivities under the conditions, the physics screen a planner runs first:
 * for every branch outage, the worst post-outage loading of the other branches by LODF against
 * their derated trip limits, how many exceed it, and whether the outage islands part of the
 * network; for every generating unit, the reserve left in its island if it trips.
 */
import type { GridModel } from '../../model/grid-model.ts';
import { screenSingleOutages, type OutageScreen } from '../../powerflow/lodf.ts';
import type { DcBranchData } from '../../powerflow/make-bdc.ts';
import type { TransmissionLoading } from '../../powerflow/transmission-loading.ts';

export interface TransmissionFeatures {
  /** Per branch: worst other-branch loading after it opens, ÷ trip limit (0 when nothing is rated). */
  outage_worst_ratio: Float64Array;
  outage_overloads: Float64Array;
  /** 1 when the outage splits an island. */
  outage_islanding: Float64Array;
  /** Per unit: (island capacity − unit capacity − island load) ÷ island load, after the unit trips. */
  unit_loss_reserve: Float64Array;
  /** Whole system: capacity ÷ demand − 1. */
  system_reserve: number;
}

/** The grid's transmission network as DC branch data, every branch in service. */
export function transmissionNetwork(model: GridModel): DcBranchData {
  const t = model.tables;
  const line = t.transmission_lines.cols;
  return {
    nBus: t.buses.size,
    branchFrom: Int32Array.from(line.from_bus),
    branchTo: Int32Array.from(line.to_bus),
    x_pu: Float64Array.from(line.x_pu),
    tap: Float64Array.from(line.tap),
    shift_deg: Float64Array.from(line.shift_deg),
    inService: new Uint8Array(t.transmission_lines.size).fill(1),
  };
}

/**
 * @example
 * const f = transmissionFeatures(model, transmissionNetwork(model), ev.transmission, ctx.lineLimit_mw);
 * f.outage_worst_ratio[k] > 1; // the LODF screen says opening branch k overloads another
 */
export function transmissionFeatures(
  model: GridModel,
  net: DcBranchData,
  loading: TransmissionLoading,
  lineLimit_mw: Float64Array,
): TransmissionFeatures {
  const t = model.tables;
  const m = t.transmission_lines.size;
  const screen: OutageScreen | null = m > 0 ? screenSingleOutages(net, loading.flow_mw, lineLimit_mw) : null;
  const outage_worst_ratio = new Float64Array(m);
  const outage_overloads = new Float64Array(m);
  const outage_islanding = new Float64Array(m);
  if (screen) {
    for (const k of screen.islandingOutages) outage_islanding[k] = 1;
    for (let k = 0; k < m; k++) {
      const worst = screen.worstLoading_pct[k];
      outage_worst_ratio[k] = Number.isFinite(worst) ? worst / 100 : 0;
      outage_overloads[k] = screen.overloadCount[k];
    }
  }
  const gen = t.generators.cols;
  const islands = loading.islandDeficit_mw.length;
  const islandCapacity = new Float64Array(islands);
  const islandLoad = new Float64Array(islands);
  for (let g = 0; g < t.generators.size; g++) islandCapacity[loading.busIsland[gen.bus[g]]] += gen.pmax_mw[g];
  let demand = 0;
  for (let g = 0; g < t.generators.size; g++) {
    islandLoad[loading.busIsland[gen.bus[g]]] += loading.generation_mw[g];
    demand += loading.generation_mw[g];
  }
  // Load an island's units serve, plus what they could not (its deficit).
  for (let i = 0; i < islands; i++) islandLoad[i] += loading.islandDeficit_mw[i];
  demand += loading.unserved_mw;
  const unit_loss_reserve = new Float64Array(t.generators.size);
  for (let g = 0; g < t.generators.size; g++) {
    const i = loading.busIsland[gen.bus[g]];
    unit_loss_reserve[g] =
      islandLoad[i] > 0 ? (islandCapacity[i] - gen.pmax_mw[g] - islandLoad[i]) / islandLoad[i] : 1;
  }
  let capacity = 0;
  for (let g = 0; g < t.generators.size; g++) capacity += gen.pmax_mw[g];
  return {
    outage_worst_ratio,
    outage_overloads,
    outage_islanding,
    unit_loss_reserve,
    system_reserve: demand > 0 ? capacity / demand - 1 : 1,
  };
}
