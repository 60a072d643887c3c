/**
 * The cascade scenarios the API knows, with their descriptions. Kept in step with
 * src/cascade/scenarios.ts (the server validates the name; an unknown one is a 400).
 */
import type { CascadeScenario } from './types.ts';

export interface ScenarioOption {
  name: CascadeScenario;
  title: string;
  description: string;
}

export const CASCADE_SCENARIOS: readonly ScenarioOption[] = [
  { name: 'base', title: 'Base', description: 'Design summer afternoon: 35 °C at 17:00, light wind' },
  {
    name: 'summer_peak',
    title: 'Summer peak',
    description: 'Heat wave: 41 °C at 16:00, demand up 5 %, ratings derated',
  },
  {
    name: 'storm',
    title: 'Storm',
    description: 'Severe thunderstorm: 30 °C at 18:00, 28 m/s gusts: trees near overhead lines fall',
  },
  {
    name: 'hurricane',
    title: 'Hurricane',
    description: 'Landfalling hurricane: 38 m/s winds and floodwater in the 100-year zones',
  },
];

export function scenarioOption(name: string): ScenarioOption | null {
  return CASCADE_SCENARIOS.find((s) => s.name === name) ?? null;
}
