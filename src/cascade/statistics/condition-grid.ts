/**
 * A grid of operating conditions for cascade statistics: every combination of load factor,
 * temperature and gust over a base (default: the design peak), with a uniform wind field.
 */
import {
  DESIGN_PEAK,
  resolveConditions,
  type OperatingConditions,
} from '../../model/operating-conditions.ts';

/**
 * Sustained wind for a gust: the 3-s gust over a 1-min mean at 10 m is about 1.5 in built-up
 * (suburban) terrain (WMO, Harper, Kepert & Ginger 2010, "Guidelines for converting between
 * various wind averaging periods in tropical cyclone conditions", WMO/TD-No. 1555, Table 1.1).
 */
export const GUST_FACTOR = 1.5;

export interface ConditionGridSpec {
  load_factors: readonly number[];
  temperatures_c: readonly number[];
  gusts_ms: readonly number[];
  /** Everything else (hour, date, hours since interruption, …); default the design peak. */
  base?: OperatingConditions;
}

/** The ranges issue 8 names: load 0.8–1.4, 25–45 °C, gusts 0–45 m/s. */
export const DEFAULT_CONDITION_GRID: ConditionGridSpec = {
  load_factors: [0.8, 1, 1.2, 1.4],
  temperatures_c: [25, 35, 45],
  gusts_ms: [0, 25, 45],
};

/** Every combination, load factor slowest, gust fastest; each checked like any user input. */
export function conditionGrid(spec: ConditionGridSpec): OperatingConditions[] {
  const base = spec.base ?? DESIGN_PEAK;
  const out: OperatingConditions[] = [];
  for (const load_factor of spec.load_factors)
    for (const temperature_c of spec.temperatures_c)
      for (const wind_gust_ms of spec.gusts_ms)
        out.push(
          resolveConditions(base, {
            load_factor,
            temperature_c,
            wind_gust_ms,
            wind_sustained_ms: Math.round((10 * wind_gust_ms) / GUST_FACTOR) / 10,
            wind_field: { kind: 'uniform' },
          }),
        );
  return out;
}
