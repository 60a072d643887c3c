/**
 * Tie-transfer capability at the design peak, planned the way distribution planners do it: the
 * loss of any feeder's head (a fault on the getaway, cleared by the breaker and isolated at the
 * nearest switching points) or of any substation transformer (its feeders off at their heads)
 * must leave every healthy dark region that has a tie restorable through a tie within emergency
 * ratings, at every design-peak hour (docs/planning.md). The check is the cascade's own
 * (src/cascade/head-outage-restoration.ts over `restoreThroughTies`); where a region cannot
 * be picked up, the planner reinforces one of its ties: the conductors of the backfed path and
 * the receiving path (rebuilt three-phase where they were single-phase, as tie routes are), the
 * tie switch, and the receiving substation transformer. It prefers the tie that needs no bigger
 * substation transformer, then the one with the fewest kilometres to reconductor. Passes repeat
 * until no region fails. Every choice is in index order, so the same grid gives the same plan.
 */
import { buildCascadeContext, type CascadeContext } from '../cascade/cascade-context.ts';
import {
  feederHeadOutage,
  substationTransformerOutage,
  normalState,
  type DeadRegion,
  type NormalState,
  type OutageRestoration,
} from '../cascade/head-outage-restoration.ts';
import { lineCurrentA } from '../model/electrical.ts';
import type { GridModel } from '../model/grid-model.ts';
import { POWER_FACTOR } from '../model/load-model.ts';
import { designPeakHourConditions } from '../model/operating-conditions.ts';
import { EMERGENCY_RATING_FACTOR, lineRatingFactor, transformerRatingFactor } from '../model/thermal.ts';
import { conductorWithAmpacity, smallestStandard, SUBSTATION_TRANSFORMER_MVA } from './equipment-ratings.ts';

/** Continuous ratings of distribution load-break switches (overhead gang-operated and pad-mounted). */
export const TIE_SWITCH_A = [600, 900, 1200];
/** Reinforcement converges in two or three passes; more means something is wrong. */
const MAX_PASSES = 10;
/** Sizes are chosen a hair above the need so rounding never leaves them just short. */
const SIZE_SLACK = 1 + 1e-9;

export interface TransferPlan {
  /** Passes over every outage at every design-peak hour (the last one found nothing to reinforce). */
  passes: number;
  sectionsReinforced: number;
  tiesReinforced: number;
  substationTransformersReinforced: number;
  /** Dark regions with a tie still not restorable after the last pass (0 when the plan holds). */
  unresolved: number;
}

interface Upgrade {
  tie: number;
  /** Sections and the nominal ampacity each needs (three-phase). */
  sections: Map<number, number>;
  length_km: number;
  switch_a: number;
  stx: number;
  stx_mva: number;
}

/** Reinforces `model` in place until every feeder-head and substation transformer outage restores its tied regions. */
export function planTieTransfers(model: GridModel): TransferPlan {
  const t = model.tables;
  const contexts = designPeakHourConditions().map((conditions) =>
    buildCascadeContext(model, { name: 'design_peak', conditions }),
  );
  const normals = contexts.map(normalState);
  const touched = { sections: new Set<number>(), ties: new Set<number>(), stx: new Set<number>() };
  let passes = 0;
  let unresolved = 0;
  const reinforce = (ctx: CascadeContext, normal: NormalState, out: OutageRestoration) => {
    for (const region of out.regions) {
      if (region.ties.length === 0 || region.restoredBy >= 0) continue;
      unresolved++;
      applyUpgrade(model, contexts, cheapestUpgrade(ctx, normal, out, region), touched);
    }
  };
  while (passes < MAX_PASSES) {
    passes++;
    unresolved = 0;
    contexts.forEach((ctx, h) => {
      for (let f = 0; f < t.feeders.size; f++)
        reinforce(ctx, normals[h], feederHeadOutage(ctx, normals[h], f));
      for (let k = 0; k < t.substation_transformers.size; k++)
        reinforce(ctx, normals[h], substationTransformerOutage(ctx, normals[h], k));
    });
    if (unresolved === 0) break;
  }
  propagateThreePhase(contexts[0]);
  syncDeviceRatings(model);
  return {
    passes,
    sectionsReinforced: touched.sections.size,
    tiesReinforced: touched.ties.size,
    substationTransformersReinforced: touched.stx.size,
    unresolved,
  };
}

/** What closing each of the region's ties would need; the cheapest by the planner's preference. */
function cheapestUpgrade(
  ctx: CascadeContext,
  normal: NormalState,
  out: OutageRestoration,
  region: DeadRegion,
): Upgrade {
  const promised = promisedLoads(ctx, normal, out);
  const lost = new Set(out.feeders);
  let best: Upgrade | undefined;
  for (const k of region.ties) {
    const u = tieUpgrade(ctx, normal, lost, region, k, promised);
    if (!best || upgradeCost(u, best) < 0) best = u;
  }
  return best!;
}

/** A bigger substation transformer costs most, then kilometres of reconductoring, then a switch. */
function upgradeCost(a: Upgrade, b: Upgrade): number {
  return (
    Number(a.stx >= 0) - Number(b.stx >= 0) ||
    a.length_km - b.length_km ||
    Number(a.switch_a > 0) - Number(b.switch_a > 0)
  );
}

interface Promised {
  edge_kw: Map<number, number>;
  stx_kw: Float64Array;
}

/** Load on receiving sections and substation transformers once the outage's transfers are made. */
function promisedLoads(ctx: CascadeContext, normal: NormalState, out: OutageRestoration): Promised {
  const t = ctx.model.tables;
  const stxOf = t.feeders.cols.substation_transformer;
  const stx_kw = new Float64Array(t.substation_transformers.size);
  const lost = new Set(out.feeders);
  normal.feeder_kw.forEach((kw, f) => !lost.has(f) && (stx_kw[stxOf[f]] += kw));
  const edge_kw = new Map<number, number>();
  for (const r of out.regions) {
    if (r.restoredBy < 0) continue;
    const live = tieEnds(ctx, lost, r.restoredBy).live;
    for (const e of receivingPath(ctx, normal, live)) edge_kw.set(e, (edge_kw.get(e) ?? 0) + r.load_kw);
    stx_kw[stxOf[normal.topology.nodeFeeder[live]]] += r.load_kw;
  }
  return { edge_kw, stx_kw };
}

/** The ends of tie `k` on a lost feeder (dead) and on a live one. */
function tieEnds(ctx: CascadeContext, lost: Set<number>, k: number): { dead: number; live: number } {
  const sw = ctx.model.tables.switches.cols;
  const a = sw.node_a[k];
  const b = sw.node_b[k];
  return lost.has(ctx.model.tables.dist_nodes.cols.feeder[a]) ? { dead: a, live: b } : { dead: b, live: a };
}

/** Sections from `live` up to its feeder head in the normal state. */
function receivingPath(ctx: CascadeContext, normal: NormalState, live: number): number[] {
  const path: number[] = [];
  const topo = normal.topology;
  for (
    let n = live;
    topo.parentEdge[n] >= 0 && topo.parentEdge[n] < ctx.adjacency.nSections;
    n = topo.parentNode[n]
  )
    path.push(topo.parentEdge[n]);
  return path;
}

/** Everything closing tie `k` onto `region` would need at this hour. */
function tieUpgrade(
  ctx: CascadeContext,
  normal: NormalState,
  lost: Set<number>,
  region: DeadRegion,
  k: number,
  promised: Promised,
): Upgrade {
  const t = ctx.model.tables;
  const sw = t.switches.cols;
  const sec = t.line_sections.cols;
  const inRegion = new Set(region.nodes);
  const { dead, live } = tieEnds(ctx, lost, k);
  const g = normal.topology.nodeFeeder[live];
  const kv = t.feeders.cols.kv[g];
  const lineLimit = lineRatingFactor(ctx.conditions.temperature_c) * EMERGENCY_RATING_FACTOR;
  const sections = new Map<number, number>();
  let length_km = 0;
  const need = (e: number, kw: number) => {
    if (lineCurrentA(kw, kv, sec.phases[e], POWER_FACTOR) <= ctx.sectionLimit_a[e]) return;
    // A tie route is rebuilt three-phase with a conductor that carries the transfer.
    sections.set(e, Math.max(sections.get(e) ?? 0, lineCurrentA(kw, kv, 3, POWER_FACTOR) / lineLimit));
    length_km += sec.length_km[e];
  };
  // Backfed path: walked from the tie, as the restoration walks it, so each section carries what lies beyond.
  const adj = ctx.adjacency;
  const via = new Map<number, number>([[dead, -1]]);
  const order = [dead];
  for (let q = 0; q < order.length; q++) {
    const n = order[q];
    for (let j = adj.offsets[n]; j < adj.offsets[n + 1]; j++) {
      const e = adj.edge[j];
      const m = adj.neighbour[j];
      if (e >= adj.nSections || via.has(m) || !inRegion.has(m)) continue;
      via.set(m, e);
      order.push(m);
    }
  }
  const beyond = new Map<number, number>();
  let load = 0;
  for (let q = order.length - 1; q >= 0; q--) {
    const n = order[q];
    const kw = (beyond.get(n) ?? 0) + ctx.nodeDemand_kw[n];
    const e = via.get(n)!;
    if (e < 0) {
      load = kw;
      continue;
    }
    need(e, kw);
    const parent = sec.from_node[e] === n ? sec.to_node[e] : sec.from_node[e];
    beyond.set(parent, (beyond.get(parent) ?? 0) + kw);
  }
  for (const e of receivingPath(ctx, normal, live))
    need(e, normal.edge_kw[e] + (promised.edge_kw.get(e) ?? 0) + load);
  const tie_a = lineCurrentA(load, kv, 3, POWER_FACTOR);
  const stx = t.feeders.cols.substation_transformer[g];
  const stx_mva = (promised.stx_kw[stx] + load) / 1000 / POWER_FACTOR;
  const stxShort = stx_mva > ctx.stxLimit_mva[stx];
  return {
    tie: k,
    sections,
    length_km,
    switch_a: tie_a > sw.rating_a[k] ? tie_a : 0,
    stx: stxShort ? stx : -1,
    stx_mva: stxShort
      ? stx_mva / (transformerRatingFactor(ctx.conditions.temperature_c) * EMERGENCY_RATING_FACTOR)
      : 0,
  };
}

function applyUpgrade(
  model: GridModel,
  contexts: CascadeContext[],
  u: Upgrade,
  touched: { sections: Set<number>; ties: Set<number>; stx: Set<number> },
): void {
  const t = model.tables;
  const sec = t.line_sections.cols;
  for (const [e, ampacity] of u.sections) {
    const choice = conductorWithAmpacity(ampacity * SIZE_SLACK, sec.overhead[e] === 1);
    sec.phases[e] = 3;
    if (choice.rating_a > sec.rating_a[e]) {
      sec.rating_a[e] = choice.rating_a;
      sec.conductor[e] = choice.code;
    }
    for (const ctx of contexts)
      ctx.sectionLimit_a[e] =
        sec.rating_a[e] * lineRatingFactor(ctx.conditions.temperature_c) * EMERGENCY_RATING_FACTOR;
    touched.sections.add(e);
  }
  if (u.switch_a > 0) {
    t.switches.cols.rating_a[u.tie] = Math.max(
      t.switches.cols.rating_a[u.tie],
      smallestStandard(TIE_SWITCH_A, u.switch_a * SIZE_SLACK),
    );
    touched.ties.add(u.tie);
  }
  if (u.stx >= 0) {
    const r = t.substation_transformers.cols.rating_mva;
    r[u.stx] = Math.max(r[u.stx], smallestStandard(SUBSTATION_TRANSFORMER_MVA, u.stx_mva * SIZE_SLACK));
    for (const ctx of contexts)
      ctx.stxLimit_mva[u.stx] =
        r[u.stx] * transformerRatingFactor(ctx.conditions.temperature_c) * EMERGENCY_RATING_FACTOR;
    touched.stx.add(u.stx);
  }
}

/** A section that feeds a three-phase section is three-phase too (as laid out), now that tie routes are. */
function propagateThreePhase(ctx: CascadeContext): void {
  const sec = ctx.model.tables.line_sections.cols;
  const { order, upstreamSection } = ctx.graph;
  for (let i = order.length - 1; i >= 0; i--) {
    const s = upstreamSection[order[i]];
    const parent = s >= 0 ? upstreamSection[sec.from_node[s]] : -1;
    if (s >= 0 && parent >= 0 && sec.phases[s] === 3) sec.phases[parent] = 3;
  }
}

/** Breakers and sectionalizers stay at least as strong as the conductor they sit on (as laid out). */
function syncDeviceRatings(model: GridModel): void {
  const t = model.tables;
  const rating = t.line_sections.cols.rating_a;
  const dev = t.protective_devices.cols;
  for (let d = 0; d < t.protective_devices.size; d++)
    if (dev.kind[d] === 0) dev.rating_a[d] = Math.max(dev.rating_a[d], rating[dev.section[d]]);
  const sw = t.switches.cols;
  for (let k = 0; k < t.switches.size; k++)
    if (sw.kind[k] === 0 && sw.section[k] >= 0)
      sw.rating_a[k] = Math.max(sw.rating_a[k], rating[sw.section[k]]);
}
