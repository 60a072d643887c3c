/**
 * Brute-force answers for tile tests: which rows of the model a tile should hold, found by
 * scanning every row with plain geometry tests (no index, no clipping code from src/tiles).
 */
import type { ShapeColumn } from '../../src/model/table.ts';
import { TileProjection, latToWorldY, lonToWorldX } from '../../src/tiles/tile-math.ts';

export interface Box {
  min: number;
  max: number;
}

function inBox(x: number, y: number, b: Box): boolean {
  return x >= b.min && x <= b.max && y >= b.min && y <= b.max;
}

/** Do segments p1–p2 and q1–q2 intersect (touching counts)? */
function segmentsMeet(
  p1x: number,
  p1y: number,
  p2x: number,
  p2y: number,
  q1x: number,
  q1y: number,
  q2x: number,
  q2y: number,
): boolean {
  const o = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number =>
    Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  const d1 = o(p1x, p1y, p2x, p2y, q1x, q1y);
  const d2 = o(p1x, p1y, p2x, p2y, q2x, q2y);
  const d3 = o(q1x, q1y, q2x, q2y, p1x, p1y);
  const d4 = o(q1x, q1y, q2x, q2y, p2x, p2y);
  if (d1 !== d2 && d3 !== d4) return true;
  const on = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean =>
    Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
  return (
    (d1 === 0 && on(p1x, p1y, p2x, p2y, q1x, q1y)) ||
    (d2 === 0 && on(p1x, p1y, p2x, p2y, q2x, q2y)) ||
    (d3 === 0 && on(q1x, q1y, q2x, q2y, p1x, p1y)) ||
    (d4 === 0 && on(q1x, q1y, q2x, q2y, p2x, p2y))
  );
}

function segmentMeetsBox(ax: number, ay: number, bx: number, by: number, b: Box): boolean {
  if (inBox(ax, ay, b) || inBox(bx, by, b)) return true;
  const { min, max } = b;
  return (
    segmentsMeet(ax, ay, bx, by, min, min, max, min) ||
    segmentsMeet(ax, ay, bx, by, max, min, max, max) ||
    segmentsMeet(ax, ay, bx, by, max, max, min, max) ||
    segmentsMeet(ax, ay, bx, by, min, max, min, min)
  );
}

function pointInRing(x: number, y: number, ring: number[]): boolean {
  let inside = false;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi, xj, yj] = [ring[2 * i], ring[2 * i + 1], ring[2 * j], ring[2 * j + 1]];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Rows of a point table whose position, in tile units of z/x/y, lies in box `b`. */
export function pointRowsIn(
  lon: Float64Array,
  lat: Float64Array,
  z: number,
  x: number,
  y: number,
  b: Box,
): Set<number> {
  const proj = new TileProjection(z, x, y);
  const rows = new Set<number>();
  for (let r = 0; r < lon.length; r++) if (inBox(proj.x(lon[r]), proj.y(lat[r]), b)) rows.add(r);
  return rows;
}

/** Rows of a path or ring table whose geometry meets box `b` (tile units of z/x/y). */
export function shapeRowsMeeting(
  shapes: ShapeColumn,
  polygon: boolean,
  z: number,
  x: number,
  y: number,
  b: Box,
): Set<number> {
  const proj = new TileProjection(z, x, y);
  const rows = new Set<number>();
  const size = shapes.offsets.length - 1;
  for (let r = 0; r < size; r++) {
    const pts: number[] = [];
    for (let p = shapes.offsets[r]; p < shapes.offsets[r + 1]; p++)
      pts.push(proj.x(shapes.coords[2 * p]), proj.y(shapes.coords[2 * p + 1]));
    const n = pts.length / 2;
    let meets = false;
    const edges = polygon ? n : n - 1;
    for (let i = 0; i < edges && !meets; i++) {
      const j = (i + 1) % n;
      meets = segmentMeetsBox(pts[2 * i], pts[2 * i + 1], pts[2 * j], pts[2 * j + 1], b);
    }
    if (!meets && polygon) meets = pointInRing(b.min, b.min, pts);
    if (meets) rows.add(r);
  }
  return rows;
}

/** Rows whose world position falls in tile z/x/y (the tile an aggregate counts them in). */
export function pointRowsInTile(
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  z: number,
  x: number,
  y: number,
): number[] {
  const n = 2 ** z;
  const rows: number[] = [];
  for (let r = 0; r < lon.length; r++) {
    if (Math.floor(lonToWorldX(lon[r]) * n) === x && Math.floor(latToWorldY(lat[r]) * n) === y) rows.push(r);
  }
  return rows;
}

/** Line sections as 2-point paths between their nodes (as the feeders layer draws them). */
export function sectionShapes(
  from: Int32Array,
  to: Int32Array,
  lon: Float64Array,
  lat: Float64Array,
): ShapeColumn {
  const coords = new Float64Array(4 * from.length);
  from.forEach((a, s) => coords.set([lon[a], lat[a], lon[to[s]], lat[to[s]]], 4 * s));
  return { offsets: Uint32Array.from({ length: from.length + 1 }, (_, i) => 2 * i), coords };
}
