/**
 * Operating KPIs computed from the dataset: customers served, the design-day system peak and
 * its hour, installed capacity, loading by substation, overloaded equipment and assets by
 * energization state. Reliability indices stay null until outage history exists.
 */
import type { GridModel } from '../model/grid-model.ts';
import { customerDemandsKw, POWER_FACTOR, type LoadConditions } from '../model/load-model.ts';
import { BASE_CASE } from '../model/operating-conditions.ts';
import { transformerRatingFactor } from '../model/thermal.ts';
import type { DistributionLoading } from '../powerflow/radial-loading.ts';
import type { TransmissionLoading } from '../powerflow/transmission-loading.ts';
import type { Energization } from '../topology/energization.ts';

export interface SubstationKpi {
  id: string;
  name: string;
  load_mw: number;
  capacity_mva: number;
  loading_pct: number;
  customers: number;
}

export interface Kpis {
  conditions: LoadConditions;
  customers_served: number;
  customers_total: number;
  meters: number;
  /** Highest hourly system load of the design day (temperature of `conditions`). */
  peak_load_mw: number;
  peak_hour: number;
  /** System load for each hour of the design day. */
  load_profile_mw: number[];
  capacity_mva: number;
  system_loading_pct: number;
  substations: SubstationKpi[];
  overloaded: {
    transformers: number;
    line_sections: number;
    substation_transformers: number;
    transmission_lines: number;
  };
  assets_by_state: { energized: number; de_energized: number };
  reliability: { saidi_min: number | null; saifi: number | null; caidi_min: number | null; reason: string };
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
const countAbove = (a: Float64Array, limit: number) => a.reduce((n, v) => (v > limit ? n + 1 : n), 0);

/** Hourly system load (MW) across the design day at `conditions.temperature_c`. */
export function systemLoadProfileMw(model: GridModel, conditions: LoadConditions): number[] {
  const out: number[] = [];
  for (let hour = 0; hour < 24; hour++) {
    const kw = customerDemandsKw(model.tables.customers, { ...conditions, hour });
    out.push(kw.reduce((s, v) => s + v, 0) / 1000);
  }
  return out;
}

export function computeKpis(
  model: GridModel,
  loading: DistributionLoading,
  transmission: TransmissionLoading,
  energization: Energization,
  conditions: LoadConditions = BASE_CASE,
): Kpis {
  const t = model.tables;
  const customersEnergized = energization.customers ?? new Uint8Array(t.customers.size).fill(1);
  const profile = systemLoadProfileMw(model, conditions);
  const peak = Math.max(...profile);
  const capacity = t.substation_transformers.cols.rating_mva.reduce((s, v) => s + v, 0);

  const subCapacity = new Float64Array(t.substations.size);
  t.substation_transformers.cols.substation.forEach(
    (s, k) => (subCapacity[s] += t.substation_transformers.cols.rating_mva[k]),
  );
  const subCustomers = new Int32Array(t.substations.size);
  const feederOfTransformer = t.transformers.cols.feeder;
  for (let c = 0; c < t.customers.size; c++) {
    const x = t.meters.cols.transformer[t.customers.cols.meter[c]];
    subCustomers[t.feeders.cols.substation[feederOfTransformer[x]]]++;
  }
  const derate = transformerRatingFactor(conditions.temperature_c);
  const substations = Array.from({ length: t.substations.size }, (_, s) => {
    const load_mw = loading.substation_kw[s] / 1000;
    return {
      id: t.substations.ids[s],
      name: t.substations.cols.name[s],
      load_mw: round(load_mw, 2),
      capacity_mva: subCapacity[s],
      loading_pct: round((100 * load_mw) / POWER_FACTOR / (subCapacity[s] * derate)),
      customers: subCustomers[s],
    };
  });

  let energized = 0;
  let total = 0;
  for (const arr of Object.values(energization)) {
    for (const v of arr!) energized += v;
    total += arr!.length;
  }
  return {
    conditions,
    customers_served: customersEnergized.reduce((n, v) => n + v, 0),
    customers_total: t.customers.size,
    meters: t.meters.size,
    peak_load_mw: round(peak),
    peak_hour: profile.indexOf(peak),
    load_profile_mw: profile.map((v) => round(v)),
    capacity_mva: round(capacity),
    system_loading_pct: round((100 * peak) / POWER_FACTOR / capacity),
    substations,
    overloaded: {
      transformers: countAbove(loading.transformer_pct, 100),
      line_sections: countAbove(loading.section_pct, 100),
      substation_transformers: countAbove(loading.substation_transformer_pct, 100),
      transmission_lines: countAbove(transmission.loading_pct, 100),
    },
    assets_by_state: { energized, de_energized: total - energized },
    reliability: {
      saidi_min: null,
      saifi: null,
      caidi_min: null,
      reason: 'no outage history yet: SAIDI/SAIFI/CAIDI (IEEE 1366) need recorded interruptions',
    },
  };
}
