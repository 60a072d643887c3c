/** Smart meters: tiny cyan dots (density cells below zoom 16). */
import type { MVTLayer } from '@deck.gl/geo-layers';
import { isDeenergized } from './feature-props.ts';
import type { FeatureProps } from './feature-props.ts';
import { createGridMvtLayer } from './grid-mvt-layer.ts';
import type { GridLayerProps } from './grid-mvt-layer.ts';
import { DEENERGIZED, legendColor } from './palette.ts';

export function createMetersLayer(props: GridLayerProps): MVTLayer<FeatureProps> {
  const color = legendColor(props.layer, 0, '#80deea');
  return createGridMvtLayer(props, {
    fill: (p) => (isDeenergized(p) ? DEENERGIZED : color),
    stroked: false,
    radius: () => 2.2,
  });
}
