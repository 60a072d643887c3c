/**
 * Primary feeder sections coloured by circuit (a stable palette indexed by `circuit`).
 * Underground sections are drawn thinner and tinted toward the legend's underground colour, so
 * the circuit stays readable; three-phase sections are wider than single-phase laterals.
 */
import type { MVTLayer } from '@deck.gl/geo-layers';
import { bool, isDeenergized, num } from './feature-props.ts';
import type { FeatureProps } from './feature-props.ts';
import { createGridMvtLayer } from './grid-mvt-layer.ts';
import type { GridLayerProps } from './grid-mvt-layer.ts';
import { DEENERGIZED, circuitColor, legendColor, mix, withAlpha } from './palette.ts';

export function createFeedersLayer(props: GridLayerProps): MVTLayer<FeatureProps> {
  const underground = legendColor(props.layer, 1, '#9b8cff');
  return createGridMvtLayer(props, {
    line: (p) => {
      if (isDeenergized(p)) return DEENERGIZED;
      const c = circuitColor(num(p, 'circuit') ?? 0);
      return bool(p, 'overhead') === false ? withAlpha(mix(c, underground, 0.55), 220) : c;
    },
    width: (p) => {
      const phases = num(p, 'phases') ?? 3;
      const base = phases >= 3 ? 2.2 : 1.3;
      return bool(p, 'overhead') === false ? base * 0.75 : base;
    },
  });
}
