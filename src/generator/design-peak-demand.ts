/**
 * Demand at every substation over the design-day afternoon (DESIGN_PEAK at each hour of
 * DESIGN_PEAK_HOURS): the service transformers' hourly design-peak loads (design-peak-load.ts,
 * the load model the cascade uses) summed by substation, so the transmission the planner sizes
 * for is the transmission the cascade loads.
 */
import { DESIGN_PEAK_HOURS } from '../model/operating-conditions.ts';

export interface DesignPeakDemand {
  hours: readonly number[];
  /** substation_mw[h][s]: demand of substation s at hours[h]. */
  substation_mw: Float64Array[];
  /** Total demand at each hour, and the highest of them (the coincident design peak). */
  total_mw: number[];
  peak_mw: number;
}

/**
 * @param transformerHourly_kw per design-peak hour, each service transformer's demand (kW)
 * @param transformerSubstation substation serving each service transformer (through its feeder)
 */
export function designPeakDemand(
  transformerHourly_kw: readonly Float64Array[],
  transformerSubstation: Int32Array,
  substationCount: number,
  hours: readonly number[] = DESIGN_PEAK_HOURS,
): DesignPeakDemand {
  if (transformerHourly_kw.length !== hours.length)
    throw new Error(
      `design-peak demand: ${transformerHourly_kw.length} hourly loads for ${hours.length} hours`,
    );
  const substation_mw = transformerHourly_kw.map((kw) => {
    const mw = new Float64Array(substationCount);
    for (let t = 0; t < kw.length; t++) mw[transformerSubstation[t]] += kw[t] / 1000;
    return mw;
  });
  const total_mw = substation_mw.map((mw) => mw.reduce((a, b) => a + b, 0));
  return { hours, substation_mw, total_mw, peak_mw: Math.max(...total_mw) };
}
