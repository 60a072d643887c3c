/**
 * `flux predict`: the risk model's answer for every failable asset of a dataset under the given
 * conditions, beside what the exact trace says (zone_customers). Without a model it says so and
 * how to get one; it never makes a score up.
 */
import { fileURLToPath } from 'node:url';
import { AssetFeatureBuilder } from '../../gnn/features/asset-features.ts';
import { loadRiskModel, RiskModelFileError } from '../../gnn/model/model-file.ts';
import { predictRisk } from '../../gnn/predict.ts';
import { DatasetError, openDataset } from '../../storage/index.ts';
import { integerFlag, parseFlags } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { CONDITIONS_USAGE, conditionFlagOptions, conditionsFromFlags } from '../conditions-flags.ts';

/** The model shipped with the repository (npm run train:default writes it). */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../../models/risk-model.json', import.meta.url));

const usage = `usage: flux predict [--data DIR] [--model FILE] [condition flags] [--top N] [--json]

Predicts, for every failable asset under the conditions, the customers, critical customers and
MW its failure costs beyond what the conditions take out alone, and the probability that its
cascade reaches beyond its protection zone; zone_customers is what the trace gives. Default model:
${DEFAULT_MODEL_PATH}.
${CONDITIONS_USAGE}`;

export const predictCommand = {
  summary: 'cascade risk of every asset under given conditions, from the trained model',
  usage,
  async run(argv: string[]): Promise<number> {
    const flags = parseFlags('predict', argv, {
      data: { type: 'string' },
      model: { type: 'string' },
      top: { type: 'string' },
      json: { type: 'boolean' },
      ...conditionFlagOptions,
    });
    const setting = conditionsFromFlags('predict', flags);
    const modelPath = flags.model ?? DEFAULT_MODEL_PATH;
    let loaded;
    try {
      loaded = loadRiskModel(modelPath);
    } catch (err) {
      if (err instanceof RiskModelFileError)
        throw new CliError(`predict: ${err.message} (train one with flux train, or npm run train:default)`);
      throw err;
    }
    const repo = openDataset(flags.data ?? process.env.FLUX_DATA ?? 'data');
    let model;
    try {
      model = await repo.readModel();
    } catch (err) {
      if (err instanceof DatasetError) throw new CliError(`predict: ${err.message}`);
      throw err;
    } finally {
      await repo.close();
    }
    const result = predictRisk(loaded, new AssetFeatureBuilder(model), setting);
    if (flags.json) {
      console.log(
        JSON.stringify({ model: result.model, conditions: result.conditions, assets: result.assets }),
      );
      return 0;
    }
    const top = integerFlag('predict', 'top', flags.top, 20);
    const ranked = [...result.assets].sort((a, b) => b.customers_lost - a.customers_lost).slice(0, top);
    console.log(
      `model ${loaded.manifest.kind} (${modelPath}); ${result.assets.length.toLocaleString('en-US')} assets`,
    );
    console.log('asset              customers  critical      MW  p(beyond)  zone (trace)');
    for (const a of ranked)
      console.log(
        `${a.id.padEnd(18)} ${a.customers_lost.toFixed(0).padStart(9)} ${a.critical_customers_lost.toFixed(1).padStart(9)} ${a.mw_shed.toFixed(2).padStart(7)} ${a.p_beyond_zone.toFixed(3).padStart(10)} ${String(a.zone_customers).padStart(13)}`,
      );
    return 0;
  },
};
