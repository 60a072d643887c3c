/**
 * Stored coordinate precision. Path and polygon vertices are stored as Int32 at 1e-7 degree
 * (about 1 cm), which keeps the 2.67M building footprints of a metro dataset small. Apply
 * `quantizeCoord` (or `quantizeCoordsInPlace`) to shape coordinates before hashing or writing a
 * model, so the in-memory model and the stored one are identical. Point lon/lat columns are stored
 * as exact REAL values and need no quantizing.
 */

import { COORD_SCALE, quantizeDegrees } from '../model/geo.ts';

export { COORD_SCALE };

/** Largest |coordinate| in degrees that fits the Int32 encoding (±180 needs 1.8e9 < 2^31). */
export const COORD_LIMIT_DEG = 180;

/** The value a shape coordinate reads back as (the model's quantizeDegrees). */
export const quantizeCoord = quantizeDegrees;

/** Rounds every value of a flat [lon, lat, ...] array in place; returns the same array. */
export function quantizeCoordsInPlace(coords: Float64Array): Float64Array {
  for (let i = 0; i < coords.length; i++) coords[i] = quantizeCoord(coords[i]);
  return coords;
}
