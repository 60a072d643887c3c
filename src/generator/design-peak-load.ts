/**
 * The load distribution equipment is planned to: every service transformer's demand at each hour
 * of the design day's peak window (DESIGN_PEAK_HOURS at the DESIGN_PEAK temperature). Sections,
 * service transformers and substation transformers are each sized on the highest of their own
 * hourly sums, so a residential lateral that peaks at 18:00 and a commercial one that peaks at
 * 14:00 are both sized on their own peak, as planners size equipment on its own (non-coincident)
 * peak.
 */
import { demandKw } from '../model/load-model.ts';
import { designPeakHourConditions } from '../model/operating-conditions.ts';
import type { CustomerSites } from './land-use.ts';

/** Demand (kW) on each service transformer at each design-peak hour: one array per hour. */
export function transformerPeakLoads(
  customers: Pick<CustomerSites, 'count' | 'cls' | 'base_kw' | 'cooling_kw_per_c'>,
  customerTransformer: Int32Array,
  transformerCount: number,
): Float64Array[] {
  return designPeakHourConditions().map((conditions) => {
    const kw = new Float64Array(transformerCount);
    for (let c = 0; c < customers.count; c++) {
      kw[customerTransformer[c]] += demandKw(
        customers.base_kw[c],
        customers.cooling_kw_per_c[c],
        customers.cls[c],
        conditions,
      );
    }
    return kw;
  });
}

/** Element-wise maximum over the hours. */
export function maxOverHours(perHour: readonly Float64Array[]): Float64Array {
  const out = Float64Array.from(perHour[0]);
  for (const a of perHour.slice(1)) for (let i = 0; i < a.length; i++) if (a[i] > out[i]) out[i] = a[i];
  return out;
}
