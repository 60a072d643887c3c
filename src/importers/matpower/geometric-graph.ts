/**
 * Plane geometry for synthetic networks: k-nearest-neighbour candidate edges (grid buckets) and
 * a Euclidean minimum spanning tree over them (Kruskal), joined into one tree if the candidates
 * leave several components. Deterministic: ties are broken by bus index.
 */

export interface PlaneEdge {
  /** Lower bus index. */
  readonly from: number;
  readonly to: number;
  readonly length_km: number;
}

/**
 * The undirected edges joining every point to its k nearest others, sorted by (from, to).
 *
 * @example
 * nearestNeighbourEdges(Float64Array.of(0, 1, 5), Float64Array.of(0, 0, 0), 1);
 * // [{ from: 0, to: 1, length_km: 1 }, { from: 1, to: 2, length_km: 4 }]
 */
export function nearestNeighbourEdges(x_km: Float64Array, y_km: Float64Array, k: number): PlaneEdge[] {
  const n = x_km.length;
  if (n < 2) return [];
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x_km[i]);
    maxX = Math.max(maxX, x_km[i]);
    minY = Math.min(minY, y_km[i]);
    maxY = Math.max(maxY, y_km[i]);
  }
  const cells = Math.max(1, Math.ceil(Math.sqrt(n / 2)));
  const cell_km = Math.max(maxX - minX, maxY - minY, 1e-9) / cells;
  const cellOf = (v: number, lo: number) => Math.min(cells - 1, Math.floor((v - lo) / cell_km));
  const cx = Int32Array.from(x_km, (v) => cellOf(v, minX));
  const cy = Int32Array.from(y_km, (v) => cellOf(v, minY));
  const start = new Int32Array(cells * cells + 1);
  for (let i = 0; i < n; i++) start[cy[i] * cells + cx[i] + 1]++;
  for (let c = 0; c < cells * cells; c++) start[c + 1] += start[c];
  const members = new Int32Array(n);
  const cursor = start.slice(0, cells * cells);
  for (let i = 0; i < n; i++) members[cursor[cy[i] * cells + cx[i]]++] = i;

  const want = Math.min(k, n - 1);
  const seen = new Set<string>();
  const edges: PlaneEdge[] = [];
  const gather = (i: number, r: number, out: number[]) => {
    out.length = 0;
    for (let gy = Math.max(0, cy[i] - r); gy <= Math.min(cells - 1, cy[i] + r); gy++) {
      for (let gx = Math.max(0, cx[i] - r); gx <= Math.min(cells - 1, cx[i] + r); gx++) {
        const c = gy * cells + gx;
        for (let q = start[c]; q < start[c + 1]; q++) if (members[q] !== i) out.push(members[q]);
      }
    }
  };
  const dist = (i: number, j: number) => Math.hypot(x_km[i] - x_km[j], y_km[i] - y_km[j]);
  const near: number[] = [];
  for (let i = 0; i < n; i++) {
    let r = 1;
    for (gather(i, r, near); near.length < want; gather(i, ++r, near));
    // Every true neighbour lies within the k-th distance found so far: widen to cover it.
    near.sort((a, b) => dist(i, a) - dist(i, b) || a - b);
    gather(i, Math.ceil(dist(i, near[want - 1]) / cell_km) + 1, near);
    near.sort((a, b) => dist(i, a) - dist(i, b) || a - b);
    for (let q = 0; q < want; q++) {
      const a = Math.min(i, near[q]);
      const b = Math.max(i, near[q]);
      const key = `${a},${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ from: a, to: b, length_km: dist(a, b) });
    }
  }
  return edges.sort((a, b) => a.from - b.from || a.to - b.to);
}

/**
 * Kruskal's minimum spanning forest of the candidate edges (shortest first, ties by index),
 * joined into a single tree with the shortest possible link per leftover component (whose
 * length comes from `x_km`/`y_km` when given). Returns the tree edges and the unused candidates.
 */
export function minimumSpanningForest(
  n: number,
  candidates: PlaneEdge[],
  x_km?: Float64Array,
  y_km?: Float64Array,
): { tree: PlaneEdge[]; rest: PlaneEdge[] } {
  const root = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] = root[root[i]];
    return i;
  };
  const tree: PlaneEdge[] = [];
  const rest: PlaneEdge[] = [];
  const sorted = [...candidates].sort((a, b) => a.length_km - b.length_km || a.from - b.from || a.to - b.to);
  for (const e of sorted) {
    const a = find(e.from);
    const b = find(e.to);
    if (a === b) rest.push(e);
    else {
      root[a] = b;
      tree.push(e);
    }
  }
  if (x_km && y_km) {
    for (let i = 1; i < n; i++) {
      if (find(i) === find(0)) continue;
      // Join i's component to the rest by its shortest outgoing link (brute force: rare, small).
      const comp = find(i);
      let best: PlaneEdge | undefined;
      for (let a = 0; a < n; a++) {
        if (find(a) !== comp) continue;
        for (let b = 0; b < n; b++) {
          if (find(b) === comp) continue;
          const d = Math.hypot(x_km[a] - x_km[b], y_km[a] - y_km[b]);
          if (!best || d < best.length_km) best = { from: Math.min(a, b), to: Math.max(a, b), length_km: d };
        }
      }
      if (best) {
        root[find(best.from)] = find(best.to);
        tree.push(best);
      }
    }
  }
  return { tree, rest };
}
