/** What a cascade reports: each failed or operated asset with its wave, cause and consequences. */
import type { TableName } from '../model/grid-model.ts';
import type { OperatingConditions } from '../model/operating-conditions.ts';

export type FailureCause =
  'initial' | 'overload' | 'protection_trip' | 'de_energized' | 'load_shed' | 'weather';

export interface FailedAsset {
  id: string;
  table: TableName;
  wave: number;
  cause: FailureCause;
  /** Loading (% of the rating that applies) when an overload tripped it. */
  loading_pct?: number;
  /** Hazard probability for weather failures. */
  probability?: number;
  /** Customers normally supplied through the asset. */
  customers: number;
}

export interface CascadeWave {
  wave: number;
  failed: FailedAsset[];
  /** Customers without supply after this wave (cumulative). */
  customers_out: number;
  /** Critical customers (hospitals, water plants …) without supply after this wave. */
  critical_out: number;
  /** Demand not served after this wave (cumulative). */
  mw_out: number;
}

export interface CascadeResult {
  /** The preset the conditions started from. */
  scenario: string;
  conditions: OperatingConditions;
  initial: string[];
  /** Later contingencies (N-1-1), each failing once the cascade before it has settled. */
  then: string[][];
  waves: CascadeWave[];
  customers_lost: number;
  critical_customers_lost: number;
  mw_shed: number;
  assets_failed: number;
  ties_closed: string[];
  customers_restored: number;
}
