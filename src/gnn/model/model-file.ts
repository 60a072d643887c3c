/**
 * A trained risk model on disk: one JSON file holding the manifest — what the model is, the
 * inputs it reads (their names, in order, and the scaling fitted on its training data), the
 * condition ranges it was trained over, the training data it saw (grid hashes, conditions,
 * labels) and its evaluation — and the parameters (base64 Float32). Written atomically; read
 * back with every name and shape checked, and refused when its inputs differ from this code's.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { CONDITION_RANGES } from '../../model/operating-conditions.ts';
import { FEATURE_NAMES } from '../features/asset-features.ts';
import { loadParameters, serializeParameters, type SerializedParameters } from '../tensor/index.ts';
import type { FeatureScaler } from '../train/feature-scaler.ts';
import { Rng } from '../../generator/rng.ts';
import { OUTPUTS, RiskModel, MODEL_KINDS, type ModelKind } from './risk-model.ts';

export const MODEL_FORMAT = 'flux-risk-model';
export const MODEL_FORMAT_VERSION = 1;

export interface RiskModelManifest {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_FORMAT_VERSION;
  kind: ModelKind;
  hidden: number;
  layers: number;
  feature_names: string[];
  outputs: string[];
  scaler: FeatureScaler;
  condition_ranges: typeof CONDITION_RANGES;
  training: {
    grids: { name: string; grid_hash: string }[];
    conditions: number;
    labels: number;
    beyond_zone: number;
    /** SHA-256 over the grids' hashes and every label set's conditions and sample. */
    data_hash: string;
    epochs: number;
    best_epoch: number;
    seconds: number;
  };
  /** The evaluation the model was shipped with (bench/gnn.ts or flux evaluate), when any. */
  metrics: Record<string, unknown> | null;
  created_at: string;
}

export interface LoadedRiskModel {
  model: RiskModel;
  manifest: RiskModelManifest;
}

/** A model file that cannot be used; the message says why. */
export class RiskModelFileError extends Error {
  override readonly name = 'RiskModelFileError';
}

export function saveRiskModel(path: string, model: RiskModel, manifest: RiskModelManifest): void {
  const file = { manifest, parameters: serializeParameters(model.parameters()) };
  writeFileSync(`${path}.tmp`, `${JSON.stringify(file)}\n`);
  renameSync(`${path}.tmp`, path);
}

export function loadRiskModel(path: string): LoadedRiskModel {
  let raw: { manifest?: RiskModelManifest; parameters?: SerializedParameters };
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as typeof raw;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new RiskModelFileError(
      code === 'ENOENT'
        ? `no risk model at ${path}`
        : `${path} is not a risk model file: ${(err as Error).message}`,
    );
  }
  const m = raw.manifest;
  if (!m || m.format !== MODEL_FORMAT || !raw.parameters)
    throw new RiskModelFileError(`${path} is not a risk model file (no ${MODEL_FORMAT} manifest)`);
  if (m.version !== MODEL_FORMAT_VERSION)
    throw new RiskModelFileError(
      `${path} has model format version ${m.version}; this code reads ${MODEL_FORMAT_VERSION}`,
    );
  if (!MODEL_KINDS.includes(m.kind)) throw new RiskModelFileError(`${path}: unknown model kind '${m.kind}'`);
  if (m.feature_names.join(',') !== FEATURE_NAMES.join(','))
    throw new RiskModelFileError(`${path} was trained on other inputs than this code computes: retrain it`);
  if (m.outputs.join(',') !== OUTPUTS.join(','))
    throw new RiskModelFileError(`${path} has other outputs than this code reads: retrain it`);
  const model = new RiskModel(
    { kind: m.kind, featureCount: m.feature_names.length, hidden: m.hidden, layers: m.layers },
    new Rng(0, 'load'),
  );
  try {
    loadParameters(model.parameters(), raw.parameters);
  } catch (err) {
    throw new RiskModelFileError(`${path}: ${(err as Error).message}`);
  }
  return { model, manifest: m };
}
