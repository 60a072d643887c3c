/**
 * Textbook graphs and their reference centralities for the centrality tests. The values in
 * test/fixtures/centrality/reference.json were computed with python3-networkx by
 * test/fixtures/centrality/reference.py (run it again to regenerate them).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { buildCsrGraph, type CsrGraph } from '../../../src/topology/build-graph.ts';

export interface ReferenceGraph {
  nodes: number;
  edges: [number, number][];
  degree: number[];
  betweenness: number[];
  betweenness_normalized: number[];
  closeness: number[];
  harmonic: number[];
  pagerank_default: number[];
  pagerank_tight: number[];
  eigenvector_default: number[];
  eigenvector_tight: number[];
}

export type GraphName = 'krackhardt_kite' | 'karate_club' | 'path_6' | 'star_7' | 'path_3_isolated_2';

const file = new URL('../../fixtures/centrality/reference.json', import.meta.url);
export const REFERENCE = JSON.parse(readFileSync(file, 'utf8')) as {
  networkx: string;
  graphs: Record<GraphName, ReferenceGraph>;
};

/** The named reference graph as a CsrGraph (node ids as in networkx). */
export function referenceGraph(name: GraphName): CsrGraph {
  const g = REFERENCE.graphs[name];
  return buildCsrGraph(
    g.nodes,
    g.edges.map((e) => e[0]),
    g.edges.map((e) => e[1]),
  );
}

/** Asserts |actual[i] − expected[i]| ≤ tolerance for every i, naming the first index that is off. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(actual[i] - expected[i]);
    if (!(diff <= tolerance)) {
      expect.fail(`index ${i}: ${actual[i]} vs ${expected[i]} (|Δ| ${diff.toExponential(2)} > ${tolerance})`);
    }
  }
}

/** Path 0–1–…–(n−1). */
export function pathGraph(n: number): CsrGraph {
  const from = Array.from({ length: n - 1 }, (_, i) => i);
  return buildCsrGraph(
    n,
    from,
    from.map((i) => i + 1),
  );
}

/** Star: centre 0 joined to leaves 1..leaves. */
export function starGraph(leaves: number): CsrGraph {
  const to = Array.from({ length: leaves }, (_, i) => i + 1);
  return buildCsrGraph(
    leaves + 1,
    to.map(() => 0),
    to,
  );
}
