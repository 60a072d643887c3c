/** The risk model: exact subgraph batches, and the graph models learn a rule only the graph shows. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generator/rng.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { buildAssetGraph } from '../../src/gnn/graph/asset-graph.ts';
import { graphInputs, hopSubgraph } from '../../src/gnn/model/graph-inputs.ts';
import { RiskModel, type ModelKind } from '../../src/gnn/model/risk-model.ts';
import { r2 } from '../../src/gnn/metrics/index.ts';
import { Adam, constant, mseLoss, noGrad, sliceColumns, tensorScope } from '../../src/gnn/tensor/index.ts';
import { buildDistributionGraph } from '../../src/topology/distribution-graph.ts';

const model = generateGrid({ scale: 'sample', seed: 1 });
const graph = buildAssetGraph(model, buildDistributionGraph(model.tables));
const whole = graphInputs(graph);
const n = graph.nodeCount;
const F = 6;
const rng = new Rng(5, 'risk-model-test');
const x = Float32Array.from({ length: n * F }, () => rng.next() * 2 - 1);

describe('L-hop subgraphs', () => {
  it.each(['gine', 'gcn'] as const)('give the seeds exactly their whole-graph outputs (%s)', (kind) => {
    const m = new RiskModel({ kind, featureCount: F, hidden: 16, layers: 3 }, new Rng(1, kind));
    const full = noGrad(() => m.forward(constant(n, F, x), whole));
    const seeds = Int32Array.from({ length: 40 }, () => rng.int(n));
    const sub = hopSubgraph(whole, graph, seeds, 3);
    expect(sub.inputs.nodeCount).toBeLessThan(n);
    const xs = new Float32Array(sub.inputs.nodeCount * F);
    sub.inputs.nodes.forEach((v, i) => xs.set(x.subarray(v * F, v * F + F), i * F));
    const part = noGrad(() => m.forward(constant(sub.inputs.nodeCount, F, xs), sub.inputs));
    seeds.forEach((v, i) => {
      for (let j = 0; j < 4; j++) expect(part.item(sub.seedLocal[i], j)).toBeCloseTo(full.item(v, j), 4);
    });
  });
});

/** Fits output 0 to `target` on the even nodes for `steps` Adam steps; returns R² on the odd ones. */
function fit(kind: ModelKind, target: Float32Array, steps: number): number {
  const even = Float32Array.from({ length: n }, (_, v) => (v % 2 === 0 ? 1 : 0));
  const m = new RiskModel({ kind, featureCount: F, hidden: 32, layers: 2 }, new Rng(2, kind));
  const adam = new Adam(Object.values(m.parameters()), { learningRate: 1e-2 });
  const input = constant(n, F, x);
  for (let s = 0; s < steps; s++)
    tensorScope(() => {
      adam.zeroGrad();
      const loss = mseLoss(sliceColumns(m.forward(input, whole), 0, 1), target, { rowWeight: even });
      loss.backward();
      adam.step();
    });
  const pred = noGrad(() => sliceColumns(m.forward(input, whole), 0, 1).data.slice());
  const odd = (a: Float32Array) => a.filter((_, v) => v % 2 === 1);
  return r2(odd(target), odd(pred))!;
}

describe('a rule only the graph shows', () => {
  // Each asset's target: the mean of feature 0 over the assets attached to it.
  const target = new Float32Array(n);
  for (let v = 0; v < n; v++) {
    const from = graph.dstStart[v];
    const to = graph.dstStart[v + 1];
    let s = 0;
    for (let k = from; k < to; k++) s += x[graph.src[k] * F];
    target[v] = to > from ? s / (to - from) : 0;
  }

  it('is learned by the edge-aware model and the GCN, not by the MLP', () => {
    const gine = fit('gine', target, 300);
    const mlp = fit('mlp', target, 300);
    const gcn = fit('gcn', target, 300);
    expect(gine).toBeGreaterThan(0.9);
    expect(gcn).toBeGreaterThan(0.5);
    expect(mlp).toBeLessThan(0.2);
  });
});
