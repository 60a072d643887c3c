/** Centrality rankings of a generated grid: the metric's values, ranked, named by asset. */
import { describe, expect, it } from 'vitest';
import { betweennessCentrality, degreeCentrality } from '../../src/analytics/centrality/index.ts';
import {
  centralityRanking,
  centralityValues,
  CentralityUnavailable,
  SAMPLED_SOURCES,
} from '../../src/analytics/centrality-ranking.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { buildCsrGraph, buildGridGraph } from '../../src/topology/build-graph.ts';

const model = generateGrid({ scale: 'sample', seed: 6 });
const t = model.tables;

describe('centrality ranking', () => {
  it('ranks transmission buses by exact betweenness and names their substations', () => {
    const r = centralityRanking(model, 'betweenness', 'transmission');
    const bus = buildCsrGraph(
      t.buses.size,
      t.transmission_lines.cols.from_bus,
      t.transmission_lines.cols.to_bus,
    );
    expect(Array.from(r.values)).toEqual(Array.from(betweennessCentrality(bus)));
    expect(r).toMatchObject({
      nodes: t.buses.size,
      level: 'transmission',
      method: 'exact (Brandes), normalized',
    });
    for (let i = 1; i < r.order.length; i++)
      expect(r.values[r.order[i]]).toBeLessThanOrEqual(r.values[r.order[i - 1]]);
    const top = r.describe(r.order[0]);
    expect(top.id).toBe(t.buses.ids[r.order[0]]);
    const expected = t.substations.ids.filter((_, s) => t.substations.cols.bus[s] === r.order[0]);
    expect(top.substations).toEqual(expected);
    expect(centralityRanking(model, 'betweenness', 'transmission')).toBe(r); // cached
  });

  it('covers every grid node at grid level, naming distribution nodes with their feeder', () => {
    const r = centralityRanking(model, 'degree', 'grid');
    const grid = buildGridGraph(model);
    expect(Array.from(r.values)).toEqual(Array.from(degreeCentrality(grid.graph)));
    const node = t.buses.size + 10;
    expect(r.describe(node)).toEqual({
      id: t.dist_nodes.ids[10],
      table: 'dist_nodes',
      feeder: t.feeders.ids[t.dist_nodes.cols.feeder[10]],
    });
    for (const metric of ['pagerank', 'eigenvector', 'harmonic'] as const) {
      const m = centralityRanking(model, metric, 'grid');
      expect(m.values.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    }
    expect(centralityRanking(model, 'pagerank', 'grid').values.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 9);
  });

  it('samples betweenness and refuses all-pairs harmonic closeness above the exact limit', () => {
    const { graph } = buildGridGraph(model);
    const sampled = centralityValues(graph, 'betweenness', 100);
    expect(sampled.method).toBe(`sampled: ${SAMPLED_SOURCES} seeded sources scaled by n/k, normalized`);
    expect(Array.from(centralityValues(graph, 'betweenness', 100).values)).toEqual(
      Array.from(sampled.values),
    );
    expect(() => centralityValues(graph, 'harmonic', 100)).toThrow(CentralityUnavailable);
    expect(() => centralityValues(graph, 'harmonic', 100)).toThrow(/O\(n·m\); use level=transmission/);
  });
});
