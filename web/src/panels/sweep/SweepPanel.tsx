/**
 * Cascade sweep: every asset of the chosen kinds fails alone, in turn, under one scenario; the
 * server runs it as a job. The panel starts (or resumes) one, follows its progress, and ranks its
 * patient zeros by the damage of their cascades; earlier sweeps of the grid are listed below.
 */
import { useState } from 'react';
import type { SweepJob } from '../../api/types.ts';
import { SweepHistory } from './SweepHistory.tsx';
import { SweepProgress } from './SweepProgress.tsx';
import { SweepRanking } from './SweepRanking.tsx';
import { SweepSetup } from './SweepSetup.tsx';
import type { SweepController } from './use-sweep.ts';

export interface SweepPanelProps {
  sweep: SweepController;
  /** Rows per table (/api/dataset), for the size of a sweep. */
  counts: Record<string, number>;
  selectedId: string | null;
  onSelect: (id: string, table: string) => void;
  onReplay: (id: string, job: SweepJob) => void;
}

function Problems({ sweep }: { sweep: SweepController }) {
  const { listError, error, conflict, unavailable } = sweep;
  return (
    <>
      {listError && (
        <p className="error" role="alert" data-testid="sweep-unavailable">
          {unavailable ? 'Sweeps are unavailable on this server: ' : 'Could not list the sweeps: '}
          {listError}
        </p>
      )}
      {error && error !== listError && (
        <div className="error sweep-error" role="alert" data-testid="sweep-error">
          {conflict !== null ? `Could not start: ${error}.` : error}
          {conflict !== null && (
            <button
              type="button"
              className="link"
              data-testid="sweep-follow-running"
              onClick={() => sweep.view(conflict)}
            >
              Follow sweep #{conflict}
            </button>
          )}
        </div>
      )}
    </>
  );
}

export function SweepPanel({ sweep, counts, selectedId, onSelect, onReplay }: SweepPanelProps) {
  const { shown, sweeps } = sweep;
  // The settings fold away while a sweep is shown, unless the user opens them.
  const [setupOpen, setSetupOpen] = useState<boolean | null>(null);
  const collapsed = !(setupOpen ?? !shown);
  return (
    <aside className="panel sweep-panel" data-testid="sweep-panel" aria-busy={sweep.busy}>
      <header className="panel-header">
        <h2>Cascade sweep</h2>
        <button type="button" className="icon-button" title="Close" aria-label="Close" onClick={sweep.close}>
          ×
        </button>
      </header>
      <div className="panel-body">
        <Problems sweep={sweep} />
        <SweepSetup
          sweep={sweep}
          counts={counts}
          collapsed={collapsed}
          onToggle={() => setSetupOpen(collapsed)}
        />
        {shown && <SweepProgress sweep={sweep} job={shown} />}
        {shown && shown.status !== 'running' && shown.done > 0 && (
          <SweepRanking
            sweep={sweep}
            job={shown}
            selectedId={selectedId}
            onSelect={onSelect}
            onReplay={onReplay}
          />
        )}
        {sweeps && <SweepHistory sweeps={sweeps} shown={shown} onView={sweep.view} />}
        {sweeps?.length === 0 && !shown && <p className="dim">No sweeps of this grid yet.</p>}
      </div>
    </aside>
  );
}
