/** Operating conditions: presets, overrides, ranges and the errors that name what is wrong. */
import { describe, expect, it } from 'vitest';
import { SCENARIOS, scenarioWith } from '../../src/cascade/scenarios.ts';
import { demandKw, isWeekend, WEEKEND_FACTOR } from '../../src/model/load-model.ts';
import {
  BASE_CASE,
  CONDITION_RANGES,
  conditionsKey,
  ConditionsError,
  DESIGN_PEAK,
  describeConditions,
  resolveConditions,
} from '../../src/model/operating-conditions.ts';

describe('operating conditions', () => {
  it('takes a preset and changes only the fields given', () => {
    const c = resolveConditions(DESIGN_PEAK, { load_factor: 1.2, temperature_c: 43, wind_gust_ms: 25 });
    expect(c).toEqual({ ...DESIGN_PEAK, load_factor: 1.2, temperature_c: 43, wind_gust_ms: 25 });
    expect(
      resolveConditions(BASE_CASE, { wind_field: { kind: 'derecho', width_km: 11 } }).wind_field,
    ).toEqual({
      ...BASE_CASE.wind_field,
      kind: 'derecho',
      width_km: 11,
    });
  });

  it('a named scenario is its conditions given field by field', () => {
    for (const s of Object.values(SCENARIOS)) {
      const { wind_field, ...fields } = s.conditions;
      const rebuilt = scenarioWith('base', { ...fields, wind_field });
      expect(rebuilt.conditions).toEqual(s.conditions);
      expect(conditionsKey(rebuilt.conditions)).toBe(conditionsKey(s.conditions));
    }
  });

  it('refuses every field out of its range, naming the field and the range', () => {
    for (const [field, r] of Object.entries(CONDITION_RANGES)) {
      for (const bad of [r.min - 1, r.max + 1, Number.NaN, '3']) {
        let error: unknown;
        try {
          resolveConditions(BASE_CASE, {
            [field]: bad,
            ...(field === 'wind_sustained_ms' ? { wind_gust_ms: 110 } : {}),
          });
        } catch (err) {
          error = err;
        }
        expect(error, `${field}=${String(bad)}`).toBeInstanceOf(ConditionsError);
        expect((error as ConditionsError).field).toBe(field);
        expect((error as Error).message).toContain(`${field} must be a number from ${r.min} to ${r.max}`);
      }
    }
  });

  it('refuses unknown fields, a gust below the sustained wind, bad dates and storm shapes', () => {
    expect(() => resolveConditions(BASE_CASE, { load: 1.2 } as never)).toThrow(/unknown field 'load'/);
    expect(() => resolveConditions(BASE_CASE, { wind_sustained_ms: 30, wind_gust_ms: 20 })).toThrow(
      /wind_gust_ms \(20 m\/s\) must be at least wind_sustained_ms \(30 m\/s\)/,
    );
    expect(() => resolveConditions(BASE_CASE, { date: '2024-02-30' })).toThrow(
      /date must be a calendar date/,
    );
    expect(() => resolveConditions(BASE_CASE, { wind_field: { kind: 'tornado' as never } })).toThrow(
      /wind_field.kind must be one of uniform, thunderstorm, derecho, hurricane/,
    );
    expect(() => resolveConditions(BASE_CASE, { wind_field: { cells: 2.5 } })).toThrow(
      /wind_field.cells must be a whole number/,
    );
    expect(() => resolveConditions(BASE_CASE, { wind_field: { width: 3 } as never })).toThrow(
      /unknown field 'wind_field.width'/,
    );
    expect(() => scenarioWith('zombies')).toThrow(/unknown scenario 'zombies'/);
  });

  it('keys equal conditions equally whatever the order of the fields', () => {
    const a = resolveConditions(BASE_CASE, { load_factor: 1.1, hour: 15 });
    const b = resolveConditions(BASE_CASE, { hour: 15, load_factor: 1.1 });
    expect(conditionsKey(a)).toBe(conditionsKey(b));
    expect(conditionsKey(a)).not.toBe(conditionsKey(BASE_CASE));
    expect(describeConditions(a)).toBe(
      'load ×1.10, 35 °C at 15:00, wind 3 m/s, gusts 5 m/s, restoration after 1 h',
    );
  });

  it('scales demand with the load factor and uses weekend profiles on weekend dates', () => {
    expect(isWeekend('2024-07-06')).toBe(true); // a Saturday
    expect(isWeekend('2024-07-08')).toBe(false); // a Monday
    const at = (c: Parameters<typeof demandKw>[3]) => demandKw(10, 0.5, 1, c);
    const weekday = at({ hour: 15, temperature_c: 35, date: '2024-07-08' });
    expect(at({ hour: 15, temperature_c: 35, load_factor: 1.2 })).toBeCloseTo(1.2 * weekday, 12);
    const saturday = at({ hour: 15, temperature_c: 35, date: '2024-07-06' });
    const cooling = at({ hour: 15, temperature_c: 35 }) - demandKw(10, 0, 1, { hour: 15, temperature_c: 35 });
    expect(saturday - cooling).toBeCloseTo(WEEKEND_FACTOR[1] * (weekday - cooling), 12);
  });
});
