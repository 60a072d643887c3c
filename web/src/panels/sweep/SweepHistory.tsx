/**
 * Earlier sweeps of this grid, newest first, each with its conditions: a click shows one (and follows it while it runs). The
 * shown sweep's line carries its live progress rather than the listing's.
 */
import { scenarioOption } from '../../api/cascade-scenarios.ts';
import type { SweepJob } from '../../api/types.ts';
import { describeConditions } from '../conditions/conditions.ts';
import { formatNumber } from '../format.ts';
import { formatWhen, selectionTitle, STATUS_TITLES } from './sweep-format.ts';

export function SweepHistory({
  sweeps,
  shown,
  onView,
}: {
  sweeps: SweepJob[];
  shown: SweepJob | null;
  onView: (id: number) => void;
}) {
  if (sweeps.length === 0) return null;
  const shownId = shown?.id ?? null;
  return (
    <section className="asset-section sweep-history">
      <h3>Sweeps of this grid</h3>
      <ul className="sweep-history-list" data-testid="sweep-history">
        {sweeps.map((listed) => {
          const j = listed.id === shownId && shown ? shown : listed;
          return (
            <li key={j.id} className={j.id === shownId ? 'shown' : ''}>
              <button
                type="button"
                className="sweep-history-row"
                data-testid="sweep-history-row"
                data-id={j.id}
                onClick={() => onView(j.id)}
              >
                <span className="mono">#{j.id}</span>
                <span className="sweep-history-what" title={selectionTitle(j.selection)}>
                  {scenarioOption(j.scenario)?.title ?? j.scenario}
                  {j.restoration ? '' : ' (no restoration)'} · {selectionTitle(j.selection)}
                </span>
                <span className={`sweep-status-${j.status}`}>
                  {STATUS_TITLES[j.status] ?? j.status}
                  {j.status !== 'complete' && ` ${formatNumber(j.done, 0)}/${formatNumber(j.total, 0)}`}
                </span>
                <span className="dim">{formatWhen(j.finished_at ?? j.started_at)}</span>
                <span className="dim sweep-history-conditions" data-testid="sweep-history-conditions">
                  {j.conditions ? describeConditions(j.conditions) : 'conditions not recorded'}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
