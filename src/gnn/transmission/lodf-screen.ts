/**
 * The physics baseline: the LODF first-wave overload screen. It predicts that an initial outage
 * sheds load when its first wave (outage-flows.ts: LODF, or a balanced DC solve when the outage
 * islands) leaves a new island short of generation, or loads any branch above its rating — the
 * branch the cascade would trip next. It does not follow the later waves, which is what the
 * learned models must add. Its score for ranking: the worst post-outage loading ratio, and
 * above every loading (DEFICIT_SCORE + the share of load lost) for a deficit.
 */
import type { LodfMatrix } from '../../powerflow/lodf.ts';
import type { OperatingState } from './operating-state.ts';
import { outageFlows } from './outage-flows.ts';

/** Scores of outages whose islands lack generation, above any loading ratio. */
export const DEFICIT_SCORE = 1000;

export interface ScreenResult {
  /** The screen's answer: shed predicted. */
  readonly shed: boolean;
  /** Worst post-outage loading ratio; DEFICIT_SCORE + share of load lost for a deficit. */
  readonly score: number;
  readonly worstLoading: number;
  readonly deficit_mw: number;
}

/**
 * Screens one initial outage (1 or 2 branches) of a pre-outage state.
 *
 * @example
 * const s = lodfScreen(state, caseLodf(state.net), Int32Array.of(3));
 * s.shed; // true when branch 3's outage overloads a branch or strands load
 */
export function lodfScreen(state: OperatingState, lodf: LodfMatrix, outage: ArrayLike<number>): ScreenResult {
  const first = outageFlows(state, lodf, outage);
  let worstLoading = 0;
  for (let l = 0; l < first.loading.length; l++) worstLoading = Math.max(worstLoading, first.loading[l]);
  let load_mw = 0;
  for (const p of state.net.busLoad_mw) load_mw += p;
  const deficit = first.deficit_mw > 1e-6;
  return {
    shed: deficit || worstLoading > 1,
    score: deficit ? DEFICIT_SCORE + first.deficit_mw / Math.max(load_mw, 1e-9) : worstLoading,
    worstLoading,
    deficit_mw: first.deficit_mw,
  };
}
