/**
 * Web-Mercator tile math: lon/lat ⇄ world coordinates (0–1, y down) ⇄ tile units (0–extent).
 * Tile (z, x, y) covers world x in [x / 2^z, (x + 1) / 2^z), y likewise, as in the XYZ scheme.
 */
import type { Bbox } from '../model/grid-model.ts';

/** Tile units per tile side (MVT spec default). */
export const TILE_EXTENT = 4096;
/** Tile units kept beyond each tile edge so lines and symbols join across tiles. */
export const TILE_BUFFER_UNITS = 64;
/** Tile units per screen pixel when a tile is drawn 512 px wide (MapLibre, deck.gl). */
export const PIXEL_UNITS = TILE_EXTENT / 512;
/** Latitude limit of Web Mercator. */
export const MAX_LATITUDE_DEG = 85.0511287798066;

/** World x (0 at 180° W, 1 at 180° E) of a longitude. */
export function lonToWorldX(lon: number): number {
  return (lon + 180) / 360;
}

/** World y (0 at the north limit, 1 at the south limit) of a latitude. */
export function latToWorldY(lat: number): number {
  const clamped = Math.max(-MAX_LATITUDE_DEG, Math.min(MAX_LATITUDE_DEG, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}

export function worldXToLon(x: number): number {
  return x * 360 - 180;
}

export function worldYToLat(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/**
 * Maps lon/lat to tile units of one tile (floats; 0..extent inside the tile, y down).
 * @example
 * const p = new TileProjection(10, 240, 421);
 * p.x(-95.37); p.y(29.76); // ≈ tile units within tile 10/240/421
 */
export class TileProjection {
  /** World units → tile units. */
  readonly scale: number;
  readonly originX: number;
  readonly originY: number;

  constructor(
    readonly z: number,
    readonly tileX: number,
    readonly tileY: number,
    readonly extent = TILE_EXTENT,
  ) {
    this.scale = 2 ** z * extent;
    this.originX = tileX * extent;
    this.originY = tileY * extent;
  }

  x(lon: number): number {
    return lonToWorldX(lon) * this.scale - this.originX;
  }

  y(lat: number): number {
    return latToWorldY(lat) * this.scale - this.originY;
  }

  /** Tile units from world coordinates. */
  fromWorldX(wx: number): number {
    return wx * this.scale - this.originX;
  }

  fromWorldY(wy: number): number {
    return wy * this.scale - this.originY;
  }
}

/**
 * Lon/lat box [west, south, east, north] of tile (z, x, y) grown by `bufferUnits` tile units
 * on every side.
 */
export function tileBboxLonLat(z: number, x: number, y: number, bufferUnits = 0, extent = TILE_EXTENT): Bbox {
  const n = 2 ** z;
  const pad = bufferUnits / extent;
  return [
    worldXToLon((x - pad) / n),
    worldYToLat((y + 1 + pad) / n),
    worldXToLon((x + 1 + pad) / n),
    worldYToLat((y - pad) / n),
  ];
}

/** Tiles at zoom z whose area meets lon/lat box `bbox`: inclusive ranges of x and y. */
export function tileRange(bbox: Bbox, z: number): { x0: number; y0: number; x1: number; y1: number } {
  const n = 2 ** z;
  const clamp = (v: number): number => Math.max(0, Math.min(n - 1, Math.floor(v * n)));
  return {
    x0: clamp(lonToWorldX(bbox[0])),
    x1: clamp(lonToWorldX(bbox[2])),
    y0: clamp(latToWorldY(bbox[3])),
    y1: clamp(latToWorldY(bbox[1])),
  };
}
