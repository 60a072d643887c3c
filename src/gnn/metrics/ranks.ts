/**
 * Fractional ranking ("average" ranks, scipy.stats.rankdata's default): 1-based ranks where
 * every member of a group of equal values gets the mean of the positions the group occupies.
 */
import { argsort } from './sort.ts';
import { assertFiniteArray } from './check.ts';

/**
 * Average ranks of `values`, 1-based: the smallest value has rank 1; a tie spanning positions
 * p..q (1-based, in ascending order) gives each member (p + q) / 2. The ranks always sum to
 * n (n + 1) / 2.
 *
 * @example
 * averageRanks([10, 20, 20, 5]); // Float64Array [2, 3.5, 3.5, 1]
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  assertFiniteArray('averageRanks', 'values', values);
  return averageRanksUnchecked(values);
}

/** averageRanks without the input check, for callers that have already checked. */
export function averageRanksUnchecked(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = argsort(values);
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    const v = values[order[start]];
    let end = start + 1;
    while (end < n && values[order[end]] === v) end++;
    // positions start..end-1 (0-based) are ranks start+1..end; their mean is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let j = start; j < end; j++) ranks[order[j]] = rank;
    start = end;
  }
  return ranks;
}
