/**
 * The selected asset: what it is, its loading, where it is fed from (feeder, substation, the
 * upstream path) and what it feeds (customers, critical customers, meters, transformers, load).
 */
import type { AssetState } from '../api/hooks.ts';
import type { AssetRef, DownstreamSummary } from '../api/types.ts';
import { LoadingBar } from './LoadingBar.tsx';
import { TracePath } from './TracePath.tsx';
import { formatNumber, formatValue, humanize, labelOf } from './format.ts';

export interface AssetPanelProps {
  state: AssetState;
  onClose: () => void;
  /** Select another asset (a feeder, a substation, a step of the path). */
  onSelect: (id: string) => void;
  onZoomTo: () => void;
  /** Add the asset to a cascade's patient zero and open the cascade panel. */
  onSimulate?: (id: string) => void;
}

const HIDDEN_PROPS = new Set(['id', 'name', 'layerName']);

function Ref({
  label,
  value,
  onSelect,
}: {
  label: string;
  value?: AssetRef | null;
  onSelect: (id: string) => void;
}) {
  if (!value) return null;
  return (
    <div className="kv">
      <dt>{label}</dt>
      <dd>
        <button type="button" className="link" onClick={() => onSelect(value.id)}>
          {value.name || value.id}
        </button>
        {value.name && value.name !== value.id && <span className="mono dim"> {value.id}</span>}
      </dd>
    </div>
  );
}

function Downstream({ d }: { d: DownstreamSummary }) {
  return (
    <section className="asset-section">
      <h3>Downstream</h3>
      <div className="stat-grid">
        <div className="stat">
          <span className="stat-value" data-testid="asset-customers">
            {formatNumber(d.customers, 0)}
          </span>
          <span className="stat-label">customers</span>
        </div>
        <div className={`stat${d.critical_customers > 0 ? ' alarm' : ''}`}>
          <span className="stat-value">{formatNumber(d.critical_customers, 0)}</span>
          <span className="stat-label">critical</span>
        </div>
        <div className="stat">
          <span className="stat-value">{formatNumber(d.meters, 0)}</span>
          <span className="stat-label">meters</span>
        </div>
        <div className="stat">
          <span className="stat-value">{formatNumber(d.transformers, 0)}</span>
          <span className="stat-label">transformers</span>
        </div>
        <div className="stat wide">
          <span className="stat-value">{formatValue('load_kw', d.load_kw)}</span>
          <span className="stat-label">load</span>
        </div>
      </div>
    </section>
  );
}

export function AssetPanel({ state, onClose, onSelect, onZoomTo, onSimulate }: AssetPanelProps) {
  const { asset, trace } = state;
  const downstream = asset?.downstream ?? (trace ? trace.downstream : null);
  return (
    <aside className="panel asset-panel" data-testid="asset-panel" aria-busy={state.loading}>
      <header className="panel-header">
        <div className="asset-heading">
          <span className="asset-kind">{asset ? asset.title || humanize(asset.table) : 'Asset'}</span>
          <h2 className="mono">{state.id}</h2>
          {asset?.name && asset.name !== asset.id && <div className="asset-name">{asset.name}</div>}
          {asset && typeof asset.energized === 'boolean' && (
            <span
              className={`badge ${asset.energized ? 'badge-ok' : 'badge-alarm'}`}
              data-testid="asset-energized"
            >
              {asset.energized ? 'Energized' : 'De-energized'}
            </span>
          )}
        </div>
        <div className="panel-actions">
          {asset?.lon !== undefined && (
            <button
              type="button"
              className="icon-button"
              title="Zoom to asset"
              aria-label="Zoom to asset"
              onClick={onZoomTo}
            >
              <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                <circle cx="7" cy="7" r="4" fill="none" stroke="currentColor" strokeWidth="1.5" />
                <path d="M7 0v3M7 11v3M0 7h3M11 7h3" stroke="currentColor" strokeWidth="1.5" />
              </svg>
            </button>
          )}
          <button type="button" className="icon-button" title="Close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      <div className="panel-body">
        {state.loading && <p className="dim">Loading…</p>}
        {state.error && (
          <p className="error">{state.error === 'Not found' ? `No asset ${state.id}.` : state.error}</p>
        )}
        {asset && (
          <>
            {onSimulate && (
              <div className="asset-actions">
                <button
                  type="button"
                  className="primary-button"
                  data-testid="cascade-button"
                  title="Fail this asset and replay the cascade wave by wave"
                  onClick={() => onSimulate(asset.id)}
                >
                  Simulate failure
                </button>
              </div>
            )}
            {typeof asset.loading_pct === 'number' && (
              <section className="asset-section">
                <h3>Loading</h3>
                <LoadingBar pct={asset.loading_pct} />
              </section>
            )}
            <section className="asset-section">
              <h3>Fed from</h3>
              <dl className="kv-list">
                {asset.table !== 'feeders' && (
                  <Ref label="Feeder" value={asset.feeder ?? trace?.upstream.feeder} onSelect={onSelect} />
                )}
                {asset.table !== 'substations' && (
                  <Ref
                    label="Substation"
                    value={asset.substation ?? trace?.upstream.substation}
                    onSelect={onSelect}
                  />
                )}
                {trace?.upstream.breaker && (
                  <div className="kv">
                    <dt>Breaker</dt>
                    <dd>
                      <button
                        type="button"
                        className="link mono"
                        onClick={() => onSelect(trace.upstream.breaker!)}
                      >
                        {trace.upstream.breaker}
                      </button>
                    </dd>
                  </div>
                )}
              </dl>
              {trace && (
                <TracePath
                  steps={trace.upstream.path}
                  current={asset.id}
                  substation={trace.upstream.substation}
                  onSelect={onSelect}
                />
              )}
              {state.traceError && <p className="dim">Trace unavailable: {state.traceError}</p>}
              {trace?.downstream.lines_truncated && (
                <p className="dim">The map shows part of the downstream network (it is large).</p>
              )}
            </section>
            {downstream && <Downstream d={downstream} />}
            <section className="asset-section">
              <h3>Attributes</h3>
              <dl className="kv-list">
                {Object.entries(asset.properties)
                  .filter(([k]) => !HIDDEN_PROPS.has(k))
                  .map(([k, v]) => (
                    <div className="kv" key={k}>
                      <dt>{labelOf(k)}</dt>
                      <dd>{formatValue(k, v)}</dd>
                    </div>
                  ))}
                {asset.lat !== undefined && asset.lon !== undefined && (
                  <div className="kv">
                    <dt>Location</dt>
                    <dd className="mono">
                      {asset.lat.toFixed(5)}, {asset.lon.toFixed(5)}
                    </dd>
                  </div>
                )}
              </dl>
            </section>
          </>
        )}
      </div>
    </aside>
  );
}
