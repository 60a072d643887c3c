/**
 * Replays one patient zero of a sweep in the cascade panel: sets the cascade's patient zero to
 * that asset alone, with the sweep's scenario, conditions and restoration and no seed (sweeps are
 * deterministic), opens the panel, and runs once the cascade's setup says so.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SweepJob } from '../../api/types.ts';
import { settingKey } from '../conditions/conditions.ts';
import type { CascadeController } from '../cascade/use-cascade.ts';

interface PendingReplay {
  id: string;
  /** settingKey of the sweep's scenario and conditions. */
  setting: string;
  restoration: boolean;
}

export function useReplay(cascade: CascadeController): (id: string, job: SweepJob) => void {
  const [pending, setPending] = useState<PendingReplay | null>(null);
  const { setup, removeAsset, addAsset, update, run, conditions } = cascade;
  const { replace, settingOf } = conditions;

  const replay = useCallback(
    (id: string, job: SweepJob) => {
      const setting = settingOf(job.scenario, job.conditions);
      for (const other of setup.assetIds) if (other !== id) removeAsset(other);
      addAsset(id);
      update({ restoration: job.restoration, seed: '' });
      replace(setting);
      setPending({ id, setting: settingKey(setting), restoration: job.restoration });
    },
    [setup.assetIds, removeAsset, addAsset, update, replace, settingOf],
  );

  // The cascade's run reads its setup: wait until the setup is the replay's, then run once.
  const current = settingKey(conditions.setting);
  useEffect(() => {
    if (!pending) return;
    const ready =
      setup.assetIds.length === 1 &&
      setup.assetIds[0] === pending.id &&
      current === pending.setting &&
      setup.restoration === pending.restoration &&
      setup.seed === '';
    if (!ready) return;
    setPending(null);
    run();
  }, [pending, setup, current, run]);

  return replay;
}
