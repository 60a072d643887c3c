/**
 * A transmission network under a condition, before any outage: every load times the load
 * factor, every rating derated for the air temperature (lines as conductors, autotransformers as
 * transformers: src/model/branch-rating.ts), each island balanced and re-dispatched by the
 * cascade's own rule (balanceIsland: in proportion to the case's dispatch, never above Pmax) and
 * its DC power flow solved. This is the state the cascade's first wave starts from and the only
 * state the model's inputs and the LODF screen see.
 */
import { balanceIsland } from '../../cascade/transmission/dispatch.ts';
import { groupByIsland, type TransmissionNetwork } from '../../cascade/transmission/transmission-cascade.ts';
import { derateBranches } from '../../model/branch-rating.ts';
import { solveDcPowerFlowWithReferences } from '../../powerflow/dc-power-flow-islands.ts';
import { findIslands } from '../../powerflow/islands.ts';

/** A network the transmission-outcome task studies, named, with the kind of each branch. */
export interface TransmissionCase {
  readonly name: string;
  /** Where it comes from: a generated grid or a MATPOWER case. */
  readonly source: 'grid' | 'matpower';
  /** Nominal ratings (25 °C), the case's loads and dispatch. */
  readonly net: TransmissionNetwork;
  /** branch_kind code per branch (0 line, 1 autotransformer; MATPOWER cases: all lines). */
  readonly branchKind: Uint8Array;
}

/** The two condition fields the task varies: the load level and the air temperature. */
export interface TransmissionCondition {
  /** Multiplier on every load of the case. */
  readonly load_factor: number;
  /** Ambient air temperature; derates every rating above 25 °C. */
  readonly temperature_c: number;
}

export interface OperatingState {
  readonly caseName: string;
  readonly condition: TransmissionCondition;
  /** The network under the condition: scaled loads, derated ratings, balanced dispatch. */
  readonly net: TransmissionNetwork;
  /** Pre-outage DC flow per branch, MW (from → to). */
  readonly flow_mw: Float64Array;
  /** |flow| / rating per branch (0 for unrated or out-of-service branches). */
  readonly loading: Float64Array;
  /** Island of each bus before the outage; the slack bus of each island (−1: no generator). */
  readonly island: Int32Array;
  readonly slackBus: Int32Array;
  /** Load the balancing could not serve before any outage (no generator, or above Pmax), MW. */
  readonly unservedBefore_mw: number;
  /** No branch above its rating and every load served: the outage is the only disturbance. */
  readonly secure: boolean;
}

/**
 * The state of `c` under `condition`.
 *
 * @example
 * const s = operatingState(c, { load_factor: 1.3, temperature_c: 40 });
 * s.secure; // false when some branch is already above its derated rating
 */
export function operatingState(c: TransmissionCase, condition: TransmissionCondition): OperatingState {
  const { load_factor, temperature_c } = condition;
  if (!(load_factor > 0) || !Number.isFinite(temperature_c)) {
    throw new RangeError(`gnn/transmission: bad condition ${JSON.stringify(condition)}`);
  }
  const base = c.net;
  const busLoad_mw = Float64Array.from(base.busLoad_mw, (p) => p * load_factor);
  const genOutput_mw = Float64Array.from(base.genOutput_mw);
  const rateA_mva = derateBranches(base.rateA_mva, c.branchKind, temperature_c);
  // Unrated branches (≤ 0 or Infinity) stay unrated.
  for (let l = 0; l < rateA_mva.length; l++) if (!(base.rateA_mva[l] > 0)) rateA_mva[l] = base.rateA_mva[l];

  const net: TransmissionNetwork = { ...base, busLoad_mw, genOutput_mw, rateA_mva };
  const flow = balancedDcFlow(net);
  let overloaded = false;
  for (let l = 0; l < rateA_mva.length; l++) if (flow.loading[l] > 1) overloaded = true;
  const total_mw = sum(busLoad_mw);
  return {
    caseName: c.name,
    condition,
    // The cascade starts from this dispatch: its wave-1 balancing then changes nothing.
    net: { ...net, genOutput_mw: flow.genOutput_mw },
    flow_mw: flow.flow_mw,
    loading: flow.loading,
    island: flow.island,
    slackBus: flow.slackBus,
    unservedBefore_mw: flow.unserved_mw,
    secure: !overloaded && flow.unserved_mw <= 1e-9 * Math.max(1, total_mw),
  };
}

/** The DC state of a network after balancing each island (see balancedDcFlow). */
export interface BalancedFlow {
  readonly flow_mw: Float64Array;
  /** |flow| / rateA per branch, 0 for unrated or out-of-service branches. */
  readonly loading: Float64Array;
  readonly served_mw: Float64Array;
  readonly genOutput_mw: Float64Array;
  readonly unserved_mw: number;
  readonly island: Int32Array;
  readonly slackBus: Int32Array;
}

/**
 * Balances every island of `net`'s in-service branches as the cascade does after a wave (no
 * generator: all load shed; load above Pmax scaled down; re-dispatch in proportion to the
 * current output) and solves its DC power flow: the cascade's first wave when `net` has the
 * outage's branches out of service, before any overload trips.
 */
export function balancedDcFlow(net: TransmissionNetwork): BalancedFlow {
  const { nBus, branchFrom, branchTo, inService, genBus, genPmax_mw, genInService, rateA_mva } = net;
  const busLoad_mw = net.busLoad_mw;
  const genOutput_mw = Float64Array.from(net.genOutput_mw, (p, g) => (genInService[g] ? p : 0));
  const islands = findIslands(nBus, branchFrom, branchTo, inService);
  const served_mw = Float64Array.from(busLoad_mw);
  const slackBus = new Int32Array(islands.count).fill(-1);
  const members = groupByIsland(islands.label, islands.count, genBus, genInService);
  for (let isl = 0; isl < islands.count; isl++) {
    const slack = balanceIsland(
      {
        buses: members.buses,
        busStart: members.busPtr[isl],
        busEnd: members.busPtr[isl + 1],
        gens: members.gens,
        genStart: members.genPtr[isl],
        genEnd: members.genPtr[isl + 1],
      },
      served_mw,
      genOutput_mw,
      genPmax_mw,
    );
    if (slack >= 0) slackBus[isl] = genBus[slack];
  }
  let unserved_mw = 0;
  for (let i = 0; i < nBus; i++) unserved_mw += busLoad_mw[i] - served_mw[i];

  // References: each island's slack; every bus of an island without a generator (no flow there).
  const reference: number[] = [];
  for (let i = 0; i < nBus; i++) {
    const s = slackBus[islands.label[i]];
    if (s < 0 || s === i) reference.push(i);
  }
  const pInjection_mw = Float64Array.from(served_mw, (p) => -p);
  for (let g = 0; g < genBus.length; g++) pInjection_mw[genBus[g]] += genOutput_mw[g];
  const { flow_mw } = solveDcPowerFlowWithReferences(
    { ...net, pInjection_mw },
    reference,
    new Float64Array(reference.length),
  );
  const loading = new Float64Array(flow_mw.length);
  for (let l = 0; l < flow_mw.length; l++) {
    const rate = rateA_mva[l];
    if (!inService[l] || !(rate > 0) || !Number.isFinite(rate)) continue;
    loading[l] = Math.abs(flow_mw[l]) / rate;
  }
  const island = islands.label;
  return { flow_mw, loading, served_mw, genOutput_mw, unserved_mw, island, slackBus };
}

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};
