/**
 * The deck.gl layer list, bottom to top: grid layers in catalogue order, then the trace of the
 * selected asset, then the replayed cascade, then the selection ring.
 */
import type { Layer } from '@deck.gl/core';
import type { Bbox, LayerInfo, LonLat, TraceResponse } from '../api/types.ts';
import { createCascadeLayers } from '../layers/cascade-layer.ts';
import type { CascadeLayerProps } from '../layers/cascade-layer.ts';
import { gridLayerFactory } from '../layers/registry.ts';
import { createSelectionLayer } from '../layers/selection-layer.ts';
import { createTraceLayers } from '../layers/trace-layer.ts';

export interface DeckLayerInputs {
  catalogue: readonly LayerInfo[];
  visible: ReadonlySet<string>;
  zoom: number;
  region: Bbox | null;
  /** Selected asset id and the grid layer holding it (when known). */
  selectedId: string | null;
  selectedLayerId: string | null;
  selectedPosition: LonLat | null;
  trace: TraceResponse | null;
  /** The cascade at the replayed wave, while the cascade panel is open. */
  cascade?: CascadeLayerProps | null;
}

export function buildDeckLayers(inputs: DeckLayerInputs): Layer[] {
  const { catalogue, visible, zoom, region, selectedId, selectedLayerId, selectedPosition, trace, cascade } =
    inputs;
  const layers: Layer[] = [];
  for (const layer of catalogue) {
    if (layer.group !== 'grid' || !visible.has(layer.id)) continue;
    const create = gridLayerFactory(layer.id);
    layers.push(
      create({
        layer,
        region,
        zoom,
        highlightedId: selectedLayerId === layer.id ? selectedId : null,
      }),
    );
  }
  if (trace) {
    layers.push(...createTraceLayers({ upstream: trace.upstream.lines, downstream: trace.downstream.lines }));
  }
  if (cascade) layers.push(...createCascadeLayers(cascade));
  if (selectedPosition) layers.push(createSelectionLayer({ position: selectedPosition }));
  return layers;
}

/** True when every tiled layer in `layers` has loaded the tiles in view. */
export function allTilesLoaded(layers: readonly Layer[]): boolean {
  return layers.every((l) => l.isLoaded);
}
