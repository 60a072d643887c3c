/** A trained model on disk: manifest round trip, refusals, and `flux train` / `flux predict` as a user runs them. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioWith } from '../../src/cascade/scenarios.ts';
import { modelPredictions } from '../../src/gnn/evaluate/evaluate.ts';
import { FEATURE_NAMES } from '../../src/gnn/features/asset-features.ts';
import { sampleConditions } from '../../src/gnn/labels/condition-sampler.ts';
import { loadRiskModel, RiskModelFileError, saveRiskModel } from '../../src/gnn/model/model-file.ts';
import { predictRisk } from '../../src/gnn/predict.ts';
import { trainingManifest } from '../../src/gnn/train/manifest.ts';
import { trainRiskModel } from '../../src/gnn/train/train.ts';
import { gridExamples, type GridExamples } from '../../src/gnn/train/training-data.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'flux.js');
const work = mkdtempSync(join(tmpdir(), 'flux-model-file-'));
const data = join(work, 'data');
const flux = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

let grid: GridExamples;
const modelFile = join(work, 'model.json');

beforeAll(async () => {
  expect(flux('generate', '--scale', 'sample', '--seed', '2', '--data', data, '--quiet').status).toBe(0);
  grid = await gridExamples({
    dataDir: data,
    settings: sampleConditions(2, 5),
    perCondition: 60,
    workers: 1,
  });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('risk model file', () => {
  it('round-trips the parameters and the manifest, and predicts what the model it came from predicts', () => {
    const trained = trainRiskModel([grid], [grid], { kind: 'gine', hidden: 8, layers: 2, epochs: 2 });
    const manifest = trainingManifest(trained, [grid], 1.5, { note: 'test' });
    saveRiskModel(modelFile, trained.model, manifest);
    const loaded = loadRiskModel(modelFile);
    expect(loaded.manifest).toEqual(JSON.parse(JSON.stringify(manifest)));
    expect(loaded.manifest.feature_names).toEqual([...FEATURE_NAMES]);
    expect(loaded.manifest.training).toMatchObject({ conditions: 2, labels: 120, epochs: 2 });
    expect(loaded.manifest.training.data_hash).toMatch(/^[0-9a-f]{64}$/);
    const before = modelPredictions(trained.model, trained.scaler, [grid]);
    const after = modelPredictions(loaded.model, loaded.manifest.scaler, [grid]);
    expect(after.customers_lost).toEqual(before.customers_lost);
    expect(after.beyond_score).toEqual(before.beyond_score);
    // predictRisk gives the same numbers for the labelled assets of the first condition.
    const p = predictRisk(loaded, grid.builder, grid.examples[0].labels.setting);
    expect(p.assets).toHaveLength(grid.builder.graph.nodeCount);
    const v = grid.examples[0].labels.nodes[0];
    expect(p.assets[v].customers_lost).toBeCloseTo(after.customers_lost[0], 1);
    expect(p.assets[v].zone_customers).toBe(grid.builder.trace.isolated_customers[v]);
  });

  it('refuses a missing file, a foreign file and a model trained on other inputs, saying why', () => {
    expect(() => loadRiskModel(join(work, 'none.json'))).toThrow(/no risk model at/);
    writeFileSync(join(work, 'foreign.json'), '{"hello": 1}');
    expect(() => loadRiskModel(join(work, 'foreign.json'))).toThrow(RiskModelFileError);
    const file = JSON.parse(readFileSync(modelFile, 'utf8'));
    file.manifest.feature_names = ['something_else', ...file.manifest.feature_names.slice(1)];
    writeFileSync(join(work, 'other.json'), JSON.stringify(file));
    expect(() => loadRiskModel(join(work, 'other.json'))).toThrow(/other inputs/);
  });
});

describe('flux predict', () => {
  it('prints every asset with its prediction and the trace zone as JSON', () => {
    const r = flux(
      'predict',
      '--data',
      data,
      '--model',
      modelFile,
      '--scenario',
      'summer_peak',
      '--load-factor',
      '1.2',
      '--json',
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.model.kind).toBe('gine');
    expect(out.conditions.load_factor).toBe(1.2);
    expect(out.assets).toHaveLength(grid.builder.graph.nodeCount);
    for (const a of out.assets.slice(0, 50)) {
      expect(Object.keys(a).sort()).toEqual(
        [
          'critical_customers_lost',
          'customers_lost',
          'id',
          'mw_shed',
          'p_beyond_zone',
          'table',
          'zone_customers',
        ].sort(),
      );
      expect(a.p_beyond_zone).toBeGreaterThanOrEqual(0);
      expect(a.p_beyond_zone).toBeLessThanOrEqual(1);
    }
    expect(
      predictRisk(loadRiskModel(modelFile), grid.builder, scenarioWith('summer_peak', { load_factor: 1.2 }))
        .assets[3],
    ).toEqual(out.assets[3]);
  });

  it('says there is no model and how to get one, and names a bad condition', () => {
    const none = flux('predict', '--data', data, '--model', join(work, 'none.json'));
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no risk model at .*flux train/);
    const bad = flux('predict', '--data', data, '--model', modelFile, '--load-factor', '9');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/load_factor must be a number from 0.2 to 2/);
  });
});

describe('flux train', () => {
  it('labels, trains and writes a model that loads, and names what is missing', () => {
    const out = join(work, 'trained.json');
    const r = flux(
      'train',
      '--data',
      data,
      '--validation-data',
      data,
      '--out',
      out,
      '--kind',
      'mlp',
      '--conditions',
      '2',
      '--per-condition',
      '30',
      '--epochs',
      '2',
      '--workers',
      '1',
      '--quiet',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wrote .*trained\.json \(mlp, best epoch [12] of 2\)/);
    expect(loadRiskModel(out).manifest.training.conditions).toBe(2);
    const missing = flux('train', '--data', data);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--validation-data DIR is required/);
  });
});

describe('flux evaluate', () => {
  it('reports the model beside the zone baseline on labels it labels itself', () => {
    const r = flux(
      'evaluate',
      '--data',
      data,
      '--model',
      modelFile,
      '--conditions',
      '1',
      '--per-condition',
      '30',
      '--workers',
      '1',
      '--json',
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.labels).toBe(30);
    expect(out.methods.model.customers.n).toBe(30);
    expect(out.methods.zone_first_wave.customers.n).toBe(30);
    expect(out.methods.zone_first_wave.customers.mae).toBeGreaterThanOrEqual(0);
    const none = flux('evaluate', '--data', data, '--model', join(work, 'none.json'));
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no risk model at/);
  });
});
