/**
 * The ranking of a stopped sweep (complete, or the stored part of a cancelled or failed one):
 * the top results in the chosen order, optionally of one table. Re-read when any input changes.
 */
import { useEffect, useState } from 'react';
import { isAbort } from '../../api/client.ts';
import { fetchSweepResults } from '../../api/sweeps.ts';
import type { SweepJob, SweepOrder, SweepResult } from '../../api/types.ts';

/** Rows of the ranking. */
export const RANKING_LIMIT = 100;

export interface SweepResultsState {
  /** The request the rows answer ("id:order:table:done"), to tell stale rows apart. */
  key: string | null;
  results: SweepResult[] | null;
  loading: boolean;
  error: string | null;
}

export function useSweepResults(
  sweep: SweepJob | null,
  order: SweepOrder,
  table: string | null,
): SweepResultsState {
  const [state, setState] = useState<SweepResultsState>({
    key: null,
    results: null,
    loading: false,
    error: null,
  });
  const ready = sweep !== null && sweep.status !== 'running' && sweep.done > 0;
  const id = sweep?.id ?? 0;
  const done = sweep?.done ?? 0;
  useEffect(() => {
    if (!ready) {
      setState({ key: null, results: null, loading: false, error: null });
      return;
    }
    const key = `${id}:${order}:${table ?? ''}:${done}`;
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    fetchSweepResults(id, { order, table, limit: RANKING_LIMIT }, ctl.signal).then(
      (r) => setState({ key, results: r.results, loading: false, error: null }),
      (e: unknown) => {
        if (isAbort(e)) return;
        setState({ key, results: null, loading: false, error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => ctl.abort();
  }, [ready, id, order, table, done]);
  return state;
}
