/**
 * Cascade analysis: set up patient zero, the scenario and its conditions, run, then the outcome
 * (the conditions it ran under, customers and critical customers lost, MW shed, assets failed, ties
 * closed and customers restored), the wave replay, a chart per wave and the failed assets. The map
 * follows the replay. Distribution runs many cascades drawing the weather.
 */
import { scenarioOption } from '../../api/cascade-scenarios.ts';
import type { CascadeRequest, CascadeResult } from '../../api/types.ts';
import { CAUSE_HEX, TIE_CLOSED_HEX } from '../../layers/palette.ts';
import type { ConditionsSetting } from '../conditions/conditions.ts';
import { describeConditions, settingKey } from '../conditions/conditions.ts';
import { formatNumber, humanize } from '../format.ts';
import { CascadeChart } from './CascadeChart.tsx';
import { CascadeDistribution } from './CascadeDistribution.tsx';
import { CascadeSetup } from './CascadeSetup.tsx';
import { CascadeTable } from './CascadeTable.tsx';
import { CascadeTimeline } from './CascadeTimeline.tsx';
import type { CascadeMapPlan } from './cascade-view.ts';
import type { CascadeController } from './use-cascade.ts';

export interface CascadeMapStatus {
  /** Failed assets and ties the map could place. */
  located: number;
  /** Positions still being fetched. */
  pending: number;
  truncated: CascadeMapPlan['truncated'];
}

export interface CascadePanelProps {
  cascade: CascadeController;
  mapStatus: CascadeMapStatus;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Fit the map to the cascade's located assets (null while none is located). */
  onZoomTo: (() => void) | null;
}

/** Ties named in the summary (all of them in its tooltip). */
const TIES_LISTED = 6;

function Summary({ result }: { result: CascadeResult }) {
  return (
    <section className="asset-section">
      <h3>Outcome · {scenarioOption(result.scenario)?.title ?? result.scenario}</h3>
      <p className="dim conditions-line" data-testid="cascade-conditions">
        {describeConditions(result.conditions)}
      </p>
      <div className="stat-grid">
        <div className="stat">
          <span className="stat-value" data-testid="cascade-customers-lost">
            {formatNumber(result.customers_lost, 0)}
          </span>
          <span className="stat-label">customers lost</span>
        </div>
        <div className={`stat${result.critical_customers_lost > 0 ? ' alarm' : ''}`}>
          <span className="stat-value" data-testid="cascade-critical-lost">
            {formatNumber(result.critical_customers_lost, 0)}
          </span>
          <span className="stat-label">critical lost</span>
        </div>
        <div className="stat">
          <span className="stat-value" data-testid="cascade-mw-shed">
            {formatNumber(result.mw_shed, 2)}
          </span>
          <span className="stat-label">MW shed</span>
        </div>
        <div className="stat">
          <span className="stat-value" data-testid="cascade-assets-failed">
            {formatNumber(result.assets_failed, 0)}
          </span>
          <span className="stat-label">assets failed</span>
        </div>
        <div className="stat wide">
          <span className="stat-value" data-testid="cascade-restored">
            {formatNumber(result.ties_closed.length, 0)} ties closed ·{' '}
            {formatNumber(result.customers_restored, 0)} customers restored
          </span>
          {result.ties_closed.length > 0 && (
            <span className="stat-label mono" title={result.ties_closed.join(', ')}>
              {result.ties_closed.slice(0, TIES_LISTED).join(', ')}
              {result.ties_closed.length > TIES_LISTED &&
                ` and ${formatNumber(result.ties_closed.length - TIES_LISTED, 0)} more`}
            </span>
          )}
        </div>
      </div>
    </section>
  );
}

function Legend() {
  const causes = ['initial', 'overload', 'protection_trip', 'weather', 'load_shed', 'de_energized'] as const;
  return (
    <ul className="cascade-legend">
      {causes.map((c) => (
        <li key={c}>
          <span className="cause-dot" style={{ background: CAUSE_HEX[c] }} />
          {humanize(c)}
        </li>
      ))}
      <li>
        <span className="cause-dot ring" style={{ borderColor: TIE_CLOSED_HEX }} />
        Tie closed
      </li>
    </ul>
  );
}

function MapNote({ status, onZoomTo }: { status: CascadeMapStatus; onZoomTo: (() => void) | null }) {
  return (
    <div className="cascade-map-note" data-testid="cascade-map-note">
      <span className="dim">
        Map: {formatNumber(status.located, 0)} located
        {status.pending > 0 && ` · locating ${formatNumber(status.pending, 0)}…`}
      </span>
      {onZoomTo && (
        <button type="button" className="link" onClick={onZoomTo}>
          Zoom to cascade
        </button>
      )}
      {status.truncated.map((t) => (
        <p key={t.wave} className="warn-note" data-testid="cascade-truncated">
          Wave {t.wave}: the map shows {formatNumber(t.shown, 0)} of {formatNumber(t.total, 0)} failed assets
          (those cutting off most customers); the table lists them all.
        </p>
      ))}
    </div>
  );
}

/** True when a request no longer matches the panel's settings. */
function changedSince(
  request: Pick<CascadeRequest, 'asset_ids' | 'scenario' | 'conditions' | 'restoration'>,
  setup: { assetIds: string[]; restoration: boolean },
  setting: ConditionsSetting,
): boolean {
  return (
    settingKey({ scenario: request.scenario, changes: request.conditions ?? {} }) !== settingKey(setting) ||
    request.restoration !== setup.restoration ||
    request.asset_ids.join() !== setup.assetIds.join()
  );
}

export function CascadePanel({ cascade, mapStatus, selectedId, onSelect, onZoomTo }: CascadePanelProps) {
  const { result, request, setup, error, position, distribution } = cascade;
  const { setting } = cascade.conditions;
  const stale =
    result !== null &&
    request !== null &&
    (changedSince(request, setup, setting) || String(request.stochastic_seed ?? '') !== setup.seed.trim());
  const drawn = distribution.result;
  // The seed only numbers the draws (and a replayed draw sets it): it does not make them stale.
  const drawnStale =
    drawn !== null && distribution.request !== null && changedSince(distribution.request, setup, setting);
  return (
    <aside className="panel cascade-panel" data-testid="cascade-panel" aria-busy={cascade.running}>
      <header className="panel-header">
        <h2>Cascade analysis</h2>
        <button
          type="button"
          className="icon-button"
          title="Close"
          aria-label="Close"
          onClick={cascade.close}
        >
          ×
        </button>
      </header>
      <div className="panel-body">
        <CascadeSetup cascade={cascade} onSelect={onSelect} />
        {error && (
          <p className="error" role="alert" data-testid="cascade-error">
            {error}
          </p>
        )}
        {distribution.error && (
          <p className="error" role="alert" data-testid="cascade-distribution-error">
            {distribution.error}
          </p>
        )}
        {drawn && (
          <CascadeDistribution
            result={drawn}
            stale={drawnStale}
            onReplay={!drawnStale && drawn.initial.length > 0 ? cascade.runSeed : null}
            onSelect={onSelect}
          />
        )}
        {result && (
          <>
            {stale && <p className="dim">Showing the last run; the settings have changed since.</p>}
            <Summary result={result} />
            <CascadeTimeline
              result={result}
              position={position}
              playing={cascade.playing}
              onPosition={cascade.setPosition}
              onStep={cascade.step}
              onTogglePlay={cascade.togglePlay}
            />
            <CascadeChart result={result} position={position} onPosition={cascade.setPosition} />
            <Legend />
            <MapNote status={mapStatus} onZoomTo={onZoomTo} />
            <CascadeTable result={result} position={position} selectedId={selectedId} onSelect={onSelect} />
          </>
        )}
      </div>
    </aside>
  );
}
