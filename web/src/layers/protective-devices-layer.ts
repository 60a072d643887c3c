/** Protective devices by kind: breakers red, reclosers amber, fuses grey. */
import type { MVTLayer } from '@deck.gl/geo-layers';
import { str } from './feature-props.ts';
import type { FeatureProps } from './feature-props.ts';
import { createGridMvtLayer } from './grid-mvt-layer.ts';
import type { GridLayerProps } from './grid-mvt-layer.ts';
import { legendColor } from './palette.ts';

const KIND_INDEX: Record<string, number> = { breaker: 0, recloser: 1, fuse: 2 };
const KIND_RADIUS: Record<string, number> = { breaker: 5.5, recloser: 4.5, fuse: 3 };

export function createProtectiveDevicesLayer(props: GridLayerProps): MVTLayer<FeatureProps> {
  const colors = [0, 1, 2].map((i) => legendColor(props.layer, i));
  return createGridMvtLayer(props, {
    fill: (p) => colors[KIND_INDEX[str(p, 'kind') ?? 'fuse'] ?? 2],
    line: () => [10, 12, 16, 255],
    radius: (p) => KIND_RADIUS[str(p, 'kind') ?? 'fuse'] ?? 3,
    width: () => 1,
  });
}
