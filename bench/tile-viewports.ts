/**
 * The tile requests a map client makes for a viewport: MapLibre (basemap and context layers, no
 * source bounds) and deck.gl MVTLayers (grid layers, clipped to the dataset region), both with
 * 512 px tiles, so at an integer zoom z they load exactly the z tiles the viewport touches.
 */
import type { Bbox } from '../src/model/grid-model.ts';
import { MAP_LAYERS, type MapLayer } from '../src/tiles/layer-catalogue.ts';
import { latToWorldY, lonToWorldX, tileRange } from '../src/tiles/tile-math.ts';

export const TILE_SIZE_PX = 512;

export interface Viewport {
  name: string;
  lon: number;
  lat: number;
}

export interface TileRequest {
  layer: string;
  z: number;
  x: number;
  y: number;
  path: string;
}

/** Layers a client loads: every default-visible one, plus meters and customers. */
export function benchLayers(extra: readonly string[] = ['meters', 'customers']): MapLayer[] {
  return MAP_LAYERS.filter((l) => l.defaultVisible || extra.includes(l.id));
}

/** Inclusive tile ranges a `widthPx`×`heightPx` view centred on lon/lat touches at zoom z. */
export function viewportTileRange(v: Viewport, z: number, widthPx: number, heightPx: number) {
  const worldPx = TILE_SIZE_PX * 2 ** z;
  const cx = lonToWorldX(v.lon) * worldPx;
  const cy = latToWorldY(v.lat) * worldPx;
  const n = 2 ** z;
  const clamp = (t: number): number => Math.max(0, Math.min(n - 1, t));
  return {
    x0: clamp(Math.floor((cx - widthPx / 2) / TILE_SIZE_PX)),
    x1: clamp(Math.ceil((cx + widthPx / 2) / TILE_SIZE_PX) - 1),
    y0: clamp(Math.floor((cy - heightPx / 2) / TILE_SIZE_PX)),
    y1: clamp(Math.ceil((cy + heightPx / 2) / TILE_SIZE_PX) - 1),
  };
}

/**
 * The unique tile requests for `viewports` at zoom z over `layers`; grid layers skip tiles outside
 * `region` (the web app passes it as the MVTLayer extent), layers below their minzoom are skipped.
 */
export function viewportRequests(
  viewports: readonly Viewport[],
  z: number,
  layers: readonly MapLayer[],
  region: Bbox,
  widthPx = 1600,
  heightPx = 1000,
): TileRequest[] {
  const seen = new Set<string>();
  const out: TileRequest[] = [];
  const inRegion = tileRange(region, z);
  for (const v of viewports) {
    const r = viewportTileRange(v, z, widthPx, heightPx);
    for (const layer of layers) {
      if (z < layer.minzoom) continue;
      const clip = layer.group === 'grid';
      for (let x = r.x0; x <= r.x1; x++) {
        for (let y = r.y0; y <= r.y1; y++) {
          if (clip && (x < inRegion.x0 || x > inRegion.x1 || y < inRegion.y0 || y > inRegion.y1)) continue;
          const path = `/tiles/${layer.id}/${z}/${x}/${y}.mvt`;
          if (seen.has(path)) continue;
          seen.add(path);
          out.push({ layer: layer.id, z, x, y, path });
        }
      }
    }
  }
  return out;
}
