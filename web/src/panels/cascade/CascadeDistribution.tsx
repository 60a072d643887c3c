/**
 * The distribution of many cascades drawing the weather (POST /api/cascade/stochastic): customers
 * lost (median, 5–95 % band, worst), MW shed, how often critical customers lose supply, the assets
 * that fail most often, and buttons that replay the median and the worst run on the map.
 */
import { scenarioOption } from '../../api/cascade-scenarios.ts';
import type { StochasticResult } from '../../api/types.ts';
import { describeConditions } from '../conditions/conditions.ts';
import { formatNumber } from '../format.ts';

/** Assets listed among the most frequent failures. */
const FREQUENT_LISTED = 5;

export function CascadeDistribution(props: {
  result: StochasticResult;
  stale: boolean;
  /** Replay one run (by its seed) in the panel; null when there is no patient zero to run from. */
  onReplay: ((seed: number) => void) | null;
  onSelect: (id: string) => void;
}) {
  const { result: r, stale, onReplay, onSelect } = props;
  const c = r.customers_lost;
  return (
    <section className="asset-section cascade-distribution" data-testid="cascade-distribution">
      <h3>
        Distribution · {formatNumber(r.runs, 0)} runs (seeds {r.seed}–{r.seed + r.runs - 1}) ·{' '}
        {scenarioOption(r.scenario)?.title ?? r.scenario}
      </h3>
      <p className="dim conditions-line" data-testid="cascade-distribution-conditions">
        {describeConditions(r.conditions)}
      </p>
      {stale && <p className="dim">Drawn with earlier settings; they have changed since.</p>}
      <div className="stat-grid">
        <div className="stat">
          <span className="stat-value" data-testid="cascade-distribution-median">
            {formatNumber(c.p50, 0)}
          </span>
          <span className="stat-label">customers lost, median</span>
        </div>
        <div className="stat">
          <span className="stat-value">
            {formatNumber(c.p05, 0)}–{formatNumber(c.p95, 0)}
          </span>
          <span className="stat-label">5–95 %</span>
        </div>
        <div className="stat">
          <span className="stat-value">{formatNumber(c.max, 0)}</span>
          <span className="stat-label">worst run</span>
        </div>
        <div className="stat">
          <span className="stat-value">{formatNumber(r.mw_shed.p50, 2)}</span>
          <span className="stat-label">MW shed, median</span>
        </div>
        <div className={`stat${r.p_critical_loss > 0 ? ' alarm' : ''}`}>
          <span className="stat-value">{formatNumber(100 * r.p_critical_loss, 0)} %</span>
          <span className="stat-label">runs with critical loss</span>
        </div>
        <div className="stat">
          <span className="stat-value">{formatNumber(r.weather_failures.mean, 1)}</span>
          <span className="stat-label">weather failures, mean</span>
        </div>
      </div>
      {r.most_frequent_failures.length > 0 && (
        <p className="dim distribution-frequent">
          Fail most often:{' '}
          {r.most_frequent_failures.slice(0, FREQUENT_LISTED).map((f, i) => (
            <span key={f.id}>
              {i > 0 && ', '}
              <button type="button" className="link mono" onClick={() => onSelect(f.id)}>
                {f.id}
              </button>{' '}
              {formatNumber(100 * f.share, 0)} %
            </span>
          ))}
        </p>
      )}
      {onReplay && (
        <div className="distribution-replay">
          <button type="button" className="button small" onClick={() => onReplay(r.median_run_seed)}>
            Replay the median run (seed {r.median_run_seed})
          </button>
          <button type="button" className="button small" onClick={() => onReplay(r.worst_run_seed)}>
            Replay the worst run (seed {r.worst_run_seed})
          </button>
        </div>
      )}
    </section>
  );
}
