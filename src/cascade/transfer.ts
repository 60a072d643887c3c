/**
 * Restoration through normally-open ties: a de-energized, healthy part of a feeder is picked up
 * by closing a tie to a neighbouring live feeder when there is headroom for its load all the way:
 * on every section from the tie up to the receiving feeder's head, on the tie itself, and on
 * the picked-up sections, which are now fed backwards from the tie. Checks use the scenario's
 * emergency limits against the flows before the transfer and the region's normal demand (what an
 * operator's switching order knows); if flows shift further, or the picked-up customers come
 * back with cold-load demand (cold-load.ts), what ends up overloaded trips in the next wave.
 */
import { lineCurrentA } from '../model/electrical.ts';
import { POWER_FACTOR } from '../model/load-model.ts';
import type { SwitchedTopology } from '../topology/switched-network.ts';
import type { CascadeContext } from './cascade-context.ts';

export interface TransferInput {
  topology: SwitchedTopology;
  sectionOpen: Uint8Array;
  tieClosed: Uint8Array;
  tieFailed: Uint8Array;
  /** Nodes that may not be re-energized (faulted zones). */
  blocked: Uint8Array;
  /** Load now through each edge (sections, then ties), from the current evaluation. */
  edge_kw: Float64Array;
  /** Load now on each feeder head. */
  feeder_kw: Float64Array;
  /** Ties to consider, ascending (default: all); a sweep passes those near the changes. */
  ties?: Int32Array;
  /** Told the dead region each closed tie picks up (its customers come back cold). */
  onPickup?: (tie: number, region: readonly number[]) => void;
}

/** Closes the ties that can restore dead healthy regions; returns the switch indices closed. */
export function restoreThroughTies(ctx: CascadeContext, input: TransferInput): number[] {
  const t = ctx.model.tables;
  const sw = t.switches.cols;
  const { topology, sectionOpen, blocked, edge_kw } = input;
  const node_kw = ctx.nodeDemand_kw;
  const adj = ctx.adjacency;
  // Sparse: a pass touches a few regions, and sweeps run it thousands of times on big grids.
  const claimed = new Set<number>();
  const closed: number[] = [];
  const sec = t.line_sections.cols;
  /** Extra load (kW) already promised to each section by earlier transfers in this pass. */
  const promised = new Map<number, number>();
  const amps = (kw: number, f: number, s: number) =>
    lineCurrentA(kw, t.feeders.cols.kv[f], sec.phases[s], POWER_FACTOR);
  // Substation transformers carry every feeder on them: check their emergency limit too.
  const stxOf = t.feeders.cols.substation_transformer;
  const stx_kw = new Float64Array(t.substation_transformers.size);
  input.feeder_kw.forEach((kw, f) => (stx_kw[stxOf[f]] += kw));
  const ties = input.ties;
  for (let i = 0, count = ties ? ties.length : t.switches.size; i < count; i++) {
    const k = ties ? ties[i] : i;
    if (sw.kind[k] !== 1 || input.tieClosed[k] || input.tieFailed[k]) continue;
    const a = sw.node_a[k];
    const b = sw.node_b[k];
    const liveA = topology.nodeEnergized[a] === 1;
    const liveB = topology.nodeEnergized[b] === 1;
    if (liveA === liveB) continue;
    const live = liveA ? a : b;
    const dead = liveA ? b : a;
    if (claimed.has(dead) || blocked[dead]) continue;
    // The dead region behind the tie, over closed sections only, walked from the tie so that
    // each section's flow after the transfer is the load beyond it.
    const region: number[] = [];
    const via = new Map<number, number>([[dead, -1]]);
    const queue = [dead];
    let restorable = true;
    for (let q = 0; q < queue.length; q++) {
      const n = queue[q];
      if (blocked[n]) restorable = false;
      region.push(n);
      for (let j = adj.offsets[n]; j < adj.offsets[n + 1]; j++) {
        const e = adj.edge[j];
        const m = adj.neighbour[j];
        if (e >= adj.nSections || sectionOpen[e] || via.has(m) || topology.nodeEnergized[m] || claimed.has(m))
          continue;
        via.set(m, e);
        queue.push(m);
      }
    }
    if (!restorable || region.length === 0) continue;
    const f = topology.nodeFeeder[live];
    // Only feeders of one voltage class can be paralleled through a tie.
    if (t.feeders.cols.kv[f] !== t.feeders.cols.kv[t.dist_nodes.cols.feeder[dead]]) continue;
    const beyond = new Map<number, number>();
    let load = 0;
    let fits = true;
    for (let q = region.length - 1; q >= 0; q--) {
      const n = region[q];
      const kw = (beyond.get(n) ?? 0) + node_kw[n];
      if (q === 0) load = kw;
      const e = via.get(n)!;
      if (e < 0) continue;
      if (amps(kw, f, e) > ctx.sectionLimit_a[e]) fits = false;
      const parent = sec.from_node[e] === n ? sec.to_node[e] : sec.from_node[e];
      beyond.set(parent, (beyond.get(parent) ?? 0) + kw);
    }
    if (!fits || lineCurrentA(load, t.feeders.cols.kv[f], 3, POWER_FACTOR) > t.switches.cols.rating_a[k])
      continue;
    // The receiving path: from the live end up to the feeder head.
    const path: number[] = [];
    for (let n = live; topology.parentEdge[n] >= 0; n = topology.parentNode[n]) {
      const e = topology.parentEdge[n];
      if (e >= adj.nSections) break;
      path.push(e);
      if (amps(edge_kw[e] + (promised.get(e) ?? 0) + load, f, e) > ctx.sectionLimit_a[e]) fits = false;
    }
    if (!fits || (stx_kw[stxOf[f]] + load) / 1000 / POWER_FACTOR > ctx.stxLimit_mva[stxOf[f]]) continue;
    for (const e of path) promised.set(e, (promised.get(e) ?? 0) + load);
    stx_kw[stxOf[f]] += load;
    for (const n of region) claimed.add(n);
    closed.push(k);
    input.onPickup?.(k, region);
  }
  return closed;
}
