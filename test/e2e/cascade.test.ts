/// <reference lib="dom" />
/**
 * Cascade analysis in a real headless Chromium (software WebGL2): click a substation, Simulate
 * failure, pick a scenario, Run; the panel's customers lost matches the API for the same request,
 * the table lists every failed asset, the scrubber steps through the waves, the map places the
 * failed assets, and a row click selects its asset.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { buildGridContext } from '../../src/api/services/grid-context.ts';
import { ensureWebBuilt, WEB_DIST } from '../../src/cli/web-build.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { TileService } from '../../src/tiles/tile-service.ts';
import { launchChromium, waitForGrid } from '../support/browser.ts';
import { chromium, serviceReady } from '../support/services.ts';

const run = serviceReady(chromium());

interface CascadeBody {
  customers_lost: number;
  assets_failed: number;
  waves: { failed: { id: string }[] }[];
}

describe.runIf(run)('cascade analysis in Chromium', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let base: string;
  const model = generateGrid({ scale: 'sample', seed: 1 });

  beforeAll(async () => {
    ensureWebBuilt(() => {});
    const context = buildGridContext(model, { ...model.meta, schema_version: 1 });
    const tiles = new TileService(model, { energization: context.energization, loading: context.loading });
    app = await buildApp({ context, tiles, webRoot: WEB_DIST });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('runs a cascade from a clicked substation and replays its waves', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        external.push(r.url());
    });
    await page.goto(base);
    await waitForGrid(page);

    // Click the first substation where the map draws it; its panel opens.
    const t = model.tables.substations;
    const id = t.ids[0];
    const point = await page.evaluate(
      ([lon, lat]) => {
        const map = (
          window as unknown as { __flux: { map: { project(p: [number, number]): { x: number; y: number } } } }
        ).__flux.map;
        const p = map.project([lon, lat]);
        const rect = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
        return { x: rect.left + p.x, y: rect.top + p.y };
      },
      [t.cols.lon[0], t.cols.lat[0]],
    );
    await page.mouse.click(point.x, point.y);
    await expect
      .poll(async () => page.getByTestId('asset-panel').textContent(), { timeout: 30_000 })
      .toContain(id);

    // Simulate failure → the cascade panel with this substation as patient zero; hurricane; Run.
    await page.getByTestId('cascade-button').click();
    const panel = page.getByTestId('cascade-panel');
    await panel.waitFor({ timeout: 30_000 });
    expect(await panel.textContent()).toContain(id);
    await page.getByTestId('cascade-scenario').selectOption('hurricane');
    await page.getByTestId('cascade-run').click();
    const lost = page.getByTestId('cascade-customers-lost');
    await lost.waitFor({ timeout: 30_000 });

    const response = await fetch(`${base}/api/cascade/simulate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ asset_ids: [id], scenario: 'hurricane', restoration: true }),
    });
    expect(response.status).toBe(200);
    const api = (await response.json()) as CascadeBody;
    const shown = Number((await lost.textContent())?.replace(/[^0-9]/g, ''));
    expect(shown).toBe(api.customers_lost);
    expect(shown).toBeGreaterThan(0);
    const failed = api.waves.reduce((n, w) => n + w.failed.length, 0);
    expect(await page.getByTestId('cascade-row').count()).toBe(Math.min(failed, 500));

    // The scrubber steps (wrapping after the last wave) and the label follows.
    const label = page.getByTestId('cascade-wave-label');
    const before = await label.textContent();
    await page.getByTestId('cascade-step').click();
    await expect.poll(async () => label.textContent()).not.toBe(before);
    await page.getByTestId('cascade-step').click();
    await expect.poll(async () => label.textContent()).toBe(before);

    // The map locates the failed assets.
    const note = page.getByTestId('cascade-map-note');
    await expect
      .poll(
        async () =>
          Number(/Map: ([\d,]+) located/.exec((await note.textContent()) ?? '')?.[1].replace(/,/g, '')),
        {
          timeout: 60_000,
        },
      )
      .toBeGreaterThan(0);

    // A row selects its asset.
    const row = page.getByTestId('cascade-row').nth(1);
    const rowId = await row.getAttribute('data-id');
    await row.click();
    await expect
      .poll(async () => page.getByTestId('asset-panel').textContent(), { timeout: 30_000 })
      .toContain(rowId);

    await page.screenshot({ path: join(tmpdir(), 'flux-cascade-sample.png') });
    expect(external).toEqual([]);
  }, 240_000);

  it('shows input and API errors in the panel', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // A building cannot fail: the API answers 400 with a message the panel shows.
    const id = model.tables.buildings.ids[0];
    await page.goto(`${base}/#asset=${id}`);
    await page.getByTestId('cascade-button').click({ timeout: 60_000 });
    await page.getByTestId('cascade-seed').fill('-3');
    await page.getByTestId('cascade-run').click();
    const error = page.getByTestId('cascade-error');
    await expect.poll(async () => error.textContent()).toContain('seed');
    await page.getByTestId('cascade-seed').fill('');
    await page.getByTestId('cascade-run').click();
    await expect.poll(async () => error.textContent(), { timeout: 30_000 }).toContain('cannot fail');
    await page.close();
  }, 120_000);
});
