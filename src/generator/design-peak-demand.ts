/**
 * Demand at every substation over the design-day afternoon (DESIGN_PEAK at each hour of
 * DESIGN_PEAK_HOURS), summed customer by customer with the load model the cascade uses, so
 * the transmission the planner sizes for is the transmission the cascade loads.
 */
import { demandKw } from '../model/load-model.ts';
import { DESIGN_PEAK, DESIGN_PEAK_HOURS, type OperatingConditions } from '../model/operating-conditions.ts';
import type { CustomerSites } from './land-use.ts';

export interface DesignPeakDemand {
  hours: readonly number[];
  /** substation_mw[h][s]: demand of substation s at hours[h]. */
  substation_mw: Float64Array[];
  /** Total demand at each hour, and the highest of them (the coincident design peak). */
  total_mw: number[];
  peak_mw: number;
}

/**
 * @param customerSubstation substation serving each customer (through its transformer and feeder)
 */
export function designPeakDemand(
  customers: CustomerSites,
  customerSubstation: Int32Array,
  substationCount: number,
  conditions: OperatingConditions = DESIGN_PEAK,
  hours: readonly number[] = DESIGN_PEAK_HOURS,
): DesignPeakDemand {
  const substation_mw = hours.map((hour) => {
    const at = { ...conditions, hour };
    const kw = new Float64Array(substationCount);
    for (let c = 0; c < customers.count; c++) {
      kw[customerSubstation[c]] += demandKw(
        customers.base_kw[c],
        customers.cooling_kw_per_c[c],
        customers.cls[c],
        at,
      );
    }
    return kw.map((v) => v / 1000);
  });
  const total_mw = substation_mw.map((mw) => mw.reduce((a, b) => a + b, 0));
  return { hours, substation_mw, total_mw, peak_mw: Math.max(...total_mw) };
}
