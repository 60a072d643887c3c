/**
 * bench/page-load: cold page load of the web app on the city grid in headless Chromium (software
 * WebGL), against issue 3's target: first screenful drawn in < 3 s. "Drawn" is
 * `window.__flux.ready === true` (the app sets it at MapLibre's first idle with its tiles loaded);
 * the time deck.gl's grid layers have their tiles too is reported beside it. Both are read in the
 * page as performance.now() (ms since navigation start) when they happen.
 * Every run uses a fresh browser context (empty HTTP cache). Three kinds separate the causes:
 *   cold        — a new Chromium process as well (no GPU shader cache), server tile cache emptied;
 *   new-context — the Chromium already running, server tile cache emptied;
 *   warm-server — the Chromium already running, server tile cache kept.
 * The target applies to cold runs. Every request must stay on 127.0.0.1. The app served is a
 * production build of the current web sources (bench/web-app-build.ts).
 * Writes bench/results/page-load.json.
 * Usage: npm run bench -- page-load [--data DIR] [--scale city] [--runs 5] [--context-runs 3] [--warm-runs 3]
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Request } from 'playwright-core';
import { writeBenchResult } from './bench-result.ts';
import {
  percentile,
  prepareDataset,
  round,
  startBenchServer,
  type BenchServer,
  type PreparedDataset,
} from './bench-harness.ts';
import { summarizePng } from './png-pixels.ts';
import { buildWebApp, type WebBuild } from './web-app-build.ts';

export const TARGET_FIRST_SCREENFUL_MS = 3000;
const VIEWPORT = { width: 1600, height: 1000 };
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
];
const TIMEOUT_MS = 60_000;

/**
 * Runs before the app: records when `__flux.ready` turns true, and the first animation frame after
 * it at which `__flux.gridLoaded()` holds, as performance.now() values.
 */
const MARKERS_SCRIPT = `(() => {
  let handle;
  Object.defineProperty(window, '__flux', {
    configurable: true,
    get() { return handle; },
    set(v) {
      handle = v;
      let ready = v.ready;
      if (ready) window.__benchReadyAt = performance.now();
      Object.defineProperty(v, 'ready', {
        configurable: true, enumerable: true,
        get() { return ready; },
        set(x) { ready = x; if (x && window.__benchReadyAt === undefined) window.__benchReadyAt = performance.now(); },
      });
    },
  });
  const tick = () => {
    if (window.__benchReadyAt !== undefined && handle && handle.gridLoaded()) {
      window.__benchGridAt = performance.now();
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

type RunMode = 'cold' | 'new-context' | 'warm-server';

interface RunFigures {
  mode: RunMode;
  ready_ms: number;
  grid_loaded_ms: number;
  dom_content_loaded_ms: number;
  load_event_ms: number;
  requests: number;
  requests_at_ready: number;
  tile_requests: number;
  api_requests: number;
  transferred_kb: number;
  failed_requests: string[];
  off_host_requests: string[];
  console_errors: string[];
  view: { zoom: number; lon: number; lat: number };
}

function isLocal(url: string): boolean {
  if (!/^(https?|wss?):/.test(url)) return true; // data:, blob: — nothing leaves the machine
  return new URL(url).hostname === '127.0.0.1';
}

const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: TIMEOUT_MS,
  });

async function measureRun(
  browser: Browser,
  server: BenchServer,
  mode: RunMode,
): Promise<{ run: RunFigures; png: Buffer }> {
  if (mode !== 'warm-server') await server.post('/__bench/clear-cache');
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(MARKERS_SCRIPT);
    const urls: string[] = [];
    const failed: string[] = [];
    const sizes: Promise<number>[] = [];
    const consoleErrors: string[] = [];
    context.on('request', (r: Request) => urls.push(r.url()));
    context.on('requestfailed', (r: Request) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
    context.on('requestfinished', (r: Request) =>
      sizes.push(
        r.sizes().then(
          (s) => s.responseBodySize + s.responseHeadersSize,
          () => 0,
        ),
      ),
    );
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300));
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e).slice(0, 300)));
    await page.goto(server.origin + '/', { waitUntil: 'commit', timeout: TIMEOUT_MS });
    await page.waitForFunction('window.__benchReadyAt !== undefined', undefined, {
      timeout: TIMEOUT_MS,
      polling: 20,
    });
    const requestsAtReady = urls.length;
    await page.waitForFunction('window.__benchGridAt !== undefined', undefined, {
      timeout: TIMEOUT_MS,
      polling: 20,
    });
    // Let the requests of the first screenful finish: quiet for 500 ms (at most 10 s more).
    for (let i = 0, last = -1; i < 100 && last !== urls.length; i++) {
      last = urls.length;
      await page.waitForTimeout(500);
    }
    const marks = (await page.evaluate(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const c = window.__flux.map.getCenter();
      return { ready: window.__benchReadyAt, grid: window.__benchGridAt, dcl: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd, zoom: window.__flux.map.getZoom(), lon: c.lng, lat: c.lat };
    })()`)) as Record<string, number>;
    const png = await page.locator('[data-testid=map]').screenshot({ type: 'png' });
    const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    const run: RunFigures = {
      mode,
      ready_ms: round(marks.ready, 0),
      grid_loaded_ms: round(marks.grid, 0),
      dom_content_loaded_ms: round(marks.dcl, 0),
      load_event_ms: round(marks.load, 0),
      requests: urls.length,
      requests_at_ready: requestsAtReady,
      tile_requests: urls.filter((u) => u.includes('/tiles/')).length,
      api_requests: urls.filter((u) => u.includes('/api/')).length,
      transferred_kb: round(bytes / 1024, 0),
      failed_requests: failed,
      off_host_requests: urls.filter((u) => !isLocal(u)),
      console_errors: consoleErrors,
      view: { zoom: round(marks.zoom, 2), lon: round(marks.lon, 4), lat: round(marks.lat, 4) },
    };
    return { run, png };
  } finally {
    await context.close();
  }
}

function summarize(runs: RunFigures[], key: 'ready_ms' | 'grid_loaded_ms') {
  const v = runs.map((r) => r[key]);
  return {
    median_ms: percentile(v, 50),
    p95_ms: percentile(v, 95),
    max_ms: Math.max(...v),
    min_ms: Math.min(...v),
  };
}

export async function runPageLoadBench(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      scale: { type: 'string', default: 'city' },
      runs: { type: 'string', default: '5' },
      'context-runs': { type: 'string', default: '3' },
      'warm-runs': { type: 'string', default: '3' },
    },
  });
  const counts = [Number(values.runs), Number(values['context-runs']), Number(values['warm-runs'])];
  if (!(counts[0] >= 1) || !counts.every((n) => Number.isInteger(n) && n >= 0 && n <= 50)) {
    throw new Error('bench page-load: --runs must be in 1..50, --context-runs and --warm-runs in 0..50');
  }
  const modes = ['cold', 'new-context', 'warm-server'] as const;
  const plan = modes.flatMap((mode, i) => Array<RunMode>(counts[i]).fill(mode));
  const loadAtStart = loadavg()[0];
  let web: WebBuild | undefined;
  let dataset: PreparedDataset | undefined;
  let server: BenchServer | undefined;
  let browser: Browser | undefined;
  try {
    web = buildWebApp();
    dataset = prepareDataset(values.scale!, values.data);
    server = await startBenchServer(dataset.dir, { web: web.dir, timeoutMs: 300_000 });
    console.log(`server ready in ${server.spawn_to_ready_s.toFixed(1)} s at ${server.origin}`);
    const runs: RunFigures[] = [];
    let last: Buffer | undefined;
    let version = '';
    for (const [i, mode] of plan.entries()) {
      if (mode === 'cold' || !browser) {
        await browser?.close();
        browser = await launch();
        version = browser.version();
      }
      const { run, png } = await measureRun(browser, server, mode);
      runs.push(run);
      last = png;
      console.log(
        `${run.mode} run ${i + 1}: ready ${run.ready_ms} ms, grid loaded ${run.grid_loaded_ms} ms, ${run.requests} requests ` +
          `(${run.tile_requests} tiles), ${run.transferred_kb} KB, zoom ${run.view.zoom}` +
          (run.off_host_requests.length ? `, ${run.off_host_requests.length} OFF-HOST requests` : '') +
          (run.failed_requests.length ? `, ${run.failed_requests.length} failed` : ''),
      );
    }
    const pixels = summarizePng(last!);
    const byMode = (mode: RunMode) => {
      const mine = runs.filter((r) => r.mode === mode);
      if (!mine.length) return null;
      return {
        runs: mine.length,
        ready: summarize(mine, 'ready_ms'),
        grid_loaded: summarize(mine, 'grid_loaded_ms'),
      };
    };
    const coldReady = byMode('cold')!.ready;
    const offHost = runs.flatMap((r) => r.off_host_requests);
    const meets =
      coldReady.p95_ms < TARGET_FIRST_SCREENFUL_MS && offHost.length === 0 && pixels.drawn_share > 0.01;
    writeBenchResult('page-load', {
      scale: values.scale,
      dataset_generated: dataset.generated,
      browser: `chromium ${version} headless, SwiftShader WebGL`,
      loadavg_1m: { at_start: round(loadAtStart, 2), at_end: round(loadavg()[0], 2), cpus: cpus().length },
      web_build: { mode: 'production', build_s: round(web.build_s, 1), js_kb: web.js_kb },
      viewport_px: [VIEWPORT.width, VIEWPORT.height],
      drawn_signal:
        'window.__flux.ready (MapLibre first idle with tiles loaded); grid_loaded adds deck.gl grid layers',
      target: { first_screenful_ms: TARGET_FIRST_SCREENFUL_MS, of: 'p95 of cold ready_ms' },
      meets_target: meets,
      cold: byMode('cold'),
      new_context: byMode('new-context'),
      warm_server: byMode('warm-server'),
      requests_stayed_on_127_0_0_1: offHost.length === 0,
      last_screenshot: pixels,
      server: {
        spawn_to_ready_s: round(server.spawn_to_ready_s, 2),
        startup: server.startup,
        after: await server.stats(),
      },
      runs,
    });
    console.log(
      `page-load: cold first screenful median ${coldReady.median_ms} ms, p95 ${coldReady.p95_ms} ms, max ${coldReady.max_ms} ms ` +
        `(target < ${TARGET_FIRST_SCREENFUL_MS} ms: ${meets ? 'met' : 'NOT met'}); ${(pixels.drawn_share * 100).toFixed(0)} % of the map drawn`,
    );
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    dataset?.cleanup();
    web?.cleanup();
  }
}
