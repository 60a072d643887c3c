/// <reference lib="dom" />
/**
 * Cascade analysis in a real headless Chromium (software WebGL2): click a substation, Simulate
 * failure, pick a scenario, Run; the panel's customers lost matches the API for the same request,
 * the table lists every failed asset, the scrubber steps through the waves, the map places the
 * failed assets, and a row click selects its asset. Conditions moved on the sliders run as the
 * API runs them, stay in the URL, and a value the server refuses shows the server's message; the
 * distribution of many runs matches the API's. A screenshot goes to docs/.
 */
import { mkdirSync } from 'node:fs';
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
const DOCS = join(import.meta.dirname, '..', '..', 'docs');

interface CascadeBody {
  customers_lost: number;
  assets_failed: number;
  waves: { failed: { id: string }[] }[];
  conditions: { load_factor: number; temperature_c: number; hour: number };
}

const digits = (text: string | null) => Number((text ?? '').replace(/[^0-9]/g, ''));

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

  it('runs under conditions moved on the sliders, keeps them in the URL, and shows the server refusing a value', async () => {
    const post = async <T>(url: string, body: unknown): Promise<{ status: number; body: T }> => {
      const r = await fetch(`${base}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as T };
    };
    const scenarios = (await (await fetch(`${base}/api/cascade/scenarios`)).json()) as {
      scenarios: {
        name: string;
        title: string;
        conditions: { temperature_c: number; load_factor: number };
      }[];
    };
    const peak = scenarios.scenarios.find((s) => s.name === 'summer_peak')!;

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const id = model.tables.substations.ids[0];
    await page.goto(`${base}/#asset=${id}`);
    await page.getByTestId('cascade-button').click({ timeout: 60_000 });
    await page.getByTestId('cascade-scenario').selectOption('summer_peak');
    const state = page.getByTestId('cascade-conditions-state');
    await expect.poll(async () => state.textContent()).toBe(`Conditions: ${peak.title}`);
    const value = (field: string) => page.getByTestId(`cascade-cond-${field}-value`).inputValue();
    // The sliders start at the preset's conditions, as the API lists them.
    expect(Number(await value('temperature_c'))).toBe(peak.conditions.temperature_c);
    expect(Number(await value('load_factor'))).toBe(peak.conditions.load_factor);

    // Load to 1.3 and 43 °C: custom conditions from the preset, kept in the URL.
    await page.getByTestId('cascade-cond-load_factor').fill('1.3');
    await page.getByTestId('cascade-cond-temperature_c').fill('43');
    await expect.poll(async () => state.textContent()).toBe(`Conditions: custom (from ${peak.title})`);
    expect(await value('load_factor')).toBe('1.3');
    expect(await value('temperature_c')).toBe('43');
    const shared = 'scenario=summer_peak&conditions=load_factor:1.3,temperature_c:43';
    await expect.poll(async () => page.evaluate(() => window.location.hash)).toContain(shared);

    // Run: the panel shows what the API answers for the preset with the same changes.
    await page.getByTestId('cascade-run').click();
    const lost = page.getByTestId('cascade-customers-lost');
    await lost.waitFor({ timeout: 30_000 });
    const request = { asset_ids: [id], scenario: 'summer_peak', restoration: true };
    const custom = await post<CascadeBody>('/api/cascade/simulate', {
      ...request,
      conditions: { load_factor: 1.3, temperature_c: 43 },
    });
    expect(custom.status).toBe(200);
    expect(custom.body.conditions).toMatchObject({ load_factor: 1.3, temperature_c: 43 });
    expect(digits(await lost.textContent())).toBe(custom.body.customers_lost);
    // The conditions change the answer on this grid: the preset alone gives another.
    const preset = await post<CascadeBody>('/api/cascade/simulate', request);
    expect(preset.body.customers_lost).not.toBe(custom.body.customers_lost);
    const line = await page.getByTestId('cascade-conditions').textContent();
    const hour = String(custom.body.conditions.hour).padStart(2, '0');
    expect(line).toContain(`load ×1.30 · 43 °C at ${hour}:00`);

    // The picture for the README: the map with the cascade, the panel with its sliders.
    await waitForGrid(page);
    await expect
      .poll(
        async () =>
          /Map: ([\d,]+) located/.exec((await page.getByTestId('cascade-map-note').textContent()) ?? '')?.[1],
        {
          timeout: 60_000,
        },
      )
      .toBeTruthy();
    mkdirSync(DOCS, { recursive: true });
    await page.screenshot({ path: join(DOCS, 'cascade-conditions.png') });

    // The distribution of many runs drawing the weather is the API's for the same request.
    await page.getByTestId('cascade-distribution-run').click();
    const median = page.getByTestId('cascade-distribution-median');
    await median.waitFor({ timeout: 60_000 });
    const drawn = await post<{ customers_lost: { p50: number } }>('/api/cascade/stochastic', {
      ...request,
      conditions: { load_factor: 1.3, temperature_c: 43 },
      runs: 100,
      seed: 1,
    });
    expect(digits(await median.textContent())).toBe(drawn.body.customers_lost.p50);
    expect(await page.getByTestId('cascade-distribution-conditions').textContent()).toContain('load ×1.30');

    // Raising the sustained wind above the gusts raises the gusts with it.
    await page.getByTestId('cascade-cond-wind_sustained_ms').fill('30');
    expect(await value('wind_gust_ms')).toBe('30');

    // A value out of range typed in the box: the panel shows the server's message naming it.
    const box = page.getByTestId('cascade-cond-load_factor-value');
    await box.fill('2.5');
    await box.press('Enter');
    await page.getByTestId('cascade-run').click();
    await expect
      .poll(async () => page.getByTestId('cascade-error').textContent(), { timeout: 30_000 })
      .toContain('load_factor must be from 0.2 to 2');
    await page.close();

    // A shared link opens with the same preset and conditions, and runs to the same answer.
    const linked = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await linked.goto(`${base}/#asset=${id}&${shared}`);
    await linked.getByTestId('cascade-button').click({ timeout: 60_000 });
    await expect
      .poll(async () => linked.getByTestId('cascade-conditions-state').textContent())
      .toBe(`Conditions: custom (from ${peak.title})`);
    expect(await linked.getByTestId('cascade-cond-temperature_c-value').inputValue()).toBe('43');
    await linked.getByTestId('cascade-run').click();
    await expect
      .poll(async () => digits(await linked.getByTestId('cascade-customers-lost').textContent()), {
        timeout: 30_000,
      })
      .toBe(custom.body.customers_lost);
    await linked.close();
  }, 240_000);
});
