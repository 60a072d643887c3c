/**
 * Betweenness: published values on the Krackhardt kite (networkx's test suite, 3 decimals, so
 * |Δ| ≤ 1e-3), networkx's full-precision values on the kite and the karate club (|Δ| ≤ 1e-9),
 * hand-known values on a path and a star (|Δ| ≤ 1e-12), and the sampled estimator.
 */
import { describe, expect, it } from 'vitest';
import { betweennessCentrality, sampleSources } from '../../../src/analytics/centrality/index.ts';
import { Rng } from '../../../src/generator/rng.ts';
import { buildCsrGraph, type CsrGraph } from '../../../src/topology/build-graph.ts';
import {
  expectClose,
  pathGraph,
  REFERENCE,
  referenceGraph,
  starGraph,
  type GraphName,
} from './reference-graphs.ts';

describe('betweennessCentrality (exact)', () => {
  it('matches the published Krackhardt kite values (networkx tests, ±1e-3)', () => {
    const kite = referenceGraph('krackhardt_kite');
    // Andre, Beverley, Carol, Diane, Ed, Fernando, Garth, Heather, Ike, Jane.
    const raw = [1.667, 1.667, 0, 7.333, 0, 16.667, 16.667, 28, 16, 0].map((b) => b / 2);
    expectClose(betweennessCentrality(kite, { normalized: false }), raw, 1e-3);
    const normalized = [0.023, 0.023, 0, 0.102, 0, 0.231, 0.231, 0.389, 0.222, 0];
    expectClose(betweennessCentrality(kite), normalized, 1e-3);
  });

  it.each(['krackhardt_kite', 'karate_club'] as GraphName[])('matches networkx on %s (±1e-9)', (name) => {
    const g = referenceGraph(name);
    const ref = REFERENCE.graphs[name];
    expectClose(betweennessCentrality(g, { normalized: false }), ref.betweenness, 1e-9);
    expectClose(betweennessCentrality(g, { normalized: true }), ref.betweenness_normalized, 1e-9);
  });

  it('gives i·(n−1−i) on a path and C(leaves, 2) at the centre of a star', () => {
    expectClose(betweennessCentrality(pathGraph(6), { normalized: false }), [0, 4, 6, 6, 4, 0], 1e-12);
    expectClose(betweennessCentrality(starGraph(6), { normalized: false }), [15, 0, 0, 0, 0, 0, 0], 1e-12);
    // Normalized by (n−1)(n−2)/2 = 15 pairs: the star's centre lies on every one.
    expectClose(betweennessCentrality(starGraph(6)), [1, 0, 0, 0, 0, 0, 0], 1e-12);
  });

  it('counts pairs within each component of a disconnected graph', () => {
    const g = buildCsrGraph(7, [0, 1, 3, 4, 5], [1, 2, 4, 5, 6]);
    expectClose(betweennessCentrality(g, { normalized: false }), [0, 1, 0, 0, 2, 2, 0], 1e-12);
  });

  it('is zero on graphs of up to two nodes, normalized or not', () => {
    expectClose(betweennessCentrality(buildCsrGraph(2, [0], [1])), [0, 0], 0);
    expect(betweennessCentrality(buildCsrGraph(0, [], [])).length).toBe(0);
  });

  it('rejects bad input with errors naming the module', () => {
    const kite = referenceGraph('krackhardt_kite');
    expect(() => betweennessCentrality(kite, { k: 0 })).toThrow(
      /^betweenness: k must be an integer in 1\.\.10/,
    );
    expect(() => betweennessCentrality(kite, { k: 11 })).toThrow(/betweenness: k/);
    expect(() => betweennessCentrality(kite, { sources: Int32Array.of(1, 1) })).toThrow(
      /betweenness: source 1/,
    );
    expect(() => betweennessCentrality({ nodeCount: 2 } as never)).toThrow(/betweenness: graph.offsets/);
  });
});

describe('betweennessCentrality (sampled)', () => {
  const karate = referenceGraph('karate_club');
  const exact = Float64Array.from(REFERENCE.graphs.karate_club.betweenness_normalized);

  it('equals the exact value when every node is a source (k = n, or all n sources in any order)', () => {
    expectClose(betweennessCentrality(karate, { k: 34, seed: 3 }), exact, 1e-12);
    const shuffled = sampleSources(34, 34, new Rng(9));
    expectClose(betweennessCentrality(karate, { sources: shuffled }), exact, 1e-12);
  });

  it('is deterministic for a seed, and another seed draws other sources', () => {
    const a = betweennessCentrality(karate, { k: 10, seed: 42 });
    expect(betweennessCentrality(karate, { k: 10, seed: 42 })).toEqual(a);
    expect(betweennessCentrality(karate, { k: 10, rng: new Rng(42, 'betweenness') })).toEqual(a);
    expect(betweennessCentrality(karate, { k: 10, seed: 43 })).not.toEqual(a);
  });

  it('draws k distinct sources', () => {
    const s = sampleSources(1000, 400, new Rng(1));
    expect(new Set(s).size).toBe(400);
    expect(Math.min(...s)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...s)).toBeLessThan(1000);
  });

  it('estimates the exact value on a 2,500-node graph (k = n/5: relative L1 error < 0.2, top-50 overlap ≥ 40)', () => {
    const g = lattice(50, 7);
    const full = betweennessCentrality(g);
    const est = betweennessCentrality(g, { k: 500, seed: 1 });
    const coarse = betweennessCentrality(g, { k: 100, seed: 1 });
    const l1 = (x: Float64Array) => x.reduce((s, v, i) => s + Math.abs(v - full[i]), 0) / sum(full);
    expect(l1(est)).toBeLessThan(0.2); // measured 0.10–0.12 over seeds 1–4
    expect(l1(est)).toBeLessThan(l1(coarse)); // more sources, smaller error (0.26 at k = 100)
    expect(Math.abs(sum(est) / sum(full) - 1)).toBeLessThan(0.02); // Σ is estimated without bias
    const topOf = (x: Float64Array) =>
      Array.from(x.keys())
        .sort((a, b) => x[b] - x[a])
        .slice(0, 50);
    const topEst = new Set(topOf(est));
    expect(topOf(full).filter((v) => topEst.has(v)).length).toBeGreaterThanOrEqual(40); // measured 45–48
  });
});

const sum = (x: Float64Array) => x.reduce((s, v) => s + v, 0);

/** A side × side lattice with each edge kept with probability 0.9, plus 50 random chords (seeded). */
function lattice(side: number, seed: number): CsrGraph {
  const rng = new Rng(seed, 'lattice');
  const n = side * side;
  const from: number[] = [];
  const to: number[] = [];
  const edge = (u: number, v: number) => {
    from.push(u);
    to.push(v);
  };
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const u = r * side + c;
      if (c + 1 < side && rng.chance(0.9)) edge(u, u + 1);
      if (r + 1 < side && rng.chance(0.9)) edge(u, u + side);
    }
  }
  for (let i = 0; i < 50; i++) edge(rng.int(n), rng.int(n));
  return buildCsrGraph(n, from, to);
}
