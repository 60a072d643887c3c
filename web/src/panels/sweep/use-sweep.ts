/**
 * State of the sweep panel: the settings of a new sweep (the scenario and its conditions are
 * shared with the cascade panel, use-conditions.ts), the sweeps of this grid, the sweep shown
 * (followed over server-sent events while it runs), and what went wrong (a 409 names the running
 * sweep so it can be followed; a 503 carries the server's reason). Lives in the operations center
 * so a sweep keeps being followed while the panel is hidden.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isAbort } from '../../api/client.ts';
import {
  cancelSweep,
  fetchSweep,
  followSweep,
  listSweeps,
  runningSweepOf,
  startSweep,
  type SweepConnection,
} from '../../api/sweeps.ts';
import type { SweepJob, SweepOrder, SweepTable } from '../../api/types.ts';
import { sameConditions, settingRequest, type ConditionsSetting } from '../conditions/conditions.ts';
import type { ConditionsController } from '../conditions/use-conditions.ts';
import { selectionOf, tablesOfSelection } from './sweep-format.ts';

export interface SweepSetup {
  tables: SweepTable[];
  restoration: boolean;
}

export const DEFAULT_SWEEP_SETUP: SweepSetup = {
  tables: ['substations', 'transformers'],
  restoration: true,
};

export interface SweepController {
  open: boolean;
  setup: SweepSetup;
  /** The scenario preset and the conditions changed from it (shared with the cascade panel). */
  conditions: ConditionsController;
  /** Sweeps of this grid, newest first; null until listed. */
  sweeps: SweepJob[] | null;
  /** Why sweeps cannot be listed (e.g. the server's 503 reason). */
  listError: string | null;
  /** Sweeps are unavailable on this server (503): nothing can start. */
  unavailable: boolean;
  /** The sweep shown: followed while running, ranked once it has results. */
  shown: SweepJob | null;
  connection: SweepConnection | null;
  /** A request is on its way (start, cancel, follow). */
  busy: boolean;
  error: string | null;
  /** Another sweep is running (the 409 of a start): its id, to follow it. */
  conflict: number | null;
  /** The latest sweep with the setup's scenario, conditions, restoration and tables, if any. */
  match: SweepJob | null;
  order: SweepOrder;
  tableFilter: string | null;
  toggle: () => void;
  show: () => void;
  close: () => void;
  update: (patch: Partial<SweepSetup>) => void;
  setTable: (table: SweepTable, on: boolean) => void;
  /** Start (resuming an unfinished sweep of the same settings), or start over with `fresh`. */
  start: (fresh: boolean) => void;
  /** Resume a stopped sweep of tables with its own settings and conditions (which become the setup). */
  resume: (job: SweepJob) => void;
  cancel: () => void;
  /** Show (and follow, while running) the sweep with this id. */
  view: (id: number) => void;
  refresh: () => void;
  reconnect: () => void;
  setOrder: (order: SweepOrder) => void;
  setTableFilter: (table: string | null) => void;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useSweep(conditions: ConditionsController): SweepController {
  const [open, setOpen] = useState(false);
  const [setup, setSetup] = useState<SweepSetup>(DEFAULT_SWEEP_SETUP);
  const [sweeps, setSweeps] = useState<SweepJob[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [shown, setShown] = useState<SweepJob | null>(null);
  const [connection, setConnection] = useState<SweepConnection | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const [order, setOrder] = useState<SweepOrder>('customers_lost');
  const [tableFilter, setTableFilter] = useState<string | null>(null);
  const [streamSeq, setStreamSeq] = useState(0);
  const listCtl = useRef<AbortController | null>(null);

  /** Lists the sweeps; on first listing, shows a running sweep, else the newest complete one. */
  const refresh = useCallback(() => {
    listCtl.current?.abort();
    const c = (listCtl.current = new AbortController());
    listSweeps(c.signal).then(
      (list) => {
        setSweeps(list);
        setListError(null);
        setUnavailable(false);
        setShown((s) => {
          if (s) return list.find((j) => j.id === s.id && j.status !== 'running') ?? s;
          return (
            list.find((j) => j.status === 'running') ?? list.find((j) => j.status === 'complete') ?? null
          );
        });
      },
      (e: unknown) => {
        if (isAbort(e)) return;
        setListError(message(e));
        setUnavailable(e instanceof ApiError && e.status === 503);
      },
    );
  }, []);

  const show = useCallback(() => {
    setOpen(true);
    refresh();
  }, [refresh]);
  const toggle = useCallback(() => {
    if (open) setOpen(false);
    else show();
  }, [open, show]);
  const close = useCallback(() => setOpen(false), []);

  const update = useCallback((patch: Partial<SweepSetup>) => setSetup((s) => ({ ...s, ...patch })), []);
  const setTable = useCallback((table: SweepTable, on: boolean) => {
    setSetup((s) => ({
      ...s,
      tables: on ? [...new Set([...s.tables, table])] : s.tables.filter((t) => t !== table),
    }));
  }, []);

  const display = useCallback((job: SweepJob) => {
    setShown(job);
    setConflict(null);
    setTableFilter(null);
  }, []);

  const launch = useCallback(
    (settings: SweepSetup, setting: ConditionsSetting, fresh: boolean) => {
      if (settings.tables.length === 0) return setError('Choose at least one kind of asset to sweep.');
      setBusy(true);
      setError(null);
      setConflict(null);
      const { tables, restoration } = settings;
      startSweep({ ...settingRequest(setting), tables, restoration, fresh }).then(
        (job) => {
          setBusy(false);
          display(job);
          refresh();
        },
        (e: unknown) => {
          setBusy(false);
          const running = runningSweepOf(e);
          setConflict(running);
          setError(message(e));
          if (e instanceof ApiError && e.status === 503) setUnavailable(true);
          refresh();
        },
      );
    },
    [display, refresh],
  );
  const { setting, replace, settingOf } = conditions;
  const start = useCallback((fresh: boolean) => launch(setup, setting, fresh), [launch, setup, setting]);
  const resume = useCallback(
    (job: SweepJob) => {
      const tables = tablesOfSelection(job.selection);
      if (!tables) return setError('A sweep of chosen assets can be resumed from the command line only.');
      if (!job.conditions)
        return setError(
          'This sweep was stored without its conditions; start it again to sweep under known ones.',
        );
      const settings: SweepSetup = { tables: tables as SweepTable[], restoration: job.restoration };
      const jobSetting = settingOf(job.scenario, job.conditions);
      setSetup(settings);
      replace(jobSetting);
      launch(settings, jobSetting, false);
    },
    [launch, replace, settingOf],
  );

  const view = useCallback(
    (id: number) => {
      setError(null);
      const listed = sweeps?.find((j) => j.id === id);
      if (listed && listed.status !== 'running') return display(listed);
      setBusy(true);
      fetchSweep(id).then(
        (job) => {
          setBusy(false);
          display(job);
        },
        (e: unknown) => {
          setBusy(false);
          setError(message(e));
        },
      );
    },
    [sweeps, display],
  );

  const cancel = useCallback(() => {
    if (!shown) return;
    setBusy(true);
    cancelSweep(shown.id).then(
      (job) => {
        setBusy(false);
        setShown(job);
        refresh();
      },
      (e: unknown) => {
        setBusy(false);
        setError(message(e));
        refresh();
      },
    );
  }, [shown, refresh]);

  // Follow the shown sweep while it runs: progress updates it; the end re-lists the sweeps.
  const followId = shown?.status === 'running' ? shown.id : null;
  useEffect(() => {
    if (followId === null) {
      setConnection(null);
      return;
    }
    setConnection('retrying');
    return followSweep(followId, {
      onProgress: (job) => setShown((s) => (s && s.id === job.id ? job : s)),
      onEnd: (job) => {
        setShown((s) => (s && s.id === job.id ? job : s));
        setConnection(null);
        refresh();
      },
      onConnection: setConnection,
    });
  }, [followId, streamSeq, refresh]);

  const reconnect = useCallback(() => setStreamSeq((n) => n + 1), []);

  useEffect(() => () => listCtl.current?.abort(), []);

  const selection = selectionOf(setup.tables);
  const resolved = conditions.conditions;
  const match =
    sweeps?.find(
      (j) =>
        j.scenario === setting.scenario &&
        j.conditions !== null &&
        resolved !== null &&
        sameConditions(j.conditions, resolved) &&
        j.restoration === setup.restoration &&
        j.selection === selection,
    ) ?? null;

  return {
    open,
    setup,
    conditions,
    sweeps,
    listError,
    unavailable,
    shown,
    connection,
    busy,
    error,
    conflict,
    match,
    order,
    tableFilter,
    toggle,
    show,
    close,
    update,
    setTable,
    start,
    resume,
    cancel,
    view,
    refresh,
    reconnect,
    setOrder,
    setTableFilter,
  };
}
