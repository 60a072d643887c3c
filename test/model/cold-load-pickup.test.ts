/**
 * The cold-load pickup model against values worked by hand from its equations
 * (docs/cold-load-pickup.md): duty cycle D = diversified cooling / installed power; after t hours
 * off the running share is D + (1 − D)·min(1, t·D/θ) with θ = 1/12 h; the units keep running for
 * θ/(1 − D) + τ·ln(1 + (1 − e^(−t/τ))·D/(1 − D)) with τ = 9.72 h.
 */
import { describe, expect, it } from 'vitest';
import {
  AC_CAPACITY_RATIO,
  AC_DESIGN_TEMPERATURE_C,
  coldLoadPickup,
  coolingDutyCycle,
  coolingFactorAt,
  HOUSE_TIME_CONSTANT_H,
  pickupDemandKw,
  pickupDemandsKw,
  pickupFactor,
  RECLOSE_OFF_H,
  THERMOSTAT_SWING_H,
} from '../../src/model/cold-load-pickup.ts';
import { customerDemandsKw, demandKw } from '../../src/model/load-model.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { BASE_CASE, DESIGN_PEAK } from '../../src/model/operating-conditions.ts';

/** 30 °C at 18:00: cooling profile 0.92, residential profile 1.0. */
const EVENING = { hour: 18, temperature_c: 30 };
/** D = 6 °C × 0.92 / (1.2 × 11 °C): the installed power is 13.2 kW per kW/°C of cooling slope. */
const D_EVENING = 5.52 / 13.2;

describe('cold-load pickup: duty cycle', () => {
  it('is the diversified cooling demand over the installed power, sized at 1.2 × the 35 °C demand', () => {
    expect(AC_CAPACITY_RATIO * (AC_DESIGN_TEMPERATURE_C - 24)).toBeCloseTo(13.2, 12);
    expect(coolingDutyCycle(EVENING)).toBeCloseTo(D_EVENING, 12);
    // The afternoon base case: 11 °C above the balance point at 17:00 (profile 0.98).
    expect(coolingDutyCycle(BASE_CASE)).toBeCloseTo((11 * 0.98) / 13.2, 12);
    // 20 % more demand than forecast means the units run 20 % more of the time.
    expect(coolingDutyCycle({ ...EVENING, load_factor: 1.2 })).toBeCloseTo(1.2 * D_EVENING, 12);
    expect(coolingDutyCycle({ hour: 18, temperature_c: 22 })).toBe(0);
  });

  it('exceeds 1 at the design peak: the units already run without pause', () => {
    expect(coolingDutyCycle(DESIGN_PEAK)).toBeCloseTo(17 / 13.2, 12);
  });
});

describe('cold-load pickup: factor and duration', () => {
  it('after a long interruption every unit runs: the cooling demand comes back at 1/D', () => {
    const p = coldLoadPickup(EVENING, 1);
    expect(p.duty_cycle).toBeCloseTo(0.418182, 6);
    expect(p.running_share).toBe(1);
    expect(p.cooling_factor).toBeCloseTo(1 / D_EVENING, 12); // 2.391304
    // θ/(1 − D) = 0.143229 h, plus 9.72 h × ln(1 + 0.097761 × 0.71875) = 0.660084 h.
    expect(p.undiversified_h).toBeCloseTo(0.803313, 6);
  });

  it('after a reclose only the units near the end of their off-phase have called', () => {
    // 60.33 s off: running share D + (1 − D) × 0.016759 h × D × 12 = 0.467113.
    const p = coldLoadPickup(EVENING, RECLOSE_OFF_H);
    expect(p.running_share).toBeCloseTo(0.467113, 6);
    expect(p.cooling_factor).toBeCloseTo(1.11701, 5);
    expect(p.undiversified_h).toBeCloseTo(0.155257, 6);
  });

  it('grows with the time off until the off-phase is over, and lasts longer the longer it was off', () => {
    const hours = [0, 0.005, 0.01, 0.05, 0.1, 0.199, 0.2, 1, 4, 24, 336];
    const ps = hours.map((h) => coldLoadPickup(EVENING, h));
    for (let i = 1; i < ps.length; i++) {
      expect(ps[i].cooling_factor).toBeGreaterThanOrEqual(ps[i - 1].cooling_factor);
      expect(ps[i].undiversified_h).toBeGreaterThan(ps[i - 1].undiversified_h);
    }
    expect(ps[0].cooling_factor).toBe(1);
    // Every off unit has called once the outage outlasts the off-phase θ/D = 0.199 h.
    expect(THERMOSTAT_SWING_H / D_EVENING).toBeCloseTo(0.199275, 6);
    expect(ps[5].cooling_factor).toBeLessThan(1 / D_EVENING);
    expect(ps[6].cooling_factor).toBeCloseTo(1 / D_EVENING, 12);
    expect(ps.at(-1)!.cooling_factor).toBeCloseTo(1 / D_EVENING, 12);
    // The house approaches its unconditioned temperature: 4 h off → 2.253510 h, 24 h → 5.057204 h.
    expect(ps[8].undiversified_h).toBeCloseTo(2.25351, 5);
    expect(ps[9].undiversified_h).toBeCloseTo(5.057204, 5);
  });

  it('decays back to the diversified demand when the houses are back at their setpoint', () => {
    const p = coldLoadPickup(EVENING, 1);
    const at = [0, 0.3, 0.8, 0.81, 2, 12].map((t) => coolingFactorAt(p, t));
    expect(at).toEqual([p.cooling_factor, p.cooling_factor, p.cooling_factor, 1, 1, 1]);
    expect(() => coolingFactorAt(p, -1)).toThrow(/cold-load-pickup: hours_since/);
  });

  it('is bounded by the installed power, and is none where units never pause or never run', () => {
    for (const temperature_c of [25, 27, 30, 33, 35, 36]) {
      for (const hour of [2, 9, 14, 18, 22]) {
        const c = { hour, temperature_c };
        const d = coolingDutyCycle(c);
        const f = coldLoadPickup(c, 12).cooling_factor;
        expect(f).toBeGreaterThanOrEqual(1);
        expect(f).toBeLessThanOrEqual(Math.max(1, 1 / d) + 1e-12);
      }
    }
    expect(coldLoadPickup(DESIGN_PEAK, 12)).toMatchObject({ cooling_factor: 1, undiversified_h: 0 });
    expect(coldLoadPickup({ hour: 18, temperature_c: 20 }, 12).cooling_factor).toBe(1);
    expect(() => coldLoadPickup(EVENING, -0.5)).toThrow(/cold-load-pickup: hours_off/);
    expect(() => coldLoadPickup(EVENING, NaN)).toThrow(/hours_off/);
  });
});

describe('cold-load pickup: customers', () => {
  it('depends on the class through its share of cooling load', () => {
    // Generator-typical customers, 1 h off at 30 °C, 18:00: only the cooling part comes back at 1/D.
    // Residential 1.6 kW + 0.22 kW/°C: (1.6 + 0.22 × 13.2) / (1.6 + 0.22 × 5.52) = 4.504 / 2.8144.
    expect(pickupFactor(1.6, 0.22, 0, EVENING, 1)).toBeCloseTo(4.504 / 2.8144, 12);
    // Commercial 25 kW (profile 0.70) + 1 kW/°C: (17.5 + 13.2) / (17.5 + 5.52).
    expect(pickupFactor(25, 1, 1, EVENING, 1)).toBeCloseTo(30.7 / 23.02, 12);
    // Industrial 400 kW (profile 0.92) + 2 kW/°C: (368 + 26.4) / (368 + 11.04).
    expect(pickupFactor(400, 2, 2, EVENING, 1)).toBeCloseTo(394.4 / 379.04, 12);
    expect(pickupFactor(0, 0, 0, EVENING, 1)).toBe(1);
  });

  it('draws the undiversified demand while the units run, then the normal demand', () => {
    expect(pickupDemandKw(2, 0.25, 0, EVENING, 1)).toBeCloseTo(2 + 0.25 * 13.2, 12);
    expect(pickupDemandKw(2, 0.25, 0, EVENING, 1, 0.9)).toBe(demandKw(2, 0.25, 0, EVENING));
  });

  it('with no time off gives every customer exactly its normal demand', () => {
    const customers = generateGrid({ scale: 'sample', seed: 2 }).tables.customers;
    expect(pickupDemandsKw(customers, BASE_CASE, 0)).toEqual(customerDemandsKw(customers, BASE_CASE));
    const cold = pickupDemandsKw(customers, { ...BASE_CASE, hour: 20, temperature_c: 30 }, 2);
    const normal = customerDemandsKw(customers, { ...BASE_CASE, hour: 20, temperature_c: 30 });
    expect(cold.some((kw, i) => kw > normal[i])).toBe(true);
    expect(cold.every((kw, i) => kw >= normal[i])).toBe(true);
  });
});

describe('cold-load pickup: parameters', () => {
  it('takes the house time constant from the slow mode of GridLAB-D’s default house', () => {
    // house_e defaults: 2,500 ft², one storey, aspect 1.5, 8 ft ceilings, 15 % windows (double
    // low-e, thermal break: U 0.47), four 3 ft × 78 in doors; R-30 roof, R-19 walls, R-22 floor,
    // R-5 doors; 0.5 air changes/h; 2 BTU/°F of mass per ft²; 1.46 BTU/h·°F·ft² inside surfaces.
    const floor = 2500;
    const wall = 2 * 1 * (1.5 + 1) * 8 * Math.sqrt(floor / 1.5);
    const windows = 0.15 * wall;
    const doors = (4 * 3 * 78) / 12;
    const netWall = wall - windows - doors;
    const airMass = 0.0735 * 8 * floor;
    const ua = floor / 30 + floor / 22 + netWall / 19 + windows * 0.47 + doors / 5 + 0.5 * airMass * 0.2402;
    const ca = 3 * 0.2402 * airMass;
    const cm = 2 * floor - 2 * 0.2402 * airMass;
    const hm = 1.46 * (netWall + 1.5 * wall + floor);
    // Two-node ETP: a r² + b r + c = 0 with a = Cm·Ca/Hm, b = Cm·(UA + Hm)/Hm + Ca, c = UA.
    const a = (cm * ca) / hm;
    const b = (cm * (ua + hm)) / hm + ca;
    const slow = (-b + Math.sqrt(b * b - 4 * a * ua)) / (2 * a);
    expect(-1 / slow).toBeCloseTo(HOUSE_TIME_CONSTANT_H, 2);
  });

  it('takes the reclose off-time from the open intervals of a three-shot sequence', () => {
    expect(RECLOSE_OFF_H * 3600).toBeCloseTo(60.333, 3);
    expect(THERMOSTAT_SWING_H * 60).toBeCloseTo(5, 12); // 3 cycles/h at 50 %: 10 min on, 10 off
  });
});
