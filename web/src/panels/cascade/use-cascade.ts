/**
 * State of the cascade analysis: patient zero (one or more assets), the scenario and options, the
 * last run's result or error, and the replay position over its waves with play/pause/step.
 * Replay positions: 0 is before the failure, k (1…waves) is after wave k − 1.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, simulateCascade } from '../../api/client.ts';
import type { CascadeRequest, CascadeResult, CascadeScenario } from '../../api/types.ts';

/** The API accepts at most this many patient-zero assets. */
export const MAX_PATIENT_ZERO = 50;
/** Time each wave stays on screen while playing. */
export const PLAY_STEP_MS = 1000;

export interface CascadeSetup {
  assetIds: string[];
  scenario: CascadeScenario;
  restoration: boolean;
  /** Seed as typed; blank runs deterministically. */
  seed: string;
}

export interface CascadeController {
  open: boolean;
  setup: CascadeSetup;
  result: CascadeResult | null;
  /** The request that produced `result`. */
  request: CascadeRequest | null;
  running: boolean;
  error: string | null;
  position: number;
  playing: boolean;
  /** Add an asset to patient zero and open the panel. */
  addAsset: (id: string) => void;
  removeAsset: (id: string) => void;
  update: (patch: Partial<Omit<CascadeSetup, 'assetIds'>>) => void;
  run: () => void;
  close: () => void;
  setPosition: (position: number) => void;
  /** Move by `delta` positions, wrapping around the ends. */
  step: (delta: number) => void;
  togglePlay: () => void;
}

/** A seed as the API takes it: undefined for blank, an error message when not a whole number ≥ 0. */
export function parseSeed(text: string): number | undefined | string {
  const t = text.trim();
  if (t === '') return undefined;
  if (!/^\d{1,15}$/.test(t)) return 'The seed must be a whole number (0 or more).';
  return Number(t);
}

export function useCascade(): CascadeController {
  const [open, setOpen] = useState(false);
  const [setup, setSetup] = useState<CascadeSetup>({
    assetIds: [],
    scenario: 'base',
    restoration: true,
    seed: '',
  });
  const [result, setResult] = useState<CascadeResult | null>(null);
  const [request, setRequest] = useState<CascadeRequest | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [position, setPositionState] = useState(0);
  const [playing, setPlaying] = useState(false);
  const ctl = useRef<AbortController | null>(null);
  const last = result ? result.waves.length : 0;

  const addAsset = useCallback((id: string) => {
    setOpen(true);
    setSetup((s) =>
      s.assetIds.includes(id) || s.assetIds.length >= MAX_PATIENT_ZERO
        ? s
        : { ...s, assetIds: [...s.assetIds, id] },
    );
  }, []);
  const removeAsset = useCallback((id: string) => {
    setSetup((s) => ({ ...s, assetIds: s.assetIds.filter((a) => a !== id) }));
  }, []);
  const update = useCallback((patch: Partial<Omit<CascadeSetup, 'assetIds'>>) => {
    setSetup((s) => ({ ...s, ...patch }));
  }, []);

  const run = useCallback(() => {
    const seed = parseSeed(setup.seed);
    if (typeof seed === 'string') return setError(seed);
    if (setup.assetIds.length === 0) return setError('Add at least one asset to fail.');
    const req: CascadeRequest = {
      asset_ids: setup.assetIds,
      scenario: setup.scenario,
      restoration: setup.restoration,
      ...(seed !== undefined ? { stochastic_seed: seed } : {}),
    };
    ctl.current?.abort();
    const c = (ctl.current = new AbortController());
    setRunning(true);
    setError(null);
    setPlaying(false);
    simulateCascade(req, c.signal).then(
      (r) => {
        if (c.signal.aborted) return;
        setResult(r);
        setRequest(req);
        // Start on the outcome (the map matches the summary); play replays from the start.
        setPositionState(r.waves.length);
        setRunning(false);
      },
      (e: unknown) => {
        if (isAbort(e) || c.signal.aborted) return;
        setError(e instanceof Error ? e.message : String(e));
        setRunning(false);
      },
    );
  }, [setup]);

  const close = useCallback(() => {
    ctl.current?.abort();
    setRunning(false);
    setPlaying(false);
    setOpen(false);
  }, []);

  const setPosition = useCallback(
    (p: number) => {
      setPlaying(false);
      setPositionState(Math.max(0, Math.min(last, p)));
    },
    [last],
  );
  const step = useCallback(
    (delta: number) => {
      setPlaying(false);
      setPositionState((p) => (((p + delta) % (last + 1)) + last + 1) % (last + 1));
    },
    [last],
  );
  const togglePlay = useCallback(() => {
    if (playing) return setPlaying(false);
    if (position >= last) setPositionState(0);
    setPlaying(true);
  }, [playing, position, last]);

  // Advance one wave per PLAY_STEP_MS; stop after the last.
  useEffect(() => {
    if (!playing) return;
    if (position >= last) {
      setPlaying(false);
      return;
    }
    const timer = window.setTimeout(() => setPositionState(position + 1), PLAY_STEP_MS);
    return () => window.clearTimeout(timer);
  }, [playing, position, last]);

  useEffect(() => () => ctl.current?.abort(), []);

  return {
    open,
    setup,
    result,
    request,
    running,
    error,
    position,
    playing,
    addAsset,
    removeAsset,
    update,
    run,
    close,
    setPosition,
    step,
    togglePlay,
  };
}
