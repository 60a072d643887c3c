/**
 * Display helpers of the sweep panel: table names, the selection key the server files a sweep
 * under, durations, and the reasons shown in place of values a sweep does not (yet) have.
 */
import type { SweepJob, SweepOrder, SweepStatus, SweepTable } from '../../api/types.ts';
import { formatNumber } from '../format.ts';

/** Shown for a value the API does not give, always with a reason beside it. */
export const DASH = '—';

/** Plural name of a table: 'line_sections' → 'Line sections'. */
export function tableTitle(table: string): string {
  const text = table.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The server's selection key of a table sweep (src/cascade/sweep.ts): sorted table names. */
export function selectionOf(tables: readonly SweepTable[]): string {
  return `tables=${[...tables].sort().join(',')}`;
}

/** Tables of a selection key, or null when the sweep was of chosen assets. */
export function tablesOfSelection(selection: string): string[] | null {
  const [what] = selection.split(';');
  return what.startsWith('tables=') ? what.slice('tables='.length).split(',') : null;
}

/** Contingency kinds other than single assets, as the server marks them (";contingency=n-2"). */
const CONTINGENCY_TITLES: Record<string, string> = {
  common_mode: 'common-mode (shared structures)',
  'n-2': 'N-2 pairs',
  'n-1-1': 'N-1-1 ordered pairs',
};

export function selectionTitle(selection: string): string {
  const [what, ...rest] = selection.split(';');
  const kind = rest.find((p) => p.startsWith('contingency='))?.slice('contingency='.length);
  const suffix = kind ? ` · ${CONTINGENCY_TITLES[kind] ?? kind}` : '';
  const tables = tablesOfSelection(what);
  if (tables) return tables.map(tableTitle).join(', ') + suffix;
  return `Chosen assets (${what.replace(/^assets=/, '')})${suffix}`;
}

export const ORDER_TITLES: Record<SweepOrder, string> = {
  customers_lost: 'Customers lost',
  mw_shed: 'MW shed',
  waves: 'Waves',
  assets_failed: 'Assets failed',
};

export const STATUS_TITLES: Record<SweepStatus, string> = {
  running: 'Running',
  complete: 'Complete',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/** Seconds as "1 h 02 min", "3 min 20 s", "12 s" or "0.4 s". */
export function formatDuration(seconds: number): string {
  if (seconds < 10) return `${formatNumber(seconds, 1)} s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** A date-time of the API (ISO 8601) in the browser's locale, short. */
export function formatWhen(iso: string | null): string {
  if (!iso) return DASH;
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

/** Rate and time left of a sweep, or why they are not known. */
export function rateText(job: SweepJob): { rate: string; eta: string; reason: string | null } {
  if (job.rate_per_s !== null && job.eta_s !== null)
    return {
      rate: `${formatNumber(job.rate_per_s, 1)} /s`,
      eta: formatDuration(job.eta_s),
      reason: null,
    };
  const reason =
    job.status === 'running' ? 'measured from the second stored batch' : 'only known while the sweep runs';
  return {
    rate: job.rate_per_s !== null ? `${formatNumber(job.rate_per_s, 1)} /s` : DASH,
    eta: job.eta_s !== null ? formatDuration(job.eta_s) : DASH,
    reason,
  };
}
