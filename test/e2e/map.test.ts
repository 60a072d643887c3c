/// <reference lib="dom" />
/**
 * The operations map in a real headless Chromium (software WebGL2): it draws the grid, a click on
 * a substation opens its panel with the computed customer count, and a screenshot goes to docs/.
 */
import { mkdirSync } from 'node:fs';
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

describe.runIf(run)('operations map in Chromium', () => {
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

  it('draws the grid, opens a substation panel on click, and saves a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        external.push(r.url());
    });
    await page.goto(base);
    // MapLibre's first idle with tiles, and every deck.gl grid layer's tiles loaded.
    await waitForGrid(page);

    // The map has drawn grid features: many pixels of the screenshot differ from the background.
    const shot = (await page.getByTestId('map').screenshot()).toString('base64');
    const drawn = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      // The most common colour is the background; count pixels clearly different from it.
      const counts = new Map<number, number>();
      for (let i = 0; i < data.length; i += 4) {
        const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const bgKey = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
      const bg = [(bgKey >> 16) & 255, (bgKey >> 8) & 255, bgKey & 255];
      let differing = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) > 60)
          differing++;
      }
      return differing;
    }, shot);
    expect(drawn).toBeGreaterThan(500);

    // Click the first substation where the map draws it.
    const t = model.tables.substations;
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
    const panel = page.getByTestId('asset-panel');
    await expect.poll(async () => panel.textContent(), { timeout: 30_000 }).toContain(t.ids[0]);
    const shown = Number((await page.getByTestId('asset-customers').textContent())?.replace(/[^0-9]/g, ''));
    const api = (await (await fetch(`${base}/api/assets/${t.ids[0]}`)).json()) as {
      downstream: { customers: number };
    };
    expect(shown).toBe(api.downstream.customers);
    expect(shown).toBeGreaterThan(0);

    mkdirSync(DOCS, { recursive: true });
    await page.screenshot({ path: join(DOCS, 'map-sample.png') });
    expect(external).toEqual([]);
  }, 180_000);
});
