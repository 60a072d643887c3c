/**
 * The first wave of an initial outage in the DC model, before any overload trips: the flow on
 * every branch once the outage's one or two branches open. The physics of the input, which both
 * the model's inputs and the LODF screen use — never the cascade's result.
 *
 *  - one branch k that does not split an island: f' = f + LODF[·, k] · f_k (lodf.ts);
 *  - two branches k₁, k₂ that together split nothing: the compensated double-outage formula
 *    f' = f + LODF[·, k₁] · a₁ + LODF[·, k₂] · a₂ with a₁ = f_k₁ + LODF[k₁, k₂] · a₂ and
 *    a₂ = f_k₂ + LODF[k₂, k₁] · a₁ (a 2 × 2 solve);
 *  - an outage that splits an island: no LODF answer without re-dispatch, so a fresh DC solve of
 *    the network with those branches open and every island balanced (balancedDcFlow), which
 *    also gives the load the islands cannot serve.
 */
import { findIslands } from '../../powerflow/islands.ts';
import { computeLodf, type LodfMatrix } from '../../powerflow/lodf.ts';
import { computePtdf } from '../../powerflow/ptdf.ts';
import { chooseIslandSlacks } from '../../powerflow/dc-sensitivity.ts';
import type { TransmissionNetwork } from '../../cascade/transmission/transmission-cascade.ts';
import { balancedDcFlow, type OperatingState } from './operating-state.ts';

/** The dense LODF of a network (topology only: shared by every condition of a case). */
export function caseLodf(net: TransmissionNetwork): LodfMatrix {
  return computeLodf(computePtdf(net, chooseIslandSlacks(net).slackBus), net);
}

export interface OutageFlows {
  /** Post-outage flow per branch, MW (0 on the opened branches). */
  readonly flow_mw: Float64Array;
  /** |flow| / rating, 0 where unrated or open. */
  readonly loading: Float64Array;
  /** 1 when the outage splits an island (the flows then come from a fresh balanced solve). */
  readonly islanding: boolean;
  /** Load the new islands cannot serve (no generator, or load above their Pmax), MW. */
  readonly deficit_mw: number;
}

/**
 * The first-wave flows of `outage` (1 or 2 branch indices) from the state's pre-outage flows.
 *
 * @example
 * const f = outageFlows(state, caseLodf(state.net), [4, 9]);
 * Math.max(...f.loading) > 1; // the screen's "overload"
 */
export function outageFlows(state: OperatingState, lodf: LodfMatrix, outage: ArrayLike<number>): OutageFlows {
  const net = state.net;
  const m = net.branchFrom.length;
  const ks = Array.from(new Set(Array.from(outage))).filter((k) => net.inService[k]);
  if (ks.length > 2) throw new RangeError('gnn/transmission: outages of one or two branches only');
  const inService = Uint8Array.from(net.inService);
  for (const k of ks) inService[k] = 0;
  const splits =
    ks.some((k) => lodf.islanding[k]) || (ks.length === 2 && splitsIsland(net, inService, state.island));
  if (splits) {
    const fresh = balancedDcFlow({ ...net, inService });
    return {
      flow_mw: fresh.flow_mw,
      loading: fresh.loading,
      islanding: true,
      deficit_mw: fresh.unserved_mw,
    };
  }
  const f = state.flow_mw;
  const flow_mw = Float64Array.from(f);
  if (ks.length === 1) {
    const k = ks[0];
    for (let l = 0; l < m; l++) flow_mw[l] += lodf.values[l * m + k] * f[k];
  } else if (ks.length === 2) {
    const [k1, k2] = ks;
    const l12 = lodf.values[k1 * m + k2];
    const l21 = lodf.values[k2 * m + k1];
    const det = 1 - l12 * l21;
    const a1 = (f[k1] + l12 * f[k2]) / det;
    const a2 = (f[k2] + l21 * f[k1]) / det;
    for (let l = 0; l < m; l++) flow_mw[l] += lodf.values[l * m + k1] * a1 + lodf.values[l * m + k2] * a2;
  }
  const loading = new Float64Array(m);
  for (let l = 0; l < m; l++) {
    if (!inService[l]) {
      flow_mw[l] = 0;
      continue;
    }
    const rate = net.rateA_mva[l];
    if (rate > 0 && Number.isFinite(rate)) loading[l] = Math.abs(flow_mw[l]) / rate;
  }
  return { flow_mw, loading, islanding: false, deficit_mw: 0 };
}

/** Whether opening the branches now out of `inService` leaves more islands than before. */
function splitsIsland(net: TransmissionNetwork, inService: Uint8Array, before: Int32Array): boolean {
  let countBefore = 0;
  for (let i = 0; i < before.length; i++) countBefore = Math.max(countBefore, before[i] + 1);
  return findIslands(net.nBus, net.branchFrom, net.branchTo, inService).count > countBefore;
}
