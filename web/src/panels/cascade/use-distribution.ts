/**
 * The stochastic mode of the cascade panel: DISTRIBUTION_RUNS cascades from the same patient zero
 * (none: the weather alone) under the same conditions, each drawing the weather failures with its
 * own seed (the setup's seed + i, from 1 when blank), summarised by the server
 * (POST /api/cascade/stochastic).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, runStochastic } from '../../api/client.ts';
import type { StochasticRequest, StochasticResult } from '../../api/types.ts';
import { settingRequest, type ConditionsSetting } from '../conditions/conditions.ts';
import { parseSeed } from './seed.ts';

/** Cascades per distribution: enough for a stable median and 5–95 % band on a sample or city grid. */
export const DISTRIBUTION_RUNS = 100;

export interface DistributionController {
  result: StochasticResult | null;
  /** The request that produced `result`. */
  request: StochasticRequest | null;
  running: boolean;
  error: string | null;
  run: () => void;
}

export function useDistribution(
  assetIds: readonly string[],
  restoration: boolean,
  seedText: string,
  setting: ConditionsSetting,
): DistributionController {
  const [result, setResult] = useState<StochasticResult | null>(null);
  const [request, setRequest] = useState<StochasticRequest | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ctl = useRef<AbortController | null>(null);

  const run = useCallback(() => {
    const seed = parseSeed(seedText);
    if (typeof seed === 'string') return setError(seed);
    const req: StochasticRequest = {
      asset_ids: [...assetIds],
      ...settingRequest(setting),
      restoration,
      runs: DISTRIBUTION_RUNS,
      seed: seed ?? 1,
    };
    ctl.current?.abort();
    const c = (ctl.current = new AbortController());
    setRunning(true);
    setError(null);
    runStochastic(req, c.signal).then(
      (r) => {
        if (c.signal.aborted) return;
        setResult(r);
        setRequest(req);
        setRunning(false);
      },
      (e: unknown) => {
        if (isAbort(e) || c.signal.aborted) return;
        setError(e instanceof Error ? e.message : String(e));
        setRunning(false);
      },
    );
  }, [assetIds, restoration, seedText, setting]);

  useEffect(() => () => ctl.current?.abort(), []);

  return { result, request, running, error, run };
}
