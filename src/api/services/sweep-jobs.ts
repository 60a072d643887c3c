/**
 * Sweep jobs of the server: one sweep runs at a time, in worker threads, over the dataset the
 * server was started on; its progress is kept and pushed to listeners (the SSE route), its
 * results are read from the dataset's sweep store. Closing the server cancels a running sweep
 * (it resumes from its last stored batch when started again).
 */
import { EventEmitter } from 'node:events';
import { runSweep, SweepError, type SweepProgress, type SweepSpec } from '../../cascade/sweep.ts';
import { SweepStore, type SweepRecord } from '../../storage/sqlite/sweep-store.ts';
import { HttpError } from '../plugins/errors.ts';

export type SweepRequest = Omit<SweepSpec, 'dataDir' | 'onProgress' | 'signal'>;

/** A sweep as the API shows it: its stored record with the live progress of a running one. */
export interface SweepJob extends SweepRecord {
  rate_per_s: number | null;
  eta_s: number | null;
}

const TERMINAL = new Set(['complete', 'cancelled', 'failed']);

export class SweepJobs {
  private readonly events = new EventEmitter();
  private running?: { id: number; abort: AbortController; done: Promise<unknown> };
  private readonly live = new Map<number, SweepProgress>();

  constructor(
    readonly dataDir: string,
    readonly gridHash: string,
  ) {
    this.events.setMaxListeners(0);
  }

  /** Starts (or resumes) a sweep; resolves once it has an id (or is found complete). */
  start(request: SweepRequest): Promise<SweepJob> {
    if (this.running)
      throw new HttpError(409, `sweep ${this.running.id} is running; cancel it or wait for it to finish`);
    const abort = new AbortController();
    return new Promise<SweepJob>((resolve, reject) => {
      let announced = false;
      const done = runSweep({
        ...request,
        dataDir: this.dataDir,
        signal: abort.signal,
        onProgress: (p) => {
          this.live.set(p.sweep_id, p);
          this.events.emit(`progress:${p.sweep_id}`, p);
          if (!announced) {
            announced = true;
            this.running = { id: p.sweep_id, abort, done };
            resolve(this.get(p.sweep_id)!);
          }
        },
      })
        .then((record) => {
          if (!announced) resolve(this.job(record));
        })
        .catch((err: Error) => {
          if (!announced) reject(err instanceof SweepError ? new HttpError(400, err.message) : err);
        })
        .finally(() => {
          if (this.running?.abort === abort) this.running = undefined;
        });
    });
  }

  /** Cancels the running sweep with this id; false when it is not running. */
  async cancel(id: number): Promise<boolean> {
    if (this.running?.id !== id) return false;
    const { abort, done } = this.running;
    abort.abort();
    await done;
    return true;
  }

  get(id: number): SweepJob | undefined {
    const record = this.withStore((s) => s.get(id));
    return record && record.grid_hash === this.gridHash ? this.job(record) : undefined;
  }

  list(): SweepJob[] {
    return this.withStore((s) => s.list(this.gridHash)).map((r) => this.job(r));
  }

  results(id: number, options: Parameters<SweepStore['results']>[1]) {
    return this.withStore((s) => s.results(id, options));
  }

  /** Calls `listener` with every progress report of sweep `id`; returns the unsubscribe. */
  subscribe(id: number, listener: (p: SweepProgress) => void): () => void {
    this.events.on(`progress:${id}`, listener);
    return () => this.events.off(`progress:${id}`, listener);
  }

  static isTerminal(status: string): boolean {
    return TERMINAL.has(status);
  }

  async close(): Promise<void> {
    if (this.running) await this.cancel(this.running.id);
  }

  private job(record: SweepRecord): SweepJob {
    const p = this.live.get(record.id);
    // Stored status first: a sweep whose record says complete is not running, even in the moment
    // before its promise settles and `this.running` is cleared.
    const running = record.status === 'running' && this.running?.id === record.id && p;
    return {
      ...record,
      // While running, the live count is ahead of (or equal to) the last stored one.
      done: running ? Math.max(record.done, p.done) : record.done,
      rate_per_s: running ? p.rate_per_s : null,
      eta_s: running ? p.eta_s : null,
    };
  }

  private withStore<T>(f: (store: SweepStore) => T): T {
    const store = new SweepStore(this.dataDir);
    try {
      return f(store);
    } finally {
      store.close();
    }
  }
}
