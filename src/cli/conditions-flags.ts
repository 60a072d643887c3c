/**
 * Operating-condition flags shared by `flux cascade`, `flux sweep` and `flux stats`: a preset
 * (--scenario) changed by --conditions JSON and by one flag per field (flags win over the JSON).
 */
import { scenarioWith, SCENARIOS, type ScenarioSetting } from '../cascade/scenarios.ts';
import {
  CONDITION_RANGES,
  ConditionsError,
  type ConditionsInput,
  type NumericConditionField,
} from '../model/operating-conditions.ts';
import { CliError } from './cli-error.ts';

/** Flag name → the conditions field it sets. */
export const CONDITION_FLAGS: Readonly<Record<string, NumericConditionField>> = {
  'load-factor': 'load_factor',
  hour: 'hour',
  temperature: 'temperature_c',
  wind: 'wind_sustained_ms',
  gust: 'wind_gust_ms',
  'flood-depth': 'flood_depth_m',
  'hours-out': 'hours_since_interruption',
};

/** parseArgs options for the condition flags. */
export const conditionFlagOptions = {
  scenario: { type: 'string' },
  conditions: { type: 'string' },
  date: { type: 'string' },
  ...Object.fromEntries(Object.keys(CONDITION_FLAGS).map((f) => [f, { type: 'string' }])),
} as const satisfies Record<string, { type: 'string' }>;

/** Lines for a command's usage text. */
export const CONDITIONS_USAGE = `Conditions: --scenario ${Object.keys(SCENARIOS).join('|')} (a preset, default base), changed by
--conditions '{"load_factor":1.2,"temperature_c":43,"wind_gust_ms":25}' and/or by flags:
${Object.entries(CONDITION_FLAGS)
  .map(([flag, field]) => {
    const r = CONDITION_RANGES[field];
    return `  --${flag.padEnd(12)} ${field} (${r.doc}, ${r.min}–${r.max}${r.unit ? ` ${r.unit}` : ''})`;
  })
  .join('\n')}
  --date         date YYYY-MM-DD (weekends use weekend load profiles)
Storm shapes go in --conditions as "wind_field": {"kind": "derecho", "heading_deg": 90, ...}.`;

type Flags = Partial<Record<keyof typeof conditionFlagOptions, string | boolean | undefined>>;

/** The preset and conditions the flags ask for; a CliError naming the field and its range. */
export function conditionsFromFlags(command: string, flags: Flags): ScenarioSetting {
  let input: ConditionsInput = {};
  if (typeof flags.conditions === 'string') {
    try {
      input = JSON.parse(flags.conditions) as ConditionsInput;
    } catch (err) {
      throw new CliError(`${command}: --conditions is not valid JSON: ${(err as Error).message}`);
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      throw new CliError(`${command}: --conditions must be a JSON object of fields`);
  }
  input = { ...input };
  for (const [flag, field] of Object.entries(CONDITION_FLAGS)) {
    const text = flags[flag as keyof Flags];
    if (typeof text !== 'string') continue;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value))
      throw new CliError(`${command}: --${flag} must be a number, got '${text}'`);
    input[field] = value;
  }
  if (typeof flags.date === 'string') input.date = flags.date;
  try {
    return scenarioWith(typeof flags.scenario === 'string' ? flags.scenario : 'base', input);
  } catch (err) {
    if (err instanceof ConditionsError) throw new CliError(`${command}: ${err.message}`);
    throw err;
  }
}
