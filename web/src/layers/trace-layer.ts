/**
 * The trace of the selected asset: the upstream path to its source as a bright glowing cyan line,
 * what it feeds downstream in amber underneath.
 */
import { PathLayer } from '@deck.gl/layers';
import type { LinePath } from '../api/types.ts';
import { TRACE_DOWNSTREAM, TRACE_UPSTREAM, withAlpha } from './palette.ts';

export interface TraceLayerProps {
  /** Segments from the asset up to the substation breaker (and beyond). */
  upstream: LinePath[];
  /** Segments fed through the asset. */
  downstream: LinePath[];
}

/** Three path layers, bottom to top: downstream, upstream glow, upstream core. */
export function createTraceLayers({ upstream, downstream }: TraceLayerProps): PathLayer<LinePath>[] {
  const common = {
    getPath: (d: LinePath) => d,
    widthUnits: 'pixels' as const,
    capRounded: true,
    jointRounded: true,
    pickable: false,
  };
  return [
    new PathLayer<LinePath>({
      ...common,
      id: 'trace-downstream',
      data: downstream,
      getColor: TRACE_DOWNSTREAM,
      getWidth: 3.5,
    }),
    new PathLayer<LinePath>({
      ...common,
      id: 'trace-upstream-glow',
      data: upstream,
      getColor: withAlpha(TRACE_UPSTREAM, 70),
      getWidth: 12,
    }),
    new PathLayer<LinePath>({
      ...common,
      id: 'trace-upstream',
      data: upstream,
      getColor: TRACE_UPSTREAM,
      getWidth: 4,
    }),
  ];
}
