/**
 * Equipment sizing as a planner would: every distribution rating is the smallest standard size
 * that carries the design-peak load (the highest over the design day's peak hours at the design
 * temperature) at no more than PEAK_PLANNING_LOADING of its capability derated to that
 * temperature; transmission lines are still sized on the base case (PLANNING_LOADING). The
 * criterion and its sources are in docs/planning.md.
 */
import { lineRatingFactor, transformerRatingFactor } from '../model/thermal.ts';

/** Highest planned loading of transmission lines in the base case, as a fraction of the derated rating. */
export const PLANNING_LOADING = 0.7;

/**
 * Growth of the summer peak per year: ERCOT's coincident peak went from 73,473 MW (2018) to
 * 85,508 MW (2023), 3.1 % a year (ERCOT, annual peak demand records).
 */
export const LOAD_GROWTH_PER_YEAR = 0.03;
/** Years from seeing a capacity need to having the reinforcement in service (Willis 2004). */
export const PLANNING_LEAD_TIME_YEARS = 3;
/**
 * Highest planned loading of distribution equipment at the design peak, as a fraction of the
 * derated normal rating: equipment installed today must still carry the design peak when the load
 * has grown for one lead time, because nothing can be reinforced faster (≈ 0.915).
 */
export const PEAK_PLANNING_LOADING = 1 / (1 + LOAD_GROWTH_PER_YEAR) ** PLANNING_LEAD_TIME_YEARS;

/** Nominal ampacity (A, 25 °C ambient) of each conductor code, and whether it is overhead. */
export const CONDUCTORS: readonly { code: number; ampacity_a: number; overhead: boolean }[] = [
  { code: 0, ampacity_a: 240, overhead: true },
  { code: 1, ampacity_a: 340, overhead: true },
  { code: 2, ampacity_a: 460, overhead: true },
  { code: 3, ampacity_a: 590, overhead: true },
  { code: 4, ampacity_a: 800, overhead: true },
  { code: 5, ampacity_a: 200, overhead: false },
  { code: 6, ampacity_a: 390, overhead: false },
  { code: 7, ampacity_a: 650, overhead: false },
];
const TRUNK_MIN_AMPACITY_A = 450;

export const POLE_TRANSFORMER_KVA = [25, 37.5, 50, 75, 100, 167];
export const PAD_TRANSFORMER_KVA = [75, 150, 300, 500, 750, 1000, 1500, 2000, 2500, 3750, 5000];
export const SUBSTATION_TRANSFORMER_MVA = [5, 7.5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 100, 150];
export const TRANSMISSION_LINE_MVA = [160, 240, 320, 400, 480, 640, 800, 960, 1200, 1600, 2000];
export const FUSE_A = [25, 40, 65, 100, 140, 200];

/** Smallest size in `sizes` (ascending) that is ≥ `needed`; beyond the list, whole multiples of the largest. */
export function smallestStandard(sizes: readonly number[], needed: number): number {
  for (const s of sizes) if (s >= needed) return s;
  const top = sizes[sizes.length - 1];
  return top * Math.ceil(needed / top);
}

/** Smallest conductor (of the overhead or underground kind) with at least `ampacity_a` nominal. */
export function conductorWithAmpacity(
  ampacity_a: number,
  overhead: boolean,
): { code: number; rating_a: number } {
  const options = CONDUCTORS.filter((c) => c.overhead === overhead);
  for (const c of options) if (c.ampacity_a >= ampacity_a) return { code: c.code, rating_a: c.ampacity_a };
  // Heavier than one conductor: parallel runs of the largest (as utilities do for big loads).
  const top = options[options.length - 1];
  return { code: top.code, rating_a: top.ampacity_a * Math.ceil(ampacity_a / top.ampacity_a) };
}

/** Conductor for a section carrying `peak_a` at the design peak at `ambient_c`. */
export function chooseConductor(
  peak_a: number,
  overhead: boolean,
  trunk: boolean,
  ambient_c: number,
): { code: number; rating_a: number } {
  const needed = Math.max(
    peak_a / (PEAK_PLANNING_LOADING * lineRatingFactor(ambient_c)),
    trunk ? TRUNK_MIN_AMPACITY_A : 0,
  );
  return conductorWithAmpacity(needed, overhead);
}

/** Transformer nameplate (kVA or MVA) for a design-peak load `peak` at `ambient_c` from a standard list. */
export function chooseTransformerSize(sizes: readonly number[], peak: number, ambient_c: number): number {
  return smallestStandard(sizes, peak / (PEAK_PLANNING_LOADING * transformerRatingFactor(ambient_c)));
}

/**
 * Line rating (MVA) for a base-case flow of `design_mw` at `ambient_c`, large enough that the
 * worst single-contingency flow `contingency_mw` (N-1, as transmission planning requires) stays
 * within the derated rating.
 */
export function chooseLineRating(design_mw: number, ambient_c: number, contingency_mw = 0): number {
  const factor = lineRatingFactor(ambient_c);
  const needed = Math.max(
    Math.abs(design_mw) / (PLANNING_LOADING * factor),
    Math.abs(contingency_mw) / factor,
  );
  return smallestStandard(TRANSMISSION_LINE_MVA, needed);
}
