/** Service transformers coloured by base-case loading (< 80 %, 80–100 %, > 100 %), sized by kVA. */
import type { MVTLayer } from '@deck.gl/geo-layers';
import { isDeenergized, num } from './feature-props.ts';
import type { FeatureProps } from './feature-props.ts';
import { createGridMvtLayer } from './grid-mvt-layer.ts';
import type { GridLayerProps } from './grid-mvt-layer.ts';
import { DEENERGIZED, legendColor } from './palette.ts';
import type { Rgba } from './palette.ts';

/** Loading band: 0 below 80 %, 1 from 80 to 100 %, 2 above 100 %. */
export function loadingBand(loadingPct: number | null): 0 | 1 | 2 {
  if (loadingPct === null || loadingPct < 80) return 0;
  return loadingPct <= 100 ? 1 : 2;
}

export function createTransformersLayer(props: GridLayerProps): MVTLayer<FeatureProps> {
  const bands: Rgba[] = [0, 1, 2].map((i) => legendColor(props.layer, i));
  return createGridMvtLayer(props, {
    fill: (p) => (isDeenergized(p) ? DEENERGIZED : bands[loadingBand(num(p, 'loading_pct'))]),
    line: () => [12, 14, 18, 255],
    radius: (p) => Math.max(3, Math.min(7, 2.5 + Math.sqrt(num(p, 'kva') ?? 25) / 5)),
    width: () => 1,
  });
}
