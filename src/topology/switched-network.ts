/**
 * The distribution network under a switching state: sections may be open (failed, or opened by
 * protection or isolation) and normally-open ties may be closed. A breadth-first walk from every
 * live feeder head over closed sections and ties gives each energized node its feeding edge and
 * head, so loads can be summed along the (still radial) result.
 */
import type { GridModel } from '../model/grid-model.ts';

/** Edges are line sections (ids 0..nSections-1) then tie switches (nSections + switch index). */
export interface DistributionAdjacency {
  nSections: number;
  offsets: Int32Array;
  /** Neighbouring node and the edge id, per adjacency slot. */
  neighbour: Int32Array;
  edge: Int32Array;
}

export function buildDistributionAdjacency(model: GridModel): DistributionAdjacency {
  const t = model.tables;
  const nNode = t.dist_nodes.size;
  const nSec = t.line_sections.size;
  const sec = t.line_sections.cols;
  const sw = t.switches.cols;
  const ends: [number, number, number][] = [];
  for (let s = 0; s < nSec; s++) ends.push([sec.from_node[s], sec.to_node[s], s]);
  for (let k = 0; k < t.switches.size; k++)
    if (sw.kind[k] === 1) ends.push([sw.node_a[k], sw.node_b[k], nSec + k]);
  const offsets = new Int32Array(nNode + 1);
  for (const [a, b] of ends) {
    offsets[a + 1]++;
    offsets[b + 1]++;
  }
  for (let n = 0; n < nNode; n++) offsets[n + 1] += offsets[n];
  const fill = offsets.slice(0, nNode);
  const neighbour = new Int32Array(offsets[nNode]);
  const edge = new Int32Array(offsets[nNode]);
  for (const [a, b, e] of ends) {
    neighbour[fill[a]] = b;
    edge[fill[a]++] = e;
    neighbour[fill[b]] = a;
    edge[fill[b]++] = e;
  }
  return { nSections: nSec, offsets, neighbour, edge };
}

export interface SwitchedTopology {
  /** 1 where the node is supplied. */
  nodeEnergized: Uint8Array;
  /** Edge feeding each energized node (-1 for heads and dead nodes). */
  parentEdge: Int32Array;
  parentNode: Int32Array;
  /** Feeder whose head supplies each node (-1 when dead). */
  nodeFeeder: Int32Array;
  /** Energized nodes, every parent before its children. */
  order: Int32Array;
}

/**
 * Walks from the heads of feeders with `feederLive[f] = 1` over sections with
 * `sectionOpen[s] = 0` and ties with `tieClosed[k] = 1`.
 */
export function switchedTopology(
  model: GridModel,
  adj: DistributionAdjacency,
  feederLive: Uint8Array,
  sectionOpen: Uint8Array,
  tieClosed: Uint8Array,
): SwitchedTopology {
  const nNode = model.tables.dist_nodes.size;
  const nodeEnergized = new Uint8Array(nNode);
  const parentEdge = new Int32Array(nNode).fill(-1);
  const parentNode = new Int32Array(nNode).fill(-1);
  const nodeFeeder = new Int32Array(nNode).fill(-1);
  const order: number[] = [];
  model.tables.feeders.cols.head_node.forEach((h, f) => {
    if (!feederLive[f] || nodeEnergized[h]) return;
    nodeEnergized[h] = 1;
    nodeFeeder[h] = f;
    order.push(h);
  });
  for (let q = 0; q < order.length; q++) {
    const n = order[q];
    for (let k = adj.offsets[n]; k < adj.offsets[n + 1]; k++) {
      const e = adj.edge[k];
      const closed = e < adj.nSections ? !sectionOpen[e] : tieClosed[e - adj.nSections] === 1;
      const m = adj.neighbour[k];
      if (!closed || nodeEnergized[m]) continue;
      nodeEnergized[m] = 1;
      parentEdge[m] = e;
      parentNode[m] = n;
      nodeFeeder[m] = nodeFeeder[n];
      order.push(m);
    }
  }
  return { nodeEnergized, parentEdge, parentNode, nodeFeeder, order: Int32Array.from(order) };
}

/**
 * Load on every edge (kW flowing through it toward the load) and on every feeder head, from the
 * load at each node, summed leaves-to-head along the walk.
 */
export function switchedEdgeLoads(
  topo: SwitchedTopology,
  node_kw: Float64Array,
  edgeCount: number,
  feederCount: number,
): { edge_kw: Float64Array; feeder_kw: Float64Array } {
  const below = Float64Array.from(node_kw);
  const edge_kw = new Float64Array(edgeCount);
  const feeder_kw = new Float64Array(feederCount);
  for (let k = topo.order.length - 1; k >= 0; k--) {
    const n = topo.order[k];
    const e = topo.parentEdge[n];
    if (e < 0) {
      feeder_kw[topo.nodeFeeder[n]] += below[n];
      continue;
    }
    edge_kw[e] = below[n];
    below[topo.parentNode[n]] += below[n];
  }
  return { edge_kw, feeder_kw };
}
