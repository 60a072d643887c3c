/**
 * Where transmission runs: corridors along the relative-neighbourhood graph of the buses (sparse
 * and meshed like real networks), made bridge-free so every bus has two independent supplies
 * (no radial taps: a single corridor outage never islands anything), and the hub substations
 * where a 345 kV backbone steps down to 138 kV, placed at the load's centres.
 */
import { Delaunay } from 'd3-delaunay';
import { findBridges } from '../powerflow/dc-sensitivity.ts';
import type { Rng } from './rng.ts';

/** Corridors (pairs of point indices, a < b) of the bridge-free relative-neighbourhood graph. */
export function corridorEdges(x: readonly number[], y: readonly number[]): [number, number][] {
  const n = x.length;
  if (n < 3) throw new Error(`transmission-corridors: need at least 3 buses for a meshed network, got ${n}`);
  const delaunay = Delaunay.from(x.map((xi, i) => [xi, y[i]] as [number, number]));
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) for (const j of delaunay.neighbors(i)) adj[i].push(j);
  const d = (a: number, b: number) => Math.hypot(x[a] - x[b], y[a] - y[b]);
  const edges: [number, number][] = [];
  const have = new Set<number>();
  const key = (a: number, b: number) => Math.min(a, b) * n + Math.max(a, b);
  const add = (a: number, b: number) => {
    edges.push([Math.min(a, b), Math.max(a, b)]);
    have.add(key(a, b));
  };
  for (let u = 0; u < n; u++) {
    for (const v of adj[u]) {
      if (v <= u) continue;
      const duv = d(u, v);
      const blocked = [...adj[u], ...adj[v]].some(
        (w) => w !== u && w !== v && Math.max(d(u, w), d(v, w)) < duv,
      );
      if (!blocked) add(u, v);
    }
  }
  // A bridge leaves the far side on one corridor: add the shortest Delaunay edge across it.
  // A triangulation is 2-connected, so one always exists.
  for (;;) {
    const from = Int32Array.from(edges, (e) => e[0]);
    const to = Int32Array.from(edges, (e) => e[1]);
    const bridges = findBridges(n, from, to, new Uint8Array(edges.length).fill(1));
    const b = bridges.indexOf(1);
    if (b < 0) return edges;
    const side = new Uint8Array(n);
    const stack = [edges[b][0]];
    side[edges[b][0]] = 1;
    while (stack.length) {
      const u = stack.pop()!;
      edges.forEach(([p, q], k) => {
        if (k === b || (p !== u && q !== u)) return;
        const w = p === u ? q : p;
        if (!side[w]) {
          side[w] = 1;
          stack.push(w);
        }
      });
    }
    let best: [number, number] | null = null;
    for (let u = 0; u < n; u++) {
      if (!side[u]) continue;
      for (const v of adj[u]) {
        if (side[v] || have.has(key(u, v))) continue;
        if (!best || d(u, v) < d(best[0], best[1])) best = [u, v];
      }
    }
    if (!best) throw new Error('transmission-corridors: no corridor can remove a bridge');
    add(best[0], best[1]);
  }
}

/**
 * `count` hub substations at the load's centres: weighted k-means (k-means++ seeding, Lloyd
 * iterations) over the substations, each centre then taken by the nearest substation not yet a
 * hub. Returns substation indices in centre order.
 */
export function chooseHubs(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  load_mw: ArrayLike<number>,
  count: number,
  rng: Rng,
  iterations = 12,
): number[] {
  const n = x.length;
  if (count > n) throw new Error(`transmission-corridors: ${count} hubs among ${n} substations`);
  const cx = new Float64Array(count);
  const cy = new Float64Array(count);
  const d2 = new Float64Array(n).fill(Infinity);
  const weight = Float64Array.from(load_mw, (w) => Math.max(w, 1e-9));
  for (let c = 0; c < count; c++) {
    const pick = c === 0 ? rng.weighted(weight) : rng.weighted(weight.map((w, i) => w * d2[i]));
    cx[c] = x[pick];
    cy[c] = y[pick];
    for (let i = 0; i < n; i++) d2[i] = Math.min(d2[i], (x[i] - cx[c]) ** 2 + (y[i] - cy[c]) ** 2);
  }
  const member = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < count; c++)
        if ((x[i] - cx[c]) ** 2 + (y[i] - cy[c]) ** 2 < (x[i] - cx[best]) ** 2 + (y[i] - cy[best]) ** 2)
          best = c;
      member[i] = best;
    }
    const sx = new Float64Array(count);
    const sy = new Float64Array(count);
    const sw = new Float64Array(count);
    for (let i = 0; i < n; i++) {
      sx[member[i]] += weight[i] * x[i];
      sy[member[i]] += weight[i] * y[i];
      sw[member[i]] += weight[i];
    }
    for (let c = 0; c < count; c++) {
      if (sw[c] > 0) {
        cx[c] = sx[c] / sw[c];
        cy[c] = sy[c] / sw[c];
      }
    }
  }
  const taken = new Uint8Array(n);
  const hubs: number[] = [];
  for (let c = 0; c < count; c++) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (taken[i]) continue;
      if (
        best < 0 ||
        (x[i] - cx[c]) ** 2 + (y[i] - cy[c]) ** 2 < (x[best] - cx[c]) ** 2 + (y[best] - cy[c]) ** 2
      )
        best = i;
    }
    taken[best] = 1;
    hubs.push(best);
  }
  return hubs;
}
