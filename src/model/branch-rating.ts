/**
 * Transmission branches are lines or autotransformers (code list `branch_kind`), and each kind
 * derates with ambient temperature by its own physics: a conductor's ampacity (IEEE 738) or a
 * transformer's loss of life (IEEE C57.91). Every rating check of a branch goes through here.
 */
import { lineRatingFactor, transformerRatingFactor } from './thermal.ts';

/** `transmission_lines.kind` codes. */
export const BRANCH_LINE = 0;
export const BRANCH_AUTOTRANSFORMER = 1;

/** Fraction of a branch's nominal rating it can carry at `ambient_c`. */
export function branchRatingFactor(kind: number, ambient_c: number): number {
  return kind === BRANCH_AUTOTRANSFORMER ? transformerRatingFactor(ambient_c) : lineRatingFactor(ambient_c);
}

/**
 * Derated rating (MW in the DC model, MVA nominal) of every branch at `ambient_c`.
 *
 * @example
 * derateBranches(Float64Array.of(330, 600), Uint8Array.of(0, 1), 41); // [272.1…, 534]
 */
export function derateBranches(
  rating_mva: ArrayLike<number>,
  kind: ArrayLike<number>,
  ambient_c: number,
): Float64Array {
  const line = lineRatingFactor(ambient_c);
  const transformer = transformerRatingFactor(ambient_c);
  return Float64Array.from(
    rating_mva,
    (r, k) => r * (kind[k] === BRANCH_AUTOTRANSFORMER ? transformer : line),
  );
}
