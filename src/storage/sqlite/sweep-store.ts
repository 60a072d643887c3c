/**
 * Cascade sweep results, stored beside the grid in DIR/sweeps.sqlite. The grid file stays
 * read-only and is replaced whole on regeneration; each sweep records the content hash of the
 * grid it ran on, so results of another grid are never shown as this one's. Each batch of
 * results and the progress count are written in one transaction (WAL): a sweep killed at any
 * point resumes from the last committed batch and loses nothing before it.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { conditionsKey, type OperatingConditions } from '../../model/operating-conditions.ts';
import { DatasetError } from '../dataset-error.ts';

export const SWEEP_FILE = 'sweeps.sqlite';

export type SweepStatus = 'running' | 'complete' | 'cancelled' | 'failed';

export interface SweepRecord {
  id: number;
  grid_hash: string;
  /** The preset the conditions started from. */
  scenario: string;
  /** The operating conditions swept under (null for sweeps stored before conditions were recorded). */
  conditions: OperatingConditions | null;
  restoration: boolean;
  /** What was swept: "tables=substations,transformers" or "assets=<hash of the ids>". */
  selection: string;
  total: number;
  done: number;
  status: SweepStatus;
  error: string | null;
  started_at: string;
  finished_at: string | null;
  /** Seconds spent running, summed over resumptions. */
  elapsed_s: number;
  /** Process running it (while running). */
  pid: number | null;
  /** The scenario's own cascade with no patient zero (weather alone), included in every result. */
  scenario_customers_lost: number | null;
  scenario_mw_shed: number | null;
}

/** The outcome of one patient zero. */
/** The state after a cascade's first wave. */
export interface FirstWave {
  customers_out: number;
  critical_out: number;
  mw_out: number;
}

export interface SweepAssetResult {
  table: string;
  index: number;
  id: string;
  customers_lost: number;
  critical_customers_lost: number;
  mw_shed: number;
  waves: number;
  assets_failed: number;
  /**
   * 1 when the cascade failed something by overload or load shedding beyond what protection
   * does to the initial failures (and beyond the conditions' own weather cascade); null for
   * results stored before this was recorded.
   */
  beyond_zone: number | null;
  /** After wave 0 (protection, isolation, tie transfers; no overload trips yet); not stored. */
  first_wave?: FirstWave;
}

export const SWEEP_RESULT_ORDER = ['customers_lost', 'mw_shed', 'waves', 'assets_failed'] as const;
export type SweepResultOrder = (typeof SWEEP_RESULT_ORDER)[number];

const DDL = `
CREATE TABLE IF NOT EXISTS sweeps (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  grid_hash TEXT NOT NULL,
  scenario TEXT NOT NULL,
  restoration INTEGER NOT NULL,
  selection TEXT NOT NULL,
  total INTEGER NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  error TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  elapsed_s REAL NOT NULL DEFAULT 0,
  pid INTEGER,
  scenario_customers_lost INTEGER,
  scenario_mw_shed REAL,
  conditions_key TEXT,
  conditions TEXT
);
CREATE TABLE IF NOT EXISTS sweep_results (
  sweep_id INTEGER NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,
  asset_table TEXT NOT NULL,
  asset_index INTEGER NOT NULL,
  asset_id TEXT NOT NULL,
  customers_lost INTEGER NOT NULL,
  critical_customers_lost INTEGER NOT NULL,
  mw_shed REAL NOT NULL,
  waves INTEGER NOT NULL,
  assets_failed INTEGER NOT NULL,
  beyond_zone INTEGER,
  PRIMARY KEY (sweep_id, asset_table, asset_index)
) WITHOUT ROWID;
`;

interface SweepRow extends Omit<SweepRecord, 'restoration' | 'conditions'> {
  restoration: number;
  conditions: string | null;
  conditions_key: string | null;
}

/** What identifies a sweep: the same key resumes or reuses it. */
export type SweepKey = Pick<SweepRecord, 'grid_hash' | 'scenario' | 'restoration' | 'selection'> & {
  conditions: OperatingConditions;
};
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A sweep whose process died while running (killed, crashed, server stopped) is shown as cancelled. */
function toRecord(row: SweepRow): SweepRecord {
  const rest: Omit<SweepRow, 'conditions_key'> & { conditions_key?: string | null } = { ...row };
  delete rest.conditions_key;
  const record: SweepRecord = {
    ...rest,
    restoration: row.restoration === 1,
    conditions: row.conditions === null ? null : (JSON.parse(row.conditions) as OperatingConditions),
  };
  if (
    record.status === 'running' &&
    record.pid !== null &&
    record.pid !== process.pid &&
    !processAlive(record.pid)
  )
    return { ...record, status: 'cancelled', error: `interrupted: its process (pid ${record.pid}) exited` };
  return record;
}

export class SweepStore {
  private readonly db: Database.Database;

  /** Opens (creating if needed) the sweep store of the dataset in `dir`. */
  constructor(dir: string) {
    const file = path.join(dir, SWEEP_FILE);
    try {
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('foreign_keys = ON');
      this.db.exec(DDL);
      // Stores written before these columns existed get them added.
      const columns = new Set(
        (this.db.prepare('PRAGMA table_info(sweeps)').all() as { name: string }[]).map((c) => c.name),
      );
      for (const [name, type] of [
        ['pid', 'INTEGER'],
        ['scenario_customers_lost', 'INTEGER'],
        ['scenario_mw_shed', 'REAL'],
        ['conditions_key', 'TEXT'],
        ['conditions', 'TEXT'],
      ])
        if (!columns.has(name)) this.db.exec(`ALTER TABLE sweeps ADD COLUMN ${name} ${type}`);
      const resultColumns = (
        this.db.prepare('PRAGMA table_info(sweep_results)').all() as { name: string }[]
      ).map((c) => c.name);
      if (!resultColumns.includes('beyond_zone'))
        this.db.exec('ALTER TABLE sweep_results ADD COLUMN beyond_zone INTEGER');
    } catch (err) {
      throw new DatasetError(
        'invalid',
        file,
        `${file} is not a valid sweep store: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
  }

  /** The latest sweep of this grid, preset, conditions, restoration mode and selection, if any. */
  find(key: SweepKey): SweepRecord | undefined {
    const row = this.db
      .prepare(
        'SELECT * FROM sweeps WHERE grid_hash = ? AND scenario = ? AND conditions_key = ? AND restoration = ? AND selection = ? ORDER BY id DESC LIMIT 1',
      )
      .get(
        key.grid_hash,
        key.scenario,
        conditionsKey(key.conditions),
        key.restoration ? 1 : 0,
        key.selection,
      ) as SweepRow | undefined;
    return row && toRecord(row);
  }

  get(id: number): SweepRecord | undefined {
    const row = this.db.prepare('SELECT * FROM sweeps WHERE id = ?').get(id) as SweepRow | undefined;
    return row && toRecord(row);
  }

  /** Sweeps of one grid, newest first. */
  list(grid_hash: string): SweepRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM sweeps WHERE grid_hash = ? ORDER BY id DESC')
        .all(grid_hash) as SweepRow[]
    ).map(toRecord);
  }

  create(key: SweepKey & Pick<SweepRecord, 'total'>): SweepRecord {
    const info = this.db
      .prepare(
        "INSERT INTO sweeps (grid_hash, scenario, conditions_key, conditions, restoration, selection, total, status, started_at, pid) VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)",
      )
      .run(
        key.grid_hash,
        key.scenario,
        conditionsKey(key.conditions),
        JSON.stringify(key.conditions),
        key.restoration ? 1 : 0,
        key.selection,
        key.total,
        new Date().toISOString(),
        process.pid,
      );
    return this.get(Number(info.lastInsertRowid))!;
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM sweeps WHERE id = ?').run(id);
  }

  /** Keys ("table:index") of the assets a sweep has finished. */
  doneKeys(id: number): Set<string> {
    const rows = this.db
      .prepare('SELECT asset_table, asset_index FROM sweep_results WHERE sweep_id = ?')
      .raw()
      .all(id) as [string, number][];
    return new Set(rows.map(([t, i]) => `${t}:${i}`));
  }

  /** One batch of results and the new progress count, atomically. */
  record(id: number, results: SweepAssetResult[], elapsed_s: number): void {
    const insert = this.db.prepare(
      `INSERT OR REPLACE INTO sweep_results (sweep_id, asset_table, asset_index, asset_id, customers_lost,
         critical_customers_lost, mw_shed, waves, assets_failed, beyond_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const r of results) {
        insert.run(
          id,
          r.table,
          r.index,
          r.id,
          r.customers_lost,
          r.critical_customers_lost,
          r.mw_shed,
          r.waves,
          r.assets_failed,
          r.beyond_zone,
        );
      }
      this.db
        .prepare(
          'UPDATE sweeps SET done = (SELECT COUNT(*) FROM sweep_results WHERE sweep_id = ?), elapsed_s = ? WHERE id = ?',
        )
        .run(id, elapsed_s, id);
    })();
  }

  /** What the scenario does with no patient zero: the part of every result that is the scenario's. */
  setScenarioBaseline(id: number, customers_lost: number, mw_shed: number): void {
    this.db
      .prepare('UPDATE sweeps SET scenario_customers_lost = ?, scenario_mw_shed = ? WHERE id = ?')
      .run(customers_lost, mw_shed, id);
  }

  setStatus(id: number, status: SweepStatus, elapsed_s: number, error: string | null = null): void {
    const running = status === 'running';
    this.db
      .prepare(
        'UPDATE sweeps SET status = ?, error = ?, finished_at = ?, elapsed_s = ?, pid = ? WHERE id = ?',
      )
      .run(
        status,
        error,
        running ? null : new Date().toISOString(),
        elapsed_s,
        running ? process.pid : null,
        id,
      );
  }

  /** Results ranked by `order` (descending, then by asset), optionally of one table. */
  results(
    id: number,
    options: { order?: SweepResultOrder; table?: string; limit?: number; offset?: number } = {},
  ): SweepAssetResult[] {
    const order = options.order ?? 'customers_lost';
    if (!SWEEP_RESULT_ORDER.includes(order)) throw new Error(`sweep results: cannot order by '${order}'`);
    const where = options.table ? 'AND asset_table = ?' : '';
    const params: (string | number)[] = [id];
    if (options.table) params.push(options.table);
    params.push(options.limit ?? -1, options.offset ?? 0);
    return this.db
      .prepare(
        `SELECT asset_table AS "table", asset_index AS "index", asset_id AS id, customers_lost,
                critical_customers_lost, mw_shed, waves, assets_failed, beyond_zone
           FROM sweep_results WHERE sweep_id = ? ${where}
          ORDER BY ${order} DESC, asset_table, asset_index LIMIT ? OFFSET ?`,
      )
      .all(...params) as SweepAssetResult[];
  }

  close(): void {
    this.db.close();
  }
}
