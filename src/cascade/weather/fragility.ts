/**
 * Fragility curves: the probability that an asset fails at a given intensity (3-s gust at 10 m,
 * or floodwater depth), per asset kind, from the published sources listed in docs/weather.md.
 * - Wood poles: lognormal in gust, by age, fitted to the age-dependent curves of Salman, Li &
 *   Stewart (2015) and scaled across ANSI O5.1 classes by their tip-load capacity.
 * - Trees beside overhead spans: the logistic stem-breakage and uprooting models of Hou &
 *   Muraleetharan (2023) with their fall-in geometry, the fall direction uniform in azimuth
 *   (Guggenmoos 2003: a tree's exposure is the arc of fall directions that reach the line).
 * - Ground-mounted equipment in floodwater: lognormal in depth above grade.
 */

/** Standard normal CDF (Abramowitz & Stegun 26.2.17, absolute error < 7.5e-8). */
export function normalCdf(z: number): number {
  if (z < -8) return 0;
  if (z > 8) return 1;
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const poly =
    t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const tail = Math.exp(-(z * z) / 2) * 0.3989422804014327 * poly;
  return z >= 0 ? 1 - tail : tail;
}

export interface Lognormal {
  /** Intensity at which half the assets fail. */
  median: number;
  /** Standard deviation of ln(capacity). */
  beta: number;
}

/** P(failure) = Φ(ln(x / median) / β); 0 for x ≤ 0. */
export function lognormalFragility(x: number, f: Lognormal): number {
  if (!(x > 0)) return 0;
  return normalCdf(Math.log(x / f.median) / f.beta);
}

/**
 * Wood distribution poles by age (years in service): lognormal least-squares fits (max error
 * 1.2 % in probability) to the 20-, 40- and 60-year fragility curves of Salman, Li & Stewart
 * (2015), 3-s gust in m/s. Decay lowers the median and widens the spread as poles age.
 */
export const WOOD_POLE_BY_AGE: readonly (Lognormal & { age_years: number })[] = [
  { age_years: 20, median: 65.24, beta: 0.113 },
  { age_years: 40, median: 62.96, beta: 0.139 },
  { age_years: 60, median: 57.16, beta: 0.195 },
];

/** ANSI O5.1 horizontal (tip) load of wood pole classes 1–7, kN (4,500 … 1,200 lbf). */
export const ANSI_CLASS_TIP_LOAD_KN: Readonly<Record<number, number>> = {
  1: 20.0,
  2: 16.5,
  3: 13.3,
  4: 10.7,
  5: 8.45,
  6: 6.67,
  7: 5.34,
};

/**
 * The class Salman et al.'s curves stand for: we take their reference pole as a class 4 (the
 * 40-ft pole of the RUS pairing in src/generator/pole-classes.ts); see docs/weather.md.
 */
export const REFERENCE_POLE_CLASS = 4;

/**
 * Fragility of a wood pole of ANSI `cls` (0 = unknown: the reference class) at `age_years`.
 * Ages interpolate between the fitted curves (held at the ends); the class scales the median by
 * √(tip load / reference tip load), since the wind moment on a pole grows with the square of
 * the gust while its capacity is its class's tip load.
 */
export function woodPoleFragility(cls: number, age_years: number): Lognormal {
  const table = WOOD_POLE_BY_AGE;
  let base: Lognormal;
  if (age_years <= table[0].age_years) base = table[0];
  else if (age_years >= table[table.length - 1].age_years) base = table[table.length - 1];
  else {
    let k = 0;
    while (age_years > table[k + 1].age_years) k++;
    const a = table[k];
    const b = table[k + 1];
    const w = (age_years - a.age_years) / (b.age_years - a.age_years);
    base = {
      median: Math.exp(Math.log(a.median) * (1 - w) + Math.log(b.median) * w),
      beta: a.beta * (1 - w) + b.beta * w,
    };
  }
  const tip = ANSI_CLASS_TIP_LOAD_KN[cls] ?? ANSI_CLASS_TIP_LOAD_KN[REFERENCE_POLE_CLASS];
  const scale = Math.sqrt(tip / ANSI_CLASS_TIP_LOAD_KN[REFERENCE_POLE_CLASS]);
  return { median: base.median * scale, beta: base.beta };
}

/**
 * Hou & Muraleetharan (2023), Table 2: logit of tree failure in height H (m) and 3-s gust U
 * (m/s), from finite-element tree models.
 */
export const TREE_STEM_BREAKAGE = { intercept: -17.28, height: 0.42, gust: 0.13 } as const;
export const TREE_UPROOTING = { intercept: -2.22, height: -0.43, gust: 0.11 } as const;

type TreeLogit = { intercept: number; height: number; gust: number };
const logistic = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Gust at which wind starts to bring trees down on lines: 20 m/s (45 mph), the National Weather
 * Service's wind-advisory criterion, whose products warn that "tree limbs could be blown down and
 * a few power outages may result". Below it the logit models — fitted to storm winds — would
 * extrapolate into a small steady failure rate in calm air (about ten faults a day on `metro`),
 * which is not what wind does; fair-weather vegetation contacts are not modelled.
 */
export const TREE_DAMAGE_ONSET_GUST_MS = 20;

/** A logit model less its rate at the onset gust, so that wind below the onset fails no tree. */
function stormFailure(m: TreeLogit, height_m: number, gust_ms: number): number {
  if (!(gust_ms > TREE_DAMAGE_ONSET_GUST_MS)) return 0;
  const p0 = logistic(m.intercept + m.height * height_m + m.gust * TREE_DAMAGE_ONSET_GUST_MS);
  const p = logistic(m.intercept + m.height * height_m + m.gust * gust_ms);
  return Math.max(0, (p - p0) / (1 - p0));
}

export function treeStemBreakage(height_m: number, gust_ms: number): number {
  return stormFailure(TREE_STEM_BREAKAGE, height_m, gust_ms);
}

export function treeUprooting(height_m: number, gust_ms: number): number {
  return stormFailure(TREE_UPROOTING, height_m, gust_ms);
}

/** Length of the piece that falls when a stem breaks (Hou & Muraleetharan 2023, Eq. 21). */
export function brokenStemLength(height_m: number): number {
  return Math.max(0, 0.946 * height_m - 1.827);
}

/**
 * Share of fall directions (uniform in azimuth) in which a falling piece of length L, pivoting
 * at height `pivot_m` at horizontal distance d from a conductor at `conductor_m`, reaches the
 * conductor: it needs L² ≥ (d / cos φ)² + (conductor − pivot)² for fall azimuth φ from the
 * perpendicular, i.e. the arc |φ| ≤ arccos(d / √(L² − Δh²)), on the line's side only.
 */
export function fallInShare(
  length_m: number,
  pivot_m: number,
  distance_m: number,
  conductor_m: number,
): number {
  const dh = Math.max(0, conductor_m - pivot_m);
  const reach2 = length_m * length_m - dh * dh;
  if (reach2 <= 0) return 0;
  const reach = Math.sqrt(reach2);
  const d = Math.max(0, distance_m);
  if (d >= reach) return 0;
  return Math.acos(d / reach) / Math.PI;
}

/**
 * Probability that a tree of `height_m` standing `clearance_m` (horizontally) from an overhead
 * conductor at `conductor_m` brings it down in a `gust_ms` gust: it uproots (the whole stem
 * pivots at the ground) or its stem breaks (the top piece pivots at the break), and falls toward
 * the line far enough to reach the conductor.
 */
export function treeStrikeProbability(
  height_m: number,
  clearance_m: number,
  conductor_m: number,
  gust_ms: number,
): number {
  const up = treeUprooting(height_m, gust_ms) * fallInShare(height_m, 0, clearance_m, conductor_m);
  const top = brokenStemLength(height_m);
  const sb = treeStemBreakage(height_m, gust_ms) * fallInShare(top, height_m - top, clearance_m, conductor_m);
  return 1 - (1 - up) * (1 - sb);
}

/**
 * Ground-mounted equipment in floodwater, lognormal in depth above grade (m): the median is the
 * depth at which water reaches the live parts (a pad-mounted transformer's terminations sit a
 * little above its pad; a substation's relays and control wiring in cabinets and the control
 * house stand higher). Engineering judgement, not a published curve (docs/weather.md).
 */
export const PAD_TRANSFORMER_FLOOD: Lognormal = { median: 0.3, beta: 0.5 };
export const SUBSTATION_FLOOD: Lognormal = { median: 0.6, beta: 0.5 };

export function floodFailureProbability(depth_m: number, equipment: Lognormal): number {
  return lognormalFragility(depth_m, equipment);
}
