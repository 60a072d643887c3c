/**
 * The cascade wave loop on a Flux grid, transmission and distribution coupled. Wave 0 fails the
 * patient zero and what the conditions fail on their own (equipment already above its trip
 * limit, and what the weather brings down). In every wave: failures
 * apply (faults are cleared by the nearest upstream protective device and isolated at the nearest
 * switching points), de-energized healthy parts are picked up through ties with headroom,
 * re-energized customers draw their cold-load demand (cold-load.ts), substation demand feeds a DC power flow per transmission island (islands short of generation
 * shed whole feeders, largest first), and whatever is now above its trip limit fails in the next
 * wave. It stops when a wave fails nothing new.
 */
import type { TableName } from '../model/grid-model.ts';
import type { AssetRef } from '../search/asset-locator.ts';
import type { CascadeContext } from './cascade-context.ts';
import type { CascadeResult, CascadeWave, FailedAsset } from './cascade-types.ts';
import {
  evaluate as evaluateFully,
  findOverloads,
  fullEvaluator,
  type Evaluation,
  type Evaluator,
} from './cascade-evaluation.ts';
import { CascadeState } from './cascade-state.ts';
import { applyFailure, type Pending } from './apply-failure.ts';
import { Pickup, pickupExcessKw } from './cold-load.ts';
import { restoreThroughTies } from './transfer.ts';
import { weatherFailures as weatherFailuresOf } from './weather/weather-failures.ts';

export interface CascadeOptions {
  /** Safety stop; real cascades settle in a handful of waves. */
  maxWaves?: number;
  /** Fault isolation and tie transfers (default true). */
  restoration?: boolean;
  /** Draw weather failures with this seed instead of the deterministic threshold. */
  stochasticSeed?: number;
  /** How states are evaluated (default: in full); sweeps pass an incremental evaluator. */
  evaluator?: Evaluator;
  /** A state to reuse (reset first); default a new one. */
  state?: CascadeState;
  /**
   * Later contingencies: each stage fails once the cascade before it has settled (N-1-1: a
   * second outage after the system has re-dispatched and every trip of the first has run).
   */
  then?: readonly AssetRef[][];
}

/** Assets a cascade can start from or fail. */
export const FAILABLE_TABLES: ReadonlySet<TableName> = new Set<TableName>([
  'buses',
  'bus_sections',
  'substations',
  'generators',
  'transmission_lines',
  'substation_transformers',
  'feeders',
  'dist_nodes',
  'line_sections',
  'protective_devices',
  'switches',
  'poles',
  'transformers',
  'meters',
  'customers',
  'trees',
]);

export function runCascade(
  ctx: CascadeContext,
  initial: AssetRef[],
  options: CascadeOptions = {},
): CascadeResult {
  const t = ctx.model.tables;
  const later = options.then ?? [];
  for (const ref of [...initial, ...later.flat()]) {
    if (!FAILABLE_TABLES.has(ref.table))
      throw new Error(`cascade: ${t[ref.table].ids[ref.index]} (${ref.table}) cannot fail`);
  }
  const restoration = options.restoration ?? true;
  const state = options.state ?? new CascadeState(ctx.model);
  state.reset();
  const evaluator = options.evaluator ?? fullEvaluator(ctx);
  const evaluate = (s: CascadeState) => evaluator.evaluate(s);
  const baseline = evaluate(state);
  let pending: Pending[] = initial.map((ref) => ({ ref, cause: 'initial' }));
  pending.push(...conditionsOverloads(ctx), ...weatherFailures(ctx, options.stochasticSeed));
  const waves: CascadeWave[] = [];
  const tiesClosed: string[] = [];
  let customersRestored = 0;
  let ev: Evaluation = baseline;

  let stage = 0;
  for (let w = 0; w < (options.maxWaves ?? 30); w++) {
    if (pending.length === 0) {
      if (stage >= later.length) break;
      pending = later[stage++].map((ref) => ({ ref, cause: 'initial' }));
    }
    const failed: FailedAsset[] = [];
    for (const p of pending) applyFailure(ctx, state, p, w, restoration, failed);
    ev = evaluate(state);
    if (restoration) {
      const regions: (readonly number[])[] = [];
      const closed = restoreThroughTies(ctx, {
        topology: ev.topology,
        sectionOpen: state.sectionsOpen,
        tieClosed: state.tiesClosed,
        tieFailed: state.tiesFailed,
        blocked: state.blockedNodes,
        edge_kw: ev.edge_kw,
        feeder_kw: ev.feeder_kw,
        ties: ev.scope?.ties,
        onPickup: (_, region) => regions.push(region),
      });
      if (closed.length) {
        const before = ev.customersServed;
        for (const k of closed) {
          state.closeTie(k);
          tiesClosed.push(t.switches.ids[k]);
        }
        if (ctx.coldLoad.active[Pickup.Tie])
          for (const region of regions) for (const n of region) state.pickUp(n, Pickup.Tie);
        ev = evaluate(state);
        customersRestored += ev.customersServed - before;
      }
    }
    if (shedForDeficits(ctx, state, ev, w, failed)) ev = evaluate(state);
    // Demand not served counts customers at their normal demand: a cold-load excess is not service.
    const excess_mw = pickupExcessKw(ctx, state, ev.energization.customers!) / 1000;
    waves.push({
      wave: w,
      failed,
      customers_out: t.customers.size - ev.customersServed,
      critical_out: baseline.criticalServed - ev.criticalServed,
      mw_out: round(baseline.served_mw - (ev.served_mw - excess_mw)),
    });
    pending = findOverloads(ctx, state, ev)
      .filter((o) => !state.hasFailed(o.table, o.index))
      .map((o) => ({
        ref: { table: o.table, index: o.index },
        cause: 'overload',
        loading_pct: round(o.loading_pct),
      }));
  }
  const last = waves.at(-1);
  return {
    scenario: ctx.scenario.name,
    conditions: ctx.conditions,
    initial: initial.map((r) => t[r.table].ids[r.index]),
    then: later.map((refs) => refs.map((r) => t[r.table].ids[r.index])),
    waves,
    customers_lost: last?.customers_out ?? 0,
    critical_customers_lost: baseline.criticalServed - ev.criticalServed,
    mw_shed: last?.mw_out ?? 0,
    assets_failed: waves.reduce(
      (n, wave) =>
        n + wave.failed.filter((f) => f.cause !== 'protection_trip' && f.cause !== 'load_shed').length,
      0,
    ),
    ties_closed: tiesClosed,
    customers_restored: customersRestored,
  };
}

// `|| 0` turns −0 (a tiny negative rounded) into 0, as stored results have it.
const round = (v: number) => Math.round(v * 1000) / 1000 || 0;

const normalOverloads = new WeakMap<CascadeContext, Pending[]>();

/**
 * Equipment already above its trip limit before anything fails (load and heat beyond what the
 * grid was planned for): it trips in wave 0 whatever the patient zero, as part of what the
 * conditions do on their own. Found by a full evaluation of the normal state, once per context,
 * so sweeps (which evaluate incrementally) see the same list.
 */
function conditionsOverloads(ctx: CascadeContext): Pending[] {
  let list = normalOverloads.get(ctx);
  if (!list) {
    const state = new CascadeState(ctx.model);
    list = findOverloads(ctx, state, evaluateFully(ctx, state)).map((o) => ({
      ref: { table: o.table, index: o.index },
      cause: 'overload' as const,
      loading_pct: round(o.loading_pct),
    }));
    normalOverloads.set(ctx, list);
  }
  return list;
}

const deterministicWeather = new WeakMap<CascadeContext, Pending[]>();

/** Weather failures at the start: drawn with the seed, or every asset at p ≥ the threshold. */
function weatherFailures(ctx: CascadeContext, seed?: number): Pending[] {
  if (seed === undefined) {
    let list = deterministicWeather.get(ctx);
    if (!list) deterministicWeather.set(ctx, (list = drawWeather(ctx)));
    return list;
  }
  return drawWeather(ctx, seed);
}

function drawWeather(ctx: CascadeContext, seed?: number): Pending[] {
  return weatherFailuresOf(ctx, seed).map((f) => ({
    ref: { table: f.table, index: f.index },
    cause: 'weather',
    probability: f.probability,
  }));
}

/** Under-frequency load shedding: in each island short of generation, shed live feeders, largest first. */
function shedForDeficits(
  ctx: CascadeContext,
  state: CascadeState,
  ev: Evaluation,
  wave: number,
  log: FailedAsset[],
): boolean {
  const t = ctx.model.tables;
  const tr = ev.transmission;
  let shed = false;
  for (let isl = 0; isl < tr.islandDeficit_mw.length; isl++) {
    let deficit = tr.islandDeficit_mw[isl];
    if (deficit <= 1e-9) continue;
    const candidates: number[] = [];
    t.feeders.cols.substation.forEach((s, f) => {
      if (ev.feeder_kw[f] > 0 && tr.busIsland[t.substations.cols.bus[s]] === isl) candidates.push(f);
    });
    // Islands with no generation at all are already dark through energization.
    const hasGeneration = t.generators.cols.bus.some(
      (b, g) => !state.generatorsOut[g] && tr.busIsland[b] === isl,
    );
    if (!hasGeneration) continue;
    candidates.sort((a, b) => ev.feeder_kw[b] - ev.feeder_kw[a] || a - b);
    for (const f of candidates) {
      if (deficit <= 1e-9) break;
      state.feederOff(f);
      deficit -= ev.feeder_kw[f] / 1000;
      shed = true;
      if (state.markFailed('feeders', f)) {
        log.push({
          id: t.feeders.ids[f],
          table: 'feeders',
          wave,
          cause: 'load_shed',
          customers: ctx.nodeCustomers[t.feeders.cols.head_node[f]],
        });
      }
    }
  }
  return shed;
}
