/** Upstream traces through the radial network: meter → transformer → sections → feeder breaker → substation. */
import type { GridTables } from '../model/grid-model.ts';
import type { DistributionGraph } from './distribution-graph.ts';

export interface UpstreamPath {
  /** Sections from the start node up to the feeder head, nearest first. */
  sections: number[];
  headNode: number;
  feeder: number;
  substation: number;
}

/** Path from distribution node `node` up to its feeder's substation, or undefined if it is cut off. */
export function traceNodeUpstream(
  tables: Pick<GridTables, 'line_sections' | 'feeders'>,
  graph: DistributionGraph,
  node: number,
): UpstreamPath | undefined {
  const sections: number[] = [];
  let n = node;
  for (let guard = 0; guard <= graph.nodeCount; guard++) {
    const s = graph.upstreamSection[n];
    if (s < 0) break;
    sections.push(s);
    n = tables.line_sections.cols.from_node[s];
  }
  const feeder = headFeeder(tables.feeders, n);
  if (feeder < 0) return undefined;
  return { sections, headNode: n, feeder, substation: tables.feeders.cols.substation[feeder] };
}

/** Feeder whose head is `node`, or -1. */
export function headFeeder(feeders: GridTables['feeders'], node: number): number {
  const heads = feeders.cols.head_node;
  for (let f = 0; f < feeders.size; f++) if (heads[f] === node) return f;
  return -1;
}

/** Feeder of each head node (-1 elsewhere), for tracing many nodes at once. */
export function headFeederIndex(feeders: GridTables['feeders'], nodeCount: number): Int32Array {
  const out = new Int32Array(nodeCount).fill(-1);
  feeders.cols.head_node.forEach((h, f) => {
    if (h >= 0 && h < nodeCount) out[h] = f;
  });
  return out;
}
