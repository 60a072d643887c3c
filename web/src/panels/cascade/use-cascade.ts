/**
 * State of the cascade analysis: patient zero (one or more assets), the options, the last run's
 * result or error, and the replay position over its waves with play/pause/step. The scenario and
 * its conditions are shared with the sweep panel (use-conditions.ts).
 * Replay positions: 0 is before the failure, k (1…waves) is after wave k − 1.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, simulateCascade } from '../../api/client.ts';
import type { CascadeRequest, CascadeResult } from '../../api/types.ts';
import { settingRequest } from '../conditions/conditions.ts';
import type { ConditionsController } from '../conditions/use-conditions.ts';
import { parseSeed } from './seed.ts';
import { useDistribution, type DistributionController } from './use-distribution.ts';

/** The API accepts at most this many patient-zero assets. */
export const MAX_PATIENT_ZERO = 50;
/** Time each wave stays on screen while playing. */
export const PLAY_STEP_MS = 1000;

export interface CascadeSetup {
  assetIds: string[];
  restoration: boolean;
  /** Seed as typed; blank runs deterministically. */
  seed: string;
}

export interface CascadeController {
  open: boolean;
  setup: CascadeSetup;
  /** The scenario preset and the conditions changed from it (shared with the sweep panel). */
  conditions: ConditionsController;
  /** Many runs drawing the weather: the distribution of outcomes. */
  distribution: DistributionController;
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
  /** Run with this weather seed (a draw of the distribution), which becomes the setup's seed. */
  runSeed: (seed: number) => void;
  close: () => void;
  setPosition: (position: number) => void;
  /** Move by `delta` positions, wrapping around the ends. */
  step: (delta: number) => void;
  togglePlay: () => void;
}

export function useCascade(conditions: ConditionsController): CascadeController {
  const [open, setOpen] = useState(false);
  const [setup, setSetup] = useState<CascadeSetup>({
    assetIds: [],
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

  const { setting } = conditions;
  const distribution = useDistribution(setup.assetIds, setup.restoration, setup.seed, setting);
  const runWith = useCallback(
    (seedText: string) => {
      const seed = parseSeed(seedText);
      if (typeof seed === 'string') return setError(seed);
      if (setup.assetIds.length === 0) return setError('Add at least one asset to fail.');
      const req: CascadeRequest = {
        asset_ids: setup.assetIds,
        ...settingRequest(setting),
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
    },
    [setup, setting],
  );
  const run = useCallback(() => runWith(setup.seed), [runWith, setup.seed]);
  const runSeed = useCallback(
    (seed: number) => {
      setSetup((s) => ({ ...s, seed: String(seed) }));
      runWith(String(seed));
    },
    [runWith],
  );

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
    conditions,
    distribution,
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
    runSeed,
    close,
    setPosition,
    step,
    togglePlay,
  };
}
