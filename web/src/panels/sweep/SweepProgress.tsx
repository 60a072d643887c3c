/**
 * The shown sweep: what it sweeps and under which conditions, its status and a progress bar fed by the server's events (done
 * of total, rate, time left, time spent), Cancel while it runs, and its error when it failed.
 */
import { scenarioOption } from '../../api/cascade-scenarios.ts';
import type { SweepJob } from '../../api/types.ts';
import { describeConditions } from '../conditions/conditions.ts';
import { formatNumber } from '../format.ts';
import {
  DASH,
  formatDuration,
  formatWhen,
  rateText,
  selectionTitle,
  STATUS_TITLES,
  tablesOfSelection,
} from './sweep-format.ts';
import type { SweepController } from './use-sweep.ts';

function Connection({ sweep }: { sweep: SweepController }) {
  if (sweep.connection !== 'closed') return null;
  return (
    <p className="warn-note" data-testid="sweep-connection">
      Lost the progress stream.{' '}
      <button type="button" className="link" onClick={sweep.reconnect}>
        Reconnect
      </button>
    </p>
  );
}

export function SweepProgress({ sweep, job }: { sweep: SweepController; job: SweepJob }) {
  const pct = job.total > 0 ? (100 * job.done) / job.total : 0;
  const { rate, eta, reason } = rateText(job);
  const running = job.status === 'running';
  return (
    <section className="asset-section sweep-progress" data-testid="sweep-progress" data-status={job.status}>
      <h3>
        Sweep #{job.id} · {scenarioOption(job.scenario)?.title ?? job.scenario} · restoration{' '}
        {job.restoration ? 'on' : 'off'}
      </h3>
      <p className="sweep-selection dim">
        {selectionTitle(job.selection)} · started {formatWhen(job.started_at)}
      </p>
      <p className="dim conditions-line" data-testid="sweep-conditions">
        {job.conditions ? describeConditions(job.conditions) : 'Conditions not recorded (an older sweep)'}
      </p>
      <div className={`sweep-bar ${job.status}`}>
        <div className="sweep-track">
          <div className="sweep-fill" style={{ width: `${Math.min(100, pct)}%` }} />
        </div>
        <span className="sweep-pct">{formatNumber(pct, 1)} %</span>
      </div>
      <div className="sweep-stats">
        <span data-testid="sweep-status" className={`badge sweep-status-${job.status}`}>
          {STATUS_TITLES[job.status] ?? job.status}
        </span>
        <span data-testid="sweep-done">
          {formatNumber(job.done, 0)} / {formatNumber(job.total, 0)}
        </span>
        <span title={reason ?? undefined}>
          <span className="dim">rate</span> {rate}
        </span>
        <span title={reason ?? undefined}>
          <span className="dim">left</span> {eta}
        </span>
        <span>
          <span className="dim">spent</span> {formatDuration(job.elapsed_s)}
        </span>
        {running && (
          <button
            type="button"
            className="button small"
            data-testid="sweep-cancel"
            disabled={sweep.busy}
            title="Stop; the stored results stay and starting it again resumes"
            onClick={sweep.cancel}
          >
            Cancel
          </button>
        )}
      </div>
      {reason && (rate === DASH || eta === DASH) && (
        <p className="dim sweep-reason">
          Rate and time left: {DASH} ({reason}).
        </p>
      )}
      {job.status === 'failed' && (
        <p className="error" role="alert">
          The sweep failed: {job.error ?? 'the server gave no reason'}
        </p>
      )}
      {(job.status === 'cancelled' || job.status === 'failed') && (
        <p className="dim sweep-stopped">
          Stopped after {formatNumber(job.done, 0)} of {formatNumber(job.total, 0)} cascades.{' '}
          {tablesOfSelection(job.selection) && (
            <button
              type="button"
              className="button small"
              data-testid="sweep-resume-shown"
              disabled={sweep.busy || sweep.unavailable}
              title="Continue from the stored results, with this sweep's settings"
              onClick={() => sweep.resume(job)}
            >
              Resume
            </button>
          )}
        </p>
      )}
      <Connection sweep={sweep} />
    </section>
  );
}
