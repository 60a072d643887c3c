/** Vector tiles (MVT) of the map layers: the public API of src/tiles. */
export { MAP_LAYERS, MAX_TILE_ZOOM, mapLayer } from './layer-catalogue.ts';
export type { LayerGeometry, LayerGroup, LegendEntry, MapLayer } from './layer-catalogue.ts';
export { DEFAULT_PREWARM_MAX_ZOOM, DEFAULT_TILE_CACHE_BYTES, TileService, tileEtag } from './tile-service.ts';
export type { EncodedTile, TileServiceOptions } from './tile-service.ts';
export { TileRequestError, checkTileRequest } from './tile-request.ts';
export type { TileRequestErrorCode } from './tile-request.ts';
export type { TileCacheStats } from './tile-cache.ts';
export { MVT_VERSION, MvtGeometryType, MvtLayerWriter, encodeMvt } from './mvt-encoder.ts';
export type { MvtProperties, MvtValue } from './mvt-encoder.ts';
export {
  PIXEL_UNITS,
  TILE_BUFFER_UNITS,
  TILE_EXTENT,
  TileProjection,
  latToWorldY,
  lonToWorldX,
  tileBboxLonLat,
  tileRange,
  worldXToLon,
  worldYToLat,
} from './tile-math.ts';
export { CELLS_PER_TILE_SIDE } from './cell-aggregates.ts';
export { ROAD_CLASS_MINZOOM } from './layer-sources.ts';
