import { describe, expect, it } from 'vitest';
import { CLASS_PROFILES, COOLING_BALANCE_C, COOLING_PROFILE, demandKw } from '../../src/model/load-model.ts';
import { lineRatingFactor, transformerRatingFactor } from '../../src/model/thermal.ts';
import { lineCurrentA } from '../../src/model/electrical.ts';

describe('load model', () => {
  it('follows the class profile with no cooling below the balance point', () => {
    expect(demandKw(2, 0.3, 0, { hour: 18, temperature_c: 20 })).toBeCloseTo(2 * CLASS_PROFILES[0][18], 12);
    expect(demandKw(2, 0.3, 0, { hour: 3, temperature_c: COOLING_BALANCE_C })).toBeCloseTo(
      2 * CLASS_PROFILES[0][3],
      12,
    );
  });

  it('adds cooling linearly with degrees above the balance point', () => {
    const at = (t: number) => demandKw(2, 0.3, 0, { hour: 15, temperature_c: t });
    expect(at(34) - at(24)).toBeCloseTo(0.3 * 10 * COOLING_PROFILE[15], 12);
    expect(at(40) - at(34)).toBeCloseTo(0.3 * 6 * COOLING_PROFILE[15], 12);
  });

  it('scales with load_factor and wraps hours', () => {
    expect(demandKw(1, 0, 1, { hour: 26, temperature_c: 10, load_factor: 2 })).toBeCloseTo(
      2 * CLASS_PROFILES[1][2],
      12,
    );
    expect(() => demandKw(1, 0, 0, { hour: NaN, temperature_c: 10 })).toThrow(/hour/);
  });
});

describe('thermal ratings and currents', () => {
  it('derates lines as sqrt((75 − T)/(75 − 25))', () => {
    expect(lineRatingFactor(25)).toBe(1);
    expect(lineRatingFactor(10)).toBe(1);
    expect(lineRatingFactor(35)).toBeCloseTo(Math.sqrt(40 / 50), 12);
  });

  it('derates transformers 1 % per °C above 30 °C', () => {
    expect(transformerRatingFactor(30)).toBe(1);
    expect(transformerRatingFactor(41)).toBeCloseTo(0.89, 12);
  });

  it('computes line current: 1 MW at 12.47 kV, pf 0.95 is 48.7 A three-phase', () => {
    expect(lineCurrentA(1000, 12.47, 3, 0.95)).toBeCloseTo(48.74, 2);
    // one phase carries all the power that three phases share: three times the current
    expect(lineCurrentA(1000, 12.47, 1, 0.95) / lineCurrentA(1000, 12.47, 3, 0.95)).toBeCloseTo(3, 12);
  });
});
