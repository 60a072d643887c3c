/**
 * The map: MapLibre draws the basemap and context layers from our own tiles; deck.gl (through
 * MapLibreOverlay) draws the grid on top, pickable. Reports view changes, hovers and picks.
 */
import { useEffect, useRef, useState } from 'react';
import maplibregl from 'maplibre-gl';
import type { Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Bbox, LayerInfo, LonLat } from '../api/types.ts';
import type { FeatureLike } from '../layers/feature-props.ts';
import { aggregateCount, propsOf, str } from '../layers/feature-props.ts';
import { HoverTooltip } from '../panels/HoverTooltip.tsx';
import type { HoverState } from '../panels/HoverTooltip.tsx';
import { buildBasemapStyle, maplibreLayers, styleLayerIds } from './basemap-style.ts';
import { catalogueIdOfDeckLayer, layerById } from './catalogue.ts';
import { allTilesLoaded } from './deck-layers.ts';
import { exposeMap } from './flux-global.ts';
import type { MapView as View } from './url-state.ts';

/** A camera move asked of the map; a new `seq` triggers it. */
export interface FlyRequest {
  seq: number;
  center?: LonLat;
  zoom?: number;
  bounds?: Bbox;
  animate: boolean;
}

/** A click on a grid asset. */
export interface AssetPick {
  id: string;
  layerId: string;
  position: LonLat | null;
}

export interface MapViewProps {
  region: Bbox;
  catalogue: readonly LayerInfo[];
  visible: ReadonlySet<string>;
  initialView: View | null;
  deckLayers: Layer[];
  flyRequest: FlyRequest | null;
  onViewChange: (view: View) => void;
  onPick: (pick: AssetPick) => void;
}

const CONTEXT_FILL_LAYERS = ['flood_zones-fill', 'service_areas-fill'];

function currentView(map: MapLibreMap): View {
  const c = map.getCenter();
  return { zoom: map.getZoom(), lat: c.lat, lon: c.lng };
}

function applyVisibility(
  map: MapLibreMap,
  catalogue: readonly LayerInfo[],
  visible: ReadonlySet<string>,
): void {
  for (const layer of maplibreLayers(catalogue)) {
    const visibility = visible.has(layer.id) ? 'visible' : 'none';
    for (const id of styleLayerIds(layer)) {
      if (map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== visibility) {
        map.setLayoutProperty(id, 'visibility', visibility);
      }
    }
  }
}

export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const styleLoaded = useRef(false);
  const latest = useRef(props);
  latest.current = props;
  const [deckHover, setDeckHover] = useState<HoverState | null>(null);
  const [contextHover, setContextHover] = useState<HoverState | null>(null);

  // Create the map and overlay once.
  useEffect(() => {
    const { region, catalogue, visible, initialView } = latest.current;
    const map = new maplibregl.Map({
      container: container.current!,
      style: buildBasemapStyle(catalogue, visible),
      ...(initialView
        ? { center: [initialView.lon, initialView.lat] as LonLat, zoom: initialView.zoom }
        : { bounds: region, fitBoundsOptions: { padding: 40 } }),
      minZoom: 2,
      maxZoom: 20,
      maxPitch: 70,
      attributionControl: { compact: true, customAttribution: 'Flux Ops Center · synthetic grid' },
    });
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');

    const onHover = (info: PickingInfo): void => {
      const layerId = catalogueIdOfDeckLayer(info.layer?.id);
      const object = info.object as FeatureLike | undefined;
      map.getCanvas().style.cursor = object ? 'pointer' : '';
      if (!object || !layerId) return setDeckHover(null);
      const layer = layerById(latest.current.catalogue, layerId);
      setDeckHover({ x: info.x, y: info.y, title: layer?.title ?? layerId, properties: propsOf(object) });
    };
    const onClick = (info: PickingInfo): void => {
      const layerId = catalogueIdOfDeckLayer(info.layer?.id);
      const object = info.object as FeatureLike | undefined;
      if (!object || !layerId) return;
      const p = propsOf(object);
      const position = info.coordinate ? ([info.coordinate[0], info.coordinate[1]] as LonLat) : null;
      if (aggregateCount(p) !== null) {
        const layer = layerById(latest.current.catalogue, layerId);
        const zoom = Math.max(map.getZoom() + 2, layer?.detail_minzoom ?? 0);
        if (position) map.flyTo({ center: position, zoom: Math.min(zoom, 18) });
        return;
      }
      const id = str(p, 'id');
      if (id) latest.current.onPick({ id, layerId, position });
    };
    const overlay = new MapLibreOverlay({
      interleaved: false,
      layers: latest.current.deckLayers,
      pickingRadius: 6,
      onHover,
      onClick,
    });
    map.addControl(overlay);

    const onMouseMove = (e: MapLayerMouseEvent): void => {
      const present = CONTEXT_FILL_LAYERS.filter((id) => map.getLayer(id));
      const hit = present.length ? map.queryRenderedFeatures(e.point, { layers: present })[0] : undefined;
      if (!hit) return setContextHover(null);
      const layerId = hit.layer.id.replace(/-fill$/, '');
      const layer = layerById(latest.current.catalogue, layerId);
      setContextHover({
        x: e.point.x,
        y: e.point.y,
        title: layer?.title ?? layerId,
        properties: hit.properties as Record<string, unknown>,
      });
    };
    map.on('mousemove', onMouseMove);
    map.on('mouseout', () => setContextHover(null));
    map.on('moveend', () => latest.current.onViewChange(currentView(map)));
    map.once('load', () => latest.current.onViewChange(currentView(map)));
    map.once('style.load', () => {
      styleLoaded.current = true;
      applyVisibility(map, latest.current.catalogue, latest.current.visible);
    });

    mapRef.current = map;
    overlayRef.current = overlay;
    exposeMap(map, () => allTilesLoaded(latest.current.deckLayers));
    return () => {
      map.removeControl(overlay);
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
  }, []);

  // Push new deck layers.
  useEffect(() => {
    overlayRef.current?.setProps({ layers: props.deckLayers });
  }, [props.deckLayers]);

  // Toggle MapLibre-drawn layers (the style applies the latest set once it has loaded).
  useEffect(() => {
    const map = mapRef.current;
    if (map && styleLoaded.current) applyVisibility(map, props.catalogue, props.visible);
  }, [props.visible, props.catalogue]);

  // Camera requests (search result, URL change, home button).
  useEffect(() => {
    const map = mapRef.current;
    const req = props.flyRequest;
    if (!map || !req) return;
    if (req.bounds) {
      map.fitBounds(req.bounds, { padding: 40, animate: req.animate });
    } else if (req.center) {
      const zoom = req.zoom ?? map.getZoom();
      if (req.animate) map.flyTo({ center: req.center, zoom, speed: 1.8, essential: true });
      else map.jumpTo({ center: req.center, zoom });
    }
  }, [props.flyRequest]);

  const home = (): void => {
    mapRef.current?.fitBounds(props.region, { padding: 40 });
  };

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" />
      <button
        type="button"
        className="map-home"
        title="Fit the whole service territory"
        aria-label="Fit the whole service territory"
        onClick={home}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <path
            d="M2 8 8 2.5 14 8M4 7v6.5h3v-4h2v4h3V7"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
          />
        </svg>
      </button>
      <HoverTooltip hover={deckHover ?? contextHover} />
    </div>
  );
}
