/**
 * The inputs of the transmission-outcome model, built only from the network, the condition and
 * the initial outage — the function never receives a cascade result, so no input can hold the
 * label. Three matrices per example:
 *  - per bus (NODE_FEATURES): load, generation capacity, dispatch and headroom (log1p of MW over
 *    the case's mean bus load, so grids of every size share one scale), degree, slack and
 *    generator flags, and whether the bus ends an outaged branch;
 *  - per directed branch (EDGE_FEATURES; every in-service branch both ways): reactance, rating,
 *    loading before and after the outage's first wave (LODF, or a balanced DC solve when it
 *    islands: outage-flows.ts), the post-outage flow signed in the edge's direction, the outage
 *    flag, whether it is unrated or a bridge, whether the first wave overloads it;
 *  - per example (GRAPH_FEATURES): the condition, the outage's size, whether it islands and the
 *    deficit of the new islands, the reserve, the size of the case, the worst loadings, and the
 *    LODF screen's answer (physics of the input: the model learns where the screen is wrong).
 */
import { findBridges } from '../../powerflow/dc-sensitivity.ts';
import { lineRatingFactor } from '../../model/thermal.ts';
import { outageFlows } from './outage-flows.ts';
import type { CaseSamples } from './samples.ts';
import type { TransmissionCase } from './operating-state.ts';

export const NODE_FEATURES = [
  'log1p_load',
  'log1p_pmax',
  'log1p_dispatch',
  'log1p_headroom',
  'degree',
  'is_slack',
  'has_generator',
  'ends_outage',
] as const;

export const EDGE_FEATURES = [
  'log_x_pu',
  'log1p_rating',
  'loading_before',
  'loading_after',
  'loading_change',
  'signed_flow_after',
  'is_outage',
  'is_unrated',
  'is_bridge',
  'overloaded_after',
] as const;

export const GRAPH_FEATURES = [
  'load_factor',
  'line_rating_factor',
  'outage_size',
  'islanding',
  'deficit_share',
  'reserve_ratio',
  'log_buses',
  'max_loading_before',
  'max_loading_after',
  'overloads_after',
  'screen_flags_shed',
] as const;

/** Structure shared by every example of a case: its buses and directed in-service branches. */
export interface CaseGraph {
  readonly nodeCount: number;
  /** Directed edges: branch edgeBranch[e] from src[e] to dst[e]; edgeSign +1 along from → to. */
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly edgeBranch: Int32Array;
  readonly edgeSign: Int8Array;
  readonly degree: Float32Array;
  readonly bridge: Uint8Array;
}

export function caseGraph(c: TransmissionCase): CaseGraph {
  const { nBus, branchFrom, branchTo, inService } = c.net;
  const src: number[] = [];
  const dst: number[] = [];
  const edgeBranch: number[] = [];
  const edgeSign: number[] = [];
  const degree = new Float32Array(nBus);
  for (let l = 0; l < branchFrom.length; l++) {
    if (!inService[l] || branchFrom[l] === branchTo[l]) continue;
    src.push(branchFrom[l], branchTo[l]);
    dst.push(branchTo[l], branchFrom[l]);
    edgeBranch.push(l, l);
    edgeSign.push(1, -1);
    degree[branchFrom[l]]++;
    degree[branchTo[l]]++;
  }
  return {
    nodeCount: nBus,
    src: Int32Array.from(src),
    dst: Int32Array.from(dst),
    edgeBranch: Int32Array.from(edgeBranch),
    edgeSign: Int8Array.from(edgeSign),
    degree,
    bridge: findBridges(nBus, branchFrom, branchTo, inService),
  };
}

/** One example's inputs, unscaled, row-major. */
export interface ExampleInputs {
  readonly node: Float32Array;
  readonly edge: Float32Array;
  readonly graph: Float32Array;
}

/**
 * The inputs of outage `outage` under state `stateIndex` of `cs` (only the case, its LODF and
 * its pre-outage states are read: never a sample's label).
 */
export function exampleInputs(
  cs: Pick<CaseSamples, 'case' | 'lodf' | 'states'>,
  graph: CaseGraph,
  stateIndex: number,
  outage: Int32Array,
): ExampleInputs {
  const state = cs.states[stateIndex];
  const net = state.net;
  const n = net.nBus;
  const first = outageFlows(state, cs.lodf, outage);

  let load_mw = 0;
  let capacity_mw = 0;
  for (let i = 0; i < n; i++) load_mw += net.busLoad_mw[i];
  const unit = Math.max(load_mw / n, 1e-6); // the case's mean bus load: MW scale of its inputs
  const pmax = new Float64Array(n);
  const dispatch = new Float64Array(n);
  for (let g = 0; g < net.genBus.length; g++) {
    if (!net.genInService[g]) continue;
    pmax[net.genBus[g]] += net.genPmax_mw[g];
    dispatch[net.genBus[g]] += net.genOutput_mw[g];
    capacity_mw += net.genPmax_mw[g];
  }
  const slack = new Uint8Array(n);
  for (const s of state.slackBus) if (s >= 0) slack[s] = 1;
  const endsOutage = new Uint8Array(n);
  const isOutage = new Uint8Array(net.branchFrom.length);
  for (const k of outage) {
    isOutage[k] = 1;
    endsOutage[net.branchFrom[k]] = endsOutage[net.branchTo[k]] = 1;
  }

  const F = NODE_FEATURES.length;
  const node = new Float32Array(n * F);
  for (let i = 0; i < n; i++) {
    const row = node.subarray(i * F, i * F + F);
    row[0] = Math.log1p(net.busLoad_mw[i] / unit);
    row[1] = Math.log1p(pmax[i] / unit);
    row[2] = Math.log1p(dispatch[i] / unit);
    row[3] = Math.log1p(Math.max(0, pmax[i] - dispatch[i]) / unit);
    row[4] = graph.degree[i];
    row[5] = slack[i];
    row[6] = pmax[i] > 0 ? 1 : 0;
    row[7] = endsOutage[i];
  }

  const E = EDGE_FEATURES.length;
  const edgeCount = graph.src.length;
  const edge = new Float32Array(edgeCount * E);
  let maxBefore = 0;
  let maxAfter = 0;
  let overloads = 0;
  for (let e = 0; e < edgeCount; e++) {
    const l = graph.edgeBranch[e];
    const rate = net.rateA_mva[l];
    const rated = rate > 0 && Number.isFinite(rate);
    const before = state.loading[l];
    const after = first.loading[l];
    const row = edge.subarray(e * E, e * E + E);
    row[0] = Math.log(Math.max(Math.abs(net.x_pu[l]), 1e-6));
    row[1] = rated ? Math.log1p(rate / unit) : 0;
    row[2] = before;
    row[3] = after;
    row[4] = after - before;
    row[5] = rated ? (graph.edgeSign[e] * first.flow_mw[l]) / rate : 0;
    row[6] = isOutage[l];
    row[7] = rated ? 0 : 1;
    row[8] = graph.bridge[l];
    row[9] = after > 1 ? 1 : 0;
    if (graph.edgeSign[e] > 0) {
      maxBefore = Math.max(maxBefore, before);
      maxAfter = Math.max(maxAfter, after);
      if (after > 1) overloads++;
    }
  }

  const g = Float32Array.of(
    state.condition.load_factor,
    lineRatingFactor(state.condition.temperature_c),
    outage.length,
    first.islanding ? 1 : 0,
    load_mw > 0 ? first.deficit_mw / load_mw : 0,
    load_mw > 0 ? capacity_mw / load_mw - 1 : 0,
    Math.log(n),
    maxBefore,
    maxAfter,
    Math.log1p(overloads),
    // The LODF screen's answer (lodf-screen.ts): first-wave overload or stranded load.
    maxAfter > 1 || first.deficit_mw > 1e-6 ? 1 : 0,
  );
  return { node, edge, graph: g };
}
