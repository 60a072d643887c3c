/**
 * `window.__flux`: the handle browser tests use. `ready` turns true after the map's first `idle`
 * with its tiles loaded; `gridLoaded()` says whether every deck.gl grid layer has its tiles.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface FluxTestHandle {
  map: MapLibreMap;
  ready: boolean;
  gridLoaded: () => boolean;
}

declare global {
  interface Window {
    __flux?: FluxTestHandle;
  }
}

export function exposeMap(map: MapLibreMap, gridLoaded: () => boolean): FluxTestHandle {
  const handle: FluxTestHandle = { map, ready: false, gridLoaded };
  window.__flux = handle;
  const onIdle = (): void => {
    if (map.areTilesLoaded()) {
      handle.ready = true;
      map.off('idle', onIdle);
    }
  };
  map.on('idle', onIdle);
  return handle;
}
