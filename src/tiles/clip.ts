/**
 * Clipping of lines and polygon rings to an axis-aligned box (a tile plus its buffer), in float
 * tile units: Liang–Barsky for line segments, Sutherland–Hodgman for rings.
 */

/** Axis-aligned box in tile units; min inclusive, max inclusive. */
export interface ClipBox {
  min: number;
  max: number;
}

/** Parameter range of a segment inside the box, narrowed edge by edge. */
interface Range {
  t0: number;
  t1: number;
}
const range: Range = { t0: 0, t1: 1 };

/** Narrows `r` by one box edge (p: direction towards it, q: distance inside); false if none is left. */
function clipEdge(p: number, q: number, r: Range): boolean {
  if (p === 0) return q >= 0;
  const t = q / p;
  if (p < 0) {
    if (t > r.t1) return false;
    if (t > r.t0) r.t0 = t;
  } else {
    if (t < r.t0) return false;
    if (t < r.t1) r.t1 = t;
  }
  return true;
}

/**
 * Clips polyline `coords` (flat x, y pairs) to the square [min, max]². Returns its parts inside
 * (flat, at least two points each); a line leaving and re-entering gives several parts.
 * @example
 * clipLine([-10, 2, 10, 2], { min: 0, max: 4 }) // → [[0, 2, 4, 2]]
 */
export function clipLine(coords: ArrayLike<number>, box: ClipBox): number[][] {
  const parts: number[][] = [];
  let current: number[] | null = null;
  const n = coords.length >> 1;
  if (n === 1) return parts;
  const { min, max } = box;
  for (let i = 0; i + 1 < n; i++) {
    const x0 = coords[2 * i];
    const y0 = coords[2 * i + 1];
    const dx = coords[2 * i + 2] - x0;
    const dy = coords[2 * i + 3] - y0;
    // Liang–Barsky: the segment's parameter range [t0, t1] inside the box.
    range.t0 = 0;
    range.t1 = 1;
    const inside =
      clipEdge(-dx, x0 - min, range) &&
      clipEdge(dx, max - x0, range) &&
      clipEdge(-dy, y0 - min, range) &&
      clipEdge(dy, max - y0, range);
    const { t0, t1 } = range;
    if (!inside) {
      current = null;
      continue;
    }
    const x1 = t1 === 1 ? coords[2 * i + 2] : x0 + t1 * dx;
    const y1 = t1 === 1 ? coords[2 * i + 3] : y0 + t1 * dy;
    if (current && t0 === 0) current.push(x1, y1);
    else {
      current = [t0 === 0 ? x0 : x0 + t0 * dx, t0 === 0 ? y0 : y0 + t0 * dy, x1, y1];
      parts.push(current);
    }
    if (t1 < 1) current = null;
  }
  return parts;
}

/** One Sutherland–Hodgman pass: keeps the side of axis `axis` (0 = x, 1 = y) where sign·(v − bound) ≤ 0. */
function clipRingEdge(ring: number[], axis: 0 | 1, bound: number, sign: 1 | -1): number[] {
  const out: number[] = [];
  const n = ring.length >> 1;
  if (n === 0) return out;
  let px = ring[2 * n - 2];
  let py = ring[2 * n - 1];
  let pIn = sign * ((axis === 0 ? px : py) - bound) <= 0;
  for (let i = 0; i < n; i++) {
    const cx = ring[2 * i];
    const cy = ring[2 * i + 1];
    const cIn = sign * ((axis === 0 ? cx : cy) - bound) <= 0;
    if (cIn !== pIn) {
      // The edge crosses the bound: add the crossing point.
      const t = axis === 0 ? (bound - px) / (cx - px) : (bound - py) / (cy - py);
      out.push(axis === 0 ? bound : px + t * (cx - px), axis === 0 ? py + t * (cy - py) : bound);
    }
    if (cIn) out.push(cx, cy);
    px = cx;
    py = cy;
    pIn = cIn;
  }
  return out;
}

/**
 * Clips open ring `ring` (flat x, y pairs, no repeated closing point) to the square
 * [min, max]². The result is an open ring, empty when nothing is inside; its winding is kept.
 * @example
 * clipRing([-2, -2, 2, -2, 2, 2, -2, 2], { min: 0, max: 4 }) // → [0, 0, 2, 0, 2, 2, 0, 2] (rotated)
 */
export function clipRing(ring: ArrayLike<number>, box: ClipBox): number[] {
  let out = Array.from(ring);
  out = clipRingEdge(out, 0, box.min, -1);
  out = clipRingEdge(out, 0, box.max, 1);
  out = clipRingEdge(out, 1, box.min, -1);
  out = clipRingEdge(out, 1, box.max, 1);
  return out;
}
