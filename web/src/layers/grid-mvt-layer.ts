/**
 * The shared base of every `grid` layer: a deck.gl MVTLayer over /tiles/<id>/{z}/{x}/{y}.mvt that
 * draws real assets with a layer's style and aggregate points (`count`) as density circles.
 * Tiles are parsed in a web worker shipped with the app (never a CDN worker).
 */
import { MVTLayer } from '@deck.gl/geo-layers';
import type { MVTLayerProps } from '@deck.gl/geo-layers';
import { MVTLoader } from '@loaders.gl/mvt';
import mvtWorkerUrl from '@loaders.gl/mvt/mvt-worker.js?url';
import type { Feature, Geometry } from 'geojson';
import type { Bbox, LayerInfo } from '../api/types.ts';
import { aggregateCount, propsOf } from './feature-props.ts';
import type { FeatureProps } from './feature-props.ts';
import { HOVER, legendColor, withAlpha } from './palette.ts';
import type { Rgba } from './palette.ts';

/** Highest zoom the tile server produces; deeper views over-zoom these tiles. */
export const MAX_TILE_ZOOM = 18;

/** Props every grid layer factory takes. */
export interface GridLayerProps {
  /** The layer's catalogue entry from /api/layers. */
  layer: LayerInfo;
  /** Dataset region [w, s, e, n]: no tile is requested outside it. */
  region: Bbox | null;
  /** Current map zoom, for zoom-dependent styling (labels). */
  zoom: number;
  /** Id of the selected asset when it belongs to this layer: drawn highlighted. */
  highlightedId: string | null;
  /** Called whenever all tiles in view have loaded. */
  onViewportLoad?: () => void;
}

/** How a layer draws its real features (density cells are drawn by the base). */
export interface GridLayerStyle {
  /** Fill of points (and polygons). */
  fill?: (p: FeatureProps) => Rgba;
  /** Colour of lines, and outline of points. */
  line?: (p: FeatureProps) => Rgba;
  /** Point radius in pixels. */
  radius?: (p: FeatureProps) => number;
  /** Line width (and point outline width) in pixels. */
  width?: (p: FeatureProps) => number;
  /** Draw point outlines (default true). */
  stroked?: boolean;
  /** Fill of a density cell from its sums (e.g. `open` ties, `critical` customers); default legend colour. */
  cellFill?: (p: FeatureProps) => Rgba | null;
  /** Extra MVTLayer props (e.g. labels); applied last. */
  overrides?: GridLayerOverrides;
}

type GridFeature = Feature<Geometry, FeatureProps>;

/** MVTLayer props a layer style may override (everything but the tile source). */
export type GridLayerOverrides = Partial<Omit<MVTLayerProps<FeatureProps>, 'data'>>;

const LOADERS = [MVTLoader];
const LOAD_OPTIONS = { mvt: { workerUrl: mvtWorkerUrl } };

/** Pixel radius of a density cell holding `count` assets. */
export function densityRadius(count: number): number {
  return Math.min(26, 3 + 2.2 * Math.log2(1 + Math.max(0, count)));
}

/** Builds the MVTLayer of one grid layer with its style. */
export function createGridMvtLayer(props: GridLayerProps, style: GridLayerStyle): MVTLayer<FeatureProps> {
  const { layer, region, highlightedId, onViewportLoad } = props;
  const cellBase = legendColor(layer, 0, '#9e9e9e', 95);
  const cellFill = (p: FeatureProps): Rgba => style.cellFill?.(p) ?? cellBase;
  const fill = style.fill ?? (() => legendColor(layer, 0));
  const line = style.line ?? (() => [20, 24, 30, 255] as Rgba);
  const radius = style.radius ?? (() => 4);
  const width = style.width ?? (() => 1);

  return new MVTLayer<FeatureProps>({
    id: `grid-${layer.id}`,
    data: layer.tiles.startsWith('/') ? window.location.origin + layer.tiles : layer.tiles,
    loaders: LOADERS,
    loadOptions: LOAD_OPTIONS,
    minZoom: layer.minzoom,
    maxZoom: layer.maxzoom ?? MAX_TILE_ZOOM,
    visibleMinZoom: layer.minzoom,
    extent: region ?? undefined,
    debounceTime: 30,
    uniqueIdProperty: 'id',
    highlightedFeatureId: highlightedId,
    pickable: true,
    autoHighlight: true,
    highlightColor: HOVER,
    filled: true,
    stroked: style.stroked ?? true,
    pointType: 'circle',
    pointRadiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    lineWidthMinPixels: 0.5,
    lineCapRounded: true,
    lineJointRounded: true,
    getFillColor: (f: GridFeature) => {
      const p = propsOf(f);
      return aggregateCount(p) === null ? fill(p) : cellFill(p);
    },
    getLineColor: (f: GridFeature) => {
      const p = propsOf(f);
      return aggregateCount(p) === null ? line(p) : withAlpha(cellFill(p), 230);
    },
    getPointRadius: (f: GridFeature) => {
      const p = propsOf(f);
      const count = aggregateCount(p);
      return count === null ? radius(p) : densityRadius(count);
    },
    getLineWidth: (f: GridFeature) => {
      const p = propsOf(f);
      return aggregateCount(p) === null ? width(p) : 1;
    },
    onViewportLoad: onViewportLoad ? () => onViewportLoad() : undefined,
    ...style.overrides,
  });
}
