/**
 * Everything the API serves from, loaded once at start: the model, its radial graph, base-case
 * loading, energization, id locator and search index. Routes read it; they never recompute it.
 */
import type { GridModel } from '../../model/grid-model.ts';
import { BASE_CASE } from '../../model/load-model.ts';
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
import { scenario } from '../../cascade/scenarios.ts';

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
  /** Cascade inputs for a scenario, built on first use and kept. */
  cascadeContext(scenarioName: string): CascadeContext;
}

export function buildGridContext(model: GridModel, meta: DatasetMeta): GridContext {
  const graph = buildDistributionGraph(model.tables);
  const { distribution: loading, transmission } = computeGridLoading(model, graph, BASE_CASE);
  const energization = computeEnergization(model);
  const locator = new AssetLocator(model);
  let kpis: Kpis | undefined;
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
    cascadeContext(name: string) {
      let ctx = cascadeContexts.get(name);
      if (!ctx) cascadeContexts.set(name, (ctx = buildCascadeContext(model, scenario(name))));
      return ctx;
    },
  };
}
