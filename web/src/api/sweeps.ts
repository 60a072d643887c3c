/**
 * Client of the sweep jobs API (/api/cascade/sweeps): start or resume, list, read one, cancel,
 * ranked results, and the progress stream (server-sent events: "progress" …, then "end").
 */
import { ApiError, getJson } from './client.ts';
import type { SweepJob, SweepOrder, SweepRequest, SweepResultsResponse, SweepTable } from './types.ts';

/** Tables a sweep can take, in the order the panel lists them (the API's default set). */
export const SWEEP_TABLES: readonly SweepTable[] = [
  'substations',
  'substation_transformers',
  'transformers',
  'feeders',
  'line_sections',
  'protective_devices',
  'switches',
  'transmission_lines',
  'buses',
  'bus_sections',
  'generators',
];

export const SWEEP_ORDERS: readonly SweepOrder[] = ['customers_lost', 'mw_shed', 'waves', 'assets_failed'];

/**
 * Starts a sweep, or resumes the unfinished one of the same settings (`fresh` starts over); a
 * complete one of the same settings comes back as is. 409: another sweep is running; 503: the
 * server has no stored dataset.
 */
export function startSweep(request: SweepRequest, signal?: AbortSignal): Promise<SweepJob> {
  return getJson<{ sweep: SweepJob }>('/api/cascade/sweeps', signal, {
    method: 'POST',
    body: JSON.stringify(request),
  }).then((r) => r.sweep);
}

/** Sweeps of the served grid, newest first. */
export function listSweeps(signal?: AbortSignal): Promise<SweepJob[]> {
  return getJson<{ sweeps: SweepJob[] }>('/api/cascade/sweeps', signal).then((r) => r.sweeps);
}

export function fetchSweep(id: number, signal?: AbortSignal): Promise<SweepJob> {
  return getJson<{ sweep: SweepJob }>(`/api/cascade/sweeps/${id}`, signal).then((r) => r.sweep);
}

/** Cancels a running sweep (409 when it is not running); its stored results stay. */
export function cancelSweep(id: number, signal?: AbortSignal): Promise<SweepJob> {
  return getJson<{ sweep: SweepJob }>(`/api/cascade/sweeps/${id}/cancel`, signal, {
    method: 'POST',
    body: '{}',
  }).then((r) => r.sweep);
}

export interface SweepResultsQuery {
  order: SweepOrder;
  table?: string | null;
  limit?: number;
  offset?: number;
}

export function fetchSweepResults(
  id: number,
  query: SweepResultsQuery,
  signal?: AbortSignal,
): Promise<SweepResultsResponse> {
  const params = new URLSearchParams({ order: query.order, limit: String(query.limit ?? 100) });
  if (query.table) params.set('table', query.table);
  if (query.offset) params.set('offset', String(query.offset));
  return getJson<SweepResultsResponse>(`/api/cascade/sweeps/${id}/results?${params.toString()}`, signal);
}

/** The id of the running sweep a 409 names ("sweep 7 is running; …"), or null. */
export function runningSweepOf(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const m = /sweep (\d+) is running/.exec(error.message);
  return m ? Number(m[1]) : null;
}

export type SweepConnection = 'open' | 'retrying' | 'closed';

export interface SweepStreamHandlers {
  onProgress: (sweep: SweepJob) => void;
  /** The sweep stopped (complete, cancelled or failed): the stream is closed. */
  onEnd: (sweep: SweepJob) => void;
  /** The stream's connection: open, dropped and being retried by the browser, or given up. */
  onConnection: (state: SweepConnection) => void;
}

/** Follows a sweep's progress; returns the function that stops following. */
export function followSweep(id: number, handlers: SweepStreamHandlers): () => void {
  const source = new EventSource(`/api/cascade/sweeps/${id}/events`);
  const parse = (e: MessageEvent<string>): SweepJob | null => {
    try {
      return JSON.parse(e.data) as SweepJob;
    } catch {
      return null;
    }
  };
  source.addEventListener('open', () => handlers.onConnection('open'));
  source.addEventListener('progress', (e) => {
    const job = parse(e);
    if (job) handlers.onProgress(job);
  });
  source.addEventListener('end', (e) => {
    // Close before the server's end of stream, or EventSource would reconnect.
    source.close();
    const job = parse(e);
    if (job) handlers.onEnd(job);
  });
  source.addEventListener('error', () =>
    handlers.onConnection(source.readyState === EventSource.CLOSED ? 'closed' : 'retrying'),
  );
  return () => source.close();
}
