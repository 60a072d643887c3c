/**
 * What the map draws of a cascade: the failed assets of each wave (at most MAP_CAP_PER_WAVE per
 * wave, those cutting off most customers first) and the ties closed, placed where
 * /api/assets/{id} locates them.
 */
import type { CascadeCause, CascadeFailedAsset, CascadeResult, LonLat } from '../../api/types.ts';

/** Failed assets located and drawn per wave; the panel says when a wave has more. */
export const MAP_CAP_PER_WAVE = 300;

export interface CascadeMapPlan {
  /** Per wave (index = position in `result.waves`), the assets to draw. */
  waves: CascadeFailedAsset[][];
  /** Waves with more failed assets than the map draws. */
  truncated: { wave: number; shown: number; total: number }[];
  /** Every id to locate, in wave order, then the ties closed. */
  ids: string[];
}

export function planCascadeMap(result: CascadeResult | null): CascadeMapPlan {
  if (!result) return { waves: [], truncated: [], ids: [] };
  const waves = result.waves.map((w) =>
    [...w.failed].sort((a, b) => b.customers - a.customers).slice(0, MAP_CAP_PER_WAVE),
  );
  const truncated = result.waves
    .filter((w) => w.failed.length > MAP_CAP_PER_WAVE)
    .map((w) => ({ wave: w.wave, shown: MAP_CAP_PER_WAVE, total: w.failed.length }));
  const ids = [...new Set([...waves.flat().map((f) => f.id), ...result.ties_closed])];
  return { waves, truncated, ids };
}

export interface CascadeMapPoint {
  id: string;
  position: LonLat;
  cause: CascadeCause;
  /** Failed in the wave the replay is on. */
  current: boolean;
}

export interface CascadeMapData {
  failed: CascadeMapPoint[];
  ties: { id: string; position: LonLat }[];
}

/** Located points at replay `position` (0 before the failure, k after wave k − 1). */
export function cascadeMapData(
  plan: CascadeMapPlan,
  result: CascadeResult | null,
  position: number,
  positions: ReadonlyMap<string, LonLat>,
): CascadeMapData {
  const failed: CascadeMapPoint[] = [];
  for (let i = 0; i < Math.min(position, plan.waves.length); i++) {
    for (const f of plan.waves[i]) {
      const p = positions.get(f.id);
      if (p) failed.push({ id: f.id, position: p, cause: f.cause, current: i === position - 1 });
    }
  }
  // Current wave last so it draws on top.
  failed.sort((a, b) => Number(a.current) - Number(b.current));
  const ties =
    result && position > 0
      ? result.ties_closed.flatMap((id) => {
          const p = positions.get(id);
          return p ? [{ id, position: p }] : [];
        })
      : [];
  return { failed, ties };
}

/** Smallest half-extent of the bounds (degrees), so one point does not zoom to the deepest level. */
const MIN_HALF_EXTENT_DEG = 0.003;

/** Bounds of the located points (at least ~600 m across), or null. */
export function boundsOf(points: readonly { position: LonLat }[]): [number, number, number, number] | null {
  if (points.length === 0) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const {
    position: [x, y],
  } of points) {
    w = Math.min(w, x);
    s = Math.min(s, y);
    e = Math.max(e, x);
    n = Math.max(n, y);
  }
  const padX = Math.max(0, MIN_HALF_EXTENT_DEG - (e - w) / 2);
  const padY = Math.max(0, MIN_HALF_EXTENT_DEG - (n - s) / 2);
  return [w - padX, s - padY, e + padX, n + padY];
}
