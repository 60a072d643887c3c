/**
 * Which assets are energized in a given switching state: transmission buses in an island with
 * generation, substations on such buses, then every distribution node reachable from an
 * energized feeder head through closed sections (and any closed ties), and the equipment on them.
 */
import type { GridModel, TableName } from '../model/grid-model.ts';
import { findIslands } from '../powerflow/islands.ts';

export interface SwitchingState {
  /** 1 = transmission line out of service. */
  linesOut?: Uint8Array;
  /** 1 = line section open (failed, or its protective device/switch open). */
  sectionsOpen?: Uint8Array;
  /** 1 = tie switch closed (ties are normally open). */
  tiesClosed?: Uint8Array;
}

export type Energization = Partial<Record<TableName, Uint8Array>>;

export function computeEnergization(model: GridModel, state: SwitchingState = {}): Energization {
  const t = model.tables;
  const line = t.transmission_lines.cols;
  const inService = Uint8Array.from(line.from_bus, (_, k) => (state.linesOut?.[k] ? 0 : 1));
  const { label, count } = findIslands(t.buses.size, line.from_bus, line.to_bus, inService);
  const islandHasGen = new Uint8Array(count);
  for (let g = 0; g < t.generators.size; g++)
    if (t.generators.cols.pmax_mw[g] > 0) islandHasGen[label[t.generators.cols.bus[g]]] = 1;
  const buses = Uint8Array.from(label, (isl) => islandHasGen[isl]);
  const substations = Uint8Array.from(t.substations.cols.bus, (b) => buses[b]);
  const generators = Uint8Array.from(t.generators.cols.bus, (b) => buses[b]);
  const lines = Uint8Array.from(line.from_bus, (a, k) => (inService[k] && buses[a] ? 1 : 0));
  const feeders = Uint8Array.from(t.feeders.cols.substation, (s) => substations[s]);

  // Undirected adjacency over closed sections and closed ties.
  const nNode = t.dist_nodes.size;
  const sec = t.line_sections.cols;
  const sw = t.switches.cols;
  const degree = new Int32Array(nNode + 1);
  const edges: [number, number][] = [];
  for (let s = 0; s < t.line_sections.size; s++)
    if (!state.sectionsOpen?.[s]) edges.push([sec.from_node[s], sec.to_node[s]]);
  for (let k = 0; k < t.switches.size; k++)
    if (sw.kind[k] === 1 && state.tiesClosed?.[k]) edges.push([sw.node_a[k], sw.node_b[k]]);
  for (const [a, b] of edges) {
    degree[a + 1]++;
    degree[b + 1]++;
  }
  for (let n = 0; n < nNode; n++) degree[n + 1] += degree[n];
  const fill = degree.slice(0, nNode);
  const adj = new Int32Array(degree[nNode]);
  for (const [a, b] of edges) {
    adj[fill[a]++] = b;
    adj[fill[b]++] = a;
  }
  const nodes = new Uint8Array(nNode);
  const queue: number[] = [];
  t.feeders.cols.head_node.forEach((h, f) => {
    if (feeders[f] && !nodes[h]) {
      nodes[h] = 1;
      queue.push(h);
    }
  });
  for (let q = 0; q < queue.length; q++) {
    const n = queue[q];
    for (let e = degree[n]; e < degree[n + 1]; e++) {
      const m = adj[e];
      if (!nodes[m]) {
        nodes[m] = 1;
        queue.push(m);
      }
    }
  }
  const line_sections = Uint8Array.from(sec.from_node, (a, s) =>
    !state.sectionsOpen?.[s] && nodes[a] && nodes[sec.to_node[s]] ? 1 : 0,
  );
  const transformers = Uint8Array.from(t.transformers.cols.node, (n) => nodes[n]);
  const meters = Uint8Array.from(t.meters.cols.transformer, (x) => transformers[x]);
  const customers = Uint8Array.from(t.customers.cols.meter, (m) => meters[m]);
  const poles = new Uint8Array(t.poles.size);
  t.dist_nodes.cols.pole.forEach((p, n) => {
    if (p >= 0 && nodes[n]) poles[p] = 1;
  });
  const protective_devices = Uint8Array.from(t.protective_devices.cols.section, (s) => line_sections[s]);
  const switches = Uint8Array.from(sw.node_a, (a, k) => (nodes[a] || nodes[sw.node_b[k]] ? 1 : 0));
  return {
    buses,
    substations,
    generators,
    transmission_lines: lines,
    feeders,
    dist_nodes: nodes,
    line_sections,
    transformers,
    meters,
    customers,
    poles,
    protective_devices,
    switches,
  };
}
