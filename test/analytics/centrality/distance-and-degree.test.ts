/**
 * Degree, closeness and harmonic centrality against published and hand-known values: the
 * Krackhardt kite's closeness as published in networkx's test suite (3 decimals, |Δ| ≤ 1e-3),
 * the kite's degrees (Krackhardt 1990), networkx's karate-club degree centralities as published
 * (4 decimals, |Δ| ≤ 1e-4), and paths and stars by hand (|Δ| ≤ 1e-12).
 */
import { describe, expect, it } from 'vitest';
import {
  closenessCentrality,
  degreeCentrality,
  harmonicCentrality,
} from '../../../src/analytics/centrality/index.ts';
import { buildCsrGraph } from '../../../src/topology/build-graph.ts';
import { expectClose, pathGraph, referenceGraph, starGraph } from './reference-graphs.ts';

describe('degreeCentrality', () => {
  it('gives the kite degrees over n − 1', () => {
    const kite = referenceGraph('krackhardt_kite');
    const degrees = [4, 4, 3, 6, 3, 5, 5, 3, 2, 1];
    expectClose(degreeCentrality(kite, { normalized: false }), degrees, 0);
    expectClose(
      degreeCentrality(kite),
      degrees.map((d) => d / 9),
      1e-12,
    );
  });

  it('matches the published karate-club values (4 decimals)', () => {
    const dc = degreeCentrality(referenceGraph('karate_club'));
    const published: [number, number][] = [
      [33, 0.5152],
      [0, 0.4848],
      [32, 0.3636],
      [2, 0.303],
      [1, 0.2727],
      [3, 0.1818],
      [31, 0.1818],
      [8, 0.1515],
    ];
    for (const [node, value] of published) expect(dc[node]).toBeCloseTo(value, 4);
  });

  it('sums weights when weighted, and gives 1 to a lone node', () => {
    const g = buildCsrGraph(3, [0, 1, 1], [1, 2, 0], { weights: [2, 3, 0.5] });
    expectClose(degreeCentrality(g, { weighted: true, normalized: false }), [2.5, 5.5, 3], 1e-12);
    expectClose(degreeCentrality(buildCsrGraph(1, [], [])), [1], 0);
    expect(() => degreeCentrality(pathGraph(3), { weighted: true })).toThrow(/^degree: weighted is set/);
  });
});

describe('closenessCentrality', () => {
  it('matches the published Krackhardt kite values (networkx tests, ±1e-3)', () => {
    const published = [0.529, 0.529, 0.5, 0.6, 0.5, 0.643, 0.643, 0.6, 0.429, 0.31];
    expectClose(closenessCentrality(referenceGraph('krackhardt_kite')), published, 1e-3);
  });

  it('scales by the reachable share on a disconnected graph (networkx wf_improved)', () => {
    // Path 0–1–2–3 and path 4–5–6 (networkx's test_wf_improved).
    const g = buildCsrGraph(7, [0, 1, 2, 4, 5], [1, 2, 3, 5, 6]);
    expectClose(closenessCentrality(g), [0.25, 0.375, 0.375, 0.25, 2 / 9, 1 / 3, 2 / 9], 1e-12);
    expectClose(
      closenessCentrality(g, { wfImproved: false }),
      [0.5, 0.75, 0.75, 0.5, 2 / 3, 1, 2 / 3],
      1e-12,
    );
  });
});

describe('harmonicCentrality', () => {
  it('sums 1/d on a path and a star', () => {
    const h = (i: number, n: number) => {
      let s = 0;
      for (let j = 0; j < n; j++) if (j !== i) s += 1 / Math.abs(i - j);
      return s;
    };
    expectClose(
      harmonicCentrality(pathGraph(6)),
      [0, 1, 2, 3, 4, 5].map((i) => h(i, 6)),
      1e-12,
    );
    // Star with 6 leaves: the centre reaches 6 at distance 1; a leaf 1 at 1 and 5 at 2.
    expectClose(harmonicCentrality(starGraph(6)), [6, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5], 1e-12);
    expectClose(
      harmonicCentrality(starGraph(6), { normalized: true }),
      [1, 3.5 / 6, 3.5 / 6, 3.5 / 6, 3.5 / 6, 3.5 / 6, 3.5 / 6],
      1e-12,
    );
  });

  it('computes only the nodes asked for, leaving NaN elsewhere (harmonic and closeness)', () => {
    const kite = referenceGraph('krackhardt_kite');
    const nodes = Int32Array.of(7, 2);
    const full = harmonicCentrality(kite);
    const part = harmonicCentrality(kite, { nodes });
    expect([part[7], part[2]]).toEqual([full[7], full[2]]);
    expect(part.filter((v) => Number.isNaN(v)).length).toBe(8);
    expect(closenessCentrality(kite, { nodes })[7]).toBe(closenessCentrality(kite)[7]);
    expect(() => harmonicCentrality(kite, { nodes: Int32Array.of(10) })).toThrow(
      /^harmonic: a node must be an integer in 0\.\.9/,
    );
  });

  it('matches networkx test values on P4 (±1e-3) and rejects a non-graph', () => {
    expectClose(harmonicCentrality(pathGraph(4)), [1.8333333, 2.5, 2.5, 1.8333333], 1e-3);
    expect(() => harmonicCentrality(null as never)).toThrow(/^harmonic: expected a CsrGraph/);
  });
});
