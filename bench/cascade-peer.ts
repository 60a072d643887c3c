/**
 * What bench/cascade.ts and bench/cascade-grids.ts share: running the numpy + scipy peer
 * (bench/peers/dc_cascade.py) on a case file and reading its JSON, timing, and comparing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Issue 4's target. */
export const TARGET = { min_cascade_speedup_vs_scipy: 2 };
export const PYTHON = '/usr/bin/python3';
export const PEER = join('bench', 'peers', 'dc_cascade.py');
/** MW, degrees: the tolerance of every agreement check. */
export const TOL = 1e-6;

export interface PeerResult {
  numpy: string;
  scipy: string;
  parse_s: number;
  pf_s: number;
  pf_with_parse_s: number;
  va_deg: number[];
  p_mw: number[];
  cascades: { row: number; waves: number[][]; shed_mw: number; seconds: number }[];
  /** One row per outage in branch-row order: [waves, shed MW] (+ the waves with --sweep-waves). */
  sweep?: { seconds: number; outages: number; results: [number, number, number[][]?][] };
}

/** Median and minimum seconds of `repeats` calls (after one warm-up call). */
export function time(f: () => unknown, repeats: number): { median_s: number; min_s: number } {
  f();
  const t: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    f();
    t.push((performance.now() - t0) / 1000);
  }
  t.sort((a, b) => a - b);
  return { median_s: t[t.length >> 1], min_s: t[0] };
}

/** Largest absolute difference (Infinity when the lengths differ). */
export const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let d = a.length === b.length ? 0 : Infinity;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
};

/** A figure rounded to `digits` significant digits for the results file. */
export const r = (v: number, digits = 6) => Number(v.toPrecision(digits));

/** Runs the peer with `args` (which include `--out FILE`) and reads its result, or says why not. */
export function runPeer(args: string[], timeoutS: number): PeerResult | { error: string } {
  try {
    execFileSync(PYTHON, [PEER, ...args], {
      timeout: timeoutS * 1000,
      killSignal: 'SIGKILL',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return JSON.parse(readFileSync(args[args.indexOf('--out') + 1], 'utf8')) as PeerResult;
  } catch (err) {
    const e = err as { signal?: string; stderr?: Buffer };
    if (e.signal === 'SIGKILL') return { error: `peer did not finish in ${timeoutS} s` };
    return {
      error:
        String(e.stderr ?? err)
          .trim()
          .split('\n')
          .at(-1) ?? 'failed',
    };
  }
}
