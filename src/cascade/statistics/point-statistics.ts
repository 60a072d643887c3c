/**
 * What a set of single-asset cascades under one condition says: how often a cascade reaches
 * beyond the protection zone of its patient zero, how many waves it runs, how many customers it
 * costs (with and without what the conditions' weather does on its own), overall and by table.
 */
import type { SweepAssetResult } from '../../storage/sqlite/sweep-store.ts';
import { distribution, type Distribution } from '../stochastic.ts';

export interface PointStatistics {
  patient_zeros: number;
  /** Share of patient zeros whose cascade failed something beyond their protection zone. */
  beyond_zone_share: number;
  /** Cascades by number of waves: 1, 2, 3, 4 or more. */
  waves_histogram: { '1': number; '2': number; '3': number; '4+': number };
  waves: Distribution;
  customers_lost: Distribution;
  /** Customers lost beyond those the weather takes out with no patient zero. */
  customers_lost_beyond_weather: Distribution;
  /** The conditions' own cascade (no patient zero): customers out and MW shed. */
  weather_alone: { customers_lost: number; mw_shed: number };
  by_table: Record<string, { patient_zeros: number; beyond_zone_share: number; customers_lost_mean: number }>;
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

export function pointStatistics(
  results: readonly SweepAssetResult[],
  weatherAlone: { customers_lost: number; mw_shed: number },
): PointStatistics {
  if (!results.length) throw new Error('cascade statistics: no results');
  const histogram = { '1': 0, '2': 0, '3': 0, '4+': 0 };
  const byTable = new Map<string, { n: number; beyond: number; customers: number }>();
  let beyond = 0;
  for (const r of results) {
    const key = r.waves >= 4 ? '4+' : (String(Math.max(1, r.waves)) as '1' | '2' | '3');
    histogram[key]++;
    if (r.beyond_zone) beyond++;
    const t = byTable.get(r.table) ?? { n: 0, beyond: 0, customers: 0 };
    t.n++;
    t.beyond += r.beyond_zone ? 1 : 0;
    t.customers += r.customers_lost;
    byTable.set(r.table, t);
  }
  return {
    patient_zeros: results.length,
    beyond_zone_share: round4(beyond / results.length),
    waves_histogram: histogram,
    waves: distribution(results.map((r) => r.waves)),
    customers_lost: distribution(results.map((r) => r.customers_lost)),
    customers_lost_beyond_weather: distribution(
      results.map((r) => Math.max(0, r.customers_lost - weatherAlone.customers_lost)),
    ),
    weather_alone: { customers_lost: weatherAlone.customers_lost, mw_shed: weatherAlone.mw_shed },
    by_table: Object.fromEntries(
      [...byTable]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([table, t]) => [
          table,
          {
            patient_zeros: t.n,
            beyond_zone_share: round4(t.beyond / t.n),
            customers_lost_mean: Math.round((100 * t.customers) / t.n) / 100,
          },
        ]),
    ),
  };
}
