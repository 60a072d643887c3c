/**
 * Which parts of the grid are structurally central: a centrality metric over the transmission
 * network (buses joined by lines) or the whole grid graph (src/topology/build-graph.ts), ranked,
 * each node named by its asset (a bus with its substations, or a distribution node with its
 * feeder). Exact where it is affordable; on big graphs betweenness samples seeded sources and
 * harmonic closeness is refused (O(n·m)); the ranking says which method gave it.
 */
import type { GridModel } from '../model/grid-model.ts';
import { Rng } from '../generator/rng.ts';
import { buildCsrGraph, buildGridGraph, edgeCount, type CsrGraph } from '../topology/build-graph.ts';
import {
  betweennessCentrality,
  degreeCentrality,
  eigenvectorCentrality,
  harmonicCentrality,
  pagerank,
  sampleSources,
} from './centrality/index.ts';

export const CENTRALITY_METRICS = ['degree', 'betweenness', 'pagerank', 'harmonic', 'eigenvector'] as const;
export type CentralityMetric = (typeof CENTRALITY_METRICS)[number];
export const CENTRALITY_LEVELS = ['transmission', 'grid'] as const;
export type CentralityLevel = (typeof CENTRALITY_LEVELS)[number];

/** Above this many nodes betweenness is sampled and harmonic closeness refused. */
export const EXACT_NODE_LIMIT = 20_000;
export const SAMPLED_SOURCES = 256;
const CONVERGED = { tolerance: 1e-10, maxIterations: 100_000 };

export interface CentralityRanking {
  metric: CentralityMetric;
  level: CentralityLevel;
  method: string;
  nodes: number;
  edges: number;
  computed_s: number;
  /** Node indices, most central first (ties by index). */
  order: Int32Array;
  values: Float64Array;
  /** The asset a node stands for. */
  describe(node: number): {
    id: string;
    table: 'buses' | 'dist_nodes';
    substations?: string[];
    feeder?: string;
  };
}

/** A request the graph is too big for (the caller answers 400). */
export class CentralityUnavailable extends Error {}

/** One metric's values over a graph, and how they were computed. */
export function centralityValues(
  graph: CsrGraph,
  metric: CentralityMetric,
  exactNodeLimit = EXACT_NODE_LIMIT,
): { values: Float64Array; method: string } {
  const n = graph.nodeCount;
  switch (metric) {
    case 'degree':
      return { values: degreeCentrality(graph), method: 'exact, normalized by n − 1' };
    case 'pagerank':
      return {
        values: pagerank(graph, { ...CONVERGED, method: 'gauss-seidel' }),
        method: 'α = 0.85, converged to 1e-10 (Gauss–Seidel)',
      };
    case 'eigenvector':
      return {
        values: eigenvectorCentrality(graph, CONVERGED),
        method: 'power iteration on A + I, converged to 1e-10',
      };
    case 'betweenness': {
      if (n <= exactNodeLimit)
        return { values: betweennessCentrality(graph), method: 'exact (Brandes), normalized' };
      const sources = sampleSources(n, SAMPLED_SOURCES, new Rng(1, 'centrality-ranking'));
      return {
        values: betweennessCentrality(graph, { sources }),
        method: `sampled: ${SAMPLED_SOURCES} seeded sources scaled by n/k, normalized`,
      };
    }
    case 'harmonic':
      if (n > exactNodeLimit)
        throw new CentralityUnavailable(
          `harmonic closeness of all ${n.toLocaleString('en-US')} nodes is O(n·m); use level=transmission`,
        );
      return {
        values: harmonicCentrality(graph, { normalized: true }),
        method: 'exact, normalized by n − 1',
      };
  }
}

const cache = new WeakMap<GridModel, Map<string, CentralityRanking>>();

/** The ranking of one metric at one level, computed once per model and kept. */
export function centralityRanking(
  model: GridModel,
  metric: CentralityMetric,
  level: CentralityLevel,
): CentralityRanking {
  let byKey = cache.get(model);
  if (!byKey) cache.set(model, (byKey = new Map()));
  const key = `${metric}/${level}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const t = model.tables;
  const t0 = performance.now();
  const graph =
    level === 'transmission'
      ? buildCsrGraph(t.buses.size, t.transmission_lines.cols.from_bus, t.transmission_lines.cols.to_bus)
      : buildGridGraph(model).graph;
  const { values, method } = centralityValues(graph, metric);
  const order = Int32Array.from(values.keys()).sort((a, b) => values[b] - values[a] || a - b);
  const substationsAt = new Map<number, string[]>();
  t.substations.cols.bus.forEach((b, s) =>
    substationsAt.set(b, [...(substationsAt.get(b) ?? []), t.substations.ids[s]]),
  );
  const busCount = t.buses.size;
  const ranking: CentralityRanking = {
    metric,
    level,
    method,
    nodes: graph.nodeCount,
    edges: edgeCount(graph),
    computed_s: Math.round(performance.now() - t0) / 1000,
    order,
    values,
    describe(node) {
      if (node < busCount)
        return { id: t.buses.ids[node], table: 'buses', substations: substationsAt.get(node) ?? [] };
      const d = node - busCount;
      const f = t.dist_nodes.cols.feeder[d];
      return { id: t.dist_nodes.ids[d], table: 'dist_nodes', feeder: f >= 0 ? t.feeders.ids[f] : undefined };
    },
  };
  byKey.set(key, ranking);
  return ranking;
}
