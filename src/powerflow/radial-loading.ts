/**
 * Loading of the radial distribution network under given conditions: customer demand summed up
 * each feeder's tree (lossless, as planners' load-allocation studies do), then currents and
 * loading against thermally derated ratings.
 */
import { lineCurrentA } from '../model/electrical.ts';
import type { GridTables } from '../model/grid-model.ts';
import { customerDemandsKw, POWER_FACTOR, type LoadConditions } from '../model/load-model.ts';
import { lineRatingFactor, transformerRatingFactor } from '../model/thermal.ts';
import type { DistributionGraph } from '../topology/distribution-graph.ts';

export interface DistributionLoading {
  customer_kw: Float64Array;
  transformer_kw: Float64Array;
  /** Load downstream of each section, and its current and loading (% of derated rating). */
  section_kw: Float64Array;
  section_a: Float64Array;
  section_pct: Float64Array;
  transformer_pct: Float64Array;
  feeder_kw: Float64Array;
  substation_transformer_pct: Float64Array;
  substation_kw: Float64Array;
}

type Tables = Pick<
  GridTables,
  | 'customers'
  | 'meters'
  | 'transformers'
  | 'line_sections'
  | 'feeders'
  | 'substation_transformers'
  | 'substations'
  | 'dist_nodes'
>;

export function computeDistributionLoading(
  tables: Tables,
  graph: DistributionGraph,
  conditions: LoadConditions,
): DistributionLoading {
  const customer_kw = customerDemandsKw(tables.customers, conditions);
  const transformer_kw = new Float64Array(tables.transformers.size);
  const meterOf = tables.customers.cols.meter;
  const transformerOf = tables.meters.cols.transformer;
  for (let c = 0; c < customer_kw.length; c++) transformer_kw[transformerOf[meterOf[c]]] += customer_kw[c];

  const node_kw = new Float64Array(graph.nodeCount);
  const tNode = tables.transformers.cols.node;
  for (let t = 0; t < transformer_kw.length; t++) node_kw[tNode[t]] += transformer_kw[t];
  const sec = tables.line_sections.cols;
  const section_kw = new Float64Array(tables.line_sections.size);
  // Children after parents in graph.order: walking it backwards sums each subtree once.
  for (let k = graph.order.length - 1; k >= 0; k--) {
    const n = graph.order[k];
    const s = graph.upstreamSection[n];
    if (s < 0) continue;
    section_kw[s] = node_kw[n];
    node_kw[sec.from_node[s]] += node_kw[n];
  }

  const lineFactor = lineRatingFactor(conditions.temperature_c);
  const txFactor = transformerRatingFactor(conditions.temperature_c);
  const feederKv = tables.feeders.cols.kv;
  const section_a = new Float64Array(section_kw.length);
  const section_pct = new Float64Array(section_kw.length);
  for (let s = 0; s < section_kw.length; s++) {
    section_a[s] = lineCurrentA(section_kw[s], feederKv[sec.feeder[s]], sec.phases[s], POWER_FACTOR);
    section_pct[s] = (100 * section_a[s]) / (sec.rating_a[s] * lineFactor);
  }
  const kva = tables.transformers.cols.kva;
  const transformer_pct = Float64Array.from(
    transformer_kw,
    (kw, t) => (100 * kw) / POWER_FACTOR / (kva[t] * txFactor),
  );

  const feeder_kw = Float64Array.from(tables.feeders.cols.head_node, (h) => node_kw[h]);
  const stx_kw = new Float64Array(tables.substation_transformers.size);
  const substation_kw = new Float64Array(tables.substations.size);
  tables.feeders.cols.substation_transformer.forEach((k, f) => {
    stx_kw[k] += feeder_kw[f];
    substation_kw[tables.feeders.cols.substation[f]] += feeder_kw[f];
  });
  const rating = tables.substation_transformers.cols.rating_mva;
  const substation_transformer_pct = Float64Array.from(
    stx_kw,
    (kw, k) => (100 * kw) / 1000 / POWER_FACTOR / (rating[k] * txFactor),
  );
  return {
    customer_kw,
    transformer_kw,
    section_kw,
    section_a,
    section_pct,
    transformer_pct,
    feeder_kw,
    substation_transformer_pct,
    substation_kw,
  };
}
