/**
 * Precision@k for the riskiest fraction: of the k assets the model ranks riskiest, how many are
 * truly among the riskiest.
 *
 * Tie rules (deterministic, documented):
 * - predicted top-k: exactly k items, by score descending; equal scores are taken in index
 *   order (lower index first). A model that ties many scores is therefore ranked by index there.
 * - true top fraction: every item whose truth is ≥ the k-th largest truth value. Items tied with
 *   the k-th value all count as truly top, so a prediction is not penalized for breaking a tie in
 *   the truth differently; this set can hold more than k items (`relevant` reports its size), and
 *   when the k-th largest truth equals the smallest (e.g. most assets shed nothing) every item
 *   counts and precision is trivially 1 — read `relevant` before trusting the number.
 */
import { argsort } from './sort.ts';
import { assertBinary, assertFiniteArray, assertFraction, assertInteger, assertPair } from './check.ts';

export interface PrecisionAtK {
  /** Size of the predicted top set. */
  k: number;
  /** Relevant items among the predicted top k. */
  hits: number;
  /** Relevant items in the whole set (the true top set, or the positives). */
  relevant: number;
  /** hits / k. */
  precision: number;
}

/**
 * k = ⌈fraction × n⌉, at least 1 when n > 0; a product within 1e-9 (relative) of an integer is
 * taken as that integer, so 0.01 × 300 gives 3, not 4.
 *
 * @example
 * topFractionK(250, 0.01); // 3
 */
export function topFractionK(n: number, fraction: number): number {
  assertInteger('topFractionK', 'n', n, 0, 2 ** 31 - 1);
  assertFraction('topFractionK', 'fraction', fraction);
  if (n === 0) return 0;
  const x = fraction * n;
  const r = Math.round(x);
  const k = Math.abs(x - r) <= 1e-9 * Math.max(1, x) ? r : Math.ceil(x);
  return Math.max(1, Math.min(n, k));
}

/**
 * Indices of the k largest values, largest first; equal values in index order. O(n log n).
 *
 * @example
 * topKIndices([5, 9, 5, 1], 2); // Int32Array [1, 0]
 */
export function topKIndices(values: ArrayLike<number>, k: number): Int32Array {
  assertFiniteArray('topKIndices', 'values', values);
  assertInteger('topKIndices', 'k', k, 0, values.length);
  return argsort(values, 'descending').slice(0, k);
}

/**
 * Membership (1/0) of the true top fraction: truth ≥ the k-th largest truth value, with
 * k = topFractionK(n, fraction). Ties at the boundary are all members.
 *
 * @example
 * inTopFraction([3, 7, 7, 1], 0.25); // Uint8Array [0, 1, 1, 0]  (k = 1, k-th largest 7)
 */
export function inTopFraction(truth: ArrayLike<number>, fraction: number): Uint8Array {
  assertFiniteArray('inTopFraction', 'truth', truth);
  assertFraction('inTopFraction', 'fraction', fraction);
  return inTopFractionUnchecked(truth, topFractionK(truth.length, fraction));
}

function inTopFractionUnchecked(truth: ArrayLike<number>, k: number): Uint8Array {
  const n = truth.length;
  const member = new Uint8Array(n);
  if (k === 0) return member;
  const kth = truth[argsort(truth, 'descending')[k - 1]];
  for (let i = 0; i < n; i++) member[i] = truth[i] >= kth ? 1 : 0;
  return member;
}

/**
 * Precision@k against a 0/1 relevance mask: hits = relevant items among the k highest scores
 * (equal scores in index order), precision = hits / k. Null when k is 0.
 *
 * @example
 * precisionAtK([1, 0, 1, 0], [0.9, 0.8, 0.1, 0.7], 2); // { k: 2, hits: 1, relevant: 2, precision: 0.5 }
 */
export function precisionAtK(
  relevant01: ArrayLike<number>,
  score: ArrayLike<number>,
  k: number,
): PrecisionAtK | null {
  const n = assertPair('precisionAtK', 'relevant01', relevant01, 'score', score);
  const relevant = assertBinary('precisionAtK', 'relevant01', relevant01);
  assertInteger('precisionAtK', 'k', k, 0, n);
  return precisionAtKUnchecked(relevant01, relevant, score, k);
}

function precisionAtKUnchecked(
  relevant01: ArrayLike<number>,
  relevant: number,
  score: ArrayLike<number>,
  k: number,
): PrecisionAtK | null {
  if (k === 0) return null;
  const top = argsort(score, 'descending');
  let hits = 0;
  for (let j = 0; j < k; j++) hits += relevant01[top[j]];
  return { k, hits, relevant, precision: hits / k };
}

/**
 * Precision@k for the riskiest `fraction` (e.g. 0.01): k = topFractionK(n, fraction), the true
 * top set is inTopFraction(truth, fraction), the predicted set the k highest scores. Null for
 * empty input.
 *
 * @example
 * precisionAtFraction([10, 0, 7, 3], [0.9, 0.8, 0.1, 0.7], 0.5);
 * // k = 2; true top {0, 2} (truth ≥ 7); predicted {0, 1}; { k: 2, hits: 1, relevant: 2, precision: 0.5 }
 */
export function precisionAtFraction(
  truth: ArrayLike<number>,
  score: ArrayLike<number>,
  fraction: number,
): PrecisionAtK | null {
  const n = assertPair('precisionAtFraction', 'truth', truth, 'score', score);
  assertFraction('precisionAtFraction', 'fraction', fraction);
  const k = topFractionK(n, fraction);
  const member = inTopFractionUnchecked(truth, k);
  let relevant = 0;
  for (let i = 0; i < n; i++) relevant += member[i];
  return precisionAtKUnchecked(member, relevant, score, k);
}
