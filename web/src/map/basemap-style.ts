/**
 * The MapLibre style, built only from our own vector tiles: background = land, water, roads by
 * class, buildings (density cells below zoom 14, footprints at 14, 3D extrusions from 15) and the
 * context overlays (flood zones, service areas). No glyphs, sprites or remote sources.
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { LayerInfo } from '../api/types.ts';
import { MAX_TILE_ZOOM } from '../layers/grid-mvt-layer.ts';

export const LAND_COLOR = '#0d1117';

type Visibility = 'visible' | 'none';

/** The style layers drawing catalogue layer `layer` (several for roads and buildings). */
function styleLayersFor(layer: LayerInfo, visibility: Visibility): LayerSpecification[] {
  const base = { source: layer.id, 'source-layer': layer.id, layout: { visibility } };
  const c = (i: number, fallback: string): string =>
    layer.legend[i]?.color ?? layer.legend[0]?.color ?? fallback;
  const isCell: FilterSpecification = ['has', 'count'];
  const notCell: FilterSpecification = ['!', ['has', 'count']];

  switch (layer.id) {
    case 'roads': {
      const road = (cls: string, i: number, widths: number[]): LayerSpecification => ({
        ...base,
        id: `roads-${cls}`,
        type: 'line',
        filter: ['==', ['get', 'class'], cls],
        layout: { visibility, 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': c(i, '#5d626b'),
          'line-width': ['interpolate', ['exponential', 1.6], ['zoom'], ...widths],
        },
      });
      return [
        road('local', 2, [12, 0.4, 14, 1, 16, 2.5, 18, 7]),
        road('arterial', 1, [8, 0.5, 12, 1.4, 15, 3.5, 18, 10]),
        road('freeway', 0, [6, 0.6, 10, 1.6, 14, 4, 18, 14]),
      ];
    }
    case 'buildings': {
      const color = c(0, '#4a4f57');
      return [
        {
          ...base,
          id: 'buildings-cells',
          type: 'circle',
          filter: isCell,
          maxzoom: layer.detail_minzoom,
          paint: {
            'circle-color': color,
            'circle-opacity': 0.55,
            'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'count']], 1, 1.5, 10, 4, 40, 10],
          },
        },
        {
          ...base,
          id: 'buildings-fill',
          type: 'fill',
          filter: notCell,
          minzoom: layer.detail_minzoom,
          maxzoom: 15,
          paint: { 'fill-color': color, 'fill-opacity': 0.85, 'fill-outline-color': '#5f6570' },
        },
        {
          ...base,
          id: 'buildings-3d',
          type: 'fill-extrusion',
          filter: notCell,
          minzoom: 15,
          paint: {
            'fill-extrusion-color': color,
            'fill-extrusion-height': ['coalesce', ['to-number', ['get', 'height_m']], 6],
            'fill-extrusion-base': 0,
            'fill-extrusion-opacity': 0.85,
          },
        },
      ];
    }
    case 'flood_zones': {
      // Zones are 'AE_100yr' / 'X_500yr': X (500-year) gets the lighter colour.
      const zone: ExpressionSpecification = ['upcase', ['to-string', ['get', 'zone']]];
      const fill: DataDrivenPropertyValueSpecification<string> = [
        'case',
        ['any', ['==', ['slice', zone, 0, 1], 'X'], ['in', '500', zone]],
        c(1, '#7aa7d9'),
        c(0, '#2f6db3'),
      ];
      return [
        {
          ...base,
          id: 'flood_zones-fill',
          type: 'fill',
          paint: { 'fill-color': fill, 'fill-opacity': 0.28 },
        },
        { ...base, id: 'flood_zones-line', type: 'line', paint: { 'line-color': fill, 'line-width': 1 } },
      ];
    }
    case 'service_areas':
      return [
        {
          ...base,
          id: 'service_areas-fill',
          type: 'fill',
          paint: { 'fill-color': c(0, '#5b6b8c'), 'fill-opacity': 0.1 },
        },
        {
          ...base,
          id: 'service_areas-line',
          type: 'line',
          paint: { 'line-color': c(0, '#5b6b8c'), 'line-width': 1.4, 'line-opacity': 0.9 },
        },
      ];
    default:
      return genericLayers(layer, base, c(0, '#3b4a5e'));
  }
}

/** Any other basemap/context layer (water included): drawn by its geometry with its legend colour. */
function genericLayers(
  layer: LayerInfo,
  base: { source: string; 'source-layer': string; layout: { visibility: Visibility } },
  color: string,
): LayerSpecification[] {
  if (layer.geometry === 'polygon') {
    return [
      { ...base, id: `${layer.id}-fill`, type: 'fill', paint: { 'fill-color': color, 'fill-opacity': 0.75 } },
    ];
  }
  if (layer.geometry === 'line') {
    return [
      { ...base, id: `${layer.id}-line`, type: 'line', paint: { 'line-color': color, 'line-width': 1.2 } },
    ];
  }
  return [
    {
      ...base,
      id: `${layer.id}-circle`,
      type: 'circle',
      paint: { 'circle-color': color, 'circle-radius': 3 },
    },
  ];
}

/** Bottom-to-top order of the MapLibre-drawn layers; unknown ids go between water and roads. */
const ORDER = ['water', 'service_areas', 'flood_zones', 'roads', 'buildings'];

function rank(id: string): number {
  const i = ORDER.indexOf(id);
  return i === -1 ? 0.5 : i;
}

/** The layers drawn by MapLibre: the catalogue's basemap and context groups. */
export function maplibreLayers(catalogue: readonly LayerInfo[]): LayerInfo[] {
  return catalogue.filter((l) => l.group !== 'grid').sort((a, b) => rank(a.id) - rank(b.id));
}

/** The style layer ids drawing one catalogue layer (to toggle its visibility). */
export function styleLayerIds(layer: LayerInfo): string[] {
  return styleLayersFor(layer, 'visible').map((l) => l.id);
}

/** Absolute tile URL template for MapLibre (its workers need absolute URLs). */
export function absoluteTiles(template: string): string {
  return template.startsWith('/') ? window.location.origin + template : template;
}

export function buildBasemapStyle(
  catalogue: readonly LayerInfo[],
  visible: ReadonlySet<string>,
): StyleSpecification {
  const layers = maplibreLayers(catalogue);
  const sources: Record<string, SourceSpecification> = {};
  for (const l of layers) {
    sources[l.id] = {
      type: 'vector',
      tiles: [absoluteTiles(l.tiles)],
      minzoom: l.minzoom,
      maxzoom: l.maxzoom ?? MAX_TILE_ZOOM,
    };
  }
  return {
    version: 8,
    name: 'Flux Ops Center dark',
    sources,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': LAND_COLOR } },
      ...layers.flatMap((l) => styleLayersFor(l, visible.has(l.id) ? 'visible' : 'none')),
    ],
  };
}
