/**
 * The operating conditions the cascade and sweep panels share: a preset chosen from the server's
 * list and the fields changed from it. Choosing a preset resets the changes; a result's conditions
 * (a sweep to replay or resume, a link) can be taken over whole.
 */
import { useCallback, useMemo, useState } from 'react';
import { scenarioOption, useScenarios, type ScenarioOption } from '../../api/cascade-scenarios.ts';
import type { NumericCondition, OperatingConditions } from '../../api/types.ts';
import { resolveConditions, settingOf, withChange, withDate, type ConditionsSetting } from './conditions.ts';

export interface ConditionsController {
  setting: ConditionsSetting;
  /** The chosen preset; null until the server lists it. */
  preset: ScenarioOption | null;
  /** The full conditions of the setting; null until the preset is listed. */
  conditions: OperatingConditions | null;
  /** Choose a preset: its conditions, nothing changed. */
  choose: (scenario: string) => void;
  set: (field: NumericCondition, value: number) => void;
  setDate: (date: string | null) => void;
  /** Back to the preset's conditions. */
  reset: () => void;
  replace: (setting: ConditionsSetting) => void;
  /** The setting of a result that ran under `scenario` with these full conditions. */
  settingOf: (scenario: string, conditions: OperatingConditions | null) => ConditionsSetting;
}

export function useConditions(initial: ConditionsSetting): ConditionsController {
  const [setting, setSetting] = useState<ConditionsSetting>(initial);
  // Re-render once the list arrives, so the preset below is found.
  const scenarios = useScenarios();
  const preset = scenarios.find((s) => s.name === setting.scenario) ?? null;
  const presetConditions = preset?.conditions ?? null;

  const choose = useCallback((scenario: string) => setSetting({ scenario, changes: {} }), []);
  const set = useCallback(
    (field: NumericCondition, value: number) =>
      setSetting((s) => {
        const p = scenarioOption(s.scenario);
        return p ? { ...s, changes: withChange(p.conditions, s.changes, field, value) } : s;
      }),
    [],
  );
  const setDate = useCallback(
    (date: string | null) =>
      setSetting((s) => {
        const p = scenarioOption(s.scenario);
        return p ? { ...s, changes: withDate(p.conditions, s.changes, date) } : s;
      }),
    [],
  );
  const reset = useCallback(() => setSetting((s) => ({ scenario: s.scenario, changes: {} })), []);
  const replace = useCallback((next: ConditionsSetting) => setSetting(next), []);
  const ofResult = useCallback(
    (scenario: string, conditions: OperatingConditions | null) =>
      settingOf(scenario, conditions, scenarioOption(scenario)?.conditions ?? null),
    [],
  );

  const conditions = useMemo(
    () => (presetConditions ? resolveConditions(presetConditions, setting.changes) : null),
    [presetConditions, setting.changes],
  );

  return { setting, preset, conditions, choose, set, setDate, reset, replace, settingOf: ofResult };
}
