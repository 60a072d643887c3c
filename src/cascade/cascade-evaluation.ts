/**
 * One look at the grid in a cascade state: what is energized, how much load every section,
 * transformer, feeder and substation carries, and the transmission flows that load drives.
 */
import { lineCurrentA } from '../model/electrical.ts';
import { POWER_FACTOR } from '../model/load-model.ts';
import { EMERGENCY_RATING_FACTOR } from '../model/thermal.ts';
import { computeTransmissionLoading, type TransmissionLoading } from '../powerflow/transmission-loading.ts';
import { computeEnergizationDetailed, type Energization } from '../topology/energization.ts';
import { switchedEdgeLoads, type SwitchedTopology } from '../topology/switched-network.ts';
import type { CascadeContext } from './cascade-context.ts';
import type { CascadeState } from './cascade-state.ts';

export interface Evaluation {
  energization: Energization;
  topology: SwitchedTopology;
  node_kw: Float64Array;
  transformer_kw: Float64Array;
  /** Load through each section (ids < nSections) and tie (nSections + switch index). */
  edge_kw: Float64Array;
  feeder_kw: Float64Array;
  substation_mw: Float64Array;
  transmission: TransmissionLoading;
  customersServed: number;
  criticalServed: number;
  served_mw: number;
  /**
   * Where the distribution side can differ from the normal state (ascending indices); absent
   * when the evaluation covered everything. Overload checks and tie transfers look only here.
   */
  scope?: EvaluationScope;
}

export interface EvaluationScope {
  sections: Int32Array;
  transformers: Int32Array;
  ties: Int32Array;
}

/** How a cascade looks at a state: the full evaluation, or an incremental one for sweeps. */
export interface Evaluator {
  evaluate(state: CascadeState): Evaluation;
}

export function fullEvaluator(ctx: CascadeContext): Evaluator {
  return { evaluate: (state) => evaluate(ctx, state) };
}

export function evaluate(ctx: CascadeContext, state: CascadeState): Evaluation {
  const t = ctx.model.tables;
  const { energization, topology } = computeEnergizationDetailed(ctx.model, state.switching());
  const customersOn = energization.customers!;
  // Customers on nodes restoration picked up draw their cold-load demand.
  const demand = ctx.coldLoad.customer_kw;
  const txNode = t.transformers.cols.node;
  const transformer_kw = new Float64Array(t.transformers.size);
  let customersServed = 0;
  let criticalServed = 0;
  for (let c = 0; c < t.customers.size; c++) {
    if (!customersOn[c]) continue;
    customersServed++;
    if (t.customers.cols.critical[c] > 0) criticalServed++;
    const x = t.meters.cols.transformer[t.customers.cols.meter[c]];
    transformer_kw[x] += demand[state.pickup[txNode[x]]][c];
  }
  const node_kw = new Float64Array(t.dist_nodes.size);
  t.transformers.cols.node.forEach((n, x) => (node_kw[n] += transformer_kw[x]));
  const { edge_kw, feeder_kw } = switchedEdgeLoads(
    topology,
    node_kw,
    t.line_sections.size + t.switches.size,
    t.feeders.size,
  );
  const substation_mw = new Float64Array(t.substations.size);
  t.feeders.cols.substation.forEach((s, f) => (substation_mw[s] += feeder_kw[f] / 1000));
  const transmission = computeTransmissionLoading(t, substation_mw, ctx.conditions, ctx.model.meta.base_mva, {
    linesOut: state.linesOut,
    generatorsOut: state.generatorsOut,
  });
  const served_mw = substation_mw.reduce((a, b) => a + b, 0) - transmission.unserved_mw;
  return {
    energization,
    topology,
    node_kw,
    transformer_kw,
    edge_kw,
    feeder_kw,
    substation_mw,
    transmission,
    customersServed,
    criticalServed,
    served_mw,
  };
}

export interface Overload {
  table: 'line_sections' | 'transformers' | 'substation_transformers' | 'transmission_lines';
  index: number;
  /** % of the derated normal rating. */
  loading_pct: number;
}

/** Equipment above its trip limit in this evaluation (not already failed). */
export function findOverloads(ctx: CascadeContext, state: CascadeState, ev: Evaluation): Overload[] {
  const t = ctx.model.tables;
  const out: Overload[] = [];
  const e = EMERGENCY_RATING_FACTOR;
  const sec = t.line_sections.cols;
  const sections = ev.scope?.sections;
  for (let i = 0, n = sections ? sections.length : t.line_sections.size; i < n; i++) {
    const s = sections ? sections[i] : i;
    if (!ev.energization.line_sections![s] || ev.edge_kw[s] <= 0 || state.sectionsFailed[s]) continue;
    const f = ev.topology.nodeFeeder[sec.to_node[s]];
    const amps = lineCurrentA(ev.edge_kw[s], t.feeders.cols.kv[f], sec.phases[s], POWER_FACTOR);
    if (amps > ctx.sectionLimit_a[s])
      out.push({ table: 'line_sections', index: s, loading_pct: (100 * e * amps) / ctx.sectionLimit_a[s] });
  }
  const transformers = ev.scope?.transformers;
  for (let i = 0, n = transformers ? transformers.length : t.transformers.size; i < n; i++) {
    const x = transformers ? transformers[i] : i;
    const kva = ev.transformer_kw[x] / POWER_FACTOR;
    if (!state.transformersOut[x] && kva > ctx.transformerLimit_kva[x]) {
      out.push({
        table: 'transformers',
        index: x,
        loading_pct: (100 * e * kva) / ctx.transformerLimit_kva[x],
      });
    }
  }
  const stx_mva = new Float64Array(t.substation_transformers.size);
  t.feeders.cols.substation_transformer.forEach(
    (k, f) => (stx_mva[k] += ev.feeder_kw[f] / 1000 / POWER_FACTOR),
  );
  for (let k = 0; k < stx_mva.length; k++) {
    if (!state.stxOut[k] && stx_mva[k] > ctx.stxLimit_mva[k]) {
      out.push({
        table: 'substation_transformers',
        index: k,
        loading_pct: (100 * e * stx_mva[k]) / ctx.stxLimit_mva[k],
      });
    }
  }
  const flow = ev.transmission.flow_mw;
  for (let l = 0; l < flow.length; l++) {
    if (!state.linesOut[l] && ctx.lineLimit_mw[l] > 0 && Math.abs(flow[l]) > ctx.lineLimit_mw[l]) {
      out.push({
        table: 'transmission_lines',
        index: l,
        loading_pct: (100 * Math.abs(flow[l])) / ctx.lineLimit_mw[l],
      });
    }
  }
  return out;
}
