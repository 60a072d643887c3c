/**
 * Sweep inputs: the scenario and its conditions, the kinds of asset whose every one fails in turn (with their counts
 * from /api/dataset), restoration, and Start — or Resume / Start over / Show when a sweep of the
 * same settings already exists.
 */
import { ConditionsEditor } from '../conditions/ConditionsEditor.tsx';
import { describeConditions, isPreset } from '../conditions/conditions.ts';
import { ScenarioSelect } from '../ScenarioSelect.tsx';
import { SWEEP_TABLES } from '../../api/sweeps.ts';
import type { SweepJob } from '../../api/types.ts';
import { formatNumber } from '../format.ts';
import { DASH, STATUS_TITLES, tableTitle } from './sweep-format.ts';
import type { SweepController } from './use-sweep.ts';

function Actions({ sweep, match }: { sweep: SweepController; match: SweepJob | null }) {
  const { busy, unavailable, shown, setup } = sweep;
  const disabled = busy || unavailable || setup.tables.length === 0;
  const isShown = match !== null && shown?.id === match.id;
  if (!match)
    return (
      <button
        type="button"
        className="primary-button"
        data-testid="sweep-start"
        disabled={disabled}
        onClick={() => sweep.start(false)}
      >
        Start sweep
      </button>
    );
  if (match.status === 'running')
    return isShown ? null : (
      <button
        type="button"
        className="primary-button"
        data-testid="sweep-follow"
        disabled={busy}
        onClick={() => sweep.view(match.id)}
      >
        Follow sweep #{match.id}
      </button>
    );
  const startOver = (
    <button
      type="button"
      className="button small"
      data-testid="sweep-start-over"
      disabled={disabled}
      title="Drop the stored results of these settings and sweep again"
      onClick={() => sweep.start(true)}
    >
      Start over
    </button>
  );
  if (match.status === 'complete')
    return (
      <>
        {startOver}
        {!isShown && (
          <button
            type="button"
            className="primary-button"
            data-testid="sweep-show"
            disabled={busy}
            onClick={() => sweep.view(match.id)}
          >
            Show sweep #{match.id}
          </button>
        )}
      </>
    );
  return (
    <>
      {startOver}
      <button
        type="button"
        className="primary-button"
        data-testid="sweep-resume"
        disabled={disabled}
        title={`Continue from the ${formatNumber(match.done, 0)} stored results`}
        onClick={() => sweep.start(false)}
      >
        Resume
      </button>
    </>
  );
}

export interface SweepSetupProps {
  sweep: SweepController;
  /** Rows per table, from /api/dataset. */
  counts: Record<string, number>;
  /** Show only a line with the settings (a sweep is shown below). */
  collapsed: boolean;
  onToggle: () => void;
}

export function SweepSetup({ sweep, counts, collapsed, onToggle }: SweepSetupProps) {
  const { setup, match, conditions } = sweep;
  const { setting, preset } = conditions;
  const known = setup.tables.every((t) => typeof counts[t] === 'number');
  const total = setup.tables.reduce((n, t) => n + (counts[t] ?? 0), 0);
  const heading = (
    <h3>
      <button
        type="button"
        className="section-toggle"
        data-testid="sweep-setup-toggle"
        aria-expanded={!collapsed}
        onClick={onToggle}
      >
        <span className="caret">{collapsed ? '▸' : '▾'}</span> New sweep: every asset fails alone, in turn
      </button>
    </h3>
  );
  if (collapsed)
    return (
      <section className="asset-section sweep-setup">
        {heading}
        <p className="dim sweep-setup-line">
          {preset?.title ?? setting.scenario}
          {isPreset(setting.changes) ? '' : ' (custom)'} ·{' '}
          {setup.tables.length ? setup.tables.map(tableTitle).join(', ') : 'no kinds chosen'} · restoration{' '}
          {setup.restoration ? 'on' : 'off'}
          {conditions.conditions && (
            <>
              <br />
              {describeConditions(conditions.conditions)}
            </>
          )}
        </p>
      </section>
    );
  return (
    <section className="asset-section sweep-setup">
      {heading}
      <div className="cascade-options sweep-options">
        <ScenarioSelect testId="sweep-scenario" value={setting.scenario} onChange={conditions.choose} />
        <label className="check sweep-restoration">
          <input
            type="checkbox"
            data-testid="sweep-restoration"
            checked={setup.restoration}
            onChange={(e) => sweep.update({ restoration: e.target.checked })}
          />
          Restoration
        </label>
      </div>
      <p className="dim scenario-description">{preset?.description}</p>
      <ConditionsEditor conditions={conditions} testId="sweep" />
      <fieldset className="sweep-tables">
        <legend>Patient zeros</legend>
        {SWEEP_TABLES.map((t) => (
          <label key={t} className="check">
            <input
              type="checkbox"
              data-testid={`sweep-table-${t}`}
              checked={setup.tables.includes(t)}
              onChange={(e) => sweep.setTable(t, e.target.checked)}
            />
            {tableTitle(t)}
            <span className="dim" title={typeof counts[t] === 'number' ? undefined : 'not in /api/dataset'}>
              {typeof counts[t] === 'number' ? formatNumber(counts[t], 0) : DASH}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="cascade-run-row">
        <span className="dim" data-testid="sweep-count">
          {setup.tables.length === 0
            ? 'Choose at least one kind of asset.'
            : known
              ? `${formatNumber(total, 0)} cascades to run`
              : `${DASH} cascades (a count is missing from /api/dataset)`}
          {match && (
            <>
              <br />
              Sweep #{match.id}: {STATUS_TITLES[match.status] ?? match.status.toLowerCase()},{' '}
              {formatNumber(match.done, 0)} of {formatNumber(match.total, 0)}
            </>
          )}
        </span>
        <span className="sweep-actions">
          <Actions sweep={sweep} match={match} />
        </span>
      </div>
    </section>
  );
}
