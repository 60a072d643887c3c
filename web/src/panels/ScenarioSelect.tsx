/** The scenario picker of the cascade and sweep panels: the server's scenarios, by title. */
import { useScenarios } from '../api/cascade-scenarios.ts';
import type { CascadeScenario } from '../api/types.ts';

export function ScenarioSelect(props: {
  value: CascadeScenario;
  onChange: (scenario: CascadeScenario) => void;
  testId: string;
}) {
  const scenarios = useScenarios();
  return (
    <label className="field">
      <span>Scenario</span>
      <select data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {scenarios.map((s) => (
          <option key={s.name} value={s.name} title={s.description}>
            {s.title}
          </option>
        ))}
      </select>
    </label>
  );
}
