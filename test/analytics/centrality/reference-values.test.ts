/**
 * Every metric against networkx on every reference graph (test/fixtures/centrality/, computed by
 * reference.py with python3-networkx). Exact metrics: |Δ| ≤ 1e-9. PageRank and eigenvector:
 * with the defaults our iteration and its stopping rule are networkx's, so |Δ| ≤ 1e-12 against
 * networkx's default output; converged to tolerance 1e-13, |Δ| ≤ 1e-9 against networkx's.
 */
import { describe, it } from 'vitest';
import {
  betweennessCentrality,
  closenessCentrality,
  degreeCentrality,
  eigenvectorCentrality,
  harmonicCentrality,
  pagerank,
} from '../../../src/analytics/centrality/index.ts';
import { expectClose, REFERENCE, referenceGraph, type GraphName } from './reference-graphs.ts';

const NAMES = Object.keys(REFERENCE.graphs) as GraphName[];

describe.each(NAMES)(`%s against networkx ${REFERENCE.networkx}`, (name) => {
  const g = referenceGraph(name);
  const ref = REFERENCE.graphs[name];

  it('degree, betweenness, closeness and harmonic (±1e-9)', () => {
    expectClose(degreeCentrality(g), ref.degree, 1e-9);
    expectClose(betweennessCentrality(g, { normalized: false }), ref.betweenness, 1e-9);
    expectClose(betweennessCentrality(g), ref.betweenness_normalized, 1e-9);
    expectClose(closenessCentrality(g), ref.closeness, 1e-9);
    expectClose(harmonicCentrality(g), ref.harmonic, 1e-9);
  });

  it('PageRank: defaults as networkx (±1e-12), converged (±1e-9)', () => {
    expectClose(pagerank(g), ref.pagerank_default, 1e-12);
    expectClose(pagerank(g, { tolerance: 1e-13, maxIterations: 10_000 }), ref.pagerank_tight, 1e-9);
    const gs = { tolerance: 1e-13, maxIterations: 10_000, method: 'gauss-seidel' as const };
    expectClose(pagerank(g, gs), ref.pagerank_tight, 1e-9);
  });

  it('eigenvector: defaults as networkx (±1e-12), converged (±1e-9)', () => {
    expectClose(eigenvectorCentrality(g), ref.eigenvector_default, 1e-12);
    expectClose(
      eigenvectorCentrality(g, { tolerance: 1e-13, maxIterations: 100_000 }),
      ref.eigenvector_tight,
      1e-9,
    );
  });
});
