/**
 * The CSR graph builder (src/topology/build-graph.ts): deduplication, self-loops, neighbour order,
 * weights; and the whole grid as one graph with the product's ids, on the generated sample grid.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateGrid } from '../../../src/generator/generate.ts';
import type { GridModel } from '../../../src/model/grid-model.ts';
import {
  buildCsrGraph,
  buildGridGraph,
  edgeCount,
  edgeList,
  gridNodeAssetId,
  gridNodeOfAsset,
  type CsrGraph,
} from '../../../src/topology/build-graph.ts';

const neighbours = (g: CsrGraph, u: number) => Array.from(g.targets.subarray(g.offsets[u], g.offsets[u + 1]));

describe('buildCsrGraph', () => {
  it('merges parallel edges in either direction, drops self-loops, sorts neighbours', () => {
    const g = buildCsrGraph(4, [2, 0, 1, 3, 3, 1, 2], [0, 2, 0, 3, 1, 2, 1]);
    expect(edgeCount(g)).toBe(4); // {0,2} {0,1} {1,3} {1,2}; 3–3 dropped, 2–0 and 1–2 repeat
    expect([0, 1, 2, 3].map((u) => neighbours(g, u))).toEqual([[1, 2], [0, 2, 3], [0, 1], [1]]);
    expect(g.weights).toBeUndefined();
    const { from, to } = edgeList(g);
    expect(Array.from(from)).toEqual([0, 0, 1, 1]);
    expect(Array.from(to)).toEqual([1, 2, 2, 3]);
  });

  it('keeps symmetric weights, merging parallels by sum, min or max', () => {
    const args = [3, [0, 1, 1], [1, 0, 2]] as const;
    const sum = buildCsrGraph(...args, { weights: [2, 5, 7] });
    expect(Array.from(sum.weights!)).toEqual([7, 7, 7, 7]); // 0–1 (2 + 5) both ways, 1–2 both ways
    expect(Array.from(buildCsrGraph(...args, { weights: [2, 5, 7], parallel: 'min' }).weights!)).toEqual([
      2, 2, 7, 7,
    ]);
    expect(Array.from(buildCsrGraph(...args, { weights: [2, 5, 7], parallel: 'max' }).weights!)).toEqual([
      5, 5, 7, 7,
    ]);
  });

  it('rejects nodes out of range and mismatched arrays, naming the module', () => {
    expect(() => buildCsrGraph(2, [0], [2])).toThrow(
      /^build-graph: edge 0 \(0, 2\) has a node outside 0\.\.1/,
    );
    expect(() => buildCsrGraph(2, [0, 1], [1])).toThrow(/^build-graph: edge arrays differ/);
    expect(() => buildCsrGraph(-1, [], [])).toThrow(/^build-graph: invalid node count/);
  });
});

describe('buildGridGraph on the sample grid', () => {
  let model: GridModel;
  beforeAll(() => {
    model = generateGrid({ scale: 'sample', seed: 1 });
  });

  it('has every bus and distribution node, joined by lines, sections and substation–feeder links', () => {
    const t = model.tables;
    const grid = buildGridGraph(model);
    expect(grid.busCount).toBe(t.buses.size);
    expect(grid.graph.nodeCount).toBe(t.buses.size + t.dist_nodes.size);
    expect(grid.edgeSources).toEqual({
      transmission_lines: t.transmission_lines.size,
      line_sections: t.line_sections.size,
      substation_feeders: t.feeders.size,
      closed_ties: 0,
    });
    const inputs = t.transmission_lines.size + t.line_sections.size + t.feeders.size;
    expect(edgeCount(grid.graph)).toBeLessThanOrEqual(inputs); // parallel lines merge
    expect(edgeCount(grid.graph)).toBeGreaterThan(inputs - t.transmission_lines.size);
    // One graph: a search from bus 0 reaches every node.
    expect(reachable(grid.graph, 0)).toBe(grid.graph.nodeCount);
  });

  it('maps substations to their bus and feeders to their head node, both ways', () => {
    const t = model.tables;
    const grid = buildGridGraph(model);
    for (let f = 0; f < t.feeders.size; f++) {
      const head = grid.feederHeadNode[f];
      const bus = grid.substationNode[t.feeders.cols.substation[f]];
      expect(neighbours(grid.graph, head)).toContain(bus);
      expect(gridNodeAssetId(model, grid, head)).toBe(t.dist_nodes.ids[t.feeders.cols.head_node[f]]);
      expect(gridNodeOfAsset(model, grid, t.feeders.ids[f])).toBe(head);
    }
    const sub = t.substations.ids[3];
    expect(gridNodeAssetId(model, grid, gridNodeOfAsset(model, grid, sub))).toBe(
      t.buses.ids[t.substations.cols.bus[3]],
    );
    expect(gridNodeOfAsset(model, grid, t.dist_nodes.ids[10])).toBe(grid.busCount + 10);
    expect(gridNodeOfAsset(model, grid, 'XFMR-000001')).toBe(-1);
    expect(() => gridNodeAssetId(model, grid, grid.graph.nodeCount)).toThrow(/^build-graph: node/);
  });

  it('adds tie switches when closed, all or chosen', () => {
    const t = model.tables;
    const ties = t.switches.cols.kind.reduce((n, k) => n + (k === 1 ? 1 : 0), 0);
    expect(ties).toBeGreaterThan(0);
    const all = buildGridGraph(model, { closeTies: true });
    expect(all.edgeSources.closed_ties).toBe(ties);
    const chosen = new Uint8Array(t.switches.size);
    chosen[t.switches.cols.kind.indexOf(1)] = 1;
    expect(buildGridGraph(model, { closeTies: chosen }).edgeSources.closed_ties).toBe(1);
    expect(() => buildGridGraph(model, { closeTies: new Uint8Array(1) })).toThrow(/^build-graph: closeTies/);
  });
});

function reachable(g: CsrGraph, s: number): number {
  const seen = new Uint8Array(g.nodeCount);
  const queue = [s];
  seen[s] = 1;
  for (let i = 0; i < queue.length; i++) {
    for (let j = g.offsets[queue[i]]; j < g.offsets[queue[i] + 1]; j++) {
      const v = g.targets[j];
      if (seen[v]) continue;
      seen[v] = 1;
      queue.push(v);
    }
  }
  return queue.length;
}
