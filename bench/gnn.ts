/**
 * bench/gnn: the cascade-risk model against its baselines, on grids and conditions it never saw
 * (issue 9). Generates `city`-scale grids (seeds for training, validation and test) under
 * --data-root, labels them with the simulator under seeded conditions (cached beside each grid;
 * training sets add every transmission, substation and feeder-level asset to the uniform sample
 * unless --uniform-training; validation and test sets are uniform samples),
 * trains the edge-aware model, the GCN and the MLP, and reports on the test grid under held-out
 * conditions: Spearman, R², MAE and precision@1 % for customers, critical customers and MW;
 * AUROC, average precision and balanced accuracy for reaching beyond the zone; the same on the
 * beyond-zone subset; against the first-wave zone baseline and the physics screen. Also the
 * time of one whole-grid prediction beside the sweep it replaces.
 *
 * Usage: npm run bench -- gnn [--data-root DIR] [--scale city] [--train-seeds 1,2] [--val-seed 3]
 *        [--test-seed 4] [--train-conditions 24] [--eval-conditions 8] [--per-condition 2000]
 *        [--epochs 20] [--kinds gine,gcn,mlp] [--workers N] [--uniform-training]
 */
import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateGrid } from '../src/generator/generate.ts';
import {
  baselinePredictions,
  methodReport,
  modelPredictions,
  pooledTruth,
  type MethodReport,
} from '../src/gnn/evaluate/evaluate.ts';
import { HIGH_LEVEL_TABLES } from '../src/gnn/graph/asset-graph.ts';
import { sampleConditions } from '../src/gnn/labels/condition-sampler.ts';
import { MODEL_KINDS, type ModelKind } from '../src/gnn/model/risk-model.ts';
import { constant, noGrad } from '../src/gnn/tensor/index.ts';
import { applyScaler } from '../src/gnn/train/feature-scaler.ts';
import { trainRiskModel } from '../src/gnn/train/train.ts';
import { gridExamples, type GridExamples } from '../src/gnn/train/training-data.ts';
import { modelContentHash } from '../src/model/hash.ts';
import { writeDataset } from '../src/storage/index.ts';
import { writeBenchResult } from './bench-result.ts';
import { round } from './bench-harness.ts';

export const TARGET = {
  customers_spearman_min: 0.9,
  beyond_auroc_min: 0.9,
  beyond_subset: 'our model beats the zone baseline, the GCN and the MLP on MAE and Spearman',
};

async function ensureGrid(root: string, scale: string, seed: number): Promise<string> {
  const dir = join(root, `${scale}-${seed}`);
  if (!existsSync(join(dir, 'grid.sqlite'))) {
    console.log(`generating ${scale} seed ${seed} into ${dir}…`);
    mkdirSync(dir, { recursive: true });
    const model = generateGrid({ scale: scale as 'city', seed });
    await writeDataset(dir, model, { content_hash: modelContentHash(model) });
  }
  return dir;
}

/** The figures of one method, without plot curves. */
function summary(r: MethodReport) {
  const reg = (x: MethodReport['customers']) => ({
    spearman: round(x.spearman ?? NaN, 4),
    r2: round(x.r2 ?? NaN, 4),
    mae: round(x.mae ?? NaN, 2),
    precision_at_1pct: x.precisionAtTop ? round(x.precisionAtTop.precision, 4) : null,
  });
  return {
    customers: reg(r.customers),
    critical: reg(r.critical),
    mw: reg(r.mw),
    beyond: r.beyond && {
      auroc: round(r.beyond.auroc ?? NaN, 4),
      average_precision: round(r.beyond.averagePrecision ?? NaN, 4),
      balanced_accuracy: round(r.beyond.balancedAccuracy ?? NaN, 4),
      precision_at_1pct: r.beyond.precisionAtTop ? round(r.beyond.precisionAtTop.precision, 4) : null,
    },
    beyond_subset: r.beyond_subset && {
      n: r.beyond_subset.customers.n,
      customers: reg(r.beyond_subset.customers),
      mw: reg(r.beyond_subset.mw),
    },
  };
}

function labelStats(g: GridExamples) {
  let n = 0;
  let beyond = 0;
  for (const e of g.examples) {
    n += e.labels.nodes.length;
    for (const b of e.labels.beyond_zone) beyond += b;
  }
  return { grid: g.name, conditions: g.examples.length, labels: n, beyond_zone: beyond };
}

export async function runGnnBench(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-root': { type: 'string' },
      scale: { type: 'string' },
      'train-seeds': { type: 'string' },
      'val-seed': { type: 'string' },
      'test-seed': { type: 'string' },
      'train-conditions': { type: 'string' },
      'eval-conditions': { type: 'string' },
      'per-condition': { type: 'string' },
      epochs: { type: 'string' },
      kinds: { type: 'string' },
      workers: { type: 'string' },
      'uniform-training': { type: 'boolean' },
    },
  });
  const root = values['data-root'] ?? join(tmpdir(), 'flux-gnn-bench');
  const scale = values.scale ?? 'city';
  const trainSeeds = (values['train-seeds'] ?? '1,2').split(',').map(Number);
  const valSeed = Number(values['val-seed'] ?? 3);
  const testSeed = Number(values['test-seed'] ?? 4);
  const perCondition = Number(values['per-condition'] ?? 2000);
  const trainConditions = Number(values['train-conditions'] ?? 24);
  const evalConditions = Number(values['eval-conditions'] ?? 8);
  const epochs = Number(values.epochs ?? 20);
  const kinds = (values.kinds ?? MODEL_KINDS.join(',')).split(',') as ModelKind[];
  const workers = Number(values.workers ?? availableParallelism());
  const log = (s: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${s}`);

  const examples = async (
    seed: number,
    conditionSeed: number,
    count: number,
    sampleSeed: number,
    forTraining = false,
  ) =>
    gridExamples({
      dataDir: await ensureGrid(root, scale, seed),
      settings: sampleConditions(count, conditionSeed),
      perCondition,
      alwaysTables: forTraining && !values['uniform-training'] ? HIGH_LEVEL_TABLES : [],
      seed: sampleSeed,
      workers,
      log,
      onProgress: (d, t, cached) => log(`${scale} ${seed}: labels ${d}/${t}${cached ? ' (cached)' : ''}`),
    });
  // Conditions: training draws from seed 11, validation 12, test 13 — the test never sees either.
  const train = [];
  for (const seed of trainSeeds)
    train.push(await examples(seed, 11 + 100 * seed, trainConditions, 100 + seed, true));
  const validation = await examples(valSeed, 12, evalConditions, 200);
  const test = await examples(testSeed, 13, evalConditions, 300);

  const truth = pooledTruth([test]);
  const methods: Record<string, unknown> = {
    zone_first_wave: summary(methodReport(truth, baselinePredictions([test]), Number.MIN_VALUE)),
  };
  const training: Record<string, unknown> = {};
  for (const kind of kinds) {
    const t0 = performance.now();
    const trained = trainRiskModel(train, [validation], {
      kind,
      epochs,
      onEpoch: (e) =>
        log(
          `${kind} epoch ${e.epoch}: train ${e.train_loss.toFixed(4)}, validation ${e.validation_loss.toFixed(4)}, ${e.seconds.toFixed(1)} s`,
        ),
    });
    const trainSeconds = (performance.now() - t0) / 1000;
    methods[kind] = summary(
      methodReport(truth, modelPredictions(trained.model, trained.scaler, [test]), 0.5),
    );
    const e0 = test.examples[0];
    const t1 = performance.now();
    noGrad(() =>
      trained.model.forward(
        constant(test.inputs.nodeCount, test.featureCount, applyScaler(e0.x, trained.scaler)),
        test.inputs,
      ),
    );
    training[kind] = {
      seconds: round(trainSeconds, 1),
      best_epoch: trained.best_epoch,
      seconds_per_epoch: round(
        trained.history.reduce((s, h) => s + h.seconds, 0) / trained.history.length,
        2,
      ),
      whole_grid_prediction_s: round((performance.now() - t1) / 1000, 3),
      positive_weight: round(trained.positiveWeight, 2),
    };
    log(`${kind}: ${JSON.stringify(methods[kind])}`);
  }
  writeBenchResult('gnn', {
    target: TARGET,
    scale,
    seeds: { train: trainSeeds, validation: valSeed, test: testSeed },
    per_condition: perCondition,
    conditions: { train_per_grid: trainConditions, validation: evalConditions, test: evalConditions },
    labels: { train: train.map(labelStats), validation: labelStats(validation), test: labelStats(test) },
    methods,
    training,
    load_average_1m: round(loadavg()[0], 2),
  });
}
