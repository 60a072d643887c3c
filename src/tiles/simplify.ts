/**
 * Simplification after clipping: quantization of float tile units to integers, removal of
 * repeated and collinear points (exact, in integer units), ring winding per the MVT spec, and
 * thinning of features smaller than a pixel.
 */
import { PIXEL_UNITS } from './tile-math.ts';

/** Twice the cross product of (b − a) × (c − b). */
function cross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - by) - (by - ay) * (cx - bx);
}

/**
 * Rounds flat points to integers, skipping repeats, and drops middle points that
 * lie on the line through their neighbours. For open lines only points where the line goes on
 * in the same direction are dropped (a turn-back stays); for rings any collinear point is.
 */
function roundAndSimplify(coords: ArrayLike<number>, ring: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < coords.length; i += 2) {
    const x = Math.round(coords[i]);
    const y = Math.round(coords[i + 1]);
    let n = out.length;
    if (n >= 2 && out[n - 2] === x && out[n - 1] === y) continue;
    while (n >= 4) {
      const ax = out[n - 4];
      const ay = out[n - 3];
      const bx = out[n - 2];
      const by = out[n - 1];
      if (cross(ax, ay, bx, by, x, y) !== 0) break;
      if (!ring && (bx - ax) * (x - bx) + (by - ay) * (y - by) <= 0) break;
      out.length = n -= 2;
    }
    out.push(x, y);
  }
  return out;
}

/**
 * Quantizes a clipped line part to integer tile units and simplifies it; null when fewer than
 * two distinct points remain.
 * @example
 * quantizeLine([0.2, 0, 5, 0.1, 10, 0]) // → [0, 0, 10, 0]
 */
export function quantizeLine(coords: ArrayLike<number>): number[] | null {
  const out = roundAndSimplify(coords, false);
  return out.length >= 4 ? out : null;
}

/**
 * Signed area of an open ring by the surveyor's formula, Σ (xᵢ·yᵢ₊₁ − xᵢ₊₁·yᵢ) / 2. In tile
 * units (y down) an MVT exterior ring has a positive area (it runs clockwise on screen).
 */
export function ringArea(ring: ArrayLike<number>): number {
  const n = ring.length >> 1;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const j = i + 1 === n ? 0 : i + 1;
    sum += ring[2 * i] * ring[2 * j + 1] - ring[2 * j] * ring[2 * i + 1];
  }
  return sum / 2;
}

/**
 * Quantizes a clipped open ring to integer tile units, removes repeated and collinear points
 * (also across the closing point) and orients it as an exterior ring (positive area). Null when
 * it collapses (fewer than three points or no area).
 * @example
 * quantizeExteriorRing([0, 0, 0, 10, 5, 10, 10, 10, 10, 0]) // → [0, 0, 10, 0, 10, 10, 0, 10]
 */
export function quantizeExteriorRing(coords: ArrayLike<number>): number[] | null {
  const out = roundAndSimplify(coords, true);
  // Drop a repeated closing point, then collinear points across the seam.
  for (let changed = true; changed && out.length >= 6;) {
    changed = false;
    const n = out.length;
    if (out[0] === out[n - 2] && out[1] === out[n - 1]) {
      out.length = n - 2;
      changed = true;
    } else if (cross(out[n - 4], out[n - 3], out[n - 2], out[n - 1], out[0], out[1]) === 0) {
      out.length = n - 2;
      changed = true;
    } else if (cross(out[n - 2], out[n - 1], out[0], out[1], out[2], out[3]) === 0) {
      out.splice(0, 2);
      changed = true;
    }
  }
  if (out.length < 6) return null;
  const area = ringArea(out);
  if (area === 0) return null;
  return area > 0 ? out : reverseRing(out);
}

/** The ring's points in reverse order (keeping the first point first). */
export function reverseRing(ring: ArrayLike<number>): number[] {
  const n = ring.length >> 1;
  const out = new Array<number>(ring.length);
  for (let i = 0; i < n; i++) {
    const j = i === 0 ? 0 : n - i;
    out[2 * i] = ring[2 * j];
    out[2 * i + 1] = ring[2 * j + 1];
  }
  return out;
}

/**
 * Thinning: true when a feature whose full (unclipped) extent in tile units is `width` × `height`
 * would be smaller than one screen pixel in both directions, so it is left out of the tile.
 */
export function isBelowPixel(width: number, height: number): boolean {
  return width < PIXEL_UNITS && height < PIXEL_UNITS;
}
