/** Trees beside overhead lines coloured by clearance to the conductor (< 3 m, 3–8 m, > 8 m). */
import type { MVTLayer } from '@deck.gl/geo-layers';
import { num } from './feature-props.ts';
import type { FeatureProps } from './feature-props.ts';
import { createGridMvtLayer } from './grid-mvt-layer.ts';
import type { GridLayerProps } from './grid-mvt-layer.ts';
import { legendColor, withAlpha } from './palette.ts';

/** Clearance band: 0 below 3 m (risk), 1 from 3 to 8 m, 2 above 8 m. */
export function clearanceBand(clearanceM: number | null): 0 | 1 | 2 {
  if (clearanceM === null) return 2;
  if (clearanceM < 3) return 0;
  return clearanceM <= 8 ? 1 : 2;
}

export function createTreesLayer(props: GridLayerProps): MVTLayer<FeatureProps> {
  const colors = [0, 1, 2].map((i) => legendColor(props.layer, i, '#4caf50', 220));
  return createGridMvtLayer(props, {
    fill: (p) => colors[clearanceBand(num(p, 'clearance_m'))],
    line: () => [8, 20, 8, 180],
    radius: (p) => Math.max(2.5, Math.min(7, 1.5 + (num(p, 'height_m') ?? 8) / 5)),
    width: () => 0.5,
    cellFill: (p) =>
      (num(p, 'low_clearance') ?? 0) > 0 ? withAlpha(colors[0], 120) : withAlpha(colors[2], 90),
  });
}
