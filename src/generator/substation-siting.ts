/**
 * Substations go where the load is: weighted k-means (k-means++ seeding, Lloyd iterations) over
 * the blocks' design loads, then each site snaps to the nearest street intersection.
 */
import type { Lattice } from './lattice.ts';
import type { Rng } from './rng.ts';

export interface Sites {
  /** Intersection lattice indices of each substation. */
  i: Int32Array;
  j: Int32Array;
  /** Substation serving each block (-1 for blocks without load). */
  blockSubstation: Int32Array;
}

export function siteSubstations(
  lattice: Lattice,
  blockLoad_kw: Float64Array,
  count: number,
  rng: Rng,
  iterations = 12,
): Sites {
  const blocks: number[] = [];
  for (let b = 0; b < blockLoad_kw.length; b++) if (blockLoad_kw[b] > 0) blocks.push(b);
  if (blocks.length < count)
    throw new Error(`siting: ${count} substations for only ${blocks.length} loaded blocks`);
  const bx = new Float64Array(blocks.length);
  const by = new Float64Array(blocks.length);
  const w = new Float64Array(blocks.length);
  blocks.forEach((b, k) => {
    [bx[k], by[k]] = lattice.blockCentre(b);
    w[k] = blockLoad_kw[b];
  });

  // k-means++: each next centre drawn with probability ∝ weight · distance².
  const cx = new Float64Array(count);
  const cy = new Float64Array(count);
  const d2 = new Float64Array(blocks.length).fill(Infinity);
  let first = rng.weighted(w);
  for (let c = 0; c < count; c++) {
    cx[c] = bx[first];
    cy[c] = by[first];
    const score = new Float64Array(blocks.length);
    for (let k = 0; k < blocks.length; k++) {
      const d = (bx[k] - cx[c]) ** 2 + (by[k] - cy[c]) ** 2;
      if (d < d2[k]) d2[k] = d;
      score[k] = w[k] * d2[k];
    }
    first = rng.weighted(score);
  }

  const label = new Int32Array(blocks.length);
  for (let it = 0; it <= iterations; it++) {
    for (let k = 0; k < blocks.length; k++) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < count; c++) {
        const d = (bx[k] - cx[c]) ** 2 + (by[k] - cy[c]) ** 2;
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      label[k] = best;
    }
    if (it === iterations) break;
    const sx = new Float64Array(count);
    const sy = new Float64Array(count);
    const sw = new Float64Array(count);
    for (let k = 0; k < blocks.length; k++) {
      sx[label[k]] += w[k] * bx[k];
      sy[label[k]] += w[k] * by[k];
      sw[label[k]] += w[k];
    }
    for (let c = 0; c < count; c++) {
      if (sw[c] > 0) {
        cx[c] = sx[c] / sw[c];
        cy[c] = sy[c] / sw[c];
      }
    }
  }

  const i = new Int32Array(count);
  const j = new Int32Array(count);
  const used = new Set<number>();
  for (let c = 0; c < count; c++) {
    // Nearest intersection (even lattice indices) not already taken by another substation.
    let si = 2 * Math.round(lattice.index(cx[c]) / 2);
    const sj = 2 * Math.round(lattice.index(cy[c]) / 2);
    while (used.has(lattice.key(si, sj))) si += 2;
    used.add(lattice.key(si, sj));
    i[c] = si;
    j[c] = sj;
  }
  const blockSubstation = new Int32Array(blockLoad_kw.length).fill(-1);
  blocks.forEach((b, k) => (blockSubstation[b] = label[k]));
  // A centre that attracted no block still gets its nearest block so that no substation is idle.
  const served = new Int32Array(count);
  for (let k = 0; k < blocks.length; k++) served[label[k]]++;
  for (let c = 0; c < count; c++) {
    if (served[c] > 0) continue;
    let best = -1;
    let bestD = Infinity;
    for (let k = 0; k < blocks.length; k++) {
      if (served[label[k]] <= 1) continue;
      const d = (bx[k] - cx[c]) ** 2 + (by[k] - cy[c]) ** 2;
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best < 0) throw new Error('siting: could not give every substation a block');
    served[label[best]]--;
    label[best] = c;
    served[c]++;
    blockSubstation[blocks[best]] = c;
  }
  return { i, j, blockSubstation };
}
