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

/** Groups each feeder's customers along its laterals into its share of the transformers. */
export function planTransformers(
  feeders: FeederPlan,
  customers: CustomerSites,
  transformerTotal: number,
): TransformerPlan {
  const meters = feeders.customers.map((list) => list.length);
  const perFeeder = boundedAllocate(meters, transformerTotal, 1, meters);
  const feeder = new Int32Array(transformerTotal);
  const ti = new Int32Array(transformerTotal);
  const tj = new Int32Array(transformerTotal);
  const customerTransformer = new Int32Array(customers.count).fill(-1);
  let t = 0;
  for (let f = 0; f < feeders.count; f++) {
    // Customers on the same lateral and next to each other end up in the same group.
    const ew = feeders.trunkEastWest[f] === 1;
    const list = [...feeders.customers[f]].sort((a, b) => {
      const la = ew ? customers.streetI[a] : customers.streetJ[a];
      const lb = ew ? customers.streetI[b] : customers.streetJ[b];
      if (la !== lb) return la - lb;
      const pa = ew ? customers.streetJ[a] : customers.streetI[a];
      const pb = ew ? customers.streetJ[b] : customers.streetI[b];
      return pa - pb || a - b;
    });
    const groups = perFeeder[f];
    for (let g = 0; g < groups; g++) {
      const lo = Math.floor((g * list.length) / groups);
      const hi = Math.floor(((g + 1) * list.length) / groups);
      const median = list[(lo + hi) >> 1];
      feeder[t] = f;
      ti[t] = customers.streetI[median];
      tj[t] = customers.streetJ[median];
      for (let k = lo; k < hi; k++) customerTransformer[list[k]] = t;
      t++;
    }
  }
  return { count: t, feeder, i: ti, j: tj, customerTransformer };
}
