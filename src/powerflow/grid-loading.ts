/**
 * Loading of the whole grid under given conditions: radial load flow on every feeder, then the
 * substations' demand as loads in a DC power flow of the transmission network.
 */
import type { GridModel } from '../model/grid-model.ts';
import type { LoadConditions } from '../model/load-model.ts';
import type { DistributionGraph } from '../topology/distribution-graph.ts';
import { computeDistributionLoading, type DistributionLoading } from './radial-loading.ts';
import { computeTransmissionLoading, type TransmissionLoading } from './transmission-loading.ts';

export interface GridLoading {
  distribution: DistributionLoading;
  transmission: TransmissionLoading;
}

export function computeGridLoading(
  model: GridModel,
  graph: DistributionGraph,
  conditions: LoadConditions,
): GridLoading {
  const distribution = computeDistributionLoading(model.tables, graph, conditions);
  const transmission = computeTransmissionLoading(
    model.tables,
    Float64Array.from(distribution.substation_kw, (kw) => kw / 1000),
    conditions,
    model.meta.base_mva,
  );
  return { distribution, transmission };
}
