/**
 * What restoration through ties does when a feeder loses its head, as the cascade does it in the
 * wave the outage happens: a fault on the getaway section is cleared by the feeder breaker and
 * isolated at the nearest switching points (src/cascade/protection.ts), every other feeder
 * carries its normal load, and `restoreThroughTies` picks up what it can. Planners ask this of
 * every feeder (src/generator/transfer-planning.ts), and `flux info` reports it
 * (src/analytics/tie-transfer-check.ts). The loss of a substation transformer (all its feeders
 * off at their heads, nothing faulted) is asked the same way.
 */
import { switchedEdgeLoads, switchedTopology, type SwitchedTopology } from '../topology/switched-network.ts';
import type { CascadeContext } from './cascade-context.ts';
import { clearFault } from './protection.ts';
import { restoreThroughTies } from './transfer.ts';

/** Every feeder live, no tie closed: the state an outage starts from. */
export interface NormalState {
  topology: SwitchedTopology;
  /** Load through each section (then each tie) and on each feeder head in the normal state. */
  edge_kw: Float64Array;
  feeder_kw: Float64Array;
  /** Nodes supplied by each feeder, parents first (the head first). */
  feederNodes: Int32Array[];
  /** Tie switches with an end on each feeder, ascending. */
  feederTies: Int32Array[];
  /** Customers on the transformers at each node (not below it). */
  nodeOwnCustomers: Int32Array;
  /** Scratch state an outage sets and clears again (regionOf: -1 outside any dark region). */
  sectionOpen: Uint8Array;
  regionOf: Int32Array;
  blocked: Uint8Array;
  tieClosed: Uint8Array;
  tieFailed: Uint8Array;
}

/** A healthy part of a feeder left dark by an outage: nodes connected over closed sections. */
export interface DeadRegion {
  nodes: number[];
  /** Ties from the region to a live feeder of the same voltage (ascending): how it could be picked up. */
  ties: number[];
  load_kw: number;
  customers: number;
  /** The tie restoration closed to pick it up; -1 when it stays dark. */
  restoredBy: number;
}

export interface OutageRestoration {
  /** Feeders whose heads were lost. */
  feeders: number[];
  /** Healthy dark regions, in the order the lost feeders' nodes are walked from their heads. */
  regions: DeadRegion[];
  /** Ties closed, ascending. */
  closed: number[];
}

export function normalState(ctx: CascadeContext): NormalState {
  const t = ctx.model.tables;
  const nNode = t.dist_nodes.size;
  const nSec = t.line_sections.size;
  const topology = switchedTopology(
    ctx.model,
    ctx.adjacency,
    new Uint8Array(t.feeders.size).fill(1),
    new Uint8Array(nSec),
    new Uint8Array(t.switches.size),
  );
  const { edge_kw, feeder_kw } = switchedEdgeLoads(
    topology,
    ctx.nodeDemand_kw,
    nSec + t.switches.size,
    t.feeders.size,
  );
  const nodesOf: number[][] = Array.from({ length: t.feeders.size }, () => []);
  for (const n of topology.order) nodesOf[topology.nodeFeeder[n]].push(n);
  const tiesOf: number[][] = Array.from({ length: t.feeders.size }, () => []);
  const sw = t.switches.cols;
  for (let k = 0; k < t.switches.size; k++) {
    if (sw.kind[k] !== 1) continue;
    const fa = topology.nodeFeeder[sw.node_a[k]];
    const fb = topology.nodeFeeder[sw.node_b[k]];
    if (fa >= 0) tiesOf[fa].push(k);
    if (fb >= 0 && fb !== fa) tiesOf[fb].push(k);
  }
  const nodeOwnCustomers = new Int32Array(nNode);
  t.transformers.cols.node.forEach((n, x) => (nodeOwnCustomers[n] += ctx.transformerCustomers[x]));
  return {
    topology,
    edge_kw,
    feeder_kw,
    feederNodes: nodesOf.map((a) => Int32Array.from(a)),
    feederTies: tiesOf.map((a) => Int32Array.from(a)),
    nodeOwnCustomers,
    sectionOpen: new Uint8Array(nSec),
    regionOf: new Int32Array(nNode).fill(-1),
    blocked: new Uint8Array(nNode),
    tieClosed: new Uint8Array(t.switches.size),
    tieFailed: new Uint8Array(t.switches.size),
  };
}

/** The getaway section of feeder `f` (from its head out of the substation); -1 when it has none or several. */
export function getawaySection(ctx: CascadeContext, f: number): number {
  const head = ctx.model.tables.feeders.cols.head_node[f];
  const g = ctx.graph;
  return g.childStart[head + 1] - g.childStart[head] === 1 ? g.childSections[g.childStart[head]] : -1;
}

/** Loss of feeder `f`'s head: a fault on its getaway, cleared, isolated and restored through ties. */
export function feederHeadOutage(ctx: CascadeContext, normal: NormalState, f: number): OutageRestoration {
  const getaway = getawaySection(ctx, f);
  if (getaway < 0)
    throw new Error(
      `head-outage-restoration: feeder ${ctx.model.tables.feeders.ids[f]} has no single getaway section`,
    );
  const clearing = clearFault(ctx, getaway, true);
  return restoreAfter(ctx, normal, [f], clearing.opened, clearing.zoneNodes);
}

/** Loss of substation transformer `k`: its feeders off at their getaways, nothing faulted. */
export function substationTransformerOutage(
  ctx: CascadeContext,
  normal: NormalState,
  k: number,
): OutageRestoration {
  const feeders: number[] = [];
  ctx.model.tables.feeders.cols.substation_transformer.forEach((kk, f) => kk === k && feeders.push(f));
  // Every section leaving the heads opens, as CascadeState opens a feeder's getaways.
  const g = ctx.graph;
  const opened: number[] = [];
  for (const f of feeders) {
    const head = ctx.model.tables.feeders.cols.head_node[f];
    for (let c = g.childStart[head]; c < g.childStart[head + 1]; c++) opened.push(g.childSections[c]);
  }
  return restoreAfter(ctx, normal, feeders, opened, []);
}

function restoreAfter(
  ctx: CascadeContext,
  normal: NormalState,
  feeders: number[],
  opened: number[],
  zoneNodes: number[],
): OutageRestoration {
  const { topology, sectionOpen, blocked } = normal;
  const energized = topology.nodeEnergized;
  for (const s of opened) sectionOpen[s] = 1;
  for (const n of zoneNodes) blocked[n] = 1;
  const saved_kw = feeders.map((f) => normal.feeder_kw[f]);
  // Everything below the open getaway goes dark; the head itself stays on the substation bus.
  for (const f of feeders) {
    const nodes = normal.feederNodes[f];
    for (let i = 1; i < nodes.length; i++) energized[nodes[i]] = 0;
    normal.feeder_kw[f] = 0;
  }
  const ties = feeders.length === 1 ? normal.feederTies[feeders[0]] : unionSorted(normal, feeders);
  try {
    const closed = restoreThroughTies(ctx, {
      topology,
      sectionOpen,
      tieClosed: normal.tieClosed,
      tieFailed: normal.tieFailed,
      blocked,
      edge_kw: normal.edge_kw,
      feeder_kw: normal.feeder_kw,
      ties,
    }).sort((a, b) => a - b);
    const regions = deadRegions(ctx, normal, feeders, ties, closed);
    return { feeders, regions, closed };
  } finally {
    for (const s of opened) sectionOpen[s] = 0;
    for (const n of zoneNodes) blocked[n] = 0;
    feeders.forEach((f, i) => {
      const nodes = normal.feederNodes[f];
      for (let j = 1; j < nodes.length; j++) energized[nodes[j]] = 1;
      normal.feeder_kw[f] = saved_kw[i];
    });
  }
}

function unionSorted(normal: NormalState, feeders: number[]): Int32Array {
  const set = new Set<number>();
  for (const f of feeders) for (const k of normal.feederTies[f]) set.add(k);
  return Int32Array.from([...set].sort((a, b) => a - b));
}

/** The dark healthy regions of the lost feeders and the ties that reach a live feeder from each. */
function deadRegions(
  ctx: CascadeContext,
  normal: NormalState,
  feeders: number[],
  ties: Int32Array,
  closed: number[],
): DeadRegion[] {
  const t = ctx.model.tables;
  const sw = t.switches.cols;
  const { topology, blocked, regionOf } = normal;
  const energized = topology.nodeEnergized;
  const regions: DeadRegion[] = [];
  for (const f of feeders) {
    const nodes = normal.feederNodes[f];
    for (let i = 1; i < nodes.length; i++) {
      const start = nodes[i];
      if (blocked[start] || regionOf[start] >= 0) continue;
      regions.push(walkRegion(ctx, normal, start, regions.length));
    }
  }
  const kv = t.feeders.cols.kv;
  const nodeFeeder = t.dist_nodes.cols.feeder;
  for (const k of ties) {
    const a = sw.node_a[k];
    const b = sw.node_b[k];
    if (energized[a] === energized[b]) continue;
    const dead = energized[a] ? b : a;
    const live = energized[a] ? a : b;
    const r = regionOf[dead];
    if (r < 0 || kv[topology.nodeFeeder[live]] !== kv[nodeFeeder[dead]]) continue;
    regions[r].ties.push(k);
  }
  for (const k of closed) {
    const r = regionOf[energized[sw.node_a[k]] ? sw.node_b[k] : sw.node_a[k]];
    if (r >= 0) regions[r].restoredBy = k;
  }
  for (const region of regions) for (const n of region.nodes) regionOf[n] = -1;
  return regions;
}

/** The dark region around `start`, over closed sections, labelled `r` in `normal.regionOf`. */
function walkRegion(ctx: CascadeContext, normal: NormalState, start: number, r: number): DeadRegion {
  const adj = ctx.adjacency;
  const { sectionOpen, blocked, regionOf } = normal;
  const energized = normal.topology.nodeEnergized;
  const region: DeadRegion = { nodes: [start], ties: [], load_kw: 0, customers: 0, restoredBy: -1 };
  regionOf[start] = r;
  for (let q = 0; q < region.nodes.length; q++) {
    const n = region.nodes[q];
    region.load_kw += ctx.nodeDemand_kw[n];
    region.customers += normal.nodeOwnCustomers[n];
    for (let j = adj.offsets[n]; j < adj.offsets[n + 1]; j++) {
      const e = adj.edge[j];
      const m = adj.neighbour[j];
      if (e >= adj.nSections || sectionOpen[e] || energized[m] || blocked[m] || regionOf[m] >= 0) continue;
      regionOf[m] = r;
      region.nodes.push(m);
    }
  }
  return region;
}
