/** Generating plants on the transmission network, sized by maximum output (MW). */
import type { MVTLayer } from '@deck.gl/geo-layers';
import { isDeenergized, num } from './feature-props.ts';
import type { FeatureProps } from './feature-props.ts';
import { createGridMvtLayer } from './grid-mvt-layer.ts';
import type { GridLayerProps } from './grid-mvt-layer.ts';
import { labelOverrides } from './labels.ts';
import { DEENERGIZED, legendColor } from './palette.ts';

export function createGeneratorsLayer(props: GridLayerProps): MVTLayer<FeatureProps> {
  const color = legendColor(props.layer, 0, '#ffa000');
  return createGridMvtLayer(props, {
    fill: (p) => (isDeenergized(p) ? DEENERGIZED : color),
    line: () => [20, 16, 8, 255],
    radius: (p) => Math.max(6, Math.min(18, 5 + 0.45 * Math.sqrt(num(p, 'pmax_mw') ?? 0))),
    width: () => 2,
    overrides: labelOverrides(props.zoom, 12, [255, 214, 140, 255]),
  });
}
