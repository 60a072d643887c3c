/**
 * Shared by the server benchmarks: a dataset to serve (generated into a temporary directory unless
 * one is given), the bench server in a child process (bench/bench-server.ts) that is always killed
 * when the benchmark ends or fails, a keep-alive HTTP GET, and percentiles.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const RUN_TS = join('bin', 'run-ts.js');

export interface PreparedDataset {
  dir: string;
  /** The generate-child figures when the dataset was generated for this run. */
  generated: Record<string, unknown> | null;
  cleanup: () => void;
}

/** `dir` when given; otherwise generates `scale` (seed 1) into a temporary directory. */
export function prepareDataset(scale: string, dir?: string): PreparedDataset {
  if (dir) return { dir, generated: null, cleanup: () => {} };
  const tmp = mkdtempSync(join(tmpdir(), `flux-bench-${scale}-`));
  const cleanup = removeOnExit(tmp);
  try {
    console.log(`generating the ${scale} grid into ${tmp}…`);
    const out = execFileSync(process.execPath, [RUN_TS, join('bench', 'generate-child.ts'), scale, tmp], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    return { dir: tmp, generated: JSON.parse(out.trim().split('\n').at(-1)!), cleanup };
  } catch (err) {
    cleanup();
    throw err;
  }
}

export interface ServerStats {
  rss_mb: number;
  heap_used_mb: number;
  peak_rss_mb: number;
  cache: { entries: number; bytes: number; hits: number; misses: number; evictions: number };
}

export interface BenchServer {
  origin: string;
  pid: number;
  /** What the server measured itself (dataset load → listening) and its memory then. */
  startup: Record<string, number | string>;
  /** Wall time from spawning the process to its ready line (includes Node and tsx start-up). */
  spawn_to_ready_s: number;
  stats(): Promise<ServerStats>;
  post(path: string): Promise<unknown>;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let hooksInstalled = false;
function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of live) child.kill('SIGKILL');
      process.exit(130);
    });
  }
}

/** Removes temporary directory `dir` when the returned function is called, or else at exit. */
export function removeOnExit(dir: string): () => void {
  installExitHooks();
  tempDirs.add(dir);
  return () => {
    rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  };
}

/** Starts bench/bench-server.ts on `dataDir` (and the web app built in `opts.web`); resolves once it listens. */
export async function startBenchServer(
  dataDir: string,
  opts: { web?: string; timeoutMs?: number } = {},
): Promise<BenchServer> {
  installExitHooks();
  const started = performance.now();
  const args = [
    RUN_TS,
    join('bench', 'bench-server.ts'),
    '--data',
    dataDir,
    ...(opts.web ? ['--web', opts.web] : []),
  ];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => live.delete(child));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin!.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const ready = await new Promise<{ port: number; startup: Record<string, number | string> }>(
    (resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('bench server: not ready in time')),
        opts.timeoutMs ?? 180_000,
      );
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        if (!line.startsWith('{"ready"')) return void console.log(`[server] ${line}`);
        clearTimeout(timer);
        resolve(JSON.parse(line));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`bench server exited (${code}) before it was ready`));
      });
    },
  ).catch(async (err) => {
    child.kill('SIGKILL');
    await exited;
    throw err;
  });
  const origin = `http://127.0.0.1:${ready.port}`;
  return {
    origin,
    pid: child.pid!,
    startup: ready.startup,
    spawn_to_ready_s: (performance.now() - started) / 1000,
    stats: async () => JSON.parse((await httpGet(origin + '/__bench/stats')).body.toString()) as ServerStats,
    post: async (path) => JSON.parse((await httpGet(origin + path, {}, 'POST')).body.toString()),
    stop,
  };
}

export const keepAliveAgent = new Agent({ keepAlive: true, maxSockets: 64 });

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  ms: number;
}

/** One HTTP request over the shared keep-alive agent; `ms` is request start → last byte. */
export function httpGet(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(url, { method, headers, agent: keepAliveAgent, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          ms: performance.now() - t0,
        }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end();
  });
}

/** Nearest-rank percentile (p in 0–100) of unsorted values; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round = (v: number, digits = 1): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** p50/p95/p99/max/mean of latencies in ms. */
export function latencySummary(ms: readonly number[]) {
  const mean = ms.reduce((a, b) => a + b, 0) / (ms.length || 1);
  return {
    p50_ms: round(percentile(ms, 50), 2),
    p95_ms: round(percentile(ms, 95), 2),
    p99_ms: round(percentile(ms, 99), 2),
    max_ms: round(percentile(ms, 100), 2),
    mean_ms: round(mean, 2),
  };
}
