/**
 * Which assets are energized in a given state: transmission buses in an island with an
 * in-service generator, substations in service on such buses, then every distribution node
 * reachable from a live feeder head through closed sections (and closed ties), and the
 * equipment on them.
 */
import type { GridModel, TableName } from '../model/grid-model.ts';
import { findIslands } from '../powerflow/islands.ts';
import {
  buildDistributionAdjacency,
  switchedTopology,
  type DistributionAdjacency,
  type SwitchedTopology,
} from './switched-network.ts';

/** Outages and switch positions; every array is optional and 1 means "out"/"open"/"closed" as named. */
export interface SwitchingState {
  linesOut?: Uint8Array;
  generatorsOut?: Uint8Array;
  substationsOut?: Uint8Array;
  /** Line section open (failed, or opened by its protective device or for isolation). */
  sectionsOpen?: Uint8Array;
  /** Tie switch closed (ties are normally open). */
  tiesClosed?: Uint8Array;
  transformersOut?: Uint8Array;
  metersOut?: Uint8Array;
}

export type Energization = Partial<Record<TableName, Uint8Array>>;

const adjacencyCache = new WeakMap<GridModel, DistributionAdjacency>();

/** The model's distribution adjacency, built once per model. */
export function distributionAdjacency(model: GridModel): DistributionAdjacency {
  let adj = adjacencyCache.get(model);
  if (!adj) adjacencyCache.set(model, (adj = buildDistributionAdjacency(model)));
  return adj;
}

/** Transmission side: energized buses, substations and generators, and the feeders they can supply. */
export function transmissionEnergization(model: GridModel, state: SwitchingState) {
  const t = model.tables;
  const line = t.transmission_lines.cols;
  const inService = Uint8Array.from(line.from_bus, (_, k) => (state.linesOut?.[k] ? 0 : 1));
  const { label, count } = findIslands(t.buses.size, line.from_bus, line.to_bus, inService);
  const islandHasGen = new Uint8Array(count);
  const gen = t.generators.cols;
  for (let g = 0; g < t.generators.size; g++) {
    if (gen.pmax_mw[g] > 0 && !state.generatorsOut?.[g]) islandHasGen[label[gen.bus[g]]] = 1;
  }
  const buses = Uint8Array.from(label, (isl) => islandHasGen[isl]);
  const substations = Uint8Array.from(t.substations.cols.bus, (b, s) =>
    buses[b] && !state.substationsOut?.[s] ? 1 : 0,
  );
  const generators = Uint8Array.from(gen.bus, (b, g) => (buses[b] && !state.generatorsOut?.[g] ? 1 : 0));
  const transmission_lines = Uint8Array.from(line.from_bus, (a, k) => (inService[k] && buses[a] ? 1 : 0));
  const feeders = Uint8Array.from(t.feeders.cols.substation, (s) => substations[s]);
  return { buses, substations, generators, transmission_lines, feeders, busIsland: label };
}

/** Energization of every grid table; also returns the distribution walk it came from. */
export function computeEnergizationDetailed(
  model: GridModel,
  state: SwitchingState = {},
): { energization: Energization; topology: SwitchedTopology } {
  const t = model.tables;
  const { buses, substations, generators, transmission_lines, feeders } = transmissionEnergization(
    model,
    state,
  );
  const nSec = t.line_sections.size;
  const topology = switchedTopology(
    model,
    distributionAdjacency(model),
    feeders,
    state.sectionsOpen ?? new Uint8Array(nSec),
    state.tiesClosed ?? new Uint8Array(t.switches.size),
  );
  const nodes = topology.nodeEnergized;
  const sec = t.line_sections.cols;
  const line_sections = Uint8Array.from(sec.from_node, (a, s) =>
    !state.sectionsOpen?.[s] && nodes[a] && nodes[sec.to_node[s]] ? 1 : 0,
  );
  const transformers = Uint8Array.from(t.transformers.cols.node, (n, x) =>
    nodes[n] && !state.transformersOut?.[x] ? 1 : 0,
  );
  const meters = Uint8Array.from(t.meters.cols.transformer, (x, m) =>
    transformers[x] && !state.metersOut?.[m] ? 1 : 0,
  );
  const customers = Uint8Array.from(t.customers.cols.meter, (m) => meters[m]);
  const poles = new Uint8Array(t.poles.size);
  t.dist_nodes.cols.pole.forEach((p, n) => {
    if (p >= 0 && nodes[n]) poles[p] = 1;
  });
  const protective_devices = Uint8Array.from(t.protective_devices.cols.section, (s) => line_sections[s]);
  const sw = t.switches.cols;
  const switches = Uint8Array.from(sw.node_a, (a, k) => (nodes[a] || nodes[sw.node_b[k]] ? 1 : 0));
  const headLive = Uint8Array.from(t.feeders.cols.head_node, (h) => nodes[h]);
  return {
    energization: {
      buses,
      substations,
      generators,
      transmission_lines,
      feeders: headLive,
      dist_nodes: nodes,
      line_sections,
      transformers,
      meters,
      customers,
      poles,
      protective_devices,
      switches,
    },
    topology,
  };
}

export function computeEnergization(model: GridModel, state: SwitchingState = {}): Energization {
  return computeEnergizationDetailed(model, state).energization;
}
