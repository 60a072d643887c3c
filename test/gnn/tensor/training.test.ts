/** End to end: the ops and Adam together learn known rules. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/generator/rng.ts';
import {
  Adam,
  Linear,
  bceWithLogitsLoss,
  concatColumns,
  constant,
  gatherRows,
  mseLoss,
  noGrad,
  relu,
  segmentMean,
  tensorScope,
  type Tensor,
} from '../../../src/gnn/tensor/index.ts';

/** Points uniform in [−1, 1)², labelled 1 where x0·x1 > 0 (the XOR quadrants). */
function quadrantData(count: number, rng: Rng): { x: Tensor; y: Float32Array } {
  const x = constant(count, 2);
  const y = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const a = rng.range(-1, 1);
    const b = rng.range(-1, 1);
    x.data[2 * i] = a;
    x.data[2 * i + 1] = b;
    y[i] = a * b > 0 ? 1 : 0;
  }
  return { x, y };
}

describe('training', () => {
  it('a 2-32-1 ReLU MLP learns the sign of x0·x1 to ≥ 97 % held-out accuracy with Adam', () => {
    const rng = new Rng(1, 'mlp');
    const train = quadrantData(1024, rng.fork('train'));
    const test = quadrantData(1024, rng.fork('test'));
    const hidden = new Linear(2, 32, rng.fork('l1'));
    const head = new Linear(32, 1, rng.fork('l2'));
    const params = [...Object.values(hidden.parameters()), ...Object.values(head.parameters())];
    const adam = new Adam(params, { learningRate: 0.02 });
    const forward = (x: Tensor): Tensor => head.forward(relu(hidden.forward(x)));
    let firstLoss = NaN;
    let lastLoss = NaN;
    for (let step = 0; step < 600; step++) {
      adam.zeroGrad();
      // Each step in a tensorScope, as a training loop would run it (buffers recycled).
      const loss = tensorScope(() => {
        const l = bceWithLogitsLoss(forward(train.x), train.y);
        l.backward();
        return l.item();
      });
      adam.step();
      if (step === 0) firstLoss = loss;
      lastLoss = loss;
    }
    const logits = noGrad(() => forward(test.x));
    let correct = 0;
    for (let i = 0; i < test.y.length; i++) if ((logits.data[i] > 0 ? 1 : 0) === test.y[i]) correct++;
    const accuracy = correct / test.y.length;
    expect(firstLoss).toBeGreaterThan(0.6);
    expect(lastLoss).toBeLessThan(0.05);
    expect(accuracy).toBeGreaterThanOrEqual(0.97);
  });

  it('gather → segment mean → linear learns to output each node’s neighbour-feature mean (MSE < 1e-6 on a new graph)', () => {
    const rng = new Rng(2, 'message-passing');
    const features = 4;
    const graph = (nodes: number, edges: number, r: Rng) => {
      const x = constant(nodes, features);
      for (let i = 0; i < x.size; i++) x.data[i] = r.range(-1, 1);
      const src = Int32Array.from({ length: edges }, () => r.int(nodes));
      const dst = Int32Array.from({ length: edges }, () => r.int(nodes));
      // The rule to learn: y[d] = mean of x[src[e]] over edges into d (0 with none).
      const y = new Float32Array(nodes * features);
      const count = new Float32Array(nodes);
      for (let e = 0; e < edges; e++) {
        count[dst[e]]++;
        for (let j = 0; j < features; j++) y[dst[e] * features + j] += x.data[src[e] * features + j];
      }
      for (let d = 0; d < nodes; d++)
        for (let j = 0; j < features; j++) if (count[d] > 0) y[d * features + j] /= count[d];
      return { x, src, dst, y, nodes };
    };
    // The layer sees [neighbour mean | own features] and must learn to ignore its own features.
    const layer = new Linear(2 * features, features, rng.fork('layer'));
    const adam = new Adam(Object.values(layer.parameters()), { learningRate: 0.03 });
    const forward = (g: ReturnType<typeof graph>): Tensor =>
      layer.forward(concatColumns([segmentMean(gatherRows(g.x, g.src), g.dst, g.nodes), g.x]));
    const train = graph(300, 1200, rng.fork('train'));
    for (let step = 0; step < 400; step++) {
      adam.zeroGrad();
      const loss = mseLoss(forward(train), train.y);
      loss.backward();
      adam.step();
    }
    const test = graph(200, 600, rng.fork('test'));
    const testLoss = noGrad(() => mseLoss(forward(test), test.y)).item();
    expect(testLoss).toBeLessThan(1e-6);
    // The learned weight is ≈ [I; 0]: the neighbour block maps straight through, the self block is off.
    const w = layer.weight.data;
    for (let i = 0; i < features; i++) {
      expect(w[i * features + i]).toBeCloseTo(1, 1);
      expect(Math.abs(w[(features + i) * features + i])).toBeLessThan(0.05);
    }
  });
});
