/**
 * The vector tile service behind `GET /tiles/{layer}/{z}/{x}/{y}.mvt`: built once from a
 * GridModel and its derived state, it indexes every map layer and serves encoded tiles
 * (uncompressed MVT; the route gzips) from an LRU cache with a byte budget, each with a content
 * ETag.
 * @example
 * const tiles = new TileService(model);
 * const { body, etag, features } = tiles.getTile('transformers', 15, 7715, 13550);
 */
import { createHash } from 'node:crypto';
import type { GridModel } from '../model/grid-model.ts';
import { BASE_CASE } from '../model/operating-conditions.ts';
import { computeDistributionLoading, type DistributionLoading } from '../powerflow/radial-loading.ts';
import { buildDistributionGraph } from '../topology/distribution-graph.ts';
import { computeEnergization, type Energization } from '../topology/energization.ts';
import { MAP_LAYERS, type MapLayer } from './layer-catalogue.ts';
import type { TileState } from './layer-properties.ts';
import { buildLayerSource, type LayerSource } from './layer-sources.ts';
import { encodeMvt } from './mvt-encoder.ts';
import { buildTileLayer } from './tile-builder.ts';
import { TileCache, type TileCacheStats } from './tile-cache.ts';
import { tileRange } from './tile-math.ts';
import { checkTileRequest } from './tile-request.ts';

// Re-exported: the HTTP route maps it to 400/404.
export { TileRequestError } from './tile-request.ts';
export type { TileRequestErrorCode } from './tile-request.ts';

/** One encoded tile. */
export interface EncodedTile {
  /** Uncompressed MVT; empty (0 bytes) when the tile has no features. */
  body: Buffer;
  /** Strong ETag of the body, quoted: `"…"`. */
  etag: string;
  /** Features in the tile (aggregate cells or circuit lines count one each). */
  features: number;
}

export interface TileServiceOptions {
  /** Energization to show; computed from the model's normal switching state when absent. */
  energization?: Energization;
  /** Loading to show; the base case (BASE_CASE) when absent. */
  loading?: DistributionLoading;
  /** Byte budget of the tile cache; default 256 MiB. 0 disables caching. */
  cacheBytes?: number;
}

export const DEFAULT_TILE_CACHE_BYTES = 256 * 1024 * 1024;
/** Pre-warming covers zooms up to this one by default. */
export const DEFAULT_PREWARM_MAX_ZOOM = 10;

/** Content ETag: a quoted SHA-1 (base64url) of the body. */
export function tileEtag(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

export class TileService {
  private readonly sources = new Map<string, LayerSource>();
  private readonly cache: TileCache<EncodedTile>;
  /** Milliseconds spent building the sources (indexes, aggregate pyramids). */
  readonly buildMs: number;

  constructor(
    private readonly model: GridModel,
    options: TileServiceOptions = {},
  ) {
    const started = performance.now();
    const state: TileState = {
      energization: options.energization ?? computeEnergization(model),
      loading:
        options.loading ??
        computeDistributionLoading(model.tables, buildDistributionGraph(model.tables), BASE_CASE),
    };
    for (const layer of MAP_LAYERS) this.sources.set(layer.id, buildLayerSource(model, state, layer));
    this.cache = new TileCache(options.cacheBytes ?? DEFAULT_TILE_CACHE_BYTES);
    this.buildMs = performance.now() - started;
  }

  /** The map layers served, in catalogue order. */
  get layers(): readonly MapLayer[] {
    return MAP_LAYERS;
  }

  /**
   * Tile z/x/y of map layer `layerId`. Throws TileRequestError for an unknown layer (404) or a
   * zoom or x/y out of range (400). Below the layer's minzoom the tile is empty; below its
   * detailMinzoom it carries aggregates.
   */
  getTile(layerId: string, z: number, x: number, y: number): EncodedTile {
    checkTileRequest(layerId, z, x, y);
    const key = `${layerId}/${z}/${x}/${y}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const layer = buildTileLayer(this.sources.get(layerId)!, z, x, y);
    const body = Buffer.from(encodeMvt([layer]));
    const tile: EncodedTile = { body, etag: tileEtag(body), features: layer.size };
    this.cache.set(key, tile);
    return tile;
  }

  /**
   * Encodes and caches every tile up to `maxZoom` over the model's region, for every layer
   * (aggregates and sparse layers: the tiles everyone loads first). Returns the tile count and
   * the time taken.
   */
  prewarm(maxZoom = DEFAULT_PREWARM_MAX_ZOOM): { tiles: number; ms: number } {
    const started = performance.now();
    let tiles = 0;
    for (const layer of MAP_LAYERS) {
      for (let z = layer.minzoom; z <= maxZoom; z++) {
        const { x0, x1, y0, y1 } = tileRange(this.model.meta.region, z);
        for (let x = x0; x <= x1; x++) {
          for (let y = y0; y <= y1; y++) {
            this.getTile(layer.id, z, x, y);
            tiles++;
          }
        }
      }
    }
    return { tiles, ms: performance.now() - started };
  }

  cacheStats(): TileCacheStats {
    return this.cache.stats();
  }

  /** Drops every cached tile (benchmarks measure cold tiles this way). */
  clearCache(): void {
    this.cache.clear();
  }
}
