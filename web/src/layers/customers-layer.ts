/** Customers by class; critical loads (hospitals, water plants, emergency) large and red. */
import type { MVTLayer } from '@deck.gl/geo-layers';
import { bool, isDeenergized, num, str } from './feature-props.ts';
import type { FeatureProps } from './feature-props.ts';
import { createGridMvtLayer } from './grid-mvt-layer.ts';
import type { GridLayerProps } from './grid-mvt-layer.ts';
import { DEENERGIZED, legendColor, withAlpha } from './palette.ts';

const CLASS_INDEX: Record<string, number> = { residential: 0, commercial: 1, industrial: 2 };

/** Critical loads: `critical` is a kind ('hospital', 'water_plant', …; 'none' otherwise) or a flag. */
export function isCritical(p: FeatureProps): boolean {
  const flag = bool(p, 'critical');
  if (flag !== null) return flag;
  const kind = str(p, 'critical');
  return kind !== null && kind !== '' && kind !== 'none';
}

export function createCustomersLayer(props: GridLayerProps): MVTLayer<FeatureProps> {
  const colors = [0, 1, 2, 3].map((i) => legendColor(props.layer, i));
  return createGridMvtLayer(props, {
    fill: (p) => {
      if (isCritical(p)) return colors[3];
      if (isDeenergized(p)) return DEENERGIZED;
      return colors[CLASS_INDEX[str(p, 'class') ?? 'residential'] ?? 0];
    },
    line: (p) => (isCritical(p) ? [255, 255, 255, 255] : [10, 12, 16, 200]),
    radius: (p) => (isCritical(p) ? 6 : 2.8),
    width: (p) => (isCritical(p) ? 1.5 : 0.5),
    cellFill: (p) => ((num(p, 'critical') ?? 0) > 0 ? withAlpha(colors[3], 150) : null),
  });
}
