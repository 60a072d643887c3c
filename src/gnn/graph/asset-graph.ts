/**
 * The graph the risk model reads: one node per asset that a sweep can fail (the equipment tables
 * of DEFAULT_SWEEP_TABLES, in that order), one edge per electrical attachment between two of
 * them, stored in both directions with its kind and whether it points downstream (toward the
 * load). Built once per grid; features change with the conditions, the graph does not.
 *
 * Attachments: transmission buses to their substations and bus sections; units, line ends and
 * substation transformers to their bus sections (to the bus when the section is unknown);
 * substation transformers to their substation and feeders; a feeder to its head sections; each
 * section to the sections below it; protective devices and sectionalizers to their section; a
 * tie to the sections feeding its two ends; a service transformer to the section feeding its
 * node (its feeder at a head node).
 */
import type { GridModel } from '../../model/grid-model.ts';
import { DEFAULT_SWEEP_TABLES } from '../../cascade/sweep.ts';
import { CODES } from '../../model/codes.ts';
import type { DistributionGraph } from '../../topology/distribution-graph.ts';

/** Tables whose assets are nodes, in node order: the equipment a sweep fails by default. */
export const ASSET_GRAPH_TABLES = DEFAULT_SWEEP_TABLES;
export type AssetGraphTable = (typeof ASSET_GRAPH_TABLES)[number];

/** Transmission, substation and feeder-level equipment: few assets, the failures that escalate most. */
export const HIGH_LEVEL_TABLES: readonly AssetGraphTable[] = [
  'buses',
  'bus_sections',
  'generators',
  'transmission_lines',
  'substations',
  'substation_transformers',
  'feeders',
];

/** Kinds of attachment (an edge's kind is its index here). */
export const EDGE_KINDS = [
  'bus-substation',
  'bus-bus_section',
  'bus_section-generator',
  'bus_section-transmission_line',
  'substation-substation_transformer',
  'bus_section-substation_transformer',
  'substation_transformer-feeder',
  'feeder-line_section',
  'line_section-line_section',
  'line_section-protective_device',
  'line_section-sectionalizer',
  'line_section-tie',
  'line_section-transformer',
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export interface AssetGraph {
  nodeCount: number;
  /** First node of each table (node = offset[table] + row index). */
  offset: Record<AssetGraphTable, number>;
  /** Table (index in ASSET_GRAPH_TABLES) and row of every node. */
  nodeTable: Uint8Array;
  nodeRow: Int32Array;
  /** Directed edges, sorted by destination: src[e] → dst[e], with dstStart the CSR over destinations. */
  src: Int32Array;
  dst: Int32Array;
  dstStart: Int32Array;
  kind: Uint8Array;
  /** 1 when the edge points from supply toward load. */
  downstream: Uint8Array;
}

/**
 * @example
 * const g = buildAssetGraph(model, buildDistributionGraph(model.tables));
 * g.nodeCount; // every bus, section, device, transformer … of the grid
 */
export function buildAssetGraph(model: GridModel, dist: DistributionGraph): AssetGraph {
  const t = model.tables;
  const offset = {} as Record<AssetGraphTable, number>;
  let nodeCount = 0;
  for (const name of ASSET_GRAPH_TABLES) {
    offset[name] = nodeCount;
    nodeCount += t[name].size;
  }
  const nodeTable = new Uint8Array(nodeCount);
  const nodeRow = new Int32Array(nodeCount);
  ASSET_GRAPH_TABLES.forEach((name, k) => {
    for (let i = 0; i < t[name].size; i++) {
      nodeTable[offset[name] + i] = k;
      nodeRow[offset[name] + i] = i;
    }
  });

  const up: number[] = [];
  const down: number[] = [];
  const kinds: number[] = [];
  const node = (table: AssetGraphTable, row: number) => offset[table] + row;
  /** An attachment from the supply side `a` to the load side `b`. */
  const attach = (kind: EdgeKind, a: number, b: number) => {
    up.push(a);
    down.push(b);
    kinds.push(EDGE_KINDS.indexOf(kind));
  };
  const sectionOrBus = (section: number, bus: number, other: number, kind: EdgeKind) => {
    if (section >= 0) attach(kind, node('bus_sections', section), other);
    else if (bus >= 0) attach(kind, node('buses', bus), other);
  };

  t.substations.cols.bus.forEach(
    (b, s) => b >= 0 && attach('bus-substation', node('buses', b), node('substations', s)),
  );
  t.bus_sections.cols.bus.forEach(
    (b, k) => b >= 0 && attach('bus-bus_section', node('buses', b), node('bus_sections', k)),
  );
  const gen = t.generators.cols;
  for (let g = 0; g < t.generators.size; g++)
    sectionOrBus(gen.bus_section[g], gen.bus[g], node('generators', g), 'bus_section-generator');
  const line = t.transmission_lines.cols;
  for (let l = 0; l < t.transmission_lines.size; l++) {
    const n = node('transmission_lines', l);
    sectionOrBus(line.from_section[l], line.from_bus[l], n, 'bus_section-transmission_line');
    sectionOrBus(line.to_section[l], line.to_bus[l], n, 'bus_section-transmission_line');
  }
  const stx = t.substation_transformers.cols;
  for (let k = 0; k < t.substation_transformers.size; k++) {
    const n = node('substation_transformers', k);
    if (stx.substation[k] >= 0)
      attach('substation-substation_transformer', node('substations', stx.substation[k]), n);
    if (stx.bus_section[k] >= 0)
      attach('bus_section-substation_transformer', node('bus_sections', stx.bus_section[k]), n);
  }
  const fdr = t.feeders.cols;
  for (let f = 0; f < t.feeders.size; f++) {
    const n = node('feeders', f);
    if (fdr.substation_transformer[f] >= 0)
      attach(
        'substation_transformer-feeder',
        node('substation_transformers', fdr.substation_transformer[f]),
        n,
      );
    const head = fdr.head_node[f];
    for (let c = dist.childStart[head]; c < dist.childStart[head + 1]; c++)
      attach('feeder-line_section', n, node('line_sections', dist.childSections[c]));
  }
  const sec = t.line_sections.cols;
  for (let s = 0; s < t.line_sections.size; s++) {
    const below = sec.to_node[s];
    if (below < 0) continue;
    for (let c = dist.childStart[below]; c < dist.childStart[below + 1]; c++)
      attach(
        'line_section-line_section',
        node('line_sections', s),
        node('line_sections', dist.childSections[c]),
      );
  }
  t.protective_devices.cols.section.forEach(
    (s, d) =>
      s >= 0 &&
      attach('line_section-protective_device', node('line_sections', s), node('protective_devices', d)),
  );
  const sw = t.switches.cols;
  const tieKind = CODES.switch_kind.indexOf('tie');
  for (let k = 0; k < t.switches.size; k++) {
    const n = node('switches', k);
    if (sw.section[k] >= 0 && sw.kind[k] !== tieKind) {
      attach('line_section-sectionalizer', node('line_sections', sw.section[k]), n);
      continue;
    }
    for (const end of [sw.node_a[k], sw.node_b[k]]) {
      const feeding = end >= 0 ? dist.upstreamSection[end] : -1;
      if (feeding >= 0) attach('line_section-tie', node('line_sections', feeding), n);
    }
  }
  const xf = t.transformers.cols;
  for (let x = 0; x < t.transformers.size; x++) {
    const at = xf.node[x];
    const feeding = at >= 0 ? dist.upstreamSection[at] : -1;
    if (feeding >= 0)
      attach('line_section-transformer', node('line_sections', feeding), node('transformers', x));
    else if (xf.feeder[x] >= 0)
      attach('feeder-line_section', node('feeders', xf.feeder[x]), node('transformers', x));
  }
  return toCsr(nodeCount, offset, nodeTable, nodeRow, up, down, kinds);
}

/** Both directions of every attachment, sorted by destination (counting sort, stable). */
function toCsr(
  nodeCount: number,
  offset: Record<AssetGraphTable, number>,
  nodeTable: Uint8Array,
  nodeRow: Int32Array,
  up: number[],
  down: number[],
  kinds: number[],
): AssetGraph {
  const m = up.length * 2;
  const dstStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < up.length; e++) {
    dstStart[down[e] + 1]++;
    dstStart[up[e] + 1]++;
  }
  for (let n = 0; n < nodeCount; n++) dstStart[n + 1] += dstStart[n];
  const fill = dstStart.slice(0, nodeCount);
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const kind = new Uint8Array(m);
  const downstream = new Uint8Array(m);
  for (let e = 0; e < up.length; e++) {
    let k = fill[down[e]]++;
    src[k] = up[e];
    dst[k] = down[e];
    kind[k] = kinds[e];
    downstream[k] = 1;
    k = fill[up[e]]++;
    src[k] = down[e];
    dst[k] = up[e];
    kind[k] = kinds[e];
  }
  return { nodeCount, offset, nodeTable, nodeRow, src, dst, dstStart, kind, downstream };
}

/** The node of an asset, or -1 when its table is not in the graph. */
export function assetNode(graph: AssetGraph, table: string, row: number): number {
  return table in graph.offset ? graph.offset[table as AssetGraphTable] + row : -1;
}
