/**
 * The grid grouped by normal feeder, for evaluating a cascade one feeder at a time: the nodes,
 * sections, transformers and ties of each feeder, the transformers at each node and the
 * customers on each transformer (CSR, in index order so sums add in the same order as a full
 * evaluation). Built once per model.
 */
import type { GridModel } from '../model/grid-model.ts';

/** Rows of a CSR grouping: the members of group g are items[start[g] .. start[g+1]-1]. */
export interface Groups {
  start: Int32Array;
  items: Int32Array;
}

export interface FeederIndex {
  /** Normal feeder of each distribution node. */
  nodeFeeder: Int32Array;
  feederNodes: Groups;
  /** Sections by the feeder of their downstream node. */
  feederSections: Groups;
  feederTransformers: Groups;
  /** Ties by the feeders of both ends (a tie between two feeders is in both). */
  feederTies: Groups;
  nodeTransformers: Groups;
  transformerCustomers: Groups;
  /** Feeders on each substation transformer. */
  stxFeeders: Groups;
}

/** Groups items 0..n-1 by key(i) in 0..groups-1 (items with a negative key are left out). */
export function groupBy(n: number, groups: number, key: (i: number) => number): Groups {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) {
    const g = key(i);
    if (g >= 0) start[g + 1]++;
  }
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const fill = start.slice(0, groups);
  const items = new Int32Array(start[groups]);
  for (let i = 0; i < n; i++) {
    const g = key(i);
    if (g >= 0) items[fill[g]++] = i;
  }
  return { start, items };
}

const cache = new WeakMap<GridModel, FeederIndex>();

export function feederIndex(model: GridModel): FeederIndex {
  let index = cache.get(model);
  if (index) return index;
  const t = model.tables;
  const nodeFeeder = t.dist_nodes.cols.feeder;
  const nF = t.feeders.size;
  const txNode = t.transformers.cols.node;
  const sw = t.switches.cols;
  // A tie joins two feeders: list it under each (twice under one feeder is harmless but avoided).
  const tieStart = new Int32Array(nF + 1);
  const tieOf: [number, number][] = [];
  for (let k = 0; k < t.switches.size; k++) {
    if (sw.kind[k] !== 1) continue;
    const fa = nodeFeeder[sw.node_a[k]];
    const fb = nodeFeeder[sw.node_b[k]];
    if (fa >= 0) tieOf.push([fa, k]);
    if (fb >= 0 && fb !== fa) tieOf.push([fb, k]);
  }
  tieOf.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [f] of tieOf) tieStart[f + 1]++;
  for (let f = 0; f < nF; f++) tieStart[f + 1] += tieStart[f];
  const meterTx = t.meters.cols.transformer;
  const custMeter = t.customers.cols.meter;
  index = {
    nodeFeeder,
    feederNodes: groupBy(t.dist_nodes.size, nF, (n) => nodeFeeder[n]),
    feederSections: groupBy(t.line_sections.size, nF, (s) => nodeFeeder[t.line_sections.cols.to_node[s]]),
    feederTransformers: groupBy(t.transformers.size, nF, (x) => nodeFeeder[txNode[x]]),
    feederTies: { start: tieStart, items: Int32Array.from(tieOf, ([, k]) => k) },
    nodeTransformers: groupBy(t.transformers.size, t.dist_nodes.size, (x) => txNode[x]),
    transformerCustomers: groupBy(t.customers.size, t.transformers.size, (c) => meterTx[custMeter[c]]),
    stxFeeders: groupBy(nF, t.substation_transformers.size, (f) => t.feeders.cols.substation_transformer[f]),
  };
  cache.set(model, index);
  return index;
}
