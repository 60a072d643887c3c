/**
 * `flux evaluate`: a trained risk model against the first-wave zone baseline and the physics
 * screen on a dataset under seeded sampled conditions (a uniform sample of assets, labelled by
 * the simulator), with every figure of src/gnn/metrics/.
 */
import { availableParallelism } from 'node:os';
import {
  baselinePredictions,
  methodReport,
  modelPredictions,
  pooledTruth,
} from '../../gnn/evaluate/evaluate.ts';
import { sampleConditions } from '../../gnn/labels/condition-sampler.ts';
import { loadRiskModel, RiskModelFileError } from '../../gnn/model/model-file.ts';
import { gridExamples } from '../../gnn/train/training-data.ts';
import { DatasetError } from '../../storage/index.ts';
import { integerFlag, parseFlags } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { DEFAULT_MODEL_PATH } from './predict.ts';

const usage = `usage: flux evaluate --data DIR [--model FILE] [--conditions N] [--per-condition N] [--seed S]
                     [--workers N] [--json]

Labels a uniform sample of the dataset's equipment (default 2,000 assets) under N seeded sampled
conditions (default 6; seed 13 unless given — pick one the model was not trained on) with the
cascade simulator, and reports the model beside the first-wave zone baseline and the physics
screen: Spearman, R², MAE, precision@1 % for customers, critical customers and MW; AUROC, AP and
balanced accuracy for reaching beyond the zone; the same on the beyond-zone subset.`;

const f = (v: number | null | undefined, digits = 3) =>
  v === null || v === undefined ? '—' : v.toFixed(digits);

export const evaluateCommand = {
  summary: 'the risk model against the zone baseline on a dataset under sampled conditions',
  usage,
  async run(argv: string[]): Promise<number> {
    const flags = parseFlags('evaluate', argv, {
      data: { type: 'string' },
      model: { type: 'string' },
      conditions: { type: 'string' },
      'per-condition': { type: 'string' },
      seed: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'boolean' },
    });
    const modelPath = flags.model ?? DEFAULT_MODEL_PATH;
    let loaded;
    try {
      loaded = loadRiskModel(modelPath);
    } catch (err) {
      if (err instanceof RiskModelFileError) throw new CliError(`evaluate: ${err.message}`);
      throw err;
    }
    const count = integerFlag('evaluate', 'conditions', flags.conditions, 6);
    const perCondition = integerFlag('evaluate', 'per-condition', flags['per-condition'], 2000);
    const seed = integerFlag('evaluate', 'seed', flags.seed, 13);
    if (count < 1 || perCondition < 1)
      throw new CliError('evaluate: --conditions and --per-condition must be at least 1');
    let grid;
    try {
      grid = await gridExamples({
        dataDir: flags.data ?? process.env.FLUX_DATA ?? 'data',
        settings: sampleConditions(count, seed),
        perCondition,
        seed,
        workers: integerFlag('evaluate', 'workers', flags.workers, availableParallelism()),
      });
    } catch (err) {
      if (err instanceof DatasetError) throw new CliError(`evaluate: ${err.message}`);
      throw err;
    }
    const truth = pooledTruth([grid]);
    const methods = {
      model: methodReport(truth, modelPredictions(loaded.model, loaded.manifest.scaler, [grid]), 0.5),
      zone_first_wave: methodReport(truth, baselinePredictions([grid]), Number.MIN_VALUE),
    };
    if (flags.json) {
      console.log(
        JSON.stringify({
          model: loaded.manifest.kind,
          grid: grid.name,
          conditions: count,
          labels: truth.customers_lost.length,
          methods,
        }),
      );
      return 0;
    }
    console.log(
      `${grid.name}: ${truth.customers_lost.length.toLocaleString('en-US')} labels under ${count} conditions`,
    );
    console.log(
      'method            Spearman  MAE customers  beyond AUROC    AP   bal.acc  subset Spearman  subset MAE',
    );
    for (const [name, r] of Object.entries(methods))
      console.log(
        `${(name === 'model' ? loaded.manifest.kind : name).padEnd(16)} ${f(r.customers.spearman).padStart(9)} ${f(r.customers.mae, 1).padStart(14)} ${f(r.beyond?.auroc).padStart(13)} ${f(r.beyond?.averagePrecision).padStart(5)} ${f(r.beyond?.balancedAccuracy).padStart(9)} ${f(r.beyond_subset?.customers.spearman).padStart(16)} ${f(r.beyond_subset?.customers.mae, 1).padStart(11)}`,
      );
    return 0;
  },
};
