/**
 * The asset-risk model and its two baselines, one code path: an input encoder, a stack of
 * message-passing layers, and a head giving per asset [log1p customers lost, log1p critical
 * customers lost, log1p(10 × MW shed), logit of reaching beyond the protection zone].
 *
 *  - 'gine': edge-aware message passing (GINE, Hu et al. 2020): each edge's message is
 *    relu(h_src + W_e · e), e the one-hot of the edge's attachment kind and direction, averaged
 *    at the destination (by whole-graph in-degree), combined with the node's own
 *    state by a linear layer, with a residual connection and layer norm;
 *  - 'gcn': a plain GCN (Kipf & Welling 2017) over the normalized adjacency, no edge features;
 *  - 'mlp': no graph at all, the same encoder, depth and head.
 * Every input carries the operating conditions (features/condition-vector.ts), so one model
 * answers for any condition.
 */
import {
  add,
  concatColumns,
  gatherRows,
  layerNorm,
  Linear,
  parameter,
  relu,
  segmentMean,
  sparseMatmul,
  type Tensor,
  uniformParameter,
  type UniformSource,
} from '../tensor/index.ts';
import { EDGE_CATEGORY_COUNT, type GraphInputs } from './graph-inputs.ts';

export const MODEL_KINDS = ['gine', 'gcn', 'mlp'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const OUTPUTS = ['log1p_customers', 'log1p_critical', 'log1p_10mw', 'beyond_logit'] as const;

export interface RiskModelConfig {
  kind: ModelKind;
  featureCount: number;
  hidden: number;
  layers: number;
}

export const RISK_MODEL_DEFAULTS = { hidden: 64, layers: 3 };

interface Layer {
  /** GINE's edge term W_e · e for a one-hot edge category: a row per category. */
  edge?: Tensor;
  update: Linear;
  gain: Tensor;
  bias: Tensor;
}

export class RiskModel {
  private readonly encoder: Linear;
  private readonly layers: Layer[];
  private readonly head1: Linear;
  private readonly head2: Linear;

  constructor(
    readonly config: RiskModelConfig,
    rng: UniformSource,
  ) {
    const h = config.hidden;
    this.encoder = new Linear(config.featureCount, h, rng);
    this.layers = Array.from({ length: config.layers }, () => ({
      edge:
        config.kind === 'gine' ? uniformParameter(EDGE_CATEGORY_COUNT, h, Math.sqrt(3 / h), rng) : undefined,
      update: new Linear(config.kind === 'gine' ? 2 * h : h, h, rng),
      gain: parameter(1, h, new Float32Array(h).fill(1)),
      bias: parameter(1, h),
    }));
    this.head1 = new Linear(h, h, rng);
    this.head2 = new Linear(h, OUTPUTS.length, rng);
  }

  /** Named parameters, for the optimizer and for saving. */
  parameters(): Record<string, Tensor> {
    const named: Record<string, Tensor> = { ...this.encoder.parameters('encoder.') };
    this.layers.forEach((l, i) => {
      if (l.edge) named[`layer${i}.edge`] = l.edge;
      Object.assign(named, l.update.parameters(`layer${i}.update.`));
      named[`layer${i}.norm.gain`] = l.gain;
      named[`layer${i}.norm.bias`] = l.bias;
    });
    Object.assign(named, this.head1.parameters('head1.'), this.head2.parameters('head2.'));
    return named;
  }

  /** Outputs [nodes × OUTPUTS.length] for node features x [nodes × featureCount]. */
  forward(x: Tensor, graph: GraphInputs): Tensor {
    let h = this.encoder.forward(x, 'relu');
    for (const layer of this.layers) {
      let next: Tensor;
      if (this.config.kind === 'gine') {
        const messages = relu(add(gatherRows(h, graph.src), gatherRows(layer.edge!, graph.edgeCategory)));
        const aggregated = segmentMean(messages, graph.dst, graph.nodeCount, graph.inverseInDegree);
        next = layer.update.forward(concatColumns([h, aggregated]), 'relu');
      } else if (this.config.kind === 'gcn') {
        next = relu(sparseMatmul(graph.gcn, layer.update.forward(h)));
      } else {
        next = layer.update.forward(h, 'relu');
      }
      h = layerNorm(add(h, next), layer.gain, layer.bias);
    }
    return this.head2.forward(this.head1.forward(h, 'relu'));
  }
}
