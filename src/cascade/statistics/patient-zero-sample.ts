/**
 * A seeded uniform sample of patient zeros across tables, without replacement: every asset of
 * the tables is equally likely, so the statistics describe "an asset picked at random".
 */
import { Rng } from '../../generator/rng.ts';
import type { TableName } from '../../model/grid-model.ts';
import type { PatientZero } from '../sweep/sweep-batch.ts';

/** `n` distinct assets of `tables` (all of them when n ≥ their total), in table then row order. */
export function samplePatientZeros(
  counts: Readonly<Partial<Record<TableName, number>>>,
  tables: readonly TableName[],
  n: number,
  seed: number,
): PatientZero[] {
  const offsets: number[] = [];
  let total = 0;
  for (const t of tables) {
    offsets.push(total);
    total += counts[t] ?? 0;
  }
  let picked: number[];
  if (n >= total) picked = Array.from({ length: total }, (_, i) => i);
  else {
    // Floyd's algorithm: n draws, each distinct, whatever n is relative to the total.
    const rng = new Rng(seed, 'patient-zero-sample');
    const chosen = new Set<number>();
    for (let j = total - n; j < total; j++) {
      const r = rng.int(j + 1);
      chosen.add(chosen.has(r) ? j : r);
    }
    picked = [...chosen].sort((a, b) => a - b);
  }
  const out: PatientZero[] = [];
  let k = 0;
  for (const i of picked) {
    while (k + 1 < tables.length && i >= offsets[k + 1]) k++;
    out.push({ table: tables[k], index: i - offsets[k] });
  }
  return out;
}
