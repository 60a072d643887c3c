/**
 * Cascade scenarios: the operating conditions (hour, air temperature, load level) that set
 * demand and thermal ratings, and the weather hazards that can fail assets (wind with trees near
 * overhead lines, floodwater in the 100-year zones). Deterministic runs fail an asset to a hazard
 * when its probability is at least DETERMINISTIC_HAZARD_THRESHOLD; stochastic runs draw.
 */
import type { OperatingConditions } from '../model/load-model.ts';

export interface Scenario {
  name: string;
  title: string;
  description: string;
  conditions: OperatingConditions;
  /** Sustained wind at conductor height. */
  wind_mps: number;
  /** Floodwater in the 100-year (AE) zones. */
  flooding: boolean;
  /** Distribution equipment trips above this multiple of its derated normal rating (emergency rating). */
  emergency_factor: number;
}

export const DETERMINISTIC_HAZARD_THRESHOLD = 0.5;

export const SCENARIOS: Record<string, Scenario> = {
  base: {
    name: 'base',
    title: 'Base',
    description: 'Design summer afternoon: 35 °C at 17:00, light wind',
    conditions: { hour: 17, temperature_c: 35 },
    wind_mps: 3,
    flooding: false,
    emergency_factor: 1.2,
  },
  summer_peak: {
    name: 'summer_peak',
    title: 'Summer peak',
    description: 'Heat wave: 41 °C at 16:00, demand up 5 %, ratings derated',
    conditions: { hour: 16, temperature_c: 41, load_scale: 1.05 },
    wind_mps: 2,
    flooding: false,
    emergency_factor: 1.2,
  },
  storm: {
    name: 'storm',
    title: 'Storm',
    description: 'Severe thunderstorm: 30 °C at 18:00, 28 m/s gusts: trees near overhead lines fall',
    conditions: { hour: 18, temperature_c: 30 },
    wind_mps: 28,
    flooding: false,
    emergency_factor: 1.2,
  },
  hurricane: {
    name: 'hurricane',
    title: 'Hurricane',
    description: 'Landfalling hurricane: 38 m/s winds and floodwater in the 100-year zones',
    conditions: { hour: 20, temperature_c: 29 },
    wind_mps: 38,
    flooding: true,
    emergency_factor: 1.2,
  },
};

export function scenario(name: string): Scenario {
  const s = SCENARIOS[name];
  if (!s)
    throw new Error(`unknown scenario '${name}' (expected one of: ${Object.keys(SCENARIOS).join(', ')})`);
  return s;
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
