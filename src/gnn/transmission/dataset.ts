/**
 * A set of labelled cases as the trainer and the evaluator read it: the examples in a fixed
 * order, their structure, their inputs (built on demand from the case, never from the label)
 * and their targets.
 */
import { fitScaler } from '../train/feature-scaler.ts';
import { buildBatch, type InputScalers, type OutcomeBatch } from './batch.ts';
import {
  caseGraph,
  EDGE_FEATURES,
  exampleInputs,
  GRAPH_FEATURES,
  NODE_FEATURES,
  type CaseGraph,
  type ExampleInputs,
} from './inputs.ts';
import { SHED_TOLERANCE_MW, type CaseSamples } from './samples.ts';

export interface OutcomeDataset {
  readonly cases: readonly CaseSamples[];
  readonly graphs: readonly CaseGraph[];
  /** Example k is sample items[k].sample of case items[k].set. */
  readonly items: readonly { set: number; sample: number }[];
}

export function outcomeDataset(cases: readonly CaseSamples[]): OutcomeDataset {
  const items: { set: number; sample: number }[] = [];
  cases.forEach((cs, set) => cs.samples.forEach((_, sample) => items.push({ set, sample })));
  return { cases, graphs: cases.map((cs) => caseGraph(cs.case)), items };
}

/** The inputs of example k (case, pre-outage state and outage only). */
export function itemInputs(d: OutcomeDataset, k: number): ExampleInputs {
  const { set, sample } = d.items[k];
  const cs = d.cases[set];
  const s = cs.samples[sample];
  return exampleInputs(cs, d.graphs[set], s.state, s.outage);
}

/** The batch of examples `rows` of `d`. */
export function datasetBatch(
  d: OutcomeDataset,
  rows: ArrayLike<number>,
  scalers: InputScalers,
): OutcomeBatch {
  return buildBatch(
    Array.from(rows, (k) => ({ inputs: itemInputs(d, k), graph: d.graphs[d.items[k].set] })),
    scalers,
  );
}

/** MW shed per example (the label), in dataset order. */
export function shedTruth(d: OutcomeDataset): Float64Array {
  return Float64Array.from(d.items, ({ set, sample }) => d.cases[set].samples[sample].shed_mw);
}

/** 1 where the example sheds load. */
export function shedClass(d: OutcomeDataset): Float64Array {
  return Float64Array.from(shedTruth(d), (mw) => (mw > SHED_TOLERANCE_MW ? 1 : 0));
}

/** Column scalers fitted on (up to `limit`, evenly spread) examples of `d`. */
export function fitInputScalers(d: OutcomeDataset, limit = 2000): InputScalers {
  const step = Math.max(1, Math.floor(d.items.length / limit));
  const node: Float32Array[] = [];
  const edge: Float32Array[] = [];
  const graph: Float32Array[] = [];
  for (let k = 0; k < d.items.length; k += step) {
    const x = itemInputs(d, k);
    node.push(x.node);
    edge.push(x.edge);
    graph.push(x.graph);
  }
  return {
    node: fitScaler(node, NODE_FEATURES.length),
    edge: fitScaler(edge, EDGE_FEATURES.length),
    graph: fitScaler(graph, GRAPH_FEATURES.length),
  };
}
