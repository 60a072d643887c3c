/**
 * What the operating conditions do to each asset before anything fails, from one evaluation of
 * the normal state (the simulator's own load flow, no cascade): its loading against its trip
 * limit, the demand it carries, the headroom of the ties that could pick up its load against
 * that load's cold-load demand, and the weather's failure probabilities on and below it.
 */
import { POWER_FACTOR } from '../../model/load-model.ts';
import type { CascadeContext } from '../../cascade/cascade-context.ts';
import type { Evaluation } from '../../cascade/cascade-evaluation.ts';
import { Pickup } from '../../cascade/cold-load.ts';
import { CODES } from '../../model/codes.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';
import { maxUpTree, sumUpTree } from '../../topology/subtree-values.ts';

export interface LoadingFeatures {
  /** Loading ÷ trip limit (≥ 1: it trips under these conditions with nothing failed). */
  load_ratio: Float64Array;
  /** Demand carried (MW). */
  demand_mw: Float64Array;
  /** Best single tie's receiving headroom below the asset ÷ the cold-load demand below it (capped at 5). */
  tie_cover: Float64Array;
  /** Cold-load demand of a tie pickup ÷ normal demand, below the asset. */
  cold_load_ratio: Float64Array;
  /** Weather failure probability of the asset itself, and expected weather failures below it. */
  hazard_own: Float64Array;
  hazard_below: Float64Array;
}

/** kW a section carries at its trip current. */
function sectionLimitKw(ctx: CascadeContext, s: number): number {
  const t = ctx.model.tables;
  const kv = t.feeders.cols.kv[t.line_sections.cols.feeder[s]];
  const volts = t.line_sections.cols.phases[s] === 3 ? Math.sqrt(3) * kv : kv / Math.sqrt(3);
  return ctx.sectionLimit_a[s] * volts * POWER_FACTOR;
}

export function loadingFeatures(ctx: CascadeContext, ev: Evaluation, graph: AssetGraph): LoadingFeatures {
  const t = ctx.model.tables;
  const dist = ctx.graph;
  const sec = t.line_sections.cols;
  const nSec = t.line_sections.size;
  const o = graph.offset;
  const n = graph.nodeCount;
  const f: LoadingFeatures = {
    load_ratio: new Float64Array(n),
    demand_mw: new Float64Array(n),
    tie_cover: new Float64Array(n),
    cold_load_ratio: new Float64Array(n),
    hazard_own: new Float64Array(n),
    hazard_below: new Float64Array(n),
  };

  // Sections, and the stx each feeder hangs on.
  const sectionRatio = new Float64Array(nSec);
  for (let s = 0; s < nSec; s++) {
    const limit = sectionLimitKw(ctx, s);
    sectionRatio[s] = limit > 0 ? ev.edge_kw[s] / limit : 0;
  }
  const stx_kw = new Float64Array(t.substation_transformers.size);
  t.feeders.cols.substation_transformer.forEach((k, fd) => k >= 0 && (stx_kw[k] += ev.feeder_kw[fd]));
  const stxHeadroomKw = Float64Array.from(stx_kw, (kw, k) => ctx.stxLimit_mva[k] * 1000 * POWER_FACTOR - kw);

  // Receiving headroom of each tie end: the weakest section from the other end up to its head, and its stx.
  const headroomAt = new Float64Array(dist.nodeCount);
  const tie = CODES.switch_kind.indexOf('tie');
  const sw = t.switches.cols;
  const pathHeadroom = (from: number): number => {
    let room = Infinity;
    let node = from;
    for (let guard = 0; guard <= dist.nodeCount; guard++) {
      const s = dist.upstreamSection[node];
      if (s < 0) break;
      room = Math.min(room, sectionLimitKw(ctx, s) - ev.edge_kw[s]);
      node = sec.from_node[s];
    }
    const feeder = ev.topology.nodeFeeder[from];
    const k = feeder >= 0 ? t.feeders.cols.substation_transformer[feeder] : -1;
    if (feeder < 0) return 0;
    if (k >= 0) room = Math.min(room, stxHeadroomKw[k]);
    return Math.max(0, room);
  };
  for (let w = 0; w < t.switches.size; w++) {
    if (sw.kind[w] !== tie || sw.node_a[w] < 0 || sw.node_b[w] < 0) continue;
    headroomAt[sw.node_a[w]] = Math.max(headroomAt[sw.node_a[w]], pathHeadroom(sw.node_b[w]));
    headroomAt[sw.node_b[w]] = Math.max(headroomAt[sw.node_b[w]], pathHeadroom(sw.node_a[w]));
  }
  maxUpTree(dist, sec.from_node, headroomAt);

  // Normal and tie-pickup (cold) demand below each node.
  const normal = ctx.coldLoad.customer_kw[Pickup.None];
  const cold = ctx.coldLoad.customer_kw[Pickup.Tie];
  const normalBelow = new Float64Array(dist.nodeCount);
  const coldBelow = new Float64Array(dist.nodeCount);
  for (let c = 0; c < t.customers.size; c++) {
    const node = t.transformers.cols.node[t.meters.cols.transformer[t.customers.cols.meter[c]]];
    normalBelow[node] += normal[c];
    coldBelow[node] += cold[c];
  }
  sumUpTree(dist, sec.from_node, normalBelow);
  sumUpTree(dist, sec.from_node, coldBelow);

  // Weather: sections' tree strikes and the poles they hang on, transformers' and substations' flooding.
  const hazardAtNode = new Float64Array(dist.nodeCount);
  const poleOfNode = t.dist_nodes.cols.pole;
  for (let s = 0; s < nSec; s++) {
    const below = sec.to_node[s];
    const pole = below >= 0 ? poleOfNode[below] : -1;
    hazardAtNode[below] += ctx.sectionHazard[s] + (pole >= 0 ? ctx.poleHazard[pole] : 0);
  }
  t.transformers.cols.node.forEach((node, x) => (hazardAtNode[node] += ctx.transformerHazard[x]));
  const hazardBelow = Float64Array.from(hazardAtNode);
  sumUpTree(dist, sec.from_node, hazardBelow);

  const belowNode = (v: number, node: number) => {
    if (node < 0) return;
    f.demand_mw[v] = normalBelow[node] / 1000;
    f.cold_load_ratio[v] = normalBelow[node] > 0 ? coldBelow[node] / normalBelow[node] : 1;
    f.tie_cover[v] = coldBelow[node] > 0 ? Math.min(5, headroomAt[node] / coldBelow[node]) : 5;
    f.hazard_below[v] = hazardBelow[node];
  };
  const onSection = (v: number, s: number) => {
    if (s < 0) return;
    belowNode(v, sec.to_node[s]);
    f.load_ratio[v] = sectionRatio[s];
  };
  for (let s = 0; s < nSec; s++) {
    onSection(o.line_sections + s, s);
    const pole = poleOfNode[sec.to_node[s]];
    f.hazard_own[o.line_sections + s] = ctx.sectionHazard[s] + (pole >= 0 ? ctx.poleHazard[pole] : 0);
  }
  t.protective_devices.cols.section.forEach((s, d) => onSection(o.protective_devices + d, s));
  t.switches.cols.section.forEach((s, w) => onSection(o.switches + w, s));
  for (let x = 0; x < t.transformers.size; x++) {
    const v = o.transformers + x;
    f.demand_mw[v] = ev.transformer_kw[x] / 1000;
    f.load_ratio[v] = ev.transformer_kw[x] / POWER_FACTOR / ctx.transformerLimit_kva[x];
    f.hazard_own[v] = ctx.transformerHazard[x];
    f.cold_load_ratio[v] = 1;
  }
  // Feeders and everything above them: sums over their feeders, the worst ratio among them.
  const feederCover = (fd: number) => t.feeders.cols.head_node[fd];
  const group = (v: number, feeders: number[], ratio: number, hazard: number) => {
    let normalKw = 0;
    let coldKw = 0;
    let room = 0;
    for (const fd of feeders) {
      const head = feederCover(fd);
      normalKw += normalBelow[head];
      coldKw += coldBelow[head];
      room += headroomAt[head];
      f.hazard_below[v] += hazardBelow[head];
    }
    f.demand_mw[v] = normalKw / 1000;
    f.cold_load_ratio[v] = normalKw > 0 ? coldKw / normalKw : 1;
    f.tie_cover[v] = coldKw > 0 ? Math.min(5, room / coldKw) : 5;
    f.load_ratio[v] = ratio;
    f.hazard_own[v] = hazard;
  };
  const feedersBy = groupFeeders(t.feeders.size, (fd) => t.feeders.cols.substation_transformer[fd]);
  const stxRatio = Float64Array.from(stx_kw, (kw, k) => kw / 1000 / POWER_FACTOR / ctx.stxLimit_mva[k]);
  const stxSub = t.substation_transformers.cols.substation;
  for (let fd = 0; fd < t.feeders.size; fd++) {
    const head = t.feeders.cols.head_node[fd];
    let headRatio = 0;
    for (let c = dist.childStart[head]; c < dist.childStart[head + 1]; c++)
      headRatio = Math.max(headRatio, sectionRatio[dist.childSections[c]]);
    group(o.feeders + fd, [fd], headRatio, 0);
  }
  for (let k = 0; k < t.substation_transformers.size; k++) {
    const sub = stxSub[k];
    group(
      o.substation_transformers + k,
      feedersBy.get(k) ?? [],
      stxRatio[k],
      sub >= 0 ? ctx.substationHazard[sub] : 0,
    );
  }
  for (let s = 0; s < t.substations.size; s++) {
    const feeders: number[] = [];
    let ratio = 0;
    for (let k = 0; k < stxSub.length; k++)
      if (stxSub[k] === s) {
        feeders.push(...(feedersBy.get(k) ?? []));
        ratio = Math.max(ratio, stxRatio[k]);
      }
    group(o.substations + s, feeders, ratio, ctx.substationHazard[s]);
  }
  return f;
}

function groupFeeders(count: number, key: (fd: number) => number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let fd = 0; fd < count; fd++) {
    const k = key(fd);
    if (k < 0) continue;
    const list = out.get(k);
    if (list) list.push(fd);
    else out.set(k, [fd]);
  }
  return out;
}
