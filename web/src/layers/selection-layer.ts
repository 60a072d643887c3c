/** A ring around the selected asset's location, drawn above everything. */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { LonLat } from '../api/types.ts';
import { SELECTION } from './palette.ts';

export interface SelectionLayerProps {
  position: LonLat;
}

export function createSelectionLayer({ position }: SelectionLayerProps): ScatterplotLayer<LonLat> {
  return new ScatterplotLayer<LonLat>({
    id: 'selection-ring',
    data: [position],
    getPosition: (d: LonLat) => d,
    radiusUnits: 'pixels',
    getRadius: 13,
    filled: true,
    getFillColor: [255, 255, 255, 28],
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 2.5,
    getLineColor: SELECTION,
    pickable: false,
  });
}
