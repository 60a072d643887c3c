/**
 * Input checks shared by the centrality metrics. Every error names the metric's module, so a
 * bad call reads `betweenness: k must be an integer in 1..10, got 0`.
 */
import type { CsrGraph } from '../../topology/build-graph.ts';

/** Throws unless `graph` is a well-formed CsrGraph (sizes consistent; entries are not rescanned). */
export function assertCsrGraph(graph: CsrGraph, module: string): void {
  if (!graph || typeof graph !== 'object')
    throw new TypeError(`${module}: expected a CsrGraph, got ${graph}`);
  const { nodeCount, offsets, targets, weights } = graph;
  if (!Number.isInteger(nodeCount) || nodeCount < 0) {
    throw new TypeError(`${module}: graph.nodeCount must be a non-negative integer, got ${nodeCount}`);
  }
  if (!(offsets instanceof Int32Array) || offsets.length !== nodeCount + 1) {
    throw new TypeError(`${module}: graph.offsets must be an Int32Array of length nodeCount + 1`);
  }
  if (!(targets instanceof Int32Array) || offsets[0] !== 0 || offsets[nodeCount] !== targets.length) {
    throw new TypeError(`${module}: graph.targets must be an Int32Array of length offsets[nodeCount]`);
  }
  if (weights !== undefined && (!(weights instanceof Float64Array) || weights.length !== targets.length)) {
    throw new TypeError(`${module}: graph.weights must be a Float64Array of the same length as targets`);
  }
}

/** Throws unless `value` is a finite number with lo < value < hi (or lo ≤ value when `closedLow`). */
export function assertInRange(
  module: string,
  name: string,
  value: number,
  lo: number,
  hi: number,
  closedLow = false,
): void {
  const ok = Number.isFinite(value) && (closedLow ? value >= lo : value > lo) && value < hi;
  if (!ok)
    throw new RangeError(`${module}: ${name} must be in ${closedLow ? '[' : '('}${lo}, ${hi}), got ${value}`);
}

/** Throws unless `value` is an integer in lo..hi. */
export function assertInteger(module: string, name: string, value: number, lo: number, hi: number): void {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new RangeError(`${module}: ${name} must be an integer in ${lo}..${hi}, got ${value}`);
  }
}

/** Throws when weighted computation is asked of a graph without weights. */
export function assertWeights(graph: CsrGraph, module: string): Float64Array {
  if (!graph.weights) throw new TypeError(`${module}: weighted is set but the graph has no weights`);
  return graph.weights;
}
