/**
 * The ranking of a sweep: its top patient zeros by customers lost, MW shed, waves or assets
 * failed, optionally of one kind. A row selects its asset on the map; its button replays that
 * asset's cascade in the cascade panel.
 */
import { SWEEP_ORDERS, SWEEP_TABLES } from '../../api/sweeps.ts';
import type { SweepJob, SweepOrder, SweepResult } from '../../api/types.ts';
import { formatNumber, humanize } from '../format.ts';
import { ORDER_TITLES, tablesOfSelection, tableTitle } from './sweep-format.ts';
import { RANKING_LIMIT, useSweepResults } from './use-sweep-results.ts';
import type { SweepController } from './use-sweep.ts';

export interface SweepRankingProps {
  sweep: SweepController;
  job: SweepJob;
  selectedId: string | null;
  onSelect: (id: string, table: string) => void;
  /** Replay this patient zero's cascade (the sweep's scenario and restoration) in the cascade panel. */
  onReplay: (id: string, job: SweepJob) => void;
}

const COLUMNS: { key: keyof SweepResult & SweepOrder; title: string; digits: number }[] = [
  { key: 'customers_lost', title: 'Cust. lost', digits: 0 },
  { key: 'mw_shed', title: 'MW shed', digits: 2 },
  { key: 'waves', title: 'Waves', digits: 0 },
  { key: 'assets_failed', title: 'Failed', digits: 0 },
];

export function SweepRanking({ sweep, job, selectedId, onSelect, onReplay }: SweepRankingProps) {
  const { order, tableFilter } = sweep;
  const state = useSweepResults(job, order, tableFilter);
  const tables = tablesOfSelection(job.selection) ?? [...SWEEP_TABLES];
  const rows = state.results ?? [];
  return (
    <section className="asset-section sweep-ranking">
      <h3>Ranking</h3>
      {job.status !== 'complete' && (
        <p className="warn-note" data-testid="sweep-partial">
          Partial: {formatNumber(job.done, 0)} of {formatNumber(job.total, 0)} cascades are stored; the
          ranking covers only those.
        </p>
      )}
      {job.scenario_customers_lost !== null && job.scenario_customers_lost > 0 && (
        <p className="dim" data-testid="sweep-scenario-baseline">
          The scenario alone (no patient zero) takes out {formatNumber(job.scenario_customers_lost, 0)}{' '}
          customers and {formatNumber(job.scenario_mw_shed, 2)} MW; every row includes that.
        </p>
      )}
      <div className="cascade-options sweep-ranking-options">
        <label className="field">
          <span>Order by (largest first)</span>
          <select
            data-testid="sweep-order"
            value={order}
            onChange={(e) => sweep.setOrder(e.target.value as SweepOrder)}
          >
            {SWEEP_ORDERS.map((o) => (
              <option key={o} value={o}>
                {ORDER_TITLES[o]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Kind</span>
          <select
            data-testid="sweep-filter"
            value={tableFilter ?? ''}
            onChange={(e) => sweep.setTableFilter(e.target.value || null)}
          >
            <option value="">All</option>
            {tables.map((t) => (
              <option key={t} value={t}>
                {tableTitle(t)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {state.error && (
        <p className="error" role="alert" data-testid="sweep-results-error">
          Ranking unavailable: {state.error}
        </p>
      )}
      {state.loading && rows.length === 0 && <p className="dim">Loading the ranking…</p>}
      {state.results && rows.length === 0 && <p className="dim">No stored results of this kind.</p>}
      {rows.length > 0 && (
        <div className="cascade-table-wrap sweep-table-wrap" aria-busy={state.loading}>
          <table className="cascade-table sweep-table" data-testid="sweep-table">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>Asset</th>
                {COLUMNS.map((c) => (
                  <th
                    key={c.key}
                    className={`num${c.key === order ? ' sorted' : ''}`}
                    title={ORDER_TITLES[c.key]}
                  >
                    {c.title}
                  </th>
                ))}
                <th aria-label="Replay" />
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr
                  key={r.id}
                  data-testid="sweep-row"
                  data-id={r.id}
                  className={r.id === selectedId ? 'selected' : ''}
                  title="Select on the map"
                  onClick={() => onSelect(r.id, r.table)}
                >
                  <td className="num dim">{i + 1}</td>
                  <td className="asset-cell">
                    <span className="mono">{r.id}</span> <span className="dim">{humanize(r.table)}</span>
                    {r.beyond_zone === 1 && (
                      <span
                        className="beyond-zone"
                        data-testid="sweep-beyond-zone"
                        title="Its cascade failed something beyond its protection zone (an overload trip or load shed)"
                      >
                        {' '}
                        cascades
                      </span>
                    )}
                  </td>
                  {COLUMNS.map((c) => (
                    <td
                      key={c.key}
                      className={`num${c.key === order ? ' sorted' : ''}${
                        c.key === 'customers_lost' && r.critical_customers_lost > 0 ? ' has-critical' : ''
                      }`}
                      data-testid={`sweep-cell-${c.key}`}
                      title={
                        c.key === 'customers_lost'
                          ? `${formatNumber(r.critical_customers_lost, 0)} critical customers lost`
                          : c.key === 'mw_shed'
                            ? `${r.mw_shed} MW`
                            : undefined
                      }
                    >
                      {formatNumber(r[c.key], c.digits)}
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      className="replay-button"
                      data-testid="sweep-replay"
                      title={`Replay the cascade of ${r.id} wave by wave`}
                      aria-label={`Replay the cascade of ${r.id}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        onReplay(r.id, job);
                      }}
                    >
                      ▶
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > 0 && (
        <p className="dim sweep-table-note">
          {rows.length >= RANKING_LIMIT && `Showing the top ${formatNumber(RANKING_LIMIT, 0)}. `}
          <span className="critical-mark" /> critical customers among those lost (hover for how many). Click a
          row to find the asset; ▶ replays its cascade.
        </p>
      )}
    </section>
  );
}
