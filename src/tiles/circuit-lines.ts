/**
 * Aggregates for dense line layers at low zoom: the lines of each group (the sections of each
 * circuit) snapped to the pixel grid, deduplicated and chained into long paths, one multi-line
 * feature per group and tile. Sections shorter than a pixel vanish, runs stay, so a feeder keeps
 * its shape and colour with a bounded number of segments per tile.
 *
 * The pixel grid of a zoom is the same in every tile (tile edges lie on it), so snapping and
 * chaining happen once per zoom when the service is built; a tile only clips the chains it meets.
 */
import Flatbush from 'flatbush';
import type { ShapeColumn } from '../model/table.ts';
import { clipLine } from './clip.ts';
import type { MvtLayerWriter, MvtProperties } from './mvt-encoder.ts';
import { quantizeLine } from './simplify.ts';
import { PIXEL_UNITS, TILE_BUFFER_UNITS, TILE_EXTENT, latToWorldY, lonToWorldX } from './tile-math.ts';

/** How to merge the rows of a line layer into groups. */
export interface LineGroups {
  /** Group of each row (e.g. its feeder row index); -1 leaves the row out. */
  groupOf: Int32Array;
  /** Properties of group g (feature id is g + 1). */
  properties: (g: number) => MvtProperties;
}

/**
 * Lines snap to the pixel grid from this zoom on; below it to a grid twice as coarse per zoom
 * (2 px at 9, 4 px at 8), since a whole metro fits one tile there and the segments per tile
 * would otherwise double with each zoom level.
 */
export const FULL_RESOLUTION_ZOOM = 10;

/** Snapping step in tile units at zoom z. */
export function snapUnits(z: number): number {
  return PIXEL_UNITS * 2 ** Math.max(0, FULL_RESOLUTION_ZOOM - z);
}

/** The chains of one zoom, in grid units (snap steps from the world's north-west corner). */
interface ChainLevel {
  step: number;
  offsets: number[];
  coords: Int32Array;
  group: Int32Array;
  index: Flatbush | null;
}

/** Walks the segments [u0, v0, u1, v1, ...] between vertices into paths of vertex indices. */
function chainSegments(segments: number[], vertexCount: number): number[][] {
  const count = segments.length / 2;
  const start = new Int32Array(vertexCount + 1);
  for (const v of segments) start[v + 1]++;
  for (let v = 0; v < vertexCount; v++) start[v + 1] += start[v];
  const fill = start.slice(0, vertexCount);
  const incident = new Int32Array(2 * count);
  for (let s = 0; s < count; s++) {
    incident[fill[segments[2 * s]]++] = s;
    incident[fill[segments[2 * s + 1]]++] = s;
  }
  const next = start.slice(0, vertexCount);
  const used = new Uint8Array(count);
  const paths: number[][] = [];
  const walk = (from: number): void => {
    const path = [from];
    for (let v = from; ;) {
      while (next[v] < start[v + 1] && used[incident[next[v]]]) next[v]++;
      if (next[v] === start[v + 1]) break;
      const s = incident[next[v]];
      used[s] = 1;
      v = segments[2 * s] === v ? segments[2 * s + 1] : segments[2 * s];
      path.push(v);
    }
    if (path.length > 1) paths.push(path);
  };
  // Path ends (odd degree) first, so each branch is one walk; then whatever loops remain.
  for (let v = 0; v < vertexCount; v++) if ((start[v + 1] - start[v]) % 2 === 1) walk(v);
  for (let v = 0; v < vertexCount; v++) walk(v);
  return paths;
}

/** Snaps, deduplicates and chains every group's lines on the grid of zoom z. */
function buildLevel(
  worldXY: Float64Array,
  shapes: ShapeColumn,
  rowsByGroup: number[][],
  z: number,
): ChainLevel {
  const step = snapUnits(z);
  const scale = (2 ** z * TILE_EXTENT) / step;
  const offsets = [0];
  const coords: number[] = [];
  const group: number[] = [];
  rowsByGroup.forEach((rows, g) => {
    const vertexOf = new Map<number, number>();
    const vx: number[] = [];
    const vy: number[] = [];
    const vertex = (p: number): number => {
      const gx = Math.round(worldXY[2 * p] * scale);
      const gy = Math.round(worldXY[2 * p + 1] * scale);
      const key = gx * scale + gy;
      let v = vertexOf.get(key);
      if (v === undefined) {
        v = vx.length;
        vertexOf.set(key, v);
        vx.push(gx);
        vy.push(gy);
      }
      return v;
    };
    const seen = new Set<number>();
    const segments: number[] = [];
    for (const r of rows) {
      for (let p = shapes.offsets[r]; p + 1 < shapes.offsets[r + 1]; p++) {
        const a = vertex(p);
        const b = vertex(p + 1);
        if (a === b) continue;
        const key = Math.min(a, b) * 2 ** 26 + Math.max(a, b);
        if (seen.has(key)) continue;
        seen.add(key);
        segments.push(a, b);
      }
    }
    for (const path of chainSegments(segments, vx.length)) {
      for (const v of path) coords.push(vx[v], vy[v]);
      offsets.push(coords.length / 2);
      group.push(g);
    }
  });
  let index: Flatbush | null = null;
  if (group.length > 0) {
    index = new Flatbush(group.length);
    for (let c = 0; c < group.length; c++) {
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let p = offsets[c]; p < offsets[c + 1]; p++) {
        minX = Math.min(minX, coords[2 * p]);
        maxX = Math.max(maxX, coords[2 * p]);
        minY = Math.min(minY, coords[2 * p + 1]);
        maxY = Math.max(maxY, coords[2 * p + 1]);
      }
      index.add(minX, minY, maxX, maxY);
    }
    index.finish();
  }
  return { step, offsets, coords: Int32Array.from(coords), group: Int32Array.from(group), index };
}

/** Per-group generalized lines for zooms minZoom..maxZoom. */
export class GroupedLines {
  private readonly levels = new Map<number, ChainLevel>();

  /** @param shapes lon/lat paths of the rows (2-point lines for line sections) */
  constructor(
    shapes: ShapeColumn,
    private readonly groups: LineGroups,
    readonly minZoom: number,
    readonly maxZoom: number,
  ) {
    // Grid keys (x · scale + y) stay exact doubles up to zoom 17.
    if (maxZoom > 17) throw new Error(`tiles: grouped lines go up to zoom 17, not ${maxZoom}`);
    const worldXY = new Float64Array(shapes.coords.length);
    for (let i = 0; i < worldXY.length; i += 2) {
      worldXY[i] = lonToWorldX(shapes.coords[i]);
      worldXY[i + 1] = latToWorldY(shapes.coords[i + 1]);
    }
    const rowsByGroup: number[][] = [];
    groups.groupOf.forEach((g, r) => {
      if (g >= 0) (rowsByGroup[g] ??= []).push(r);
    });
    for (let g = 0; g < rowsByGroup.length; g++) rowsByGroup[g] ??= [];
    for (let z = minZoom; z <= maxZoom; z++) this.levels.set(z, buildLevel(worldXY, shapes, rowsByGroup, z));
  }

  /** Writes one feature per group meeting tile z/x/y (with its buffer); returns how many. */
  writeTile(z: number, x: number, y: number, writer: MvtLayerWriter): number {
    const level = this.levels.get(z);
    if (!level?.index) return 0;
    const { step, offsets, coords } = level;
    const originX = (x * TILE_EXTENT) / step;
    const originY = (y * TILE_EXTENT) / step;
    const pad = TILE_BUFFER_UNITS / step;
    const found = level.index.search(
      originX - pad,
      originY - pad,
      originX + TILE_EXTENT / step + pad,
      originY + TILE_EXTENT / step + pad,
    );
    const box = { min: -TILE_BUFFER_UNITS, max: TILE_EXTENT + TILE_BUFFER_UNITS };
    const partsOf = new Map<number, number[][]>();
    const scratch: number[] = [];
    for (const c of found.sort((a, b) => a - b)) {
      scratch.length = 0;
      let inside = true;
      for (let p = offsets[c]; p < offsets[c + 1]; p++) {
        const px = (coords[2 * p] - originX) * step;
        const py = (coords[2 * p + 1] - originY) * step;
        if (px < box.min || px > box.max || py < box.min || py > box.max) inside = false;
        scratch.push(px, py);
      }
      for (const part of inside ? [scratch] : clipLine(scratch, box)) {
        const q = quantizeLine(part);
        if (!q) continue;
        const g = level.group[c];
        const parts = partsOf.get(g);
        if (parts) parts.push(q);
        else partsOf.set(g, [q]);
      }
    }
    const groups = [...partsOf.keys()].sort((a, b) => a - b);
    for (const g of groups) writer.addLines(g + 1, partsOf.get(g)!, this.groups.properties(g));
    return groups.length;
  }
}
