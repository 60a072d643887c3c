/**
 * The one sort every rank-based metric shares: an index permutation, O(n log n), with a
 * deterministic tie rule (equal values keep index order, lower index first; −0 equals 0).
 *
 * Small inputs use a comparator sort; from RADIX_MIN values on, a stable LSD radix sort over the
 * 64-bit order-preserving image of each float64 (4 passes of 16 bits, passes whose digit is the
 * same for every value skipped) — about 15× faster than the comparator at a million values and
 * exactly the same order.
 */

/** Inputs at least this long are radix-sorted. */
export const RADIX_MIN = 2048;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;

/**
 * Indices that sort `values` ascending (or descending); equal values stay in index order.
 * Values must be finite or ±Infinity (callers check); NaN has no place in the order.
 *
 * @example
 * argsort([3, 1, 3, 2]); // Int32Array [1, 3, 0, 2]
 * argsort([3, 1, 3, 2], 'descending'); // Int32Array [0, 2, 3, 1]
 */
export function argsort(
  values: ArrayLike<number>,
  order: 'ascending' | 'descending' = 'ascending',
): Int32Array {
  return values.length >= RADIX_MIN
    ? radixArgsort(values, order === 'descending')
    : comparatorArgsort(values, order === 'descending');
}

function comparatorArgsort(values: ArrayLike<number>, descending: boolean): Int32Array {
  const n = values.length;
  const v = Float64Array.from(values);
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  // Ordered inputs: the comparison never sees NaN; ties fall back to the index.
  if (descending) idx.sort((a, b) => (v[a] < v[b] ? 1 : v[a] > v[b] ? -1 : a - b));
  else idx.sort((a, b) => (v[a] < v[b] ? -1 : v[a] > v[b] ? 1 : a - b));
  return idx;
}

function radixArgsort(values: ArrayLike<number>, descending: boolean): Int32Array {
  const n = values.length;
  // Order-preserving unsigned image of each float64: flip all bits of negatives, the sign bit of
  // the rest; for descending order complement it, so a stable ascending sort keeps ties in index order.
  const f = new Float64Array(1);
  const w = new Uint32Array(f.buffer);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    f[0] = values[i] === 0 ? 0 : values[i]; // −0 → 0
    let h = w[HI];
    let l = w[LO];
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else h |= 0x80000000;
    if (descending) {
      h = ~h;
      l = ~l;
    }
    hi[i] = h >>> 0;
    lo[i] = l >>> 0;
  }
  let idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let tmp = new Int32Array(n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(key[i] >>> shift) & 0xffff]++;
    if (count[(key[0] >>> shift) & 0xffff] === n) continue; // one digit for all: order unchanged
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let j = 0; j < n; j++) {
      const i = idx[j];
      tmp[count[(key[i] >>> shift) & 0xffff]++] = i;
    }
    const t = idx;
    idx = tmp;
    tmp = t;
  }
  return idx;
}
