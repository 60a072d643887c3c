/**
 * The server a benchmark measures, run as its own process (`node bin/run-ts.js bench/bench-server.ts
 * --data DIR [--web DIST]`) so the load generator does not share its event loop. It serves the
 * dataset as `flux serve` does (API, tiles, and with --web the web app built in DIST) on 127.0.0.1 at
 * a free port, plus three bench-only routes:
 *   GET  /__bench/stats        RSS, heap and tile cache figures
 *   POST /__bench/clear-cache  drops every cached tile (cold measurements)
 *   POST /__bench/prewarm?max_zoom=N  TileService.prewarm(N), timed
 * When ready it prints one JSON line: {"ready":true,"port":…,"startup":{…}}. It exits when its
 * stdin closes, so it never outlives the benchmark that started it.
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../src/api/app.ts';
import { buildGridContext } from '../src/api/services/grid-context.ts';
import { loadDataset } from '../src/cli/commands/info.ts';
import { TileService } from '../src/tiles/tile-service.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, web: { type: 'string' } } });
if (!values.data) {
  console.error('usage: bench-server.ts --data DIR [--web DIST_DIR]');
  process.exit(2);
}

const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
function memory() {
  const m = process.memoryUsage();
  return {
    rss_mb: mb(m.rss),
    heap_used_mb: mb(m.heapUsed),
    peak_rss_mb: mb(process.resourceUsage().maxRSS * 1024),
  };
}

const t0 = performance.now();
const { model, meta } = await loadDataset(values.data);
const t1 = performance.now();
const context = buildGridContext(model, meta);
const t2 = performance.now();
const tiles = new TileService(context.model, {
  energization: context.energization,
  loading: context.loading,
});
const t3 = performance.now();
const app = await buildApp({
  context,
  tiles,
  webRoot: values.web,
  logger: { level: process.env.LOG_LEVEL ?? 'warn' },
});

app.get('/__bench/stats', { schema: { hide: true } }, async () => ({
  ...memory(),
  cache: tiles.cacheStats(),
}));
app.post('/__bench/clear-cache', { schema: { hide: true } }, async () => {
  tiles.clearCache();
  return { cache: tiles.cacheStats() };
});
app.post('/__bench/prewarm', { schema: { hide: true } }, async (request) => {
  const maxZoom = Number((request.query as Record<string, string>).max_zoom ?? 10);
  return { ...tiles.prewarm(maxZoom), cache: tiles.cacheStats() };
});

await app.listen({ port: 0, host: '127.0.0.1' });
const t4 = performance.now();
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
let features = 0;
for (const t of Object.values(model.tables)) features += t.size;
console.log(
  JSON.stringify({
    ready: true,
    port,
    startup: {
      dataset: model.meta.name,
      features,
      load_dataset_s: (t1 - t0) / 1000,
      grid_context_s: (t2 - t1) / 1000,
      tile_service_s: (t3 - t2) / 1000,
      app_listen_s: (t4 - t3) / 1000,
      total_s: (t4 - t0) / 1000,
      ...memory(),
    },
  }),
);

const stop = (): void => {
  void app.close().finally(() => process.exit(0));
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
