/**
 * Which assets the weather fails at the start of a cascade, from their hazard probabilities.
 * Stochastic: each fails with its probability (seeded draws, the same seed the same storm).
 * Deterministic: a typical storm — for each kind of asset, the n most likely to fail, n being the
 * expected number of failures (Σp, rounded). The single most probable configuration (every asset
 * at p ≥ 0.5, nothing else) is no typical storm: with many small probabilities it fails almost
 * nothing, where a real storm of that strength fails about Σp. Ties in p (a uniform wind over
 * identical poles) are broken by a hash of the row, so the picks spread over the grid rather than
 * filling the first rows.
 */
import type { TableName } from '../../model/grid-model.ts';
import { Rng } from '../../generator/rng.ts';
import type { CascadeContext } from '../cascade-context.ts';

export interface WeatherFailure {
  table: TableName;
  index: number;
  probability: number;
}

/** The hazard arrays a context carries, by table, in the order failures are listed. */
function hazards(ctx: CascadeContext): [TableName, Float64Array][] {
  return [
    ['line_sections', ctx.sectionHazard],
    ['poles', ctx.poleHazard],
    ['transformers', ctx.transformerHazard],
    ['substations', ctx.substationHazard],
  ];
}

/** A well-mixed 32-bit hash of a row index (murmur3's finalizer). */
function mix(i: number): number {
  let h = Math.imul(i ^ (i >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The n = round(Σp) rows most likely to fail, in row order. */
export function expectedCountSelection(hazard: ArrayLike<number>): number[] {
  const candidates: number[] = [];
  let expected = 0;
  for (let i = 0; i < hazard.length; i++) {
    if (hazard[i] > 0) {
      candidates.push(i);
      expected += hazard[i];
    }
  }
  const n = Math.min(candidates.length, Math.round(expected));
  if (n === 0) return [];
  candidates.sort((a, b) => hazard[b] - hazard[a] || mix(a) - mix(b) || a - b);
  return candidates.slice(0, n).sort((a, b) => a - b);
}

const round = (v: number) => Math.round(v * 1000) / 1000;

export function weatherFailures(ctx: CascadeContext, seed?: number): WeatherFailure[] {
  const out: WeatherFailure[] = [];
  const rng = seed === undefined ? undefined : new Rng(seed, 'cascade-weather');
  for (const [table, hazard] of hazards(ctx)) {
    if (rng) {
      for (let i = 0; i < hazard.length; i++) {
        const p = hazard[i];
        if (p > 0 && rng.next() < p) out.push({ table, index: i, probability: round(p) });
      }
    } else {
      for (const i of expectedCountSelection(hazard))
        out.push({ table, index: i, probability: round(hazard[i]) });
    }
  }
  return out;
}
