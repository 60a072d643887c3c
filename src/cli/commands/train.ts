/**
 * `flux train`: trains a risk model on the simulator's labels of one or more datasets under
 * seeded sampled conditions, keeps the best epoch by the loss on a validation dataset (other
 * conditions), and writes the model with its manifest.
 */
import { availableParallelism } from 'node:os';
import { HIGH_LEVEL_TABLES } from '../../gnn/graph/asset-graph.ts';
import { sampleConditions } from '../../gnn/labels/condition-sampler.ts';
import { saveRiskModel } from '../../gnn/model/model-file.ts';
import { MODEL_KINDS, type ModelKind } from '../../gnn/model/risk-model.ts';
import { trainingManifest } from '../../gnn/train/manifest.ts';
import { trainRiskModel, TRAIN_DEFAULTS } from '../../gnn/train/train.ts';
import { gridExamples } from '../../gnn/train/training-data.ts';
import { DatasetError } from '../../storage/index.ts';
import { integerFlag, parseFlags } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { DEFAULT_MODEL_PATH } from './predict.ts';

const usage = `usage: flux train --data DIR[,DIR...] --validation-data DIR [--out FILE] [--kind ${MODEL_KINDS.join('|')}]
                  [--conditions N] [--per-condition N] [--epochs N] [--seed S] [--workers N] [--quiet]

Labels every dataset with the cascade simulator under N seeded sampled conditions (default 24):
a uniform sample of the equipment plus every transmission, substation and feeder-level asset
(labels are cached in DIR/gnn-labels/); trains the model (default gine) and keeps the epoch with
the lowest loss on the validation dataset under other sampled conditions. Writes --out (default
${DEFAULT_MODEL_PATH}).`;

export const trainCommand = {
  summary: 'train the cascade-risk model on simulated outcomes under sampled conditions',
  usage,
  async run(argv: string[]): Promise<number> {
    const flags = parseFlags('train', argv, {
      data: { type: 'string' },
      'validation-data': { type: 'string' },
      out: { type: 'string' },
      kind: { type: 'string' },
      conditions: { type: 'string' },
      'per-condition': { type: 'string' },
      epochs: { type: 'string' },
      seed: { type: 'string' },
      workers: { type: 'string' },
      quiet: { type: 'boolean' },
    });
    if (!flags.data) throw new CliError('train: --data DIR[,DIR...] is required');
    if (!flags['validation-data']) throw new CliError('train: --validation-data DIR is required');
    const kind = (flags.kind ?? 'gine') as ModelKind;
    if (!MODEL_KINDS.includes(kind))
      throw new CliError(`train: --kind must be one of ${MODEL_KINDS.join(', ')}`);
    const count = integerFlag('train', 'conditions', flags.conditions, 24);
    const perCondition = integerFlag('train', 'per-condition', flags['per-condition'], 2000);
    const seed = integerFlag('train', 'seed', flags.seed, 1);
    const workers = integerFlag('train', 'workers', flags.workers, availableParallelism());
    if (count < 1 || perCondition < 1)
      throw new CliError('train: --conditions and --per-condition must be at least 1');
    const log = (s: string) => !flags.quiet && console.error(s);
    const t0 = performance.now();
    try {
      const dirs = flags.data.split(',').map((s) => s.trim());
      const train = [];
      for (const [k, dir] of dirs.entries())
        train.push(
          await gridExamples({
            dataDir: dir,
            settings: sampleConditions(count, seed * 1000 + k),
            perCondition,
            alwaysTables: HIGH_LEVEL_TABLES,
            seed: seed * 1000 + 100 * k,
            workers,
            log,
            onProgress: (d, t, cached) => log(`${dir}: labels ${d}/${t}${cached ? ' (cached)' : ''}`),
          }),
        );
      const validation = await gridExamples({
        dataDir: flags['validation-data'],
        settings: sampleConditions(Math.max(2, Math.ceil(count / 4)), seed * 1000 + 999),
        perCondition,
        seed: seed * 1000 + 999,
        workers,
        log,
      });
      const trained = trainRiskModel(train, [validation], {
        kind,
        seed,
        epochs: integerFlag('train', 'epochs', flags.epochs, TRAIN_DEFAULTS.epochs),
        onEpoch: (e) =>
          log(
            `epoch ${e.epoch}: train ${e.train_loss.toFixed(4)}, validation ${e.validation_loss.toFixed(4)} (${e.seconds.toFixed(1)} s)`,
          ),
      });
      const out = flags.out ?? DEFAULT_MODEL_PATH;
      saveRiskModel(out, trained.model, trainingManifest(trained, train, (performance.now() - t0) / 1000));
      console.log(`wrote ${out} (${kind}, best epoch ${trained.best_epoch} of ${trained.history.length})`);
    } catch (err) {
      if (err instanceof DatasetError) throw new CliError(`train: ${err.message}`);
      throw err;
    }
    return 0;
  },
};
