/** React hooks over the API client: each request is aborted when its input changes. */
import { useEffect, useState } from 'react';
import { ApiError, fetchAsset, fetchKpis, fetchTrace, isAbort, searchAssets } from './client.ts';
import type { AssetDetail, KpisResponse, SearchResult, TraceResponse } from './types.ts';

export interface AssetState {
  id: string | null;
  asset: AssetDetail | null;
  trace: TraceResponse | null;
  loading: boolean;
  /** A message for the panel: not found, or a failure. */
  error: string | null;
  /** The trace failed (or the asset has none) while the asset loaded. */
  traceError: string | null;
}

const EMPTY: AssetState = {
  id: null,
  asset: null,
  trace: null,
  loading: false,
  error: null,
  traceError: null,
};

function message(error: unknown): string {
  if (error instanceof ApiError) return error.status === 404 ? 'Not found' : error.message;
  return error instanceof Error ? error.message : String(error);
}

/** The selected asset's details and trace, fetched together. */
export function useAsset(id: string | null): AssetState {
  const [state, setState] = useState<AssetState>(EMPTY);
  useEffect(() => {
    if (!id) {
      setState(EMPTY);
      return;
    }
    const ctl = new AbortController();
    setState({ ...EMPTY, id, loading: true });
    const asset = fetchAsset(id, ctl.signal);
    const trace = fetchTrace(id, ctl.signal);
    Promise.allSettled([asset, trace]).then(([a, t]) => {
      if (ctl.signal.aborted) return;
      if (a.status === 'rejected') {
        setState({ ...EMPTY, id, error: message(a.reason) });
        return;
      }
      setState({
        id,
        asset: a.value,
        trace: t.status === 'fulfilled' ? t.value : null,
        loading: false,
        error: null,
        traceError: t.status === 'rejected' && !isAbort(t.reason) ? message(t.reason) : null,
      });
    });
    return () => ctl.abort();
  }, [id]);
  return state;
}

export interface KpiState {
  kpis: KpisResponse | null;
  error: string | null;
}

/** System KPIs, refreshed every `refreshMs` (0 = once). */
export function useKpis(refreshMs = 60_000): KpiState {
  const [state, setState] = useState<KpiState>({ kpis: null, error: null });
  useEffect(() => {
    let ctl = new AbortController();
    const load = (): void => {
      ctl.abort();
      ctl = new AbortController();
      fetchKpis(ctl.signal).then(
        (kpis) => setState({ kpis, error: null }),
        (error: unknown) => {
          if (!isAbort(error)) setState((s) => ({ kpis: s.kpis, error: message(error) }));
        },
      );
    };
    load();
    const timer = refreshMs > 0 ? window.setInterval(load, refreshMs) : 0;
    return () => {
      ctl.abort();
      window.clearInterval(timer);
    };
  }, [refreshMs]);
  return state;
}

export interface SearchState {
  query: string;
  results: SearchResult[];
  loading: boolean;
  error: string | null;
}

/** Debounced search: asks /api/search `delayMs` after the last keystroke; blank queries ask nothing. */
export function useSearch(query: string, delayMs = 250, limit = 10): SearchState {
  const [state, setState] = useState<SearchState>({ query: '', results: [], loading: false, error: null });
  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setState({ query: '', results: [], loading: false, error: null });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = window.setTimeout(() => {
      searchAssets(q, limit, ctl.signal).then(
        (r) => setState({ query: q, results: r.results, loading: false, error: null }),
        (error: unknown) => {
          if (!isAbort(error)) setState({ query: q, results: [], loading: false, error: message(error) });
        },
      );
    }, delayMs);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [query, delayMs, limit]);
  return state;
}
