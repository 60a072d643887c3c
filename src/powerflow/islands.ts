/**
 * Electrical islands of a bus–branch network: the connected components formed by the
 * in-service branches. Union–find with path halving and union by size, O(m α(n)).
 */

export interface Islands {
  /** Island of each bus, 0 .. count-1, numbered in order of each island's lowest bus index. */
  readonly label: Int32Array;
  /** Number of islands (an isolated bus is an island of its own). */
  readonly count: number;
  /** Number of buses in each island. */
  readonly size: Int32Array;
}

/**
 * Labels the islands formed by the branches with inService[l] ≠ 0 (all branches when
 * inService is omitted). Deterministic: labels follow the lowest bus index of each island.
 *
 * @example
 * const { label, count } = findIslands(4, Int32Array.of(0, 2), Int32Array.of(1, 3), Uint8Array.of(1, 1));
 * // label = [0, 0, 1, 1], count = 2
 */
export function findIslands(nBus: number, from: Int32Array, to: Int32Array, inService?: Uint8Array): Islands {
  if (!Number.isInteger(nBus) || nBus < 0) throw new RangeError(`islands: invalid bus count ${nBus}`);
  const m = from.length;
  if (to.length !== m || (inService && inService.length !== m)) {
    throw new RangeError(`islands: branch arrays differ in length (from ${m}, to ${to.length})`);
  }
  const root = new Int32Array(nBus);
  const setSize = new Int32Array(nBus).fill(1);
  for (let i = 0; i < nBus; i++) root[i] = i;
  const find = (i: number): number => {
    while (root[i] !== i) {
      root[i] = root[root[i]];
      i = root[i];
    }
    return i;
  };
  for (let l = 0; l < m; l++) {
    if (inService && inService[l] === 0) continue;
    const f = from[l];
    const t = to[l];
    if (f < 0 || f >= nBus || t < 0 || t >= nBus) {
      throw new RangeError(`islands: branch ${l} joins bus ${f} and ${t}, outside [0, ${nBus})`);
    }
    let a = find(f);
    let b = find(t);
    if (a === b) continue;
    if (setSize[a] < setSize[b]) [a, b] = [b, a];
    root[b] = a;
    setSize[a] += setSize[b];
  }
  const label = new Int32Array(nBus).fill(-1);
  const labelOfRoot = new Int32Array(nBus).fill(-1);
  const sizes: number[] = [];
  for (let i = 0; i < nBus; i++) {
    const r = find(i);
    if (labelOfRoot[r] < 0) {
      labelOfRoot[r] = sizes.length;
      sizes.push(0);
    }
    label[i] = labelOfRoot[r];
    sizes[label[i]]++;
  }
  return { label, count: sizes.length, size: Int32Array.from(sizes) };
}
