/** Distribution substations: red discs sized by capacity (MVA), named from zoom 13. */
import type { MVTLayer } from '@deck.gl/geo-layers';
import { isDeenergized, num } from './feature-props.ts';
import type { FeatureProps } from './feature-props.ts';
import { createGridMvtLayer } from './grid-mvt-layer.ts';
import type { GridLayerProps } from './grid-mvt-layer.ts';
import { labelOverrides } from './labels.ts';
import { DEENERGIZED, legendColor } from './palette.ts';

/** Pixel radius of a substation of `capacityMva`. */
export function substationRadius(capacityMva: number | null): number {
  if (capacityMva === null || capacityMva <= 0) return 6;
  return Math.max(5, Math.min(16, 4 + 0.8 * Math.sqrt(capacityMva)));
}

export function createSubstationsLayer(props: GridLayerProps): MVTLayer<FeatureProps> {
  const color = legendColor(props.layer, 0, '#ff3d3d');
  return createGridMvtLayer(props, {
    fill: (p) => (isDeenergized(p) ? DEENERGIZED : color),
    line: () => [255, 255, 255, 230],
    radius: (p) => substationRadius(num(p, 'capacity_mva')),
    width: () => 1.5,
    overrides: labelOverrides(props.zoom, 13),
  });
}
