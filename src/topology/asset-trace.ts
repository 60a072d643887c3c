/**
 * Traces any asset through the radial network: upstream to its feeder breaker and substation
 * (the path an outage or a fault current follows), downstream to everything it supplies
 * (the customers an operation on it would interrupt).
 */
import type { GridModel, TableName } from '../model/grid-model.ts';
import type { DistributionGraph } from './distribution-graph.ts';
import { headFeederIndex } from './trace.ts';

export interface AssetTrace {
  /** Distribution node the trace starts from (-1 for assets above the feeders). */
  startNode: number;
  /** Sections from the asset up to the feeder head, nearest first. */
  upstreamSections: number[];
  /** Protective devices on the upstream path, nearest first; the last is the feeder breaker. */
  upstreamDevices: number[];
  feeder: number;
  substation: number;
  /** Downstream of the asset. */
  downstreamNodes: number[];
  downstreamSections: number[];
  transformers: number[];
}

/** The distribution node an asset hangs on, or the heads it feeds for substations and feeders. */
function startNodes(
  model: GridModel,
  table: TableName,
  index: number,
): { node: number; downstreamFrom: number[] } {
  const t = model.tables;
  const sectionEnd = (s: number) => ({
    node: t.line_sections.cols.to_node[s],
    downstreamFrom: [t.line_sections.cols.to_node[s]],
  });
  switch (table) {
    case 'dist_nodes':
      return { node: index, downstreamFrom: [index] };
    case 'line_sections':
      return sectionEnd(index);
    case 'protective_devices':
      return sectionEnd(t.protective_devices.cols.section[index]);
    case 'switches': {
      const s = t.switches.cols.section[index];
      return s >= 0 ? sectionEnd(s) : { node: t.switches.cols.node_a[index], downstreamFrom: [] };
    }
    case 'transformers':
      return { node: t.transformers.cols.node[index], downstreamFrom: [] };
    case 'meters':
      return { node: t.transformers.cols.node[t.meters.cols.transformer[index]], downstreamFrom: [] };
    case 'customers': {
      const m = t.customers.cols.meter[index];
      return { node: t.transformers.cols.node[t.meters.cols.transformer[m]], downstreamFrom: [] };
    }
    case 'poles': {
      const node = t.dist_nodes.cols.pole.indexOf(index);
      return { node, downstreamFrom: node >= 0 ? [node] : [] };
    }
    case 'feeders':
      return { node: t.feeders.cols.head_node[index], downstreamFrom: [t.feeders.cols.head_node[index]] };
    case 'substations': {
      const heads: number[] = [];
      t.feeders.cols.substation.forEach((s, f) => s === index && heads.push(t.feeders.cols.head_node[f]));
      return { node: -1, downstreamFrom: heads };
    }
    default:
      return { node: -1, downstreamFrom: [] };
  }
}

export function traceAsset(
  model: GridModel,
  graph: DistributionGraph,
  table: TableName,
  index: number,
): AssetTrace {
  const t = model.tables;
  const { node, downstreamFrom } = startNodes(model, table, index);
  const upstreamSections: number[] = [];
  let n = node;
  for (let guard = 0; n >= 0 && guard <= graph.nodeCount; guard++) {
    const s = graph.upstreamSection[n];
    if (s < 0) break;
    upstreamSections.push(s);
    n = t.line_sections.cols.from_node[s];
  }
  const headToFeeder = headFeederIndex(t.feeders, graph.nodeCount);
  let feeder = n >= 0 ? headToFeeder[n] : -1;
  if (table === 'feeders') feeder = index;
  let substation = feeder >= 0 ? t.feeders.cols.substation[feeder] : -1;
  if (table === 'substations') substation = index;

  const onPath = new Map(upstreamSections.map((s, k) => [s, k]));
  const upstreamDevices: number[] = [];
  t.protective_devices.cols.section.forEach((s, d) => {
    if (onPath.has(s)) upstreamDevices.push(d);
  });
  upstreamDevices.sort(
    (a, b) =>
      onPath.get(t.protective_devices.cols.section[a])! - onPath.get(t.protective_devices.cols.section[b])!,
  );

  const downstreamNodes: number[] = [];
  const downstreamSections: number[] = [];
  for (const start of downstreamFrom) {
    if (start < 0) continue;
    const stack = [start];
    while (stack.length) {
      const m = stack.pop()!;
      downstreamNodes.push(m);
      for (let c = graph.childStart[m]; c < graph.childStart[m + 1]; c++) {
        const s = graph.childSections[c];
        downstreamSections.push(s);
        stack.push(t.line_sections.cols.to_node[s]);
      }
    }
  }
  let transformers: number[];
  if (table === 'transformers') transformers = [index];
  else if (table === 'meters') transformers = [t.meters.cols.transformer[index]];
  else if (table === 'customers') transformers = [t.meters.cols.transformer[t.customers.cols.meter[index]]];
  else {
    const inTree = new Uint8Array(graph.nodeCount);
    for (const m of downstreamNodes) inTree[m] = 1;
    transformers = [];
    t.transformers.cols.node.forEach((m, k) => inTree[m] && transformers.push(k));
  }
  return {
    startNode: node,
    upstreamSections,
    upstreamDevices,
    feeder,
    substation,
    downstreamNodes,
    downstreamSections,
    transformers,
  };
}
