/**
 * Cold-load pickup: what customers draw when their supply comes back after an interruption (the
 * loss-of-diversity part in the terms of the IEEE PSRC report "Cold Load Pickup Issues"). In
 * normal operation air conditioners cycle out of step, so a population draws its diversified
 * demand: the load model's cooling part, a share D (the duty cycle) of the installed compressor
 * power. While the supply is off, the off units reach their thermostat's upper threshold one
 * after another and call for cooling; on re-energization every calling unit starts at once and
 * runs until its house is back at the setpoint (the first epoch of the recovery, Mortensen &
 * Haggerty 1990); the population then returns to its diversified demand. Physically based after
 * Ihara & Schweppe (1981): a thermal model of the house with thermostat hysteresis, aggregated
 * over random cycle phases. Every parameter and its source: docs/cold-load-pickup.md.
 *
 * A pure function of the load model and the conditions (no grid), so it lives beside the load
 * model; the cascade applies it to the nodes restoration re-energizes.
 */
import type { Table } from './table.ts';
import type { CUSTOMERS } from './schema-context.ts';
import {
  COOLING_BALANCE_C,
  COOLING_PROFILE,
  coolingDemandKw,
  demandKw,
  type LoadConditions,
} from './load-model.ts';

/** Installed cooling capacity over the design cooling load: more than half of 368 Florida homes exceed 1.2 (James et al. 1997). */
export const AC_CAPACITY_RATIO = 1.2;
/** Outdoor temperature air conditioners are sized for (GridLAB-D's house default, 95 °F). */
export const AC_DESIGN_TEMPERATURE_C = 35;
/** Compressor cycles per hour at a 50 % duty cycle, the most a thermostat allows (Honeywell T4 Pro guide's 3 CPH). */
export const COMPRESSOR_CYCLES_PER_HOUR = 3;
/** Slow (building mass) time constant of GridLAB-D's default house, from its two-node thermal model. */
export const HOUSE_TIME_CONSTANT_H = 9.72;
/** Open time of a recloser's sequence up to its last reclose: 1/3 s + 15 s + 45 s (Gross, Power System Analysis). */
export const RECLOSE_OFF_H = (1 / 3 + 15 + 45) / 3600;

/**
 * A thermostat's cycle at duty cycle D: on for θ/(1−D), off for θ/D, so it cycles most often at
 * D = 0.5, 1/(4θ) times an hour (the rate thermostats are specified by).
 */
export const THERMOSTAT_SWING_H = 1 / (4 * COMPRESSOR_CYCLES_PER_HOUR);

const COOLING_PEAK = Math.max(...COOLING_PROFILE);

export interface ColdLoadPickup {
  hours_off: number;
  /** Diversified cooling demand over installed compressor power (≥ 1: units already run without pause). */
  duty_cycle: number;
  /** Share of the units running right after re-energization. */
  running_share: number;
  /** Multiplier on the diversified cooling demand right after re-energization (1: no change). */
  cooling_factor: number;
  /** How long the units keep that up: until their houses are back at the setpoint (h). */
  undiversified_h: number;
}

/**
 * Share of its installed power a population of air conditioners draws under `conditions`: the
 * load model's cooling demand over the capacity, which is sized at AC_CAPACITY_RATIO times the
 * cooling demand at AC_DESIGN_TEMPERATURE_C at the peak of the cooling profile.
 */
export function coolingDutyCycle(conditions: LoadConditions): number {
  const capacityPerSlope = AC_CAPACITY_RATIO * (AC_DESIGN_TEMPERATURE_C - COOLING_BALANCE_C) * COOLING_PEAK;
  return coolingDemandKw(1, conditions) / capacityPerSlope;
}

/**
 * The cold-load pickup of air conditioning re-energized after `hours_off` hours without supply.
 *
 * @example
 * coldLoadPickup({ hour: 18, temperature_c: 30 }, 1);
 * // duty cycle 5.52 / 13.2 = 0.418: every unit has called within 1 h, so the cooling demand
 * // comes back at 1 / 0.418 = 2.39 times its diversified value, for 0.80 h
 */
export function coldLoadPickup(conditions: LoadConditions, hours_off: number): ColdLoadPickup {
  if (!Number.isFinite(hours_off) || hours_off < 0)
    throw new Error(`cold-load-pickup: hours_off must be a number of hours ≥ 0, got ${hours_off}`);
  const d = coolingDutyCycle(conditions);
  // No cooling, units that never pause (nothing to synchronize) or no time off: nothing changes.
  if (d <= 0 || d >= 1 || hours_off === 0)
    return { hours_off, duty_cycle: d, running_share: Math.min(1, d), cooling_factor: 1, undiversified_h: 0 };
  // Off units are spread evenly over their off-phase (θ/D long); those within `hours_off` of its
  // end have called by now, and the running units still call.
  const called = Math.min(1, (hours_off * d) / THERMOSTAT_SWING_H);
  const running = d + (1 - d) * called;
  // The house has drifted this share of the way to its unconditioned temperature; at full power
  // the unit pulls it back along the same (slow) time constant, then runs one more on-phase.
  const warmed = -Math.expm1(-hours_off / HOUSE_TIME_CONSTANT_H);
  const undiversified_h =
    THERMOSTAT_SWING_H / (1 - d) + HOUSE_TIME_CONSTANT_H * Math.log1p((warmed * d) / (1 - d));
  return { hours_off, duty_cycle: d, running_share: running, cooling_factor: running / d, undiversified_h };
}

/** Multiplier on the diversified cooling demand `hours_since` hours after re-energization. */
export function coolingFactorAt(pickup: ColdLoadPickup, hours_since: number): number {
  if (!Number.isFinite(hours_since) || hours_since < 0)
    throw new Error(`cold-load-pickup: hours_since must be a number of hours ≥ 0, got ${hours_since}`);
  return hours_since < pickup.undiversified_h ? pickup.cooling_factor : 1;
}

/** Demand of one customer `hours_since` hours after its supply came back from `hours_off` hours off (kW). */
export function pickupDemandKw(
  base_kw: number,
  cooling_kw_per_c: number,
  customerClass: number,
  conditions: LoadConditions,
  hours_off: number,
  hours_since = 0,
): number {
  return withPickup(
    demandKw(base_kw, cooling_kw_per_c, customerClass, conditions),
    cooling_kw_per_c,
    conditions,
    coolingFactorAt(coldLoadPickup(conditions, hours_off), hours_since),
  );
}

/** Right after re-energization, the customer's demand over its normal demand (1 when it has none). */
export function pickupFactor(
  base_kw: number,
  cooling_kw_per_c: number,
  customerClass: number,
  conditions: LoadConditions,
  hours_off: number,
): number {
  const normal = demandKw(base_kw, cooling_kw_per_c, customerClass, conditions);
  if (normal <= 0) return 1;
  return pickupDemandKw(base_kw, cooling_kw_per_c, customerClass, conditions, hours_off) / normal;
}

/** Demand of every customer right after re-energization from `hours_off` hours off (kW). */
export function pickupDemandsKw(
  customers: Table<typeof CUSTOMERS>,
  conditions: LoadConditions,
  hours_off: number,
): Float64Array {
  const factor = coldLoadPickup(conditions, hours_off).cooling_factor;
  const { base_kw, cooling_kw_per_c, class: cls } = customers.cols;
  const out = new Float64Array(customers.size);
  for (let i = 0; i < customers.size; i++) {
    const normal = demandKw(base_kw[i], cooling_kw_per_c[i], cls[i], conditions);
    out[i] = withPickup(normal, cooling_kw_per_c[i], conditions, factor);
  }
  return out;
}

// Only the cooling part changes; with a factor of 1 the normal demand comes back unchanged.
function withPickup(normal: number, cooling_kw_per_c: number, conditions: LoadConditions, factor: number) {
  return factor === 1 ? normal : normal + coolingDemandKw(cooling_kw_per_c, conditions) * (factor - 1);
}
