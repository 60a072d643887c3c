/**
 * Validation of tile requests and the typed error the HTTP route maps to a status: 404 for an
 * unknown layer, 400 for a zoom or x/y out of range or not an integer.
 */
import { MAX_TILE_ZOOM, mapLayer, type MapLayer } from './layer-catalogue.ts';

export type TileRequestErrorCode = 'unknown_layer' | 'bad_zoom' | 'bad_tile';

/** A tile request that cannot be served; `statusCode` is what Fastify's error handler sends. */
export class TileRequestError extends Error {
  readonly statusCode: 400 | 404;

  constructor(
    readonly code: TileRequestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TileRequestError';
    this.statusCode = code === 'unknown_layer' ? 404 : 400;
  }
}

/**
 * The map layer `layerId`, after checking z in 0..MAX_TILE_ZOOM and x, y in 0..2^z − 1 (all
 * integers). Throws TileRequestError otherwise.
 */
export function checkTileRequest(layerId: string, z: number, x: number, y: number): MapLayer {
  const layer = mapLayer(layerId);
  if (!layer) throw new TileRequestError('unknown_layer', `tiles: unknown layer '${layerId}'`);
  if (!Number.isInteger(z) || z < 0 || z > MAX_TILE_ZOOM) {
    throw new TileRequestError('bad_zoom', `tiles: zoom must be an integer in 0..${MAX_TILE_ZOOM}, got ${z}`);
  }
  const n = 2 ** z;
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n) {
    throw new TileRequestError(
      'bad_tile',
      `tiles: x and y must be integers in 0..${n - 1} at zoom ${z}, got ${x}/${y}`,
    );
  }
  return layer;
}
