/** Switches: closed sectionalizers small and pale; normally-open ties large and magenta. */
import type { MVTLayer } from '@deck.gl/geo-layers';
import { bool, isDeenergized, num, str } from './feature-props.ts';
import type { FeatureProps } from './feature-props.ts';
import { createGridMvtLayer } from './grid-mvt-layer.ts';
import type { GridLayerProps } from './grid-mvt-layer.ts';
import { DEENERGIZED, legendColor, withAlpha } from './palette.ts';

/** An open switch (normally-open tie, or any switch flagged open) — the alarm-worthy state. */
export function isOpenSwitch(p: FeatureProps): boolean {
  return (
    bool(p, 'normally_open') === true || (str(p, 'kind') === 'tie' && bool(p, 'normally_open') !== false)
  );
}

export function createSwitchesLayer(props: GridLayerProps): MVTLayer<FeatureProps> {
  const closed = legendColor(props.layer, 0, '#e0e0e0');
  const open = legendColor(props.layer, 1, '#ff4081');
  return createGridMvtLayer(props, {
    fill: (p) => (isOpenSwitch(p) ? open : isDeenergized(p) ? DEENERGIZED : closed),
    // Open ties: magenta with a dark ring (substations are red with a white ring).
    line: (p) => (isOpenSwitch(p) ? [40, 0, 24, 255] : [15, 18, 24, 255]),
    radius: (p) => (isOpenSwitch(p) ? 5.5 : 3.5),
    width: (p) => (isOpenSwitch(p) ? 1.5 : 1),
    // A cell holding an open tie stays magenta, so ties show before zoom 12.
    cellFill: (p) => ((num(p, 'open') ?? 0) > 0 ? withAlpha(open, 150) : null),
  });
}
