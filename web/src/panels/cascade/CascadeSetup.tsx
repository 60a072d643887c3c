/**
 * Cascade inputs: patient zero (assets added from the asset panel or picked here by search), the
 * scenario with its description and conditions, restoration on/off, an optional seed, Run, and
 * Distribution (many runs drawing the weather).
 */
import { ConditionsEditor } from '../conditions/ConditionsEditor.tsx';
import { ScenarioSelect } from '../ScenarioSelect.tsx';
import { SearchBox } from '../SearchBox.tsx';
import type { CascadeController } from './use-cascade.ts';
import { MAX_PATIENT_ZERO } from './use-cascade.ts';
import { DISTRIBUTION_RUNS } from './use-distribution.ts';

export function CascadeSetup({
  cascade,
  onSelect,
}: {
  cascade: CascadeController;
  onSelect: (id: string) => void;
}) {
  const { setup, running, conditions, distribution } = cascade;
  const full = setup.assetIds.length >= MAX_PATIENT_ZERO;
  return (
    <section className="asset-section cascade-setup">
      <h3>Patient zero</h3>
      {setup.assetIds.length === 0 ? (
        <p className="dim">Pick an asset on the map and press Simulate failure, or search below.</p>
      ) : (
        <ul className="chip-list" data-testid="cascade-assets">
          {setup.assetIds.map((id) => (
            <li key={id} className="chip">
              <button type="button" className="link mono" onClick={() => onSelect(id)}>
                {id}
              </button>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${id}`}
                title="Remove"
                onClick={() => cascade.removeAsset(id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {!full && (
        <SearchBox
          className="search-inline"
          placeholder="Add an asset to fail…"
          label="Add an asset to fail"
          testId="cascade-search"
          clearOnSelect
          onSelect={(r) => cascade.addAsset(r.id)}
        />
      )}
      {full && <p className="dim">At most {MAX_PATIENT_ZERO} assets fail together.</p>}

      <div className="cascade-options">
        <ScenarioSelect
          testId="cascade-scenario"
          value={conditions.setting.scenario}
          onChange={conditions.choose}
        />
        <label className="field">
          <span>Seed</span>
          <input
            data-testid="cascade-seed"
            type="text"
            inputMode="numeric"
            placeholder="deterministic"
            value={setup.seed}
            onChange={(e) => cascade.update({ seed: e.target.value })}
          />
        </label>
      </div>
      <p className="dim scenario-description">{conditions.preset?.description}</p>
      <ConditionsEditor conditions={conditions} testId="cascade" />
      <div className="cascade-run-row">
        <label className="check">
          <input
            type="checkbox"
            data-testid="cascade-restoration"
            checked={setup.restoration}
            onChange={(e) => cascade.update({ restoration: e.target.checked })}
          />
          Restoration (isolate the fault, close ties)
        </label>
        <span className="run-buttons">
          <button
            type="button"
            className="button small"
            data-testid="cascade-distribution-run"
            disabled={distribution.running}
            title={`${DISTRIBUTION_RUNS} cascades, each drawing the weather with its own seed (from the seed above, or 1); with no patient zero, the weather alone`}
            onClick={distribution.run}
          >
            {distribution.running ? 'Drawing…' : 'Distribution'}
          </button>
          <button
            type="button"
            className="primary-button"
            data-testid="cascade-run"
            disabled={running || setup.assetIds.length === 0}
            onClick={cascade.run}
          >
            {running ? 'Running…' : 'Run'}
          </button>
        </span>
      </div>
    </section>
  );
}
