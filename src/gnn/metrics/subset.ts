/**
 * Row selection by a mask, so the same report runs on a subset (e.g. the beyond-zone cases, one
 * grid seed, one operating condition).
 */

/** Picks the masked rows of an array; also carries the selected indices. */
export interface Subset {
  (values: ArrayLike<number>): Float64Array;
  /** Selected row indices, ascending. */
  readonly indices: Int32Array;
  /** Length of the mask (the length every picked array must have). */
  readonly maskLength: number;
}

/**
 * A picker of the rows where `mask` is truthy (true or non-zero), in their original order.
 * Picking from an array of another length throws.
 *
 * @example
 * const beyond = subset([1, 0, 1]);
 * beyond([5, 6, 7]); // Float64Array [5, 7]
 * regressionReport(beyond(truth), beyond(pred));
 */
export function subset(mask: ArrayLike<number | boolean>): Subset {
  if (mask === null || typeof mask !== 'object' || typeof mask.length !== 'number') {
    throw new TypeError(`subset: mask must be an array of booleans or numbers, got ${mask}`);
  }
  const length = mask.length;
  let count = 0;
  for (let i = 0; i < length; i++) if (mask[i]) count++;
  const indices = new Int32Array(count);
  for (let i = 0, j = 0; i < length; i++) if (mask[i]) indices[j++] = i;
  const pick = (values: ArrayLike<number>): Float64Array => {
    if (values === null || typeof values !== 'object' || values.length !== length) {
      throw new RangeError(`subset: values must have the mask's length ${length}, got ${values?.length}`);
    }
    const out = new Float64Array(count);
    for (let j = 0; j < count; j++) out[j] = values[indices[j]];
    return out;
  };
  return Object.assign(pick, { indices, maskLength: length });
}
