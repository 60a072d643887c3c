/**
 * The risk model's input for one grid under one operating condition: a row per asset-graph node,
 * the columns of FEATURE_NAMES. Everything comes from the grid and the conditions — what the
 * asset is, what a trace says its failure isolates, the normal state's loading under the
 * conditions, transmission sensitivities and the conditions themselves. Nothing is computed
 * from a cascade, a sweep or a label.
 *
 * The grid-only parts (graph, static features, trace, transmission network) are built once by
 * `new AssetFeatureBuilder(model)`; `build(setting)` adds what the conditions change.
 */
import { buildCascadeContext, type CascadeContext } from '../../cascade/cascade-context.ts';
import { evaluate, findOverloads } from '../../cascade/cascade-evaluation.ts';
import { CascadeState } from '../../cascade/cascade-state.ts';
import type { ScenarioSetting } from '../../cascade/scenarios.ts';
import type { GridModel } from '../../model/grid-model.ts';
import type { DcBranchData } from '../../powerflow/make-bdc.ts';
import { buildDistributionGraph } from '../../topology/distribution-graph.ts';
import { buildAssetGraph, type AssetGraph } from '../graph/asset-graph.ts';
import { CONDITION_FEATURE_NAMES, conditionVector } from './condition-vector.ts';
import { loadingFeatures } from './loading-features.ts';
import { STATIC_FEATURE_NAMES, staticFeatures } from './static-features.ts';
import { traceFeatures, type TraceFeatures } from './trace-features.ts';
import { transmissionFeatures, transmissionNetwork } from './transmission-features.ts';

const NODE_FEATURE_NAMES = [
  'log1p_exposure_customers',
  'log1p_exposure_critical',
  'log1p_cleared_customers',
  'log1p_isolated_customers',
  'log1p_isolated_critical',
  'log1p_segment_customers',
  'log1p_depth_sections',
  'log1p_devices_above',
  'log1p_ties_below',
  'load_ratio',
  'log1p_demand_mw',
  'tie_cover',
  'log_cold_load_ratio',
  'hazard_own',
  'log1p_hazard_below',
  'outage_worst_ratio',
  'log1p_outage_overloads',
  'outage_islanding',
  'unit_loss_reserve',
] as const;

export const FEATURE_NAMES: readonly string[] = [
  ...STATIC_FEATURE_NAMES,
  ...NODE_FEATURE_NAMES,
  ...CONDITION_FEATURE_NAMES,
];

export interface AssetFeatures {
  /** Row-major [graph.nodeCount × FEATURE_NAMES.length]. */
  x: Float32Array;
  featureCount: number;
  /** The context the features were read from (the simulator's view of the same conditions). */
  ctx: CascadeContext;
}

const clip = (v: number, lo: number, hi: number) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : 0);

export class AssetFeatureBuilder {
  readonly graph: AssetGraph;
  readonly trace: TraceFeatures;
  private readonly staticX: Float32Array;
  private readonly network: DcBranchData;

  constructor(readonly model: GridModel) {
    const dist = buildDistributionGraph(model.tables);
    this.graph = buildAssetGraph(model, dist);
    this.trace = traceFeatures(model, dist, this.graph);
    this.staticX = staticFeatures(model, this.graph);
    this.network = transmissionNetwork(model);
  }

  build(setting: ScenarioSetting, ctx = buildCascadeContext(this.model, setting)): AssetFeatures {
    const t = this.model.tables;
    const g = this.graph;
    const state = new CascadeState(this.model);
    const ev = evaluate(ctx, state);
    const load = loadingFeatures(ctx, ev, g);
    const tx = transmissionFeatures(this.model, this.network, ev.transmission, ctx.lineLimit_mw);
    for (let l = 0; l < t.transmission_lines.size; l++) {
      const v = g.offset.transmission_lines + l;
      const flow = Math.abs(ev.transmission.flow_mw[l]);
      load.load_ratio[v] = ctx.lineLimit_mw[l] > 0 ? flow / ctx.lineLimit_mw[l] : 0;
      load.demand_mw[v] = flow;
    }
    for (let u = 0; u < t.generators.size; u++) {
      const v = g.offset.generators + u;
      const pmax = t.generators.cols.pmax_mw[u];
      load.load_ratio[v] = pmax > 0 ? ev.transmission.generation_mw[u] / pmax : 0;
      load.demand_mw[v] = ev.transmission.generation_mw[u];
    }
    let expectedWeather = 0;
    for (const p of [ctx.sectionHazard, ctx.poleHazard, ctx.transformerHazard, ctx.substationHazard])
      for (let i = 0; i < p.length; i++) expectedWeather += p[i];
    const cond = conditionVector(ctx.conditions, {
      system_reserve: tx.system_reserve,
      overloaded: findOverloads(ctx, state, ev).length,
      expected_weather_failures: expectedWeather,
    });

    const S = STATIC_FEATURE_NAMES.length;
    const N = NODE_FEATURE_NAMES.length;
    const F = S + N + cond.length;
    const x = new Float32Array(g.nodeCount * F);
    const tr = this.trace;
    const log1p = (v: number, scale: number) => Math.log1p(Math.max(0, v)) / scale;
    for (let v = 0; v < g.nodeCount; v++) {
      const row = v * F;
      x.set(this.staticX.subarray(v * S, v * S + S), row);
      const k = row + S;
      x[k] = log1p(tr.exposure_customers[v], 10);
      x[k + 1] = log1p(tr.exposure_critical[v], 3);
      x[k + 2] = log1p(tr.cleared_customers[v], 10);
      x[k + 3] = log1p(tr.isolated_customers[v], 10);
      x[k + 4] = log1p(tr.isolated_critical[v], 3);
      x[k + 5] = log1p(tr.segment_customers[v], 10);
      x[k + 6] = log1p(tr.depth_sections[v], 5);
      x[k + 7] = log1p(tr.devices_above[v], 3);
      x[k + 8] = log1p(tr.ties_below[v], 4);
      x[k + 9] = clip(load.load_ratio[v], 0, 3);
      x[k + 10] = log1p(load.demand_mw[v], 5);
      x[k + 11] = clip(load.tie_cover[v], 0, 5) / 5;
      x[k + 12] = Math.log(clip(load.cold_load_ratio[v], 1, 20)) / 3;
      x[k + 13] = clip(load.hazard_own[v], 0, 1);
      x[k + 14] = log1p(load.hazard_below[v], 5);
      x.set(cond, row + S + N);
    }
    for (let l = 0; l < t.transmission_lines.size; l++) {
      const k = (g.offset.transmission_lines + l) * F + S;
      x[k + 15] = clip(tx.outage_worst_ratio[l], 0, 5);
      x[k + 16] = log1p(tx.outage_overloads[l], 4);
      x[k + 17] = tx.outage_islanding[l];
    }
    for (let u = 0; u < t.generators.size; u++)
      x[(g.offset.generators + u) * F + S + 18] = clip(tx.unit_loss_reserve[u], -1, 2);
    return { x, featureCount: F, ctx };
  }
}
