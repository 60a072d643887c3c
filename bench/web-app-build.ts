/** The web app as the page-load benchmark serves it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEB_DIR } from '../src/cli/web-build.ts';
import { removeOnExit } from './bench-harness.ts';

export interface WebBuild {
  dir: string;
  build_s: number;
  /** Size of every JavaScript asset, uncompressed. */
  js_kb: number;
  cleanup: () => void;
}

/**
 * A production build of the current web sources into a temporary directory (not web/dist, which
 * others rebuild concurrently — and which `ensureWebBuilt` builds with the caller's NODE_ENV, so a
 * build started from vitest is React's development build).
 */
export function buildWebApp(): WebBuild {
  const dir = mkdtempSync(join(tmpdir(), 'flux-bench-web-'));
  const cleanup = removeOnExit(dir);
  const t0 = performance.now();
  const vite = join(WEB_DIR, '..', 'node_modules', 'vite', 'bin', 'vite.js');
  const config = join(WEB_DIR, 'vite.config.ts');
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--config', config, '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (r.status !== 0) {
    cleanup();
    throw new Error('bench page-load: the web app failed to build (see the Vite output above)');
  }
  const assets = join(dir, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const bytes = js.reduce((sum, f) => sum + statSync(join(assets, f)).size, 0);
  return { dir, build_s: (performance.now() - t0) / 1000, js_kb: Math.round(bytes / 1024), cleanup };
}
