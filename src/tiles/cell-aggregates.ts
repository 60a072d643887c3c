/**
 * Density aggregates for low zooms: each tile is split into 32 × 32 square cells, and every
 * non-empty cell becomes one point at the mean position of its features, with their `count`
 * and summed quantities. Cells nest from zoom to zoom, so the pyramid is built once (finest
 * level from the features, each coarser level from the one below) and a tile's cells are one
 * lookup away. A feature belongs to the one tile and cell its representative point falls in.
 */
import type { AggregateSum } from './layer-properties.ts';
import type { MvtLayerWriter } from './mvt-encoder.ts';
import { round1 } from './layer-properties.ts';
import { TileProjection } from './tile-math.ts';

/** log2 of the cells per tile side: 32 × 32 cells, each 128 tile units square. */
export const CELL_BITS = 5;
export const CELLS_PER_TILE_SIDE = 1 << CELL_BITS;

/** The cells of one zoom level, in Morton order (so each tile's cells are contiguous). */
interface CellLevel {
  cellX: Uint32Array;
  cellY: Uint32Array;
  count: Float64Array;
  /** Sums of world x and y (for the mean position). */
  sumX: Float64Array;
  sumY: Float64Array;
  sums: Float64Array[];
  /** Key tileX·2^z + tileY → [first cell, end) in the arrays above. */
  tiles: Map<number, [number, number]>;
}

/** Spreads the low 16 bits of n to the even bits of a 32-bit number. */
function spreadBits16(n: number): number {
  n &= 0xffff;
  n = (n | (n << 8)) & 0x00ff00ff;
  n = (n | (n << 4)) & 0x0f0f0f0f;
  n = (n | (n << 2)) & 0x33333333;
  n = (n | (n << 1)) & 0x55555555;
  return n >>> 0;
}

/** Morton (Z-order) code of cell (cx, cy), cx and cy < 2^26: exact as a double. */
export function mortonCode(cx: number, cy: number): number {
  const lo = (spreadBits16(cx) | (spreadBits16(cy) << 1)) >>> 0;
  const hi = (spreadBits16(cx >>> 16) | (spreadBits16(cy >>> 16) << 1)) >>> 0;
  return hi * 2 ** 32 + lo;
}

/** Indexes the cells of zoom z (already in Morton order, so each tile's cells are contiguous) by tile. */
function indexTiles(cellX: Uint32Array, cellY: Uint32Array, z: number): Map<number, [number, number]> {
  const tiles = new Map<number, [number, number]>();
  let key = -1;
  let range: [number, number] = [0, 0];
  for (let c = 0; c < cellX.length; c++) {
    const k = (cellX[c] >>> CELL_BITS) * 2 ** z + (cellY[c] >>> CELL_BITS);
    if (k !== key) {
      key = k;
      range = [c, c + 1];
      tiles.set(k, range);
    } else range[1] = c + 1;
  }
  return tiles;
}

/** Index of `value` in sorted array `sorted` (which holds it). */
function binarySearch(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Finest level: each feature's cell by Morton code; the distinct codes, sorted, are the cells. */
function finestLevel(
  worldX: Float64Array,
  worldY: Float64Array,
  sums: readonly AggregateSum[],
  level: number,
): { level: Omit<CellLevel, 'tiles'>; morton: Float64Array } {
  const side = 2 ** level;
  const featureCode = new Float64Array(worldX.length);
  for (let i = 0; i < worldX.length; i++) {
    const x = Math.min(side - 1, Math.max(0, Math.floor(worldX[i] * side)));
    const y = Math.min(side - 1, Math.max(0, Math.floor(worldY[i] * side)));
    featureCode[i] = mortonCode(x, y);
  }
  const sorted = featureCode.slice().sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
  const codes = sorted.slice(0, n);
  const out = {
    cellX: new Uint32Array(n),
    cellY: new Uint32Array(n),
    count: new Float64Array(n),
    sumX: new Float64Array(n),
    sumY: new Float64Array(n),
    sums: sums.map(() => new Float64Array(n)),
  };
  for (let i = 0; i < worldX.length; i++) {
    const r = binarySearch(codes, featureCode[i]);
    if (out.count[r]++ === 0) {
      out.cellX[r] = Math.min(side - 1, Math.max(0, Math.floor(worldX[i] * side)));
      out.cellY[r] = Math.min(side - 1, Math.max(0, Math.floor(worldY[i] * side)));
    }
    out.sumX[r] += worldX[i];
    out.sumY[r] += worldY[i];
    for (let k = 0; k < sums.length; k++) out.sums[k][r] += sums[k].value(i);
  }
  return { level: out, morton: codes };
}

/** The next coarser level: runs of cells sharing a parent (Morton code ÷ 4) merged, order kept. */
function coarserLevel(
  below: Omit<CellLevel, 'tiles'>,
  morton: Float64Array,
): { level: Omit<CellLevel, 'tiles'>; morton: Float64Array } {
  const parent = morton.map((m) => Math.floor(m / 4));
  let n = 0;
  for (let c = 0; c < parent.length; c++) if (c === 0 || parent[c] !== parent[c - 1]) n++;
  const out = {
    cellX: new Uint32Array(n),
    cellY: new Uint32Array(n),
    count: new Float64Array(n),
    sumX: new Float64Array(n),
    sumY: new Float64Array(n),
    sums: below.sums.map(() => new Float64Array(n)),
  };
  const codes = new Float64Array(n);
  let r = -1;
  for (let c = 0; c < parent.length; c++) {
    if (c === 0 || parent[c] !== parent[c - 1]) {
      r++;
      out.cellX[r] = below.cellX[c] >>> 1;
      out.cellY[r] = below.cellY[c] >>> 1;
      codes[r] = parent[c];
    }
    out.count[r] += below.count[c];
    out.sumX[r] += below.sumX[c];
    out.sumY[r] += below.sumY[c];
    for (let k = 0; k < out.sums.length; k++) out.sums[k][r] += below.sums[k][c];
  }
  return { level: out, morton: codes };
}

/** Aggregate cells of one layer for zooms minZoom..maxZoom. */
export class CellPyramid {
  private readonly levels = new Map<number, CellLevel>();
  readonly sumNames: string[];

  /**
   * @param worldX world x (0–1) of each feature's representative point
   * @param worldY world y (0–1, y down)
   * @param sums quantities summed per cell besides the count
   */
  constructor(
    worldX: Float64Array,
    worldY: Float64Array,
    sums: readonly AggregateSum[],
    readonly minZoom: number,
    readonly maxZoom: number,
  ) {
    this.sumNames = sums.map((s) => s.name);
    if (maxZoom < minZoom) return;
    let current = finestLevel(worldX, worldY, sums, maxZoom + CELL_BITS);
    for (let z = maxZoom; ; z--) {
      this.levels.set(z, {
        ...current.level,
        tiles: indexTiles(current.level.cellX, current.level.cellY, z),
      });
      if (z === minZoom) break;
      current = coarserLevel(current.level, current.morton);
    }
  }

  /** Number of cells at zoom z (all tiles). */
  cellCount(z: number): number {
    return this.levels.get(z)?.count.length ?? 0;
  }

  /**
   * Writes the cells of tile z/x/y to `writer` as points with `count` and the sums; feature id
   * is the cell's index in the tile (row · 32 + column) + 1. Returns the number written.
   */
  writeTile(z: number, x: number, y: number, writer: MvtLayerWriter): number {
    const cells = this.levels.get(z);
    const range = cells?.tiles.get(x * 2 ** z + y);
    if (!cells || !range) return 0;
    const proj = new TileProjection(z, x, y, writer.extent);
    const point = [0, 0];
    for (let c = range[0]; c < range[1]; c++) {
      const n = cells.count[c];
      point[0] = Math.round(proj.fromWorldX(cells.sumX[c] / n));
      point[1] = Math.round(proj.fromWorldY(cells.sumY[c] / n));
      const props: Record<string, number> = { count: n };
      this.sumNames.forEach((name, k) => (props[name] = round1(cells.sums[k][c])));
      const col = cells.cellX[c] & (CELLS_PER_TILE_SIDE - 1);
      const row = cells.cellY[c] & (CELLS_PER_TILE_SIDE - 1);
      writer.addPoints(row * CELLS_PER_TILE_SIDE + col + 1, point, props);
    }
    return range[1] - range[0];
  }
}
