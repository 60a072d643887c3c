/**
 * The transmission-outcome model and its baselines, one code path: graph-level predictions
 * [logit(shed), log1p(MW shed)] for a batch of examples (batch.ts).
 *
 *  - 'gine': edge-aware message passing on the bus graph (GINE, Hu et al. 2020): each directed
 *    branch's message is relu(h_src + W_e · e), e its edge features (loading before and after the
 *    outage, the outage flag, …), averaged at the destination and combined with the bus's state
 *    by a linear layer, residual and layer norm. The graph vector pools the buses (mean, max)
 *    and the last layer's messages (mean, max): a post-outage overload lives on a branch;
 *  - 'gcn': a plain GCN (Kipf & Welling 2017) over D^-½(A + I)D^-½, bus features only, the
 *    buses pooled (mean, max);
 *  - 'mlp': no message passing: the mean and max of the bus and of the branch inputs.
 * Every kind's head also reads the example's graph features (condition, outage size, islanding,
 * worst loadings).
 */
import {
  add,
  concatColumns,
  constant,
  gatherRows,
  layerNorm,
  Linear,
  parameter,
  relu,
  segmentMax,
  segmentMean,
  sparseMatmul,
  type Tensor,
  type UniformSource,
} from '../tensor/index.ts';
import type { OutcomeBatch } from './batch.ts';
import { EDGE_FEATURES, GRAPH_FEATURES, NODE_FEATURES } from './inputs.ts';

export const OUTCOME_MODEL_KINDS = ['gine', 'gcn', 'mlp'] as const;
export type OutcomeModelKind = (typeof OUTCOME_MODEL_KINDS)[number];

/** Output columns. */
export const OUTCOME_OUTPUTS = ['shed_logit', 'log1p_shed_mw'] as const;

export interface OutcomeModelConfig {
  kind: OutcomeModelKind;
  hidden: number;
  layers: number;
}

export const OUTCOME_MODEL_DEFAULTS = { hidden: 32, layers: 3 };

interface Layer {
  edge?: Linear;
  update: Linear;
  gain: Tensor;
  bias: Tensor;
}

export class OutcomeModel {
  private readonly encoder: Linear;
  private readonly layers: Layer[];
  private readonly head1: Linear;
  private readonly head2: Linear;

  constructor(
    readonly config: OutcomeModelConfig,
    rng: UniformSource,
  ) {
    const { kind, hidden: h } = config;
    const F = NODE_FEATURES.length;
    const E = EDGE_FEATURES.length;
    const G = GRAPH_FEATURES.length;
    this.encoder = new Linear(kind === 'mlp' ? 2 * F + 2 * E : F, h, rng);
    const depth = kind === 'mlp' ? 0 : config.layers;
    this.layers = Array.from({ length: depth }, () => ({
      edge: kind === 'gine' ? new Linear(E, h, rng) : undefined,
      update: new Linear(kind === 'gine' ? 2 * h : h, h, rng),
      gain: parameter(1, h, new Float32Array(h).fill(1)),
      bias: parameter(1, h),
    }));
    const pooled = kind === 'gine' ? 4 * h : kind === 'gcn' ? 2 * h : h;
    this.head1 = new Linear(pooled + G, h, rng);
    this.head2 = new Linear(h, OUTCOME_OUTPUTS.length, rng);
  }

  parameters(): Record<string, Tensor> {
    const named: Record<string, Tensor> = { ...this.encoder.parameters('encoder.') };
    this.layers.forEach((l, i) => {
      if (l.edge) Object.assign(named, l.edge.parameters(`layer${i}.edge.`));
      Object.assign(named, l.update.parameters(`layer${i}.update.`));
      named[`layer${i}.norm.gain`] = l.gain;
      named[`layer${i}.norm.bias`] = l.bias;
    });
    Object.assign(named, this.head1.parameters('head1.'), this.head2.parameters('head2.'));
    return named;
  }

  /** [graphs × 2]: logit of shedding, log1p of MW shed. */
  forward(b: OutcomeBatch): Tensor {
    const { kind } = this.config;
    const F = NODE_FEATURES.length;
    const E = EDGE_FEATURES.length;
    const x = constant(b.nodeCount, F, b.node);
    const e = constant(b.edgeCount, E, b.edge);
    const g = constant(b.graphs, GRAPH_FEATURES.length, b.graph);
    let pooled: Tensor;
    if (kind === 'mlp') {
      const inputs = concatColumns([
        segmentMean(x, b.nodeGraph, b.graphs, b.inverseNodeCount),
        segmentMax(x, b.nodeGraph, b.graphs),
        segmentMean(e, b.edgeGraph, b.graphs, b.inverseEdgeCount),
        segmentMax(e, b.edgeGraph, b.graphs),
      ]);
      pooled = this.encoder.forward(inputs, 'relu');
    } else {
      let h = this.encoder.forward(x, 'relu');
      let messages: Tensor | null = null;
      for (const layer of this.layers) {
        let next: Tensor;
        if (layer.edge) {
          messages = relu(add(gatherRows(h, b.src), layer.edge.forward(e)));
          const aggregated = segmentMean(messages, b.dst, b.nodeCount, b.inverseInDegree);
          next = layer.update.forward(concatColumns([h, aggregated]), 'relu');
        } else {
          next = relu(sparseMatmul(b.gcn, layer.update.forward(h)));
        }
        h = layerNorm(add(h, next), layer.gain, layer.bias);
      }
      const parts = [
        segmentMean(h, b.nodeGraph, b.graphs, b.inverseNodeCount),
        segmentMax(h, b.nodeGraph, b.graphs),
      ];
      if (messages) {
        parts.push(segmentMean(messages, b.edgeGraph, b.graphs, b.inverseEdgeCount));
        parts.push(segmentMax(messages, b.edgeGraph, b.graphs));
      }
      pooled = concatColumns(parts);
    }
    return this.head2.forward(this.head1.forward(concatColumns([pooled, g]), 'relu'));
  }
}
