/** Builds the web app with Vite when web/dist is missing or older than its sources. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './cli-error.ts';

export const WEB_DIR = join(import.meta.dirname, '..', '..', 'web');
export const WEB_DIST = join(WEB_DIR, 'dist');

function newestMtimeMs(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
}

export function webBuildIsStale(): boolean {
  const built = join(WEB_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['src', 'index.html', 'vite.config.ts'].map((p) => join(WEB_DIR, p)).filter(existsSync);
  return Math.max(...sources.map(newestMtimeMs)) > statSync(built).mtimeMs;
}

export function ensureWebBuilt(log: (line: string) => void = console.log): void {
  if (!webBuildIsStale()) return;
  log('building the web app (vite)…');
  const vite = join(WEB_DIR, '..', 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(WEB_DIR, 'vite.config.ts'), '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new CliError('the web app failed to build (see the Vite output above)', 1);
}
