/**
 * Replays one patient zero of a sweep in the cascade panel: sets the cascade's patient zero to
 * that asset alone, with the sweep's scenario and restoration and no seed (sweeps are
 * deterministic), opens the panel, and runs once the cascade's setup says so.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CascadeScenario, SweepJob } from '../../api/types.ts';
import type { CascadeController } from '../cascade/use-cascade.ts';

interface PendingReplay {
  id: string;
  scenario: CascadeScenario;
  restoration: boolean;
}

export function useReplay(cascade: CascadeController): (id: string, job: SweepJob) => void {
  const [pending, setPending] = useState<PendingReplay | null>(null);
  const { setup, removeAsset, addAsset, update, run } = cascade;

  const replay = useCallback(
    (id: string, job: SweepJob) => {
      const scenario = job.scenario as CascadeScenario;
      for (const other of setup.assetIds) if (other !== id) removeAsset(other);
      addAsset(id);
      update({ scenario, restoration: job.restoration, seed: '' });
      setPending({ id, scenario, restoration: job.restoration });
    },
    [setup.assetIds, removeAsset, addAsset, update],
  );

  // The cascade's run reads its setup: wait until the setup is the replay's, then run once.
  useEffect(() => {
    if (!pending) return;
    const ready =
      setup.assetIds.length === 1 &&
      setup.assetIds[0] === pending.id &&
      setup.scenario === pending.scenario &&
      setup.restoration === pending.restoration &&
      setup.seed === '';
    if (!ready) return;
    setPending(null);
    run();
  }, [pending, setup, run]);

  return replay;
}
