/**
 * Named scenarios: presets of the operating conditions (src/model/operating-conditions.ts). A
 * user can start from any of them and change any field; a preset and the same conditions given
 * field by field are one and the same input. Deterministic runs fail an asset to a hazard when
 * its probability is at least DETERMINISTIC_HAZARD_THRESHOLD; stochastic runs draw.
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

export const DETERMINISTIC_HAZARD_THRESHOLD = 0.5;

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
    'Storm',
    'Severe thunderstorm: 30 °C at 18:00, 28 m/s gusts: trees near overhead lines fall',
    BASE_CASE,
    { hour: 18, temperature_c: 30, wind_sustained_ms: 18, wind_gust_ms: 28 },
  ),
  hurricane: preset(
    'hurricane',
    'Hurricane',
    'Landfalling hurricane: 38 m/s gusts and floodwater in the 100-year zones',
    BASE_CASE,
    {
      hour: 20,
      temperature_c: 29,
      wind_sustained_ms: 30,
      wind_gust_ms: 38,
      flood_depth_m: 1,
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

/**
 * Probability that a tree of `height_m` standing `clearance_m` from an overhead conductor
 * brings it down in a wind of `wind_mps`: only trees tall enough to reach the line count, and
 * the chance grows steeply with wind speed, to about 0.6 in a 38 m/s hurricane for a tree that
 * overtops the line by 10 m or more.
 */
export function treeStrikeProbability(height_m: number, clearance_m: number, wind_mps: number): number {
  const reach = height_m - clearance_m;
  if (reach <= 0) return 0;
  // Failures rise steeply with wind (load ∝ v², and weak limbs give first): cubic in v/45 m/s.
  const windFactor = Math.min(1, (wind_mps / 45) ** 3);
  const exposure = Math.min(1, reach / 10);
  return Math.min(0.9, windFactor * exposure);
}

/** Probability that floodwater fails pad-mounted or substation equipment standing in it. */
export function floodFailureProbability(
  inFloodZone: boolean,
  flooding: boolean,
  groundMounted: boolean,
): number {
  if (!flooding || !inFloodZone) return 0;
  return groundMounted ? 0.6 : 0.1;
}
