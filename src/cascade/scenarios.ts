/**
 * Named scenarios: presets of the operating conditions (src/model/operating-conditions.ts). A
 * user can start from any of them and change any field; a preset and the same conditions given
 * field by field are one and the same input. Deterministic runs fail a typical storm's assets
 * (src/cascade/weather/weather-failures.ts); stochastic runs draw. The storm
 * presets reproduce reported Houston events (sources in docs/weather.md); the hazards they
 * bring are computed in src/cascade/weather/.
 */
import {
  BASE_CASE,
  ConditionsError,
  DESIGN_PEAK,
  resolveConditions,
  type ConditionsInput,
  type OperatingConditions,
} from '../model/operating-conditions.ts';

/** What a cascade runs under: a label (the preset's name) and the full conditions. */
export interface ScenarioSetting {
  name: string;
  conditions: OperatingConditions;
}

export interface Scenario extends ScenarioSetting {
  title: string;
  description: string;
}

const preset = (
  name: string,
  title: string,
  description: string,
  base: OperatingConditions,
  over: ConditionsInput = {},
): Scenario => ({ name, title, description, conditions: resolveConditions(base, over) });

export const SCENARIOS: Record<string, Scenario> = {
  base: preset('base', 'Base', 'Typical summer afternoon: 35 °C at 17:00, light wind', BASE_CASE),
  summer_peak: preset(
    'summer_peak',
    'Summer design peak',
    'The peak the grid is planned to: 41 °C at 16:00, demand as forecast, ratings derated',
    DESIGN_PEAK,
  ),
  storm: preset(
    'storm',
    'Severe thunderstorm',
    'An ordinary severe thunderstorm: six downburst cells 2 km in radius with 60–80 mph gusts (36 m/s at the strongest) at 18:00, 30 °C',
    BASE_CASE,
    {
      hour: 18,
      temperature_c: 30,
      wind_sustained_ms: 22,
      wind_gust_ms: 36,
      wind_field: { kind: 'thunderstorm', heading_deg: 90, offset_km: 0, width_km: 2, cells: 6, seed: 1 },
    },
  ),
  derecho: preset(
    'derecho',
    'Derecho (Houston, 16 May 2024)',
    'The May 2024 Houston derecho: a swath 10.5 km wide with 44 m/s (98 mph) gusts moving east-southeast through downtown at 18:30',
    BASE_CASE,
    {
      date: '2024-05-16',
      hour: 18.5,
      temperature_c: 27,
      wind_sustained_ms: 30,
      wind_gust_ms: 44,
      wind_field: { kind: 'derecho', heading_deg: 105, offset_km: 0, width_km: 10.5, cells: 1, seed: 1 },
    },
  ),
  hurricane: preset(
    'hurricane',
    'Hurricane Beryl (8 July 2024)',
    'Hurricane Beryl: category 1, its centre moving north about 32 km west of downtown at 09:00, gusts 40 m/s (89 mph) in Harris County, little flooding',
    BASE_CASE,
    {
      date: '2024-07-08',
      hour: 9,
      temperature_c: 26,
      wind_sustained_ms: 27,
      wind_gust_ms: 40,
      wind_field: { kind: 'hurricane', heading_deg: 5, offset_km: -32, width_km: 30, cells: 1, seed: 1 },
      flood_depth_m: 0,
    },
  ),
};

export function scenario(name: string): Scenario {
  const s = SCENARIOS[name];
  if (!s)
    throw new ConditionsError(
      'scenario',
      `unknown scenario '${name}' (expected one of: ${Object.keys(SCENARIOS).join(', ')})`,
    );
  return s;
}

/** A preset with some fields changed: the conditions a request or a command line asks for. */
export function scenarioWith(name: string, overrides: ConditionsInput = {}): ScenarioSetting {
  const s = scenario(name);
  return { name: s.name, conditions: resolveConditions(s.conditions, overrides) };
}
