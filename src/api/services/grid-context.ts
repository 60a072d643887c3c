/**
 * Everything the API serves from, loaded once at start: the model, its radial graph, base-case
 * loading, energization, id locator and search index. Routes read it; they never recompute it.
 */
import type { GridModel } from '../../model/grid-model.ts';
import { BASE_CASE } from '../../model/operating-conditions.ts';
import { computeGridLoading } from '../../powerflow/grid-loading.ts';
import type { DistributionLoading } from '../../powerflow/radial-loading.ts';
import type { TransmissionLoading } from '../../powerflow/transmission-loading.ts';
import { AssetLocator } from '../../search/asset-locator.ts';
import { SearchIndex } from '../../search/search-index.ts';
import type { DatasetMeta } from '../../storage/index.ts';
import { buildDistributionGraph, type DistributionGraph } from '../../topology/distribution-graph.ts';
import { computeEnergization, type Energization } from '../../topology/energization.ts';
import { computeKpis, type Kpis } from '../../analytics/kpis.ts';
import { buildCascadeContext, type CascadeContext } from '../../cascade/cascade-context.ts';
import { scenarioWith } from '../../cascade/scenarios.ts';
import { conditionsKey, type ConditionsInput } from '../../model/operating-conditions.ts';

export interface GridContext {
  model: GridModel;
  meta: DatasetMeta;
  graph: DistributionGraph;
  loading: DistributionLoading;
  transmission: TransmissionLoading;
  energization: Energization;
  locator: AssetLocator;
  search: SearchIndex;
  kpis(): Kpis;
  /**
   * Cascade inputs for a preset with some conditions changed, built on first use and kept (the
   * most recent few). Throws ConditionsError for unknown presets or out-of-range conditions.
   */
  cascadeContext(scenarioName: string, conditions?: ConditionsInput): CascadeContext;
}

const CASCADE_CONTEXTS_KEPT = 6;

export function buildGridContext(model: GridModel, meta: DatasetMeta): GridContext {
  const graph = buildDistributionGraph(model.tables);
  const { distribution: loading, transmission } = computeGridLoading(model, graph, BASE_CASE);
  const energization = computeEnergization(model);
  const locator = new AssetLocator(model);
  let kpis: Kpis | undefined;
  // Contexts hold per-asset arrays (tens of MB at metro scale): keep only the latest few.
  const cascadeContexts = new Map<string, CascadeContext>();
  return {
    model,
    meta,
    graph,
    loading,
    transmission,
    energization,
    locator,
    search: new SearchIndex(model, locator),
    kpis: () => (kpis ??= computeKpis(model, loading, transmission, energization)),
    cascadeContext(name: string, conditions?: ConditionsInput) {
      const setting = scenarioWith(name, conditions);
      const key = `${setting.name}|${conditionsKey(setting.conditions)}`;
      let ctx = cascadeContexts.get(key);
      if (ctx) cascadeContexts.delete(key);
      else ctx = buildCascadeContext(model, setting);
      cascadeContexts.set(key, ctx);
      while (cascadeContexts.size > CASCADE_CONTEXTS_KEPT)
        cascadeContexts.delete(cascadeContexts.keys().next().value!);
      return ctx;
    },
  };
}
