/** Locates a cascade's failed assets and ties and derives what the map draws at the replay position. */
import { useMemo } from 'react';
import { usePositions } from '../../api/positions.ts';
import type { Bbox } from '../../api/types.ts';
import type { CascadeLayerProps } from '../../layers/cascade-layer.ts';
import type { CascadeMapStatus } from './CascadePanel.tsx';
import { boundsOf, cascadeMapData, planCascadeMap } from './cascade-view.ts';
import type { CascadeController } from './use-cascade.ts';

export interface CascadeMap {
  /** Deck layer input, null while the panel is closed or nothing has run. */
  layers: CascadeLayerProps | null;
  status: CascadeMapStatus;
  /** Bounds of everything located (all waves), for "zoom to cascade". */
  bounds: Bbox | null;
}

const NO_IDS: string[] = [];

export function useCascadeMap(cascade: CascadeController): CascadeMap {
  const { result, position, open } = cascade;
  const plan = useMemo(() => planCascadeMap(result), [result]);
  const { positions, pending } = usePositions(open ? plan.ids : NO_IDS);
  const layers = useMemo(
    () => (open && result ? cascadeMapData(plan, result, position, positions) : null),
    [open, plan, result, position, positions],
  );
  const bounds = useMemo(
    () => boundsOf(plan.ids.flatMap((id) => (positions.has(id) ? [{ position: positions.get(id)! }] : []))),
    [plan, positions],
  );
  return {
    layers,
    status: { located: positions.size, pending, truncated: plan.truncated },
    bounds,
  };
}
