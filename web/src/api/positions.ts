/**
 * Positions of assets by id, from /api/assets/{id}: fetched a few at a time (a small concurrency
 * limit), cached for the session (an id without a location caches as null), shared by every
 * caller. `usePositions` re-renders as positions arrive and drops queued ids it no longer wants.
 */
import { useEffect, useState } from 'react';
import { fetchAsset } from './client.ts';
import type { LonLat } from './types.ts';

/** Requests in flight at once. */
export const POSITION_CONCURRENCY = 6;

const cache = new Map<string, LonLat | null>();
/** Queued ids with the number of hooks that want each. */
const wanted = new Map<string, number>();
const queue: string[] = [];
const inFlight = new Set<string>();
const listeners = new Set<() => void>();

/** The cached position of `id`: a location, null (the asset has none), or undefined (not yet known). */
export function cachedPosition(id: string): LonLat | null | undefined {
  return cache.get(id);
}

function notify(): void {
  for (const l of listeners) l();
}

function pump(): void {
  while (inFlight.size < POSITION_CONCURRENCY && queue.length > 0) {
    const id = queue.shift()!;
    if (cache.has(id) || inFlight.has(id) || !wanted.has(id)) continue;
    inFlight.add(id);
    fetchAsset(id)
      .then(
        (a) => cache.set(id, a.lon !== undefined && a.lat !== undefined ? [a.lon, a.lat] : null),
        () => cache.set(id, null),
      )
      .finally(() => {
        inFlight.delete(id);
        notify();
        pump();
      });
  }
}

function want(ids: readonly string[]): void {
  for (const id of ids) {
    if (cache.has(id)) continue;
    const n = wanted.get(id) ?? 0;
    wanted.set(id, n + 1);
    if (n === 0 && !inFlight.has(id)) queue.push(id);
  }
  pump();
}

function unwant(ids: readonly string[]): void {
  for (const id of ids) {
    const n = wanted.get(id);
    if (n === undefined) continue;
    if (n <= 1) wanted.delete(id);
    else wanted.set(id, n - 1);
  }
}

export interface PositionsState {
  /** Positions known so far (ids without a location are absent). */
  positions: ReadonlyMap<string, LonLat>;
  /** Ids still being fetched. */
  pending: number;
}

function snapshot(ids: readonly string[]): PositionsState {
  const positions = new Map<string, LonLat>();
  let pending = 0;
  for (const id of ids) {
    const p = cache.get(id);
    if (p) positions.set(id, p);
    else if (p === undefined) pending++;
  }
  return { positions, pending };
}

/** Positions of `ids` (pass a memoized array: a new array restarts the request set). */
export function usePositions(ids: readonly string[]): PositionsState {
  const [state, setState] = useState<PositionsState>(() => snapshot(ids));
  useEffect(() => {
    let frame = 0;
    const update = (): void => {
      if (frame) return;
      // Many answers arrive close together: re-render at most once a frame.
      frame = window.requestAnimationFrame(() => {
        frame = 0;
        setState(snapshot(ids));
      });
    };
    setState(snapshot(ids));
    listeners.add(update);
    want(ids);
    return () => {
      listeners.delete(update);
      unwant(ids);
      window.cancelAnimationFrame(frame);
    };
  }, [ids]);
  return state;
}
