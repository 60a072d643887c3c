/**
 * Input checks shared by the metrics. Every error names the function that was called, so a bad
 * call reads `spearman: truth and pred differ in length (3 vs 4)`.
 */

/** Throws unless `values` is array-like (number[], Float32Array, Float64Array, …) of finite numbers. */
export function assertFiniteArray(module: string, name: string, values: ArrayLike<number>): void {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new TypeError(`${module}: ${name} must be an array of numbers, got ${values}`);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new TypeError(`${module}: ${name}[${i}] must be a finite number, got ${v}`);
    }
  }
}

/** Throws unless `a` and `b` are finite-number arrays of equal length; returns that length. */
export function assertPair(
  module: string,
  aName: string,
  a: ArrayLike<number>,
  bName: string,
  b: ArrayLike<number>,
): number {
  assertFiniteArray(module, aName, a);
  assertFiniteArray(module, bName, b);
  if (a.length !== b.length) {
    throw new RangeError(`${module}: ${aName} and ${bName} differ in length (${a.length} vs ${b.length})`);
  }
  return a.length;
}

/** Throws unless every entry of `labels` is exactly 0 or 1; returns the number of ones. */
export function assertBinary(module: string, name: string, labels: ArrayLike<number>): number {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i];
    if (v === 1) positives++;
    else if (v !== 0) throw new RangeError(`${module}: ${name}[${i}] must be 0 or 1, got ${v}`);
  }
  return positives;
}

/** Throws unless every entry of `values` lies in [0, 1]. */
export function assertProbabilities(module: string, name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= 0 && v <= 1)) throw new RangeError(`${module}: ${name}[${i}] must be in [0, 1], got ${v}`);
  }
}

/** True when every entry of `values` lies in [0, 1] (scores that can be read as probabilities). */
export function isProbabilities(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!(values[i] >= 0 && values[i] <= 1)) return false;
  return true;
}

/** Throws unless `value` is a finite number with lo < value ≤ hi. */
export function assertFraction(module: string, name: string, value: number, lo = 0, hi = 1): void {
  if (!(Number.isFinite(value) && value > lo && value <= hi)) {
    throw new RangeError(`${module}: ${name} must be in (${lo}, ${hi}], got ${value}`);
  }
}

/** Throws unless `value` is an integer in lo..hi. */
export function assertInteger(module: string, name: string, value: number, lo: number, hi: number): void {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new RangeError(`${module}: ${name} must be an integer in ${lo}..${hi}, got ${value}`);
  }
}
