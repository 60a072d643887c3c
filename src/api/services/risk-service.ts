/**
 * The risk model behind the API: loaded from its file on first use (and again when the file
 * changes), predictions kept for the last few conditions. When there is no usable model the
 * service says why, and the routes answer 503 with that reason; no score is ever made up.
 */
import { statSync } from 'node:fs';
import type { ScenarioSetting } from '../../cascade/scenarios.ts';
import { AssetFeatureBuilder } from '../../gnn/features/asset-features.ts';
import { loadRiskModel, RiskModelFileError, type LoadedRiskModel } from '../../gnn/model/model-file.ts';
import { predictRisk, type RiskPrediction } from '../../gnn/predict.ts';
import type { GridModel } from '../../model/grid-model.ts';
import { conditionsKey } from '../../model/operating-conditions.ts';

const PREDICTIONS_KEPT = 4;

export class RiskUnavailable extends Error {
  override readonly name = 'RiskUnavailable';
}

export class RiskService {
  private loaded: { model: LoadedRiskModel; mtimeMs: number } | undefined;
  private builder: AssetFeatureBuilder | undefined;
  private readonly predictions = new Map<string, RiskPrediction>();

  constructor(
    private readonly grid: GridModel,
    private readonly modelPath: string | undefined,
  ) {}

  /** The model, reloaded when its file changed; RiskUnavailable with the reason otherwise. */
  model(): LoadedRiskModel {
    if (!this.modelPath)
      throw new RiskUnavailable('model unavailable: this server has no risk model configured');
    let mtimeMs: number;
    try {
      mtimeMs = statSync(this.modelPath).mtimeMs;
    } catch {
      throw new RiskUnavailable(
        `model unavailable: no risk model at ${this.modelPath} (train one with flux train)`,
      );
    }
    if (this.loaded?.mtimeMs !== mtimeMs) {
      try {
        this.loaded = { model: loadRiskModel(this.modelPath), mtimeMs };
      } catch (err) {
        if (err instanceof RiskModelFileError) throw new RiskUnavailable(`model unavailable: ${err.message}`);
        throw err;
      }
      this.predictions.clear();
    }
    return this.loaded.model;
  }

  predict(setting: ScenarioSetting): RiskPrediction {
    const model = this.model();
    const key = conditionsKey(setting.conditions);
    let p = this.predictions.get(key);
    if (!p) {
      this.builder ??= new AssetFeatureBuilder(this.grid);
      p = predictRisk(model, this.builder, setting);
      this.predictions.set(key, p);
      if (this.predictions.size > PREDICTIONS_KEPT)
        this.predictions.delete(this.predictions.keys().next().value!);
    } else {
      this.predictions.delete(key);
      this.predictions.set(key, p);
    }
    return p;
  }
}
