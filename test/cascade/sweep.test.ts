/**
 * Sweeps on a stored sample grid, in real worker threads: every result equals the single
 * cascade of its patient zero; a cancelled sweep resumes to the same results; complete sweeps
 * are reused unless fresh; bad requests fail with a message naming the problem.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCascadeContext } from '../../src/cascade/cascade-context.ts';
import { runCascade } from '../../src/cascade/cascade.ts';
import { scenario } from '../../src/cascade/scenarios.ts';
import { reachesBeyondZone } from '../../src/cascade/protection-zone.ts';
import { runSweep, SweepError, type SweepProgress } from '../../src/cascade/sweep.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { modelContentHash } from '../../src/model/hash.ts';
import { writeDataset } from '../../src/storage/index.ts';
import { SWEEP_FILE, SweepStore, type SweepAssetResult } from '../../src/storage/sqlite/sweep-store.ts';
import Database from 'better-sqlite3';

const model = generateGrid({ scale: 'sample', seed: 2 });
const t = model.tables;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-sweep-'));
  await writeDataset(dir, model, { content_hash: modelContentHash(model) });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const resultsOf = (id: number): SweepAssetResult[] => {
  const store = new SweepStore(dir);
  try {
    return store.results(id, { order: 'customers_lost' });
  } finally {
    store.close();
  }
};
const byAsset = (rows: SweepAssetResult[]) =>
  [...rows].sort((a, b) => a.table.localeCompare(b.table) || a.index - b.index);

describe('sweep', () => {
  it('runs every asset of the tables in worker threads; each result is its own cascade', async () => {
    const progress: SweepProgress[] = [];
    const sweep = await runSweep({
      dataDir: dir,
      scenario: 'summer_peak',
      tables: ['substations', 'transformers', 'feeders'],
      workers: 2,
      onProgress: (p) => progress.push(p),
    });
    const total = t.substations.size + t.transformers.size + t.feeders.size;
    expect(sweep).toMatchObject({ status: 'complete', total, done: total, scenario: 'summer_peak' });
    expect(progress[0].status).toBe('loading');
    expect(progress.at(-1)).toMatchObject({ status: 'complete', done: total });
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));

    const rows = resultsOf(sweep.id);
    expect(rows).toHaveLength(total);
    const ctx = buildCascadeContext(model, scenario('summer_peak'));
    for (const row of rows) {
      const r = runCascade(ctx, [{ table: row.table as 'transformers', index: row.index }]);
      expect(row, row.id).toEqual({
        table: row.table,
        index: row.index,
        id: t[row.table as 'transformers'].ids[row.index],
        customers_lost: r.customers_lost,
        critical_customers_lost: r.critical_customers_lost,
        mw_shed: r.mw_shed,
        waves: r.waves.length,
        assets_failed: r.assets_failed,
        beyond_zone: reachesBeyondZone(r) ? 1 : 0,
      });
    }
    // Ranked: customers lost never increases down the list.
    for (let i = 1; i < rows.length; i++)
      expect(rows[i].customers_lost).toBeLessThanOrEqual(rows[i - 1].customers_lost);
    // A substation takes out at least every customer of its feeders' transformers.
    expect(rows[0].table).toBe('substations');

    // Run again: the complete sweep is reused; fresh replaces it with a new one, same results.
    const again = await runSweep({
      dataDir: dir,
      scenario: 'summer_peak',
      tables: ['transformers', 'feeders', 'substations'],
      workers: 1,
    });
    expect(again.id).toBe(sweep.id);
    const fresh = await runSweep({
      dataDir: dir,
      scenario: 'summer_peak',
      tables: ['substations', 'transformers', 'feeders'],
      workers: 1,
      fresh: true,
    });
    expect(fresh.id).not.toBe(sweep.id);
    expect(byAsset(resultsOf(fresh.id))).toEqual(byAsset(rows));
  });

  it('resumes a cancelled sweep from its stored batches to the same results', async () => {
    const spec = { dataDir: dir, scenario: 'base', tables: ['transformers', 'line_sections'], workers: 2 };
    const abort = new AbortController();
    let firstId = 0;
    await expect(
      runSweep({
        ...spec,
        signal: abort.signal,
        onProgress: (p) => {
          firstId = p.sweep_id;
          if (p.status === 'running') abort.abort();
        },
      }),
    ).rejects.toThrow(/cancelled/);
    const store = new SweepStore(dir);
    const stopped = store.get(firstId)!;
    store.close();
    expect(stopped.status).toBe('cancelled');
    expect(stopped.done).toBeGreaterThan(0);
    expect(stopped.done).toBeLessThan(stopped.total);
    expect(resultsOf(firstId)).toHaveLength(stopped.done);

    const seen: number[] = [];
    const resumed = await runSweep({ ...spec, onProgress: (p) => seen.push(p.done) });
    expect(resumed).toMatchObject({ id: firstId, status: 'complete', done: stopped.total });
    expect(seen[0]).toBe(stopped.done); // picked up where it stopped
    const resumedRows = byAsset(resultsOf(resumed.id));
    // Fresh replaces the stored sweep: same results in one go.
    const whole = await runSweep({ ...spec, fresh: true });
    expect(resultsOf(resumed.id)).toEqual([]);
    expect(byAsset(resultsOf(whole.id))).toEqual(resumedRows);
  });

  it('sweeps a chosen set of assets', async () => {
    const ids = [t.substations.ids[0], t.transformers.ids[3], t.line_sections.ids[10]];
    const sweep = await runSweep({ dataDir: dir, scenario: 'hurricane', assetIds: ids, workers: 1 });
    expect(sweep).toMatchObject({ status: 'complete', total: 3 });
    // The hurricane's own cascade (no patient zero) is recorded: part of every result.
    const alone = runCascade(buildCascadeContext(model, scenario('hurricane')), []);
    expect(alone.customers_lost).toBeGreaterThan(0);
    expect(sweep).toMatchObject({
      scenario_customers_lost: alone.customers_lost,
      scenario_mw_shed: alone.mw_shed,
    });
    expect(sweep.selection).toMatch(/^assets=[0-9a-f]{16}$/);
    expect(
      resultsOf(sweep.id)
        .map((r) => r.id)
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('refuses to run a sweep another live process is running', async () => {
    const spec = { dataDir: dir, scenario: 'hurricane', tables: ['substations'], workers: 1 };
    const store = new SweepStore(dir);
    const sweep = store.create({
      grid_hash: modelContentHash(model),
      scenario: 'hurricane',
      conditions: scenario('hurricane').conditions,
      restoration: true,
      selection: 'tables=substations',
      total: t.substations.size,
    });
    store.close();
    const db = new Database(path.join(dir, SWEEP_FILE));
    db.prepare('UPDATE sweeps SET pid = ? WHERE id = ?').run(process.ppid, sweep.id); // alive
    await expect(runSweep(spec)).rejects.toThrow(
      `sweep ${sweep.id} is already running in process ${process.ppid}`,
    );
    db.prepare('UPDATE sweeps SET pid = ? WHERE id = ?').run(2 ** 22 + 12345, sweep.id); // no such process
    db.close();
    expect(await runSweep(spec)).toMatchObject({ id: sweep.id, status: 'complete' });
  });

  it('sweeps N-2 pairs and N-1-1 ordered pairs of the chosen assets as contingencies', async () => {
    const ids = [t.transmission_lines.ids[0], t.transmission_lines.ids[1], t.substation_transformers.ids[2]];
    const refs = [
      { table: 'transmission_lines' as const, index: 0 },
      { table: 'transmission_lines' as const, index: 1 },
      { table: 'substation_transformers' as const, index: 2 },
    ];
    const ctx = buildCascadeContext(model, scenario('summer_peak'));
    const pairs = await runSweep({
      dataDir: dir,
      scenario: 'summer_peak',
      assetIds: ids,
      contingency: 'n-2',
      workers: 1,
    });
    expect(pairs).toMatchObject({ status: 'complete', total: 3 });
    expect(pairs.selection).toMatch(/;contingency=n-2$/);
    const pairRows = resultsOf(pairs.id).sort((a, b) => a.index - b.index);
    expect(pairRows.map((r) => r.id)).toEqual([
      `${ids[0]}+${ids[1]}`,
      `${ids[0]}+${ids[2]}`,
      `${ids[1]}+${ids[2]}`,
    ]);
    for (const row of pairRows) {
      const [a, b] = row.id.split('+').map((id) => refs[ids.indexOf(id)]);
      const r = runCascade(ctx, [a, b]);
      expect(row).toMatchObject({
        table: 'contingency',
        customers_lost: r.customers_lost,
        mw_shed: r.mw_shed,
      });
    }
    const ordered = await runSweep({
      dataDir: dir,
      scenario: 'summer_peak',
      assetIds: ids,
      contingency: 'n-1-1',
      workers: 2,
    });
    expect(ordered.total).toBe(6);
    for (const row of resultsOf(ordered.id)) {
      const [a, b] = row.id.split('>').map((id) => refs[ids.indexOf(id)]);
      const r = runCascade(ctx, [a], { then: [[b]] });
      expect(row, row.id).toMatchObject({ customers_lost: r.customers_lost, waves: r.waves.length });
    }
    // The sample grid has no lines on shared structures.
    await expect(
      runSweep({
        dataDir: dir,
        scenario: 'base',
        tables: ['transmission_lines'],
        contingency: 'common_mode',
        workers: 1,
      }),
    ).rejects.toThrow(/no common_mode contingencies/);
  });

  it('rejects what it cannot run, naming the problem', async () => {
    const bad = (spec: Partial<Parameters<typeof runSweep>[0]>) =>
      runSweep({ dataDir: dir, scenario: 'base', workers: 1, ...spec });
    await expect(bad({ scenario: 'tornado' })).rejects.toThrow(
      /unknown scenario 'tornado' \(expected one of: base, /,
    );
    await expect(bad({ tables: ['buildings'] })).rejects.toThrow(
      /'buildings' is not a table whose assets can fail/,
    );
    await expect(bad({ assetIds: ['XFMR-9999999'] })).rejects.toThrow(/no asset 'XFMR-9999999'/);
    await expect(bad({ assetIds: [t.buildings.ids[0]] })).rejects.toThrow(/cannot fail/);
    await expect(bad({ scenario: 'tornado' })).rejects.toBeInstanceOf(SweepError);
    await expect(bad({ dataDir: path.join(dir, 'missing') })).rejects.toThrow(/missing/);
    await expect(bad({ contingency: 'n-3' as never })).rejects.toThrow(/contingency must be one of single, /);
  });
});
