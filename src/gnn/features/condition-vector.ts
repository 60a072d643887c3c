/**
 * The operating conditions as the model reads them: every field scaled to O(1), the hour on the
 * circle, the storm's kind one-hot, the air conditioners' duty cycle (how much diversity a
 * pickup loses), and three system-wide facts of the normal state under them: the generation
 * reserve, how much equipment is already beyond its trip limit, and the weather's expected
 * failures. The same vector goes to every node.
 */
import { coolingDutyCycle } from '../../model/cold-load-pickup.ts';
import { isWeekend } from '../../model/load-model.ts';
import { WIND_FIELD_KINDS, type OperatingConditions } from '../../model/operating-conditions.ts';

export const CONDITION_FEATURE_NAMES = [
  'load_factor_minus_1',
  'temperature_above_24c_20',
  'wind_gust_50ms',
  'wind_sustained_50ms',
  'flood_depth_5m',
  'log1p_hours_out',
  'hour_sin',
  'hour_cos',
  'weekend',
  'cooling_duty_cycle',
  ...WIND_FIELD_KINDS.map((k) => `wind_${k}`),
  'system_reserve',
  'log1p_overloaded_before_failure',
  'log1p_expected_weather_failures',
] as const;

export interface SystemState {
  /** Capacity ÷ demand − 1. */
  system_reserve: number;
  /** Equipment above its trip limit with nothing failed. */
  overloaded: number;
  /** Σ of weather failure probabilities over every asset. */
  expected_weather_failures: number;
}

export function conditionVector(c: OperatingConditions, system: SystemState): Float32Array {
  const hourAngle = (2 * Math.PI * c.hour) / 24;
  const values = [
    c.load_factor - 1,
    (c.temperature_c - 24) / 20,
    c.wind_gust_ms / 50,
    c.wind_sustained_ms / 50,
    c.flood_depth_m / 5,
    Math.log1p(c.hours_since_interruption) / 3,
    Math.sin(hourAngle),
    Math.cos(hourAngle),
    c.date && isWeekend(c.date) ? 1 : 0,
    Math.min(1.5, coolingDutyCycle(c)),
    ...WIND_FIELD_KINDS.map((k) => (c.wind_field.kind === k ? 1 : 0)),
    Math.max(-1, Math.min(2, system.system_reserve)),
    Math.log1p(system.overloaded) / 5,
    Math.log1p(system.expected_weather_failures) / 8,
  ];
  return Float32Array.from(values);
}
