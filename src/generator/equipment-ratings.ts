/**
 * Equipment sizing as a planner would: every rating is the smallest standard size that carries
 * the base-case (design) load at no more than PLANNING_LOADING of its derated capability, so the
 * base case is secure and a heat wave is tight.
 */
import { lineRatingFactor, transformerRatingFactor } from '../model/thermal.ts';

/** Highest planned loading in the base case, as a fraction of the derated rating. */
export const PLANNING_LOADING = 0.7;

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
export const FUSE_A = [25, 40, 65, 100, 140, 200];

/** Smallest size in `sizes` (ascending) that is ≥ `needed`; beyond the list, whole multiples of the largest. */
export function smallestStandard(sizes: readonly number[], needed: number): number {
  for (const s of sizes) if (s >= needed) return s;
  const top = sizes[sizes.length - 1];
  return top * Math.ceil(needed / top);
}

/** Conductor for a section carrying `design_a` in the base case at `ambient_c`. */
export function chooseConductor(
  design_a: number,
  overhead: boolean,
  trunk: boolean,
  ambient_c: number,
): { code: number; rating_a: number } {
  const needed = Math.max(
    design_a / (PLANNING_LOADING * lineRatingFactor(ambient_c)),
    trunk ? TRUNK_MIN_AMPACITY_A : 0,
  );
  const options = CONDUCTORS.filter((c) => c.overhead === overhead);
  for (const c of options) if (c.ampacity_a >= needed) return { code: c.code, rating_a: c.ampacity_a };
  // Heavier than one conductor: parallel runs of the largest (as utilities do for big loads).
  const top = options[options.length - 1];
  return { code: top.code, rating_a: top.ampacity_a * Math.ceil(needed / top.ampacity_a) };
}

/** Transformer nameplate (kVA or MVA) for `design` load at `ambient_c` from a standard list. */
export function chooseTransformerSize(sizes: readonly number[], design: number, ambient_c: number): number {
  return smallestStandard(sizes, design / (PLANNING_LOADING * transformerRatingFactor(ambient_c)));
}
