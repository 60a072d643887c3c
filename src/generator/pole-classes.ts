/**
 * Wood distribution poles: the heights the generator plants and the ANSI O5.1 strength class a
 * utility specifies for each. Taller poles carry more (and are set deeper), so utilities step
 * the class up with height; the pairing below (35 ft class 5, 40 ft class 4, 45 ft class 3,
 * 50 ft class 2) is the common overhead-distribution practice in the USDA Rural Utilities
 * Service construction standards (RUS Bulletin 1728F-804 pole tables). The class sets the
 * pole's wind fragility (src/cascade/weather/).
 */

/** 35, 40, 45 and 50 ft. */
export const POLE_HEIGHTS_M: readonly number[] = [10.7, 12.2, 13.7, 15.2];

const CLASS_BY_HEIGHT: readonly [number, number][] = [
  [10.7, 5],
  [12.2, 4],
  [13.7, 3],
  [15.2, 2],
];

/** ANSI O5.1 class (1 strongest … 7) of a wood pole of `height_m`. */
export function woodPoleClass(height_m: number): number {
  for (const [h, c] of CLASS_BY_HEIGHT) if (height_m <= h + 0.05) return c;
  return 1;
}
