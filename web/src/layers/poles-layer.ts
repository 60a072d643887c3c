/** Distribution poles: small brown dots. */
import type { MVTLayer } from '@deck.gl/geo-layers';
import type { FeatureProps } from './feature-props.ts';
import { createGridMvtLayer } from './grid-mvt-layer.ts';
import type { GridLayerProps } from './grid-mvt-layer.ts';
import { legendColor } from './palette.ts';

export function createPolesLayer(props: GridLayerProps): MVTLayer<FeatureProps> {
  const color = legendColor(props.layer, 0, '#a1887f');
  return createGridMvtLayer(props, {
    fill: () => color,
    line: () => [20, 16, 12, 255],
    radius: () => 2.5,
    width: () => 0.5,
  });
}
