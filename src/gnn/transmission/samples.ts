/**
 * Labelled examples of the transmission-outcome task: for a case under a condition, every
 * in-service branch as the initial outage (N-1) and a seeded sample of branch pairs (N-2), each
 * run through the real cascade (runTransmissionCascade) from the condition's operating state;
 * the label is the MW it sheds. Conditions whose state is not secure before the outage (a branch
 * already above its rating, or load the generators cannot serve) are left out: there the outage
 * is not what sheds the load.
 */
import { Rng } from '../../generator/rng.ts';
import { runTransmissionCascade } from '../../cascade/transmission/transmission-cascade.ts';
import { DcPowerFlowWorkspace } from '../../powerflow/dc-power-flow-islands.ts';
import type { LodfMatrix } from '../../powerflow/lodf.ts';
import { caseLodf } from './outage-flows.ts';
import {
  operatingState,
  type OperatingState,
  type TransmissionCase,
  type TransmissionCondition,
} from './operating-state.ts';

/** Shed above this (MW) is a positive. */
export const SHED_TOLERANCE_MW = 1e-6;

export interface OutageSample {
  /** Index of the state in its CaseSamples.states. */
  readonly state: number;
  /** The initial outage: one or two branch indices, ascending. */
  readonly outage: Int32Array;
  /** The label: MW shed by the cascade. */
  readonly shed_mw: number;
}

/** Every sample of one case: its LODF, its secure states, and the labelled outages. */
export interface CaseSamples {
  readonly case: TransmissionCase;
  readonly lodf: LodfMatrix;
  readonly states: OperatingState[];
  readonly samples: OutageSample[];
  /** Conditions left out because the state was not secure before the outage. */
  readonly insecureConditions: TransmissionCondition[];
}

export interface SampleOptions {
  /** N-2 pairs per condition, drawn without repeats. Default: as many as the N-1 outages. */
  pairsPerCondition?: number;
  seed?: number;
}

/**
 * The initial outages of a condition: every in-service branch, then `pairs` distinct pairs of
 * in-service branches drawn by `rng`.
 *
 * @example
 * enumerateOutages(Uint8Array.of(1, 1, 0, 1), 2, new Rng(1, 'x')); // [[0], [1], [3], [0, 3], [1, 3]] (pairs vary with the seed)
 */
export function enumerateOutages(inService: Uint8Array, pairs: number, rng: Rng): Int32Array[] {
  const live: number[] = [];
  for (let l = 0; l < inService.length; l++) if (inService[l]) live.push(l);
  const out = live.map((l) => Int32Array.of(l));
  const possible = (live.length * (live.length - 1)) / 2;
  const want = Math.min(pairs, possible);
  const seen = new Set<number>();
  while (seen.size < want) {
    const a = live[rng.int(live.length)];
    const b = live[rng.int(live.length)];
    if (a === b) continue;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const key = lo * inService.length + hi;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(Int32Array.of(lo, hi));
  }
  return out;
}

/**
 * Labels every N-1 and sampled N-2 outage of `c` under each secure condition.
 *
 * @example
 * const s = caseSamples(c, [{ load_factor: 1.2, temperature_c: 30 }]);
 * s.samples.filter((x) => x.shed_mw > SHED_TOLERANCE_MW).length; // outages that shed load
 */
export function caseSamples(
  c: TransmissionCase,
  conditions: readonly TransmissionCondition[],
  options: SampleOptions = {},
): CaseSamples {
  const rng = new Rng(options.seed ?? 1, `gnn-transmission-outages/${c.name}`);
  const lodf = caseLodf(c.net);
  const workspace = new DcPowerFlowWorkspace(c.net);
  const states: OperatingState[] = [];
  const samples: OutageSample[] = [];
  const insecureConditions: TransmissionCondition[] = [];
  for (const condition of conditions) {
    const state = operatingState(c, condition);
    if (!state.secure) {
      insecureConditions.push(condition);
      continue;
    }
    const index = states.push(state) - 1;
    const live = c.net.inService.reduce((s, v) => s + (v ? 1 : 0), 0);
    for (const outage of enumerateOutages(c.net.inService, options.pairsPerCondition ?? live, rng)) {
      const run = runTransmissionCascade(state.net, outage, { workspace });
      samples.push({ state: index, outage, shed_mw: Math.max(0, run.shed_mw) });
    }
  }
  return { case: c, lodf, states, samples, insecureConditions };
}

/**
 * Seeded conditions: load factors uniform in `loadFactor`, temperatures uniform in
 * `temperature_c` (rounded to 0.001 and 0.1 °C).
 */
export function sampleTransmissionConditions(
  count: number,
  seed: number,
  loadFactor: readonly [number, number] = [0.9, 1.6],
  temperature_c: readonly [number, number] = [20, 45],
): TransmissionCondition[] {
  const rng = new Rng(seed, 'gnn-transmission-conditions');
  return Array.from({ length: count }, () => ({
    load_factor: Math.round(rng.range(loadFactor[0], loadFactor[1]) * 1000) / 1000,
    temperature_c: Math.round(rng.range(temperature_c[0], temperature_c[1]) * 10) / 10,
  }));
}

/** Positives and negatives over samples. */
export function classBalance(samples: readonly OutageSample[]) {
  const positives = samples.filter((s) => s.shed_mw > SHED_TOLERANCE_MW).length;
  return { samples: samples.length, positives, negatives: samples.length - positives };
}
