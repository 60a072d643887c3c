/**
 * bench/tiles: vector tile serving on the metro grid, against the targets of issue 3 (p95 < 50 ms;
 * no tile over ~500 KB). The server runs in a child process (bench/bench-server.ts); this process
 * requests exactly the tiles a map client loads for a 1600×1000 px view around three fixed points
 * (downtown and two suburbs) for every default-visible layer plus meters and customers, at z10,
 * z13 and z16:
 *   cold, sequential — every tile once on an empty tile cache (build + encode + gzip);
 *   cold, concurrent — every tile once on an empty cache, 64 at a time (5 passes);
 *   warm            — autocannon, 64 connections for --duration s, cycling over the same URLs.
 * Sizes are gzip as sent (Accept-Encoding: gzip) and uncompressed (asked without it).
 * Writes bench/results/tiles.json.
 * Usage: npm run bench -- tiles [--data DIR] [--scale metro] [--duration 15] [--connections 64]
 */
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { writeBenchResult } from './bench-result.ts';
import {
  httpGet,
  latencySummary,
  percentile,
  prepareDataset,
  round,
  startBenchServer,
  type BenchServer,
  type PreparedDataset,
} from './bench-harness.ts';
import { benchLayers, viewportRequests, type TileRequest, type Viewport } from './tile-viewports.ts';

export const VIEWPORTS: Viewport[] = [
  { name: 'downtown', lon: -95.37, lat: 29.76 },
  { name: 'west suburb', lon: -95.53, lat: 29.78 },
  { name: 'south-east suburb', lon: -95.25, lat: 29.66 },
];
export const ZOOMS = [10, 13, 16];
export const TARGETS = { p95_ms: 50, max_tile_bytes: 500 * 1024 };
const GZIP = { 'accept-encoding': 'gzip' };

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { average: number; total: number };
  throughput: { average: number };
}
type Autocannon = ((
  opts: Record<string, unknown>,
  cb: (err: Error | null, r: AutocannonResult) => void,
) => {
  on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}) & { track?: unknown };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface TileSample {
  req: TileRequest;
  status: number;
  ms: number;
  gzip_bytes: number;
  raw_bytes: number;
  gzipped: boolean;
}

const kb = (bytes: number): number => round(bytes / 1024, 1);
const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / (v.length || 1);

/** Every tile once, one at a time, on an empty cache; then the uncompressed size of each (cached). */
async function coldSequential(server: BenchServer, reqs: TileRequest[]): Promise<TileSample[]> {
  await server.post('/__bench/clear-cache');
  const samples: TileSample[] = [];
  for (const req of reqs) {
    const res = await httpGet(server.origin + req.path, GZIP);
    const gzipped = res.headers['content-encoding'] === 'gzip';
    samples.push({ req, status: res.status, ms: res.ms, gzip_bytes: res.body.length, raw_bytes: 0, gzipped });
  }
  for (const s of samples) s.raw_bytes = (await httpGet(server.origin + s.req.path)).body.length;
  return samples;
}

/**
 * Every tile once on an empty cache, `connections` requests in flight; `passes` times (the cache
 * emptied before each) because one pass lasts well under a second. Latencies are pooled.
 */
async function coldConcurrent(server: BenchServer, reqs: TileRequest[], connections: number, passes = 5) {
  const ms: number[] = [];
  const rates: number[] = [];
  let non2xx = 0;
  let errors = 0;
  for (let pass = 0; pass < passes; pass++) {
    await server.post('/__bench/clear-cache');
    let next = 0;
    const t0 = performance.now();
    const worker = async (): Promise<void> => {
      while (next < reqs.length) {
        const req = reqs[next++];
        try {
          const res = await httpGet(server.origin + req.path, GZIP);
          ms.push(res.ms);
          if (res.status < 200 || res.status > 299) non2xx++;
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(connections, reqs.length) }, worker));
    rates.push(reqs.length / ((performance.now() - t0) / 1000));
  }
  return {
    passes,
    requests: ms.length + errors,
    requests_per_s: round(percentile(rates, 50), 0),
    requests_per_s_min_max: [round(Math.min(...rates), 0), round(Math.max(...rates), 0)],
    ...latencySummary(ms),
    errors,
    non2xx,
  };
}

/** autocannon over `reqs` (each connection starts at a different offset and cycles). */
function warm(server: BenchServer, reqs: TileRequest[], connections: number, duration: number) {
  const requests = reqs.map((r) => ({ method: 'GET', path: r.path }));
  const latencies: number[] = [];
  let clients = 0;
  return new Promise<Record<string, number>>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.origin,
        connections,
        duration,
        headers: GZIP,
        requests,
        setupClient: (client: { setRequests(r: unknown[]): void }) => {
          const k = Math.floor((clients++ * requests.length) / connections) % requests.length;
          client.setRequests([...requests.slice(k), ...requests.slice(0, k)]);
        },
      },
      (err, r) => {
        if (err) return reject(err);
        resolve({
          duration_s: round(r.duration, 1),
          requests: r.requests.total,
          requests_per_s: round(r.requests.total / r.duration, 0),
          ...latencySummary(latencies),
          throughput_mb_s: round(r.throughput.average / 2 ** 20, 1),
          errors: r.errors,
          timeouts: r.timeouts,
          non2xx: r.non2xx,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

function sizeSummary(samples: TileSample[]) {
  const largest = samples.reduce((a, b) => (b.raw_bytes > a.raw_bytes ? b : a), samples[0]);
  return {
    tiles: samples.length,
    empty_tiles: samples.filter((s) => s.raw_bytes === 0).length,
    gzip_mean_kb: kb(mean(samples.map((s) => s.gzip_bytes))),
    gzip_max_kb: kb(Math.max(...samples.map((s) => s.gzip_bytes))),
    raw_mean_kb: kb(mean(samples.map((s) => s.raw_bytes))),
    raw_max_kb: kb(largest.raw_bytes),
    largest_tile: largest.req.path,
    not_gzipped_non_empty: samples.filter((s) => s.raw_bytes > 0 && !s.gzipped).length,
  };
}

/** Per layer: tile count, cold build latency and sizes — where the time and bytes go. */
function byLayer(samples: TileSample[]) {
  const out: Record<string, Record<string, number>> = {};
  for (const layer of new Set(samples.map((s) => s.req.layer))) {
    const mine = samples.filter((s) => s.req.layer === layer);
    out[layer] = {
      tiles: mine.length,
      cold_mean_ms: round(mean(mine.map((s) => s.ms)), 2),
      cold_max_ms: round(Math.max(...mine.map((s) => s.ms)), 2),
      gzip_max_kb: kb(Math.max(...mine.map((s) => s.gzip_bytes))),
      raw_max_kb: kb(Math.max(...mine.map((s) => s.raw_bytes))),
      raw_mean_kb: kb(mean(mine.map((s) => s.raw_bytes))),
    };
  }
  return out;
}

export async function runTilesBench(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      scale: { type: 'string', default: 'metro' },
      duration: { type: 'string', default: '15' },
      connections: { type: 'string', default: '64' },
    },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  if (!(duration > 0 && duration <= 120) || !(connections > 0 && connections <= 1024)) {
    throw new Error('bench tiles: --duration must be in (0, 120] s and --connections in 1..1024');
  }
  const loadAtStart = loadavg()[0];
  let dataset: PreparedDataset | undefined;
  let server: BenchServer | undefined;
  try {
    dataset = prepareDataset(values.scale!, values.data);
    server = await startBenchServer(dataset.dir, { timeoutMs: 600_000 });
    const atStart = await server.stats();
    console.log(
      `server ready in ${server.spawn_to_ready_s.toFixed(1)} s (dataset → listening ${Number(server.startup.total_s).toFixed(1)} s), RSS ${atStart.rss_mb} MB`,
    );
    const info = JSON.parse((await httpGet(server.origin + '/api/dataset')).body.toString());
    const layers = benchLayers();
    const zooms = [];
    for (const z of ZOOMS) {
      const reqs = viewportRequests(VIEWPORTS, z, layers, info.region);
      const samples = await coldSequential(server, reqs);
      const cold_sequential = {
        ...latencySummary(samples.map((s) => s.ms)),
        non2xx: samples.filter((s) => s.status < 200 || s.status > 299).length,
      };
      const cold_concurrent = await coldConcurrent(server, reqs, connections);
      const warmRun = await warm(server, reqs, connections, duration);
      const sizes = sizeSummary(samples);
      const meets = {
        warm_p95: warmRun.p95_ms < TARGETS.p95_ms,
        cold_sequential_p95: cold_sequential.p95_ms < TARGETS.p95_ms,
        cold_concurrent_p95: cold_concurrent.p95_ms < TARGETS.p95_ms,
        max_gzip_tile: sizes.gzip_max_kb * 1024 <= TARGETS.max_tile_bytes,
        max_raw_tile: sizes.raw_max_kb * 1024 <= TARGETS.max_tile_bytes,
      };
      zooms.push({
        z,
        unique_tiles: reqs.length,
        cold_sequential,
        cold_concurrent,
        warm: warmRun,
        sizes,
        meets,
        by_layer: byLayer(samples),
      });
      console.log(
        `z${z}: ${reqs.length} tiles | cold seq p50/p95/p99 ${cold_sequential.p50_ms}/${cold_sequential.p95_ms}/${cold_sequential.p99_ms} ms max ${cold_sequential.max_ms} | ` +
          `cold ×${connections} ${cold_concurrent.requests_per_s} req/s p95 ${cold_concurrent.p95_ms} ms | ` +
          `warm ${warmRun.requests_per_s} req/s p50/p95/p99 ${warmRun.p50_ms}/${warmRun.p95_ms}/${warmRun.p99_ms} ms, ${warmRun.errors} errors ${warmRun.non2xx} non-2xx | ` +
          `gzip mean/max ${sizes.gzip_mean_kb}/${sizes.gzip_max_kb} KB, raw mean/max ${sizes.raw_mean_kb}/${sizes.raw_max_kb} KB`,
      );
    }
    await server.post('/__bench/clear-cache');
    const prewarm = (await server.post('/__bench/prewarm?max_zoom=10')) as { tiles: number; ms: number };
    const atEnd = await server.stats();
    const meets_targets = zooms.every((z) => z.meets.warm_p95 && z.meets.max_gzip_tile);
    writeBenchResult('tiles', {
      scale: values.scale,
      dataset_generated: dataset.generated,
      loadavg_1m: { at_start: round(loadAtStart, 2), at_end: round(loadavg()[0], 2), cpus: cpus().length },
      viewport_px: [1600, 1000],
      tile_size_px: 512,
      viewports: VIEWPORTS,
      layers: layers.map((l) => l.id),
      connections,
      duration_s_per_zoom: duration,
      targets: {
        ...TARGETS,
        note: 'p95 of the warm steady state; tile size as sent (gzip); cold and raw reported too',
      },
      meets_targets,
      server: {
        spawn_to_ready_s: round(server.spawn_to_ready_s, 2),
        startup: server.startup,
        rss_after_start_mb: atStart.rss_mb,
        rss_at_end_mb: atEnd.rss_mb,
        peak_rss_mb: atEnd.peak_rss_mb,
        tile_cache_at_end: atEnd.cache,
        prewarm_z10: { tiles: prewarm.tiles, ms: round(prewarm.ms, 0) },
      },
      zooms,
    });
    console.log(
      `tiles: targets ${meets_targets ? 'met' : 'NOT met'} (warm p95 < ${TARGETS.p95_ms} ms, tiles ≤ 500 KB as sent)`,
    );
  } finally {
    await server?.stop();
    dataset?.cleanup();
  }
}
