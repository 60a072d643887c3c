/**
 * bench/generate: time and peak memory to generate and store each scale (one child process per
 * scale), against the targets of issue 2. Writes bench/results/generate.json.
 * Usage: npm run bench -- generate [--scales sample,city,metro]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBenchResult } from './bench-result.ts';

const TARGETS: Record<string, { total_s?: number; peak_rss_mb?: number }> = {
  city: { total_s: 20 },
  metro: { total_s: 180, peak_rss_mb: 6 * 1024 },
};

export async function runGenerateBench(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { scales: { type: 'string' } } });
  const scales = (values.scales ?? 'sample,city,metro').split(',');
  const runs = [];
  for (const scale of scales) {
    const dir = mkdtempSync(join(tmpdir(), `flux-bench-${scale}-`));
    try {
      const out = execFileSync(
        process.execPath,
        [join('bin', 'run-ts.js'), join('bench', 'generate-child.ts'), scale, dir],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        },
      );
      const run = JSON.parse(out.trim().split('\n').at(-1)!);
      const target = TARGETS[scale] ?? {};
      const meets =
        (target.total_s === undefined || run.total_s <= target.total_s) &&
        (target.peak_rss_mb === undefined || run.peak_rss_mb <= target.peak_rss_mb);
      runs.push({ ...run, target, meets_target: meets });
      console.log(
        `generate ${scale}: ${run.features.toLocaleString('en-US')} features, generate ${run.generate_s.toFixed(1)} s + store ${run.store_s.toFixed(1)} s = ${run.total_s.toFixed(1)} s, peak RSS ${Math.round(run.peak_rss_mb)} MB, dataset ${Math.round(run.dataset_mb)} MB${meets ? '' : '  (MISSES TARGET)'}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  writeBenchResult('generate', { runs });
}
