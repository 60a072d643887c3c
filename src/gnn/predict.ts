/**
 * Risk for every asset of a grid under one set of conditions, from a trained model: one
 * whole-graph forward pass. Each asset carries what the exact trace says beside the prediction
 * (`zone_customers`: the customers below the nearest switching point above it, out until ties
 * pick them up), so a reader can compare.
 */
import type { ScenarioSetting } from '../cascade/scenarios.ts';
import type { OperatingConditions } from '../model/operating-conditions.ts';
import type { AssetFeatureBuilder } from './features/asset-features.ts';
import { ASSET_GRAPH_TABLES } from './graph/asset-graph.ts';
import type { LoadedRiskModel, RiskModelManifest } from './model/model-file.ts';
import { graphInputs, type GraphInputs } from './model/graph-inputs.ts';
import { constant, noGrad } from './tensor/index.ts';
import { applyScaler } from './train/feature-scaler.ts';
import { fromOutputs, TARGET_COUNT } from './train/targets.ts';

export interface AssetRisk {
  id: string;
  table: string;
  customers_lost: number;
  critical_customers_lost: number;
  mw_shed: number;
  p_beyond_zone: number;
  zone_customers: number;
}

export interface RiskPrediction {
  model: RiskModelManifest;
  conditions: OperatingConditions;
  assets: AssetRisk[];
  seconds: { features: number; model: number };
}

const inputsCache = new WeakMap<AssetFeatureBuilder, GraphInputs>();

export function predictRisk(
  loaded: LoadedRiskModel,
  builder: AssetFeatureBuilder,
  setting: ScenarioSetting,
): RiskPrediction {
  const t0 = performance.now();
  const features = builder.build(setting);
  const t1 = performance.now();
  let inputs = inputsCache.get(builder);
  if (!inputs) inputsCache.set(builder, (inputs = graphInputs(builder.graph)));
  const g = builder.graph;
  const x = constant(g.nodeCount, features.featureCount, applyScaler(features.x, loaded.manifest.scaler));
  const out = noGrad(() => loaded.model.forward(x, inputs).data);
  const t = builder.model.tables;
  const assets: AssetRisk[] = new Array(g.nodeCount);
  for (let v = 0; v < g.nodeCount; v++) {
    const p = fromOutputs(out.subarray(v * TARGET_COUNT, v * TARGET_COUNT + TARGET_COUNT), 0);
    const table = ASSET_GRAPH_TABLES[g.nodeTable[v]];
    assets[v] = {
      id: t[table].ids[g.nodeRow[v]],
      table,
      customers_lost: Math.round(p.customers_lost * 10) / 10,
      critical_customers_lost: Math.round(p.critical_customers_lost * 100) / 100,
      mw_shed: Math.round(p.mw_shed * 1000) / 1000,
      p_beyond_zone: Math.round(p.p_beyond_zone * 10000) / 10000,
      zone_customers: builder.trace.isolated_customers[v],
    };
  }
  return {
    model: loaded.manifest,
    conditions: setting.conditions,
    assets,
    seconds: { features: (t1 - t0) / 1000, model: (performance.now() - t1) / 1000 },
  };
}
