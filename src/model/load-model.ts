/**
 * Customer demand as a function of the hour of day and the air temperature: a class profile for
 * the weather-independent part plus a cooling part that grows linearly above a balance point,
 * times the load factor of the operating conditions. A date makes weekends use less commercial
 * and industrial demand.
 */
import type { OperatingConditions } from './operating-conditions.ts';
import type { Table } from './table.ts';
import type { CUSTOMERS } from './schema-context.ts';

/** The part of the operating conditions demand depends on. */
export type LoadConditions = Pick<OperatingConditions, 'hour' | 'temperature_c'> &
  Partial<Pick<OperatingConditions, 'load_factor' | 'date'>>;

/** Above this temperature air conditioning load starts (degree-day convention). */
export const COOLING_BALANCE_C = 24;
/** Power factor used to turn kW into kVA for equipment loading. */
export const POWER_FACTOR = 0.95;

// Hourly demand as a fraction of base_kw (peak of each class profile = 1).
const RESIDENTIAL = [
  0.45, 0.4, 0.38, 0.37, 0.38, 0.45, 0.6, 0.7, 0.65, 0.6, 0.58, 0.58, 0.6, 0.62, 0.65, 0.72, 0.82, 0.92, 1.0,
  0.98, 0.9, 0.78, 0.64, 0.52,
];
const COMMERCIAL = [
  0.35, 0.33, 0.32, 0.32, 0.34, 0.42, 0.6, 0.8, 0.92, 0.97, 1.0, 1.0, 1.0, 1.0, 0.99, 0.97, 0.93, 0.85, 0.7,
  0.58, 0.5, 0.45, 0.4, 0.37,
];
const INDUSTRIAL = [
  0.82, 0.8, 0.8, 0.8, 0.82, 0.86, 0.92, 0.97, 1.0, 1.0, 1.0, 1.0, 0.98, 1.0, 1.0, 1.0, 0.98, 0.95, 0.92, 0.9,
  0.88, 0.86, 0.84, 0.83,
];
/** Share of the cooling slope active each hour (solar gain and occupancy; peaks mid-afternoon). */
const COOLING = [
  0.35, 0.3, 0.27, 0.25, 0.25, 0.27, 0.32, 0.4, 0.5, 0.6, 0.7, 0.8, 0.87, 0.93, 0.97, 1.0, 1.0, 0.98, 0.92,
  0.82, 0.7, 0.58, 0.48, 0.4,
];

/**
 * Weather-independent demand on Saturdays and Sundays relative to weekdays, by class. Offices use
 * about half their weekday equipment and lighting load at weekends and retail about as much as on
 * weekdays (DOE commercial reference buildings, Deru et al. 2011, NREL/TP-5500-46861); industry
 * runs continuous processes. Approximations for a mixed class, documented in docs/conditions.md.
 */
export const WEEKEND_FACTOR: readonly number[] = [1, 0.7, 0.85];

/** Whether a YYYY-MM-DD date falls on a Saturday or Sunday. */
export function isWeekend(date: string): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** Indexed by the customer_class code (residential, commercial, industrial). */
export const CLASS_PROFILES: readonly (readonly number[])[] = [RESIDENTIAL, COMMERCIAL, INDUSTRIAL];
export const COOLING_PROFILE: readonly number[] = COOLING;

function hourIndex(hour: number): number {
  if (!Number.isFinite(hour)) throw new Error(`load-model: hour must be a number, got ${hour}`);
  return ((Math.floor(hour) % 24) + 24) % 24;
}

/** Demand of one customer in kW under `conditions`. */
export function demandKw(
  base_kw: number,
  cooling_kw_per_c: number,
  customerClass: number,
  conditions: LoadConditions,
): number {
  const h = hourIndex(conditions.hour);
  const profile = CLASS_PROFILES[customerClass] ?? RESIDENTIAL;
  const coolingDegrees = Math.max(0, conditions.temperature_c - COOLING_BALANCE_C);
  const weekend = conditions.date && isWeekend(conditions.date) ? (WEEKEND_FACTOR[customerClass] ?? 1) : 1;
  const kw = base_kw * profile[h] * weekend + cooling_kw_per_c * coolingDegrees * COOLING[h];
  return kw * (conditions.load_factor ?? 1);
}

/**
 * The weather-dependent (air-conditioning) part of `demandKw`: what a population of thermostats
 * draws when their cycles are out of step (see cold-load-pickup.ts).
 */
export function coolingDemandKw(cooling_kw_per_c: number, conditions: LoadConditions): number {
  const coolingDegrees = Math.max(0, conditions.temperature_c - COOLING_BALANCE_C);
  return (
    cooling_kw_per_c * coolingDegrees * COOLING[hourIndex(conditions.hour)] * (conditions.load_factor ?? 1)
  );
}

/** Demand of every customer in kW under `conditions`. */
export function customerDemandsKw(
  customers: Table<typeof CUSTOMERS>,
  conditions: LoadConditions,
): Float64Array {
  const { base_kw, cooling_kw_per_c, class: cls } = customers.cols;
  const out = new Float64Array(customers.size);
  for (let i = 0; i < customers.size; i++) {
    out[i] = demandKw(base_kw[i], cooling_kw_per_c[i], cls[i], conditions);
  }
  return out;
}
