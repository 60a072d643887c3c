/** Transmission lines coloured and sized by voltage (138 kV yellow, 345 kV and above orange). */
import type { MVTLayer } from '@deck.gl/geo-layers';
import { isDeenergized, num } from './feature-props.ts';
import type { FeatureProps } from './feature-props.ts';
import { createGridMvtLayer } from './grid-mvt-layer.ts';
import type { GridLayerProps } from './grid-mvt-layer.ts';
import { DEENERGIZED, legendColor } from './palette.ts';

/** Lines at or above this voltage use the extra-high-voltage colour. */
export const EHV_KV = 345;

export function createTransmissionLinesLayer(props: GridLayerProps): MVTLayer<FeatureProps> {
  const hv = legendColor(props.layer, 0, '#ffd400');
  const ehv = legendColor(props.layer, 1, '#ff6f00');
  return createGridMvtLayer(props, {
    line: (p) => (isDeenergized(p) ? DEENERGIZED : (num(p, 'kv') ?? 0) >= EHV_KV ? ehv : hv),
    width: (p) => ((num(p, 'kv') ?? 0) >= EHV_KV ? 4 : 2.5),
  });
}
