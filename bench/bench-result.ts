/** Writes a benchmark's figures, with the machine they were measured on, to bench/results/NAME.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export function writeBenchResult(name: string, figures: Record<string, unknown>): string {
  const dir = join('bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model ?? 'unknown',
    memory_gib: Math.round(totalmem() / 2 ** 30),
  };
  writeFileSync(
    file,
    `${JSON.stringify({ bench: name, measured_at: new Date().toISOString(), machine, ...figures }, null, 2)}\n`,
  );
  console.log(`wrote ${file}`);
  return file;
}
