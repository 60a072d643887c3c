/**
 * Splits each substation's territory into feeders (angular sectors of equal load) and each
 * feeder's customers into service-transformer groups, meeting the scale's exact counts.
 */
import { boundedAllocate } from './allocation.ts';
import type { Lattice } from './lattice.ts';
import type { CustomerSites } from './land-use.ts';
import type { Sites } from './substation-siting.ts';

export interface FeederPlan {
  count: number;
  substation: Int32Array;
  /** 1 when the trunk runs east–west along the substation's street, 0 when north–south. */
  trunkEastWest: Uint8Array;
  /** Customer indices of each feeder. */
  customers: number[][];
}

export interface TransformerPlan {
  count: number;
  feeder: Int32Array;
  /** Lattice point the transformer hangs on. */
  i: Int32Array;
  j: Int32Array;
  customerTransformer: Int32Array;
}

/** Splits a substation's blocks (in angle order) into `n` contiguous sectors of about equal load. */
function sectorSplit(load: number[], n: number): Int32Array {
  const out = new Int32Array(load.length);
  const total = load.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let current = 0;
  for (let k = 0; k < load.length; k++) {
    const mid = cumulative + load[k] / 2;
    cumulative += load[k];
    let target = Math.min(n - 1, Math.floor((mid / total) * n));
    // Every feeder needs at least one block: never skip a sector, never run out of blocks.
    target = Math.min(target, current + 1);
    if (load.length - k <= n - 1 - current) target = current + 1;
    if (k === 0) target = 0;
    current = Math.max(current, target);
    out[k] = current;
  }
  return out;
}

export function planFeeders(
  lattice: Lattice,
  sites: Sites,
  customers: CustomerSites,
  design_kw: Float64Array,
  feederTotal: number,
): FeederPlan {
  const nSub = sites.i.length;
  const blocksOf: number[][] = Array.from({ length: nSub }, () => []);
  const blockLoad = new Map<number, number>();
  for (let c = 0; c < customers.count; c++) {
    const b = customers.block[c];
    blockLoad.set(b, (blockLoad.get(b) ?? 0) + design_kw[c]);
  }
  const subLoad = new Float64Array(nSub);
  for (const [b, kw] of [...blockLoad.entries()].sort((a, b) => a[0] - b[0])) {
    const s = sites.blockSubstation[b];
    blocksOf[s].push(b);
    subLoad[s] += kw;
  }
  const blockCounts = blocksOf.map((list) => list.length);
  const feedersPerSub = boundedAllocate(subLoad, feederTotal, 1, blockCounts);

  const blockFeeder = new Map<number, number>();
  const substation: number[] = [];
  for (let s = 0; s < nSub; s++) {
    const sx = lattice.x_km(sites.i[s]);
    const sy = lattice.x_km(sites.j[s]);
    const angle = (b: number) => {
      const [x, y] = lattice.blockCentre(b);
      return Math.atan2(y - sy, x - sx);
    };
    const ordered = [...blocksOf[s]].sort((a, b) => angle(a) - angle(b) || a - b);
    const sector = sectorSplit(
      ordered.map((b) => blockLoad.get(b) ?? 0),
      feedersPerSub[s],
    );
    const first = substation.length;
    for (let k = 0; k < feedersPerSub[s]; k++) substation.push(s);
    ordered.forEach((b, k) => blockFeeder.set(b, first + sector[k]));
  }

  const count = substation.length;
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let c = 0; c < customers.count; c++) members[blockFeeder.get(customers.block[c])!].push(c);
  const trunkEastWest = new Uint8Array(count);
  for (let f = 0; f < count; f++) {
    const s = substation[f];
    let dx = 0;
    let dy = 0;
    for (const c of members[f]) {
      dx += Math.abs(customers.x_km[c] - lattice.x_km(sites.i[s]));
      dy += Math.abs(customers.y_km[c] - lattice.x_km(sites.j[s]));
    }
    trunkEastWest[f] = dx >= dy ? 1 : 0;
  }
  return { count, substation: Int32Array.from(substation), trunkEastWest, customers: members };
}

/** Groups each feeder's customers into compact clusters, one per service transformer. */
export function planTransformers(
  feeders: FeederPlan,
  customers: CustomerSites,
  transformerTotal: number,
): TransformerPlan {
  // A customer's "need" for transformers: a block wants one per `ratio` meters, but at least one,
  // so sparse outskirts get short secondaries instead of sharing one unit over kilometres.
  const ratio = customers.count / transformerTotal;
  const blockMeters = new Map<number, number>();
  for (let c = 0; c < customers.count; c++)
    blockMeters.set(customers.block[c], (blockMeters.get(customers.block[c]) ?? 0) + 1);
  const need = Float64Array.from(customers.block, (b) => {
    const m = blockMeters.get(b)!;
    return Math.max(1, m / ratio) / m;
  });
  const meters = feeders.customers.map((list) => list.length);
  const needOf = (list: number[]) => list.reduce((s, c) => s + need[c], 0);
  const perFeeder = boundedAllocate(feeders.customers.map(needOf), transformerTotal, 1, meters);
  const feeder = new Int32Array(transformerTotal);
  const ti = new Int32Array(transformerTotal);
  const tj = new Int32Array(transformerTotal);
  const customerTransformer = new Int32Array(customers.count).fill(-1);
  let t = 0;
  for (let f = 0; f < feeders.count; f++) {
    for (const group of splitCompact(feeders.customers[f], customers, need, perFeeder[f])) {
      // The transformer stands in front of the customer nearest the group's centre.
      let cx = 0;
      let cy = 0;
      for (const c of group) {
        cx += customers.x_km[c];
        cy += customers.y_km[c];
      }
      cx /= group.length;
      cy /= group.length;
      let centre = group[0];
      let best = Infinity;
      for (const c of group) {
        const d = (customers.x_km[c] - cx) ** 2 + (customers.y_km[c] - cy) ** 2;
        if (d < best) {
          best = d;
          centre = c;
        }
      }
      feeder[t] = f;
      ti[t] = customers.streetI[centre];
      tj[t] = customers.streetJ[centre];
      for (const c of group) customerTransformer[c] = t;
      t++;
    }
  }
  return { count: t, feeder, i: ti, j: tj, customerTransformer };
}

/**
 * Recursive bisection into exactly `k` non-empty, spatially compact groups: split along the
 * longer axis at the widest gap in the middle half, giving each side transformers in proportion
 * to its need.
 */
function splitCompact(list: number[], c: CustomerSites, need: Float64Array, k: number): number[][] {
  if (k <= 1) return [list];
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const i of list) {
    minX = Math.min(minX, c.x_km[i]);
    maxX = Math.max(maxX, c.x_km[i]);
    minY = Math.min(minY, c.y_km[i]);
    maxY = Math.max(maxY, c.y_km[i]);
  }
  const coord = maxX - minX >= maxY - minY ? c.x_km : c.y_km;
  const sorted = [...list].sort((a, b) => coord[a] - coord[b] || a - b);
  const n = sorted.length;
  let cut = Math.round((n * Math.floor(k / 2)) / k);
  let widest = -1;
  for (let at = Math.max(1, Math.floor(n / 4)); at <= Math.min(n - 1, Math.ceil((3 * n) / 4)); at++) {
    const gap = coord[sorted[at]] - coord[sorted[at - 1]];
    if (gap > widest) {
      widest = gap;
      cut = at;
    }
  }
  let left = 0;
  let total = 0;
  for (let at = 0; at < n; at++) {
    total += need[sorted[at]];
    if (at < cut) left += need[sorted[at]];
  }
  let k1 = Math.min(k - 1, Math.max(1, Math.round((k * left) / total)));
  // Each side needs at least as many customers as transformers.
  k1 = Math.min(k1, cut);
  k1 = Math.max(k1, k - (n - cut));
  return [
    ...splitCompact(sorted.slice(0, cut), c, need, k1),
    ...splitCompact(sorted.slice(cut), c, need, k - k1),
  ];
}
