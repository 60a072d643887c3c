/**
 * The radial distribution network as a graph: for every node its upstream section, its
 * downstream sections (CSR), and an order with every parent before its children. Violations of
 * radiality (two feeds into a node, loops, nodes no feeder head reaches) are listed, not thrown,
 * so checks can report them.
 */
import type { GridTables } from '../model/grid-model.ts';

export interface DistributionGraph {
  nodeCount: number;
  /** Section feeding each node; -1 for feeder heads (and for nodes with a problem). */
  upstreamSection: Int32Array;
  /** Downstream sections of node n: childSections[childStart[n] .. childStart[n+1]-1]. */
  childStart: Int32Array;
  childSections: Int32Array;
  /** Nodes reached from the feeder heads, parents first. */
  order: Int32Array;
  /** Feeder head of each node (-1 when unreachable). */
  nodeHead: Int32Array;
  problems: string[];
}

export function buildDistributionGraph(
  tables: Pick<GridTables, 'dist_nodes' | 'line_sections' | 'feeders'>,
): DistributionGraph {
  const nodeCount = tables.dist_nodes.size;
  const { from_node, to_node } = tables.line_sections.cols;
  const nSec = tables.line_sections.size;
  const problems: string[] = [];
  const upstreamSection = new Int32Array(nodeCount).fill(-1);
  const childStart = new Int32Array(nodeCount + 1);
  for (let s = 0; s < nSec; s++) {
    const a = from_node[s];
    const b = to_node[s];
    if (a < 0 || a >= nodeCount || b < 0 || b >= nodeCount) {
      problems.push(`${tables.line_sections.ids[s]} refers to a missing node`);
      continue;
    }
    if (upstreamSection[b] >= 0) {
      problems.push(
        `${tables.dist_nodes.ids[b]} is fed by two sections (${tables.line_sections.ids[upstreamSection[b]]}, ${tables.line_sections.ids[s]})`,
      );
      continue;
    }
    upstreamSection[b] = s;
    childStart[a + 1]++;
  }
  for (let n = 0; n < nodeCount; n++) childStart[n + 1] += childStart[n];
  const fill = childStart.slice(0, nodeCount);
  const childSections = new Int32Array(childStart[nodeCount]);
  for (let s = 0; s < nSec; s++) {
    const a = from_node[s];
    const b = to_node[s];
    if (a < 0 || a >= nodeCount || b < 0 || b >= nodeCount || upstreamSection[b] !== s) continue;
    childSections[fill[a]++] = s;
  }

  const nodeHead = new Int32Array(nodeCount).fill(-1);
  const order: number[] = [];
  const heads = tables.feeders.cols.head_node;
  for (let f = 0; f < tables.feeders.size; f++) {
    const h = heads[f];
    if (h < 0 || h >= nodeCount) {
      problems.push(`${tables.feeders.ids[f]} has no head node`);
      continue;
    }
    if (upstreamSection[h] >= 0) problems.push(`${tables.feeders.ids[f]} head node is fed from upstream`);
    if (nodeHead[h] >= 0) {
      problems.push(`${tables.feeders.ids[f]} shares its head node with another feeder`);
      continue;
    }
    nodeHead[h] = h;
    const start = order.length;
    order.push(h);
    for (let k = start; k < order.length; k++) {
      const n = order[k];
      for (let c = childStart[n]; c < childStart[n + 1]; c++) {
        const child = to_node[childSections[c]];
        if (nodeHead[child] >= 0) continue;
        nodeHead[child] = h;
        order.push(child);
      }
    }
  }
  if (order.length < nodeCount) {
    const stray = nodeCount - order.length;
    const example = nodeHead.findIndex((h) => h < 0);
    problems.push(
      `${stray} nodes are not reached from any feeder head (e.g. ${tables.dist_nodes.ids[example]})`,
    );
  }
  return {
    nodeCount,
    upstreamSection,
    childStart,
    childSections,
    order: Int32Array.from(order),
    nodeHead,
    problems,
  };
}
