/// <reference lib="dom" />
/**
 * The sweep panel in a real headless Chromium (software WebGL2), on a server over a stored sample
 * grid: start a sweep of substations and transformers under 'base' and follow it to the end; the
 * ranking's first row is the API's first result (in two orders); a row selects its asset and its
 * button replays that cascade. A start while another sweep runs names it (409) and the panel
 * follows and cancels it; a server without a stored dataset says why sweeps are unavailable (503).
 * A sweep under conditions moved on the sliders records them, lists them, and replays under them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { FAILABLE_TABLES } from '../../src/cascade/cascade.ts';
import { buildGridContext } from '../../src/api/services/grid-context.ts';
import { loadDataset } from '../../src/cli/commands/info.ts';
import { ensureWebBuilt, WEB_DIST } from '../../src/cli/web-build.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { modelContentHash } from '../../src/model/hash.ts';
import { writeDataset } from '../../src/storage/index.ts';
import { TileService } from '../../src/tiles/tile-service.ts';
import { launchChromium, waitForGrid } from '../support/browser.ts';
import { chromium, serviceReady } from '../support/services.ts';

const run = serviceReady(chromium());

interface Ranked {
  id: string;
  table: string;
  customers_lost: number;
  mw_shed: number;
}
interface Job {
  id: number;
  status: string;
  done: number;
  total: number;
}

/** A server over `dataDir` (sweeps work), or over the model alone (sweeps answer 503). */
async function serve(model: ReturnType<typeof generateGrid>, dataDir?: string) {
  const loaded = dataDir ? await loadDataset(dataDir) : null;
  const gridModel = loaded?.model ?? model;
  const meta = loaded?.meta ?? { ...model.meta, schema_version: 1 };
  const context = buildGridContext(gridModel, meta);
  const tiles = new TileService(gridModel, { energization: context.energization, loading: context.loading });
  const app = await buildApp({ context, tiles, dataDir, webRoot: WEB_DIST });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base };
}

async function openPanel(page: Page, base: string, waitForMap: boolean) {
  await page.goto(base);
  if (waitForMap) await waitForGrid(page);
  await page.getByTestId('sweep-open').click({ timeout: 60_000 });
  await page.getByTestId('sweep-panel').waitFor();
}

const digits = (text: string | null) => Number((text ?? '').replace(/[^0-9.]/g, ''));

describe.runIf(run)('sweep panel in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-sweep-e2e-'));
  const model = generateGrid({ scale: 'sample', seed: 1 });

  beforeAll(async () => {
    ensureWebBuilt(() => {});
    await writeDataset(dir, model, { content_hash: modelContentHash(model) });
    server = await serve(model, dir);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const api = async <T>(url: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(`${server.base}${url}`, init);
    expect(res.ok, `${url}: ${res.status}`).toBe(true);
    return (await res.json()) as T;
  };

  it('runs a sweep, ranks its assets like the API, selects and replays one', async () => {
    const { base } = server;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        external.push(r.url());
    });
    await openPanel(page, base, true);
    const panel = page.getByTestId('sweep-panel');
    await expect.poll(async () => panel.textContent()).toContain('No sweeps of this grid yet');

    // Defaults: substations and transformers under 'base', restoration on; the count is theirs.
    await page.getByTestId('sweep-scenario').selectOption('base');
    expect(await page.getByTestId('sweep-table-substations').isChecked()).toBe(true);
    expect(await page.getByTestId('sweep-table-transformers').isChecked()).toBe(true);
    expect(await page.getByTestId('sweep-table-line_sections').isChecked()).toBe(false);
    expect(await page.getByTestId('sweep-restoration').isChecked()).toBe(true);
    const total = model.tables.substations.size + model.tables.transformers.size;
    expect(digits(await page.getByTestId('sweep-count').textContent())).toBe(total);

    await page.getByTestId('sweep-start').click();
    await page.getByTestId('sweep-progress').waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => page.getByTestId('sweep-status').textContent(), { timeout: 180_000 })
      .toBe('Complete');
    expect(await page.getByTestId('sweep-done').textContent()).toMatch(new RegExp(`^${total} / ${total}$`));

    const { sweeps } = await api<{ sweeps: (Job & { scenario: string; selection: string })[] }>(
      '/api/cascade/sweeps',
    );
    expect(sweeps[0]).toMatchObject({
      status: 'complete',
      scenario: 'base',
      selection: 'tables=substations,transformers',
      done: total,
    });
    const ranked = async (order: string) =>
      (
        await api<{ results: Ranked[] }>(
          `/api/cascade/sweeps/${sweeps[0].id}/results?order=${order}&limit=100`,
        )
      ).results;

    // The first row is the API's first result, by customers lost and then by MW shed.
    const rows = page.getByTestId('sweep-row');
    const byCustomers = await ranked('customers_lost');
    await expect
      .poll(async () => rows.first().getAttribute('data-id'), { timeout: 30_000 })
      .toBe(byCustomers[0].id);
    expect(await rows.count()).toBe(Math.min(100, total));
    expect(digits(await rows.first().getByTestId('sweep-cell-customers_lost').textContent())).toBe(
      byCustomers[0].customers_lost,
    );
    expect(byCustomers[0].customers_lost).toBeGreaterThan(0);
    await page.getByTestId('sweep-order').selectOption('mw_shed');
    const byMw = await ranked('mw_shed');
    await expect.poll(async () => rows.first().getAttribute('data-id')).toBe(byMw[0].id);
    expect(digits(await rows.first().getByTestId('sweep-cell-mw_shed').textContent())).toBeCloseTo(
      byMw[0].mw_shed,
      2,
    );
    await page.getByTestId('sweep-order').selectOption('customers_lost');
    await expect.poll(async () => rows.first().getAttribute('data-id')).toBe(byCustomers[0].id);

    // A table filter keeps only that kind.
    await page.getByTestId('sweep-filter').selectOption('substations');
    await expect.poll(async () => rows.count()).toBe(model.tables.substations.size);
    await page.getByTestId('sweep-filter').selectOption('');
    await expect.poll(async () => rows.count()).toBe(Math.min(100, total));

    // A row selects its asset (its panel opens); its button replays the same cascade.
    const first = byCustomers[0];
    await rows.first().click();
    await expect
      .poll(async () => page.getByTestId('asset-panel').textContent(), { timeout: 30_000 })
      .toContain(first.id);
    await rows.first().getByTestId('sweep-replay').click();
    await page.getByTestId('cascade-panel').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('sweep-panel').count()).resolves.toBe(0);
    const chips = page.getByTestId('cascade-assets').locator('li');
    expect(await chips.count()).toBe(1);
    expect(await chips.first().textContent()).toContain(first.id);
    const lost = page.getByTestId('cascade-customers-lost');
    await expect
      .poll(async () => digits(await lost.textContent()), { timeout: 30_000 })
      .toBe(first.customers_lost);

    // The sweep button brings the panel back, still showing the sweep.
    await page.getByTestId('sweep-open').click();
    await expect.poll(async () => page.getByTestId('sweep-status').textContent()).toBe('Complete');
    expect(await page.getByTestId('cascade-panel').count()).toBe(0);

    await page.screenshot({ path: path.join(os.tmpdir(), 'flux-sweep-sample.png') });
    expect(external).toEqual([]);
    await page.close();
  }, 300_000);

  it('names the running sweep on a conflicting start, follows it and cancels it', async () => {
    const { base } = server;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openPanel(page, base, false);
    await page.getByTestId('sweep-status').waitFor({ timeout: 30_000 });

    // Start over the shown sweep's settings just as a long sweep starts elsewhere (every kind of
    // asset that can fail, under 'hurricane'): 409, naming the running sweep, to follow.
    await page.getByTestId('sweep-setup-toggle').click();
    const tables = [...FAILABLE_TABLES].filter((t) => t !== 'trees');
    let other: Job | null = null;
    await page.route('**/api/cascade/sweeps', async (route) => {
      if (route.request().method() === 'POST' && !other) {
        other = (
          await api<{ sweep: Job }>('/api/cascade/sweeps', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ scenario: 'hurricane', tables }),
          })
        ).sweep;
      }
      await route.continue();
    });
    await page.getByTestId('sweep-start-over').click();
    const error = page.getByTestId('sweep-error');
    await expect.poll(async () => error.textContent(), { timeout: 30_000 }).toMatch(/sweep \d+ is running/);
    await page.unroute('**/api/cascade/sweeps');
    const running = other as Job | null;
    expect(running?.status).toBe('running');
    const id = running!.id;
    expect(await error.textContent()).toContain(`sweep ${id} is running`);
    await page.getByTestId('sweep-follow-running').click();
    await expect
      .poll(async () => page.getByTestId('sweep-progress').textContent(), { timeout: 30_000 })
      .toContain(`Sweep #${id}`);
    expect(await page.getByTestId('sweep-status').textContent()).toBe('Running');

    // Cancel stops it (its stored results stay) and offers to resume.
    await page.getByTestId('sweep-cancel').click();
    await expect
      .poll(async () => page.getByTestId('sweep-status').textContent(), { timeout: 30_000 })
      .toBe('Cancelled');
    await page.getByTestId('sweep-resume-shown').waitFor();
    const stored = await api<{ sweep: Job }>(`/api/cascade/sweeps/${id}`);
    expect(stored.sweep.status).toBe('cancelled');
    expect(stored.sweep.done).toBeLessThan(stored.sweep.total);
    await page.close();
  }, 180_000);

  it("shows the server's reason when it has no stored dataset", async () => {
    const bare = await serve(model);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await openPanel(page, bare.base, false);
      const reason = page.getByTestId('sweep-unavailable');
      await expect.poll(async () => reason.textContent(), { timeout: 30_000 }).toContain('stored dataset');
      expect(await page.getByTestId('sweep-start').isDisabled()).toBe(true);
      await page.close();
    } finally {
      await bare.app.close();
    }
  }, 120_000);

  it('sweeps under conditions moved on the sliders, lists them and replays under them', async () => {
    const { base } = server;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openPanel(page, base, false);
    await page.getByTestId('sweep-history').waitFor({ timeout: 30_000 });
    const toggle = page.getByTestId('sweep-setup-toggle');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();

    // Summer design peak at 130 % load and 43 °C, substations only.
    await page.getByTestId('sweep-scenario').selectOption('summer_peak');
    await page.getByTestId('sweep-cond-load_factor').fill('1.3');
    await page.getByTestId('sweep-cond-temperature_c').fill('43');
    await expect
      .poll(async () => page.getByTestId('sweep-conditions-state').textContent())
      .toMatch(/^Conditions: custom \(from .+\)$/);
    await page.getByTestId('sweep-table-transformers').setChecked(false);
    await page.getByTestId('sweep-table-substations').setChecked(true);
    await page.getByTestId('sweep-start').click();
    // Wait for this sweep (its conditions), not the complete one the panel showed before.
    await expect
      .poll(
        async () =>
          `${await page.getByTestId('sweep-status').textContent()} | ${await page.getByTestId('sweep-conditions').textContent()}`,
        { timeout: 180_000 },
      )
      .toMatch(/^Complete \| load ×1\.30 · 43 °C/);

    // The API recorded the conditions; the panel and the history line show them.
    const { sweeps } = await api<{
      sweeps: (Job & { scenario: string; selection: string; conditions: Record<string, unknown> })[];
    }>('/api/cascade/sweeps');
    const job = sweeps[0];
    expect(job).toMatchObject({
      status: 'complete',
      scenario: 'summer_peak',
      selection: 'tables=substations',
      conditions: { load_factor: 1.3, temperature_c: 43 },
    });
    expect(await page.getByTestId('sweep-conditions').textContent()).toContain('load ×1.30 · 43 °C');
    const listed = page.locator(`[data-testid="sweep-history-row"][data-id="${job.id}"]`);
    expect(await listed.getByTestId('sweep-history-conditions').textContent()).toContain(
      'load ×1.30 · 43 °C',
    );

    // The ranking is the API's; the replay runs the same cascade under the same conditions.
    const { results } = await api<{ results: Ranked[] }>(
      `/api/cascade/sweeps/${job.id}/results?order=customers_lost&limit=100`,
    );
    const rows = page.getByTestId('sweep-row');
    await expect
      .poll(async () => rows.first().getAttribute('data-id'), { timeout: 30_000 })
      .toBe(results[0].id);
    await rows.first().getByTestId('sweep-replay').click();
    await page.getByTestId('cascade-panel').waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => page.getByTestId('cascade-conditions-state').textContent())
      .toMatch(/^Conditions: custom \(from .+\)$/);
    expect(await page.getByTestId('cascade-cond-load_factor-value').inputValue()).toBe('1.3');
    await expect
      .poll(async () => digits(await page.getByTestId('cascade-customers-lost').textContent()), {
        timeout: 30_000,
      })
      .toBe(results[0].customers_lost);
    expect(await page.getByTestId('cascade-conditions').textContent()).toContain('load ×1.30 · 43 °C');
    expect(await page.evaluate(() => window.location.hash)).toContain(
      'scenario=summer_peak&conditions=load_factor:1.3,temperature_c:43',
    );

    // Back in the sweep panel: the preset alone is another sweep, not yet run.
    await page.getByTestId('sweep-open').click();
    await page.getByTestId('sweep-panel').waitFor();
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await page.getByTestId('sweep-show').or(page.getByTestId('sweep-start-over')).first().waitFor();
    await page.getByTestId('sweep-conditions-reset').click();
    await page.getByTestId('sweep-start').waitFor();
    await page.close();
  }, 300_000);
});
