/**
 * A cascade on the map: the assets failed up to the replayed wave, coloured by cause, the current
 * wave's larger with a glow and a white rim; ties closed to restore supply as green rings.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { LonLat } from '../api/types.ts';
import type { CascadeMapPoint } from '../panels/cascade/cascade-view.ts';
import { causeColor, hexToRgba, TIE_CLOSED_HEX } from './palette.ts';

export interface CascadeLayerProps {
  failed: CascadeMapPoint[];
  ties: { id: string; position: LonLat }[];
}

type Tie = CascadeLayerProps['ties'][number];

export function createCascadeLayers({ failed, ties }: CascadeLayerProps): ScatterplotLayer[] {
  const current = failed.filter((f) => f.current);
  const common = { radiusUnits: 'pixels' as const, lineWidthUnits: 'pixels' as const, pickable: false };
  return [
    new ScatterplotLayer<CascadeMapPoint>({
      ...common,
      id: 'cascade-current-glow',
      data: current,
      getPosition: (d) => d.position,
      getRadius: 17,
      getFillColor: (d) => causeColor(d.cause, 60),
      stroked: false,
    }),
    new ScatterplotLayer<CascadeMapPoint>({
      ...common,
      id: 'cascade-failed',
      data: failed,
      getPosition: (d) => d.position,
      getRadius: (d) => (d.current ? 8 : 5),
      getFillColor: (d) => causeColor(d.cause, d.current ? 255 : 170),
      stroked: true,
      getLineWidth: (d) => (d.current ? 2 : 1),
      getLineColor: (d) => (d.current ? [255, 255, 255, 255] : [10, 13, 18, 200]),
    }),
    new ScatterplotLayer<Tie>({
      ...common,
      id: 'cascade-ties-closed',
      data: ties,
      getPosition: (d) => d.position,
      getRadius: 9,
      filled: true,
      getFillColor: hexToRgba(TIE_CLOSED_HEX, 50),
      stroked: true,
      getLineWidth: 2.5,
      getLineColor: hexToRgba(TIE_CLOSED_HEX),
    }),
  ];
}
