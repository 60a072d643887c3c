/**
 * Asset name labels drawn by deck.gl's TextLayer (a font atlas rendered locally from system
 * fonts: no glyph server). Only for small layers (substations, plants), which load as GeoJSON.
 */
import type { Feature, Geometry } from 'geojson';
import { aggregateCount, propsOf, str } from './feature-props.ts';
import type { FeatureProps } from './feature-props.ts';
import type { GridLayerOverrides } from './grid-mvt-layer.ts';
import type { Rgba } from './palette.ts';

/** Label props for an MVTLayer: names shown from `minZoom`, offset below the symbol. */
export function labelOverrides(
  zoom: number,
  minZoom: number,
  color: Rgba = [230, 235, 242, 255],
): GridLayerOverrides {
  if (zoom < minZoom) return { binary: false, pointType: 'circle' };
  return {
    binary: false,
    pointType: 'circle+text',
    getText: (f: Feature<Geometry, FeatureProps>) => {
      const p = propsOf(f);
      return aggregateCount(p) === null ? (str(p, 'name') ?? str(p, 'id') ?? '') : '';
    },
    getTextColor: color,
    getTextSize: 12,
    getTextPixelOffset: [0, 16],
    textFontFamily: 'system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
    textFontWeight: 600,
    textCharacterSet: 'auto',
    textFontSettings: { sdf: true },
    textOutlineWidth: 3,
    textOutlineColor: [8, 10, 14, 230],
  };
}
