/**
 * PageRank and eigenvector centrality against published and closed-form values: the star's
 * PageRank in closed form, the karate club's largest adjacency eigenvalue as published by KONECT
 * (spectral norm 6.72570, |Δ| ≤ 1e-5), networkx's published P3 and K5 eigenvector values, and
 * the star's eigenvector (bipartite: converges only thanks to the A + I shift).
 */
import { describe, expect, it } from 'vitest';
import { eigenvectorCentrality, pagerank } from '../../../src/analytics/centrality/index.ts';
import { buildCsrGraph, type CsrGraph } from '../../../src/topology/build-graph.ts';
import { expectClose, pathGraph, referenceGraph, starGraph } from './reference-graphs.ts';

const TIGHT = { tolerance: 1e-13, maxIterations: 100_000 };

describe('pagerank', () => {
  it('gives the closed form on a star: centre (1 + αk) / (n(1 + α))', () => {
    const a = 0.85;
    const k = 6;
    const n = k + 1;
    const centre = (1 + a * k) / (n * (1 + a));
    const leaf = (1 - centre) / k;
    expectClose(pagerank(starGraph(k), TIGHT), [centre, ...Array(k).fill(leaf)], 1e-9);
  });

  it('sums to 1 and spreads dangling rank uniformly (isolated nodes get (1 − α)/n + α·dangling/n)', () => {
    const pr = pagerank(buildCsrGraph(5, [0, 1], [1, 2]), TIGHT);
    expect(pr.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    // An isolated node only ever receives teleport and dangling shares: x = 0.15/5 + 0.85·2x/5.
    expect(pr[3]).toBeCloseTo(0.03 / (1 - 0.34), 12);
  });

  it('follows links in proportion to weight when weighted', () => {
    const g = buildCsrGraph(3, [0, 0], [1, 2], { weights: [3, 1] });
    const pr = pagerank(g, { ...TIGHT, weighted: true });
    expect(pr[1]).toBeGreaterThan(pr[2]);
    expectClose(pagerank(g, TIGHT), pagerank(buildCsrGraph(3, [0, 0], [1, 2]), TIGHT), 0);
  });

  it('Gauss–Seidel reaches the power iteration’s fixed point (weighted, dangling, star)', () => {
    const gs = { ...TIGHT, method: 'gauss-seidel' as const };
    const graphs = [
      starGraph(6),
      buildCsrGraph(5, [0, 1], [1, 2]),
      referenceGraph('karate_club'),
      buildCsrGraph(3, [0, 0], [1, 2], { weights: [3, 1] }),
    ];
    for (const g of graphs) {
      for (const weighted of g.weights ? [false, true] : [false]) {
        const gauss = pagerank(g, { ...gs, weighted });
        expectClose(gauss, pagerank(g, { ...TIGHT, weighted }), 1e-10);
        expect(gauss.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      }
    }
    expect(() => pagerank(starGraph(3), { method: 'jacobi' as never })).toThrow(/method must be/);
    expect(() => pagerank(referenceGraph('krackhardt_kite'), { ...gs, maxIterations: 2 })).toThrow(
      /^pagerank: Gauss–Seidel did not converge in 2 iterations/,
    );
  });

  it('rejects bad options and stops with an error when it cannot converge', () => {
    const kite = referenceGraph('krackhardt_kite');
    expect(() => pagerank(kite, { alpha: 1 })).toThrow(/^pagerank: alpha must be in \[0, 1\)/);
    expect(() => pagerank(kite, { maxIterations: 2 })).toThrow(
      /^pagerank: power iteration did not converge in 2 iterations/,
    );
    expect(pagerank(buildCsrGraph(0, [], [])).length).toBe(0);
  });
});

describe('eigenvectorCentrality', () => {
  /** Rayleigh quotient xᵀAx / xᵀx: the eigenvalue x belongs to. */
  function rayleigh(g: CsrGraph, x: Float64Array): number {
    let num = 0;
    let den = 0;
    for (let u = 0; u < g.nodeCount; u++) {
      for (let j = g.offsets[u]; j < g.offsets[u + 1]; j++) num += x[u] * x[g.targets[j]];
      den += x[u] * x[u];
    }
    return num / den;
  }

  it("gives the karate club's published largest eigenvalue (KONECT: 6.72570)", () => {
    const g = referenceGraph('karate_club');
    const x = eigenvectorCentrality(g, TIGHT);
    expect(Math.abs(rayleigh(g, x) - 6.7257)).toBeLessThan(1e-5);
    expect(Math.hypot(...x)).toBeCloseTo(1, 12);
  });

  it("matches networkx's published P3 (±1e-4) and K5 (±1e-7) values", () => {
    expectClose(eigenvectorCentrality(pathGraph(3)), [0.5, 0.7071, 0.5], 1e-4);
    const pairs = [0, 1, 2, 3, 4].flatMap((i) => [0, 1, 2, 3, 4].filter((j) => j > i).map((j) => [i, j]));
    const k5 = buildCsrGraph(
      5,
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
    expectClose(eigenvectorCentrality(k5), Array(5).fill(Math.sqrt(1 / 5)), 1e-7);
  });

  it('converges on a bipartite star: centre 1/√2, leaves 1/√(2k)', () => {
    expectClose(
      eigenvectorCentrality(starGraph(6), TIGHT),
      [Math.SQRT1_2, ...Array(6).fill(1 / Math.sqrt(12))],
      1e-9,
    );
  });

  it('throws a clear error when it does not converge, and on the null graph', () => {
    const kite = referenceGraph('krackhardt_kite');
    expect(() => eigenvectorCentrality(kite, { maxIterations: 3 })).toThrow(
      /^eigenvector: power iteration did not converge in 3 iterations .*raise maxIterations/,
    );
    expect(() => eigenvectorCentrality(buildCsrGraph(0, [], []))).toThrow(
      /^eigenvector: cannot compute centrality for the null graph/,
    );
    expect(() => eigenvectorCentrality(kite, { weighted: true })).toThrow(/^eigenvector: weighted is set/);
  });
});
