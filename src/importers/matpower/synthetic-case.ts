/**
 * Seeded synthetic MATPOWER cases for benchmarks and property tests: a meshed 230 kV network
 * of any size whose base case is secure (every RATE_A above its DC flow) but tight enough that
 * single outages start cascades.
 *
 * Buses are scattered over a square (~12 km apart); the branches are a Euclidean minimum
 * spanning tree of the 5-nearest-neighbour graph plus its shorter remaining edges, up to
 * `branchesPerBus` per bus (real transmission grids have 1.2–1.6). Reactance follows length
 * (0.00095 pu/km on 100 MVA, a 230 kV line), with some regulating transformers (off-nominal
 * taps) and two phase shifters. Loads are log-normal; generators sit at random buses with a
 * capacity reserve, dispatched in proportion to Pmax so generation meets load exactly. RATE_A
 * is the base-case DC flow times a random margin (`margin_min`..`margin_max`), rounded up.
 * Same options, same case, number for number.
 */
import { Rng } from '../../generator/rng.ts';
import { runMatpowerDcPowerFlow } from './run-dc-power-flow.ts';
import type { MatpowerCase } from './case-format.ts';
import { buildCase, type CaseRows } from './case-builder.ts';
import { minimumSpanningForest, nearestNeighbourEdges } from './geometric-graph.ts';

export interface SyntheticCaseOptions {
  /** Number of buses. Default 2000. */
  nBus?: number;
  seed?: number;
  /** Branches per bus, ≥ 1 (a tree has 1). Default 1.5. */
  branchesPerBus?: number;
  /** Share of buses with a generator. Default 0.12. */
  genShare?: number;
  /** Total Pmax over total load. Default 1.4. */
  reserveRatio?: number;
  /** RATE_A is the base flow times a margin drawn uniformly from [margin_min, margin_max]. */
  margin_min?: number;
  margin_max?: number;
  /** Smallest RATE_A, MVA. Default 150. */
  minRating_mva?: number;
}

export const SYNTHETIC_CASE_DEFAULTS: Required<SyntheticCaseOptions> = {
  nBus: 2000,
  seed: 1,
  branchesPerBus: 1.5,
  genShare: 0.12,
  reserveRatio: 1.4,
  margin_min: 1.5,
  margin_max: 3,
  minRating_mva: 150,
};

const SPACING_KM = 12;
const X_PU_PER_KM = 0.00095;
const B_PU_PER_KM = 0.0014;
const NEIGHBOURS = 5;
const TRANSFORMER_SHARE = 0.06;
const PHASE_SHIFTERS = 2;

const round = (v: number, step: number) => Math.round(v / step) * step;

/**
 * A synthetic case.
 *
 * @example
 * const mpc = syntheticMatpowerCase({ nBus: 2000, seed: 7 });
 * writeFileSync('synthetic2000.m', writeMatpowerCase(mpc));
 */
export function syntheticMatpowerCase(options: SyntheticCaseOptions = {}): MatpowerCase {
  const o = { ...SYNTHETIC_CASE_DEFAULTS, ...options };
  const { nBus, seed } = o;
  if (!Number.isInteger(nBus) || nBus < 2)
    throw new RangeError(`synthetic-case: nBus must be an integer ≥ 2 (got ${nBus})`);
  if (!(o.branchesPerBus >= 1)) throw new RangeError('synthetic-case: branchesPerBus must be ≥ 1');
  if (!(o.margin_min >= 1) || !(o.margin_max >= o.margin_min)) {
    throw new RangeError('synthetic-case: need 1 ≤ margin_min ≤ margin_max (the base case must be secure)');
  }
  const rng = new Rng(seed, `synthetic-case/${nBus}`);

  // Geography and topology.
  const side_km = Math.sqrt(nBus) * SPACING_KM;
  const place = rng.fork('place');
  const x_km = Float64Array.from({ length: nBus }, () => place.range(0, side_km));
  const y_km = Float64Array.from({ length: nBus }, () => place.range(0, side_km));
  const candidates = nearestNeighbourEdges(x_km, y_km, NEIGHBOURS);
  const { tree, rest } = minimumSpanningForest(nBus, candidates, x_km, y_km);
  const pick = rng.fork('mesh');
  const extra = rest
    .map((e) => ({ e, key: e.length_km * pick.range(0.7, 1.3) }))
    .sort((a, b) => a.key - b.key || a.e.from - b.e.from || a.e.to - b.e.to)
    .slice(0, Math.max(0, Math.round(o.branchesPerBus * nBus) - tree.length))
    .map((k) => k.e);
  const edges = [...tree, ...extra].sort((a, b) => a.from - b.from || a.to - b.to);

  // Loads and generators.
  const loads = rng.fork('load');
  const pd_mw = Float64Array.from({ length: nBus }, () =>
    loads.chance(0.75) ? round(Math.min(loads.logNormal(25, 0.8), 400), 0.1) : 0,
  );
  const totalLoad_mw = pd_mw.reduce((s, v) => s + v, 0);
  const gens = rng.fork('gen');
  const genBuses = Array.from({ length: nBus }, (_, i) => i).filter(() => gens.chance(o.genShare));
  if (genBuses.length === 0) genBuses.push(gens.int(nBus));
  const rawPmax = genBuses.map(() => gens.logNormal(200, 0.7));
  const scale = (o.reserveRatio * totalLoad_mw) / rawPmax.reduce((s, v) => s + v, 0);
  const pmax_mw = rawPmax.map((p) => Math.max(1, Math.round(p * scale)));
  const dispatch = totalLoad_mw / pmax_mw.reduce((s, v) => s + v, 0);
  const pg_mw = pmax_mw.map((p) => round(p * dispatch, 0.001));
  const isGenBus = new Set(genBuses);
  let largest = 0;
  for (let g = 1; g < genBuses.length; g++) if (pmax_mw[g] > pmax_mw[largest]) largest = g;

  const kit = rng.fork('branches');
  const transformer = edges.map(() => kit.chance(TRANSFORMER_SHARE));
  const shifters = new Set<number>();
  while (shifters.size < Math.min(PHASE_SHIFTERS, edges.length)) shifters.add(kit.int(edges.length));
  const rows: CaseRows = {
    name: `synthetic${nBus}_s${seed}`,
    baseMva: 100,
    bus: Array.from({ length: nBus }, (_, i) => {
      const type = i === genBuses[largest] ? 3 : isGenBus.has(i) ? 2 : 1;
      return [i + 1, type, pd_mw[i], round(0.3 * pd_mw[i], 0.1), 0, 0, 1, 1, 0, 230, 1, 1.1, 0.9];
    }),
    gen: genBuses.map((b, g) => [
      b + 1,
      pg_mw[g],
      0,
      round(0.5 * pmax_mw[g], 1),
      -round(0.3 * pmax_mw[g], 1),
      1,
      100,
      1,
      pmax_mw[g],
      0,
    ]),
    branch: edges.map((e, l) => {
      const xLine = round(Math.max(e.length_km, 1) * X_PU_PER_KM, 1e-5);
      const x = transformer[l] ? round(kit.range(0.02, 0.06), 1e-4) : xLine;
      const tap = transformer[l] ? round(kit.range(0.95, 1.05), 0.0125) : 0;
      const shift = shifters.has(l) ? round(kit.range(-3, 3), 0.5) : 0;
      const b = transformer[l] ? 0 : round(e.length_km * B_PU_PER_KM, 1e-5);
      return [e.from + 1, e.to + 1, round(x / 8, 1e-6), x, b, 0, 0, 0, tap, shift, 1, -360, 360];
    }),
  };
  const unrated = buildCase(rows);

  // Ratings from the base-case flows.
  const { p_mw } = runMatpowerDcPowerFlow(unrated);
  const margins = rng.fork('ratings');
  rows.branch.forEach((r, l) => {
    const rating = Math.max(
      o.minRating_mva,
      Math.ceil(Math.abs(p_mw[l]) * margins.range(o.margin_min, o.margin_max)),
    );
    r[5] = rating;
    r[6] = Math.ceil(rating * 1.1);
    r[7] = Math.ceil(rating * 1.25);
  });
  return buildCase(rows);
}
