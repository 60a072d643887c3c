/** /api/risk: 503 with the reason until a model exists, then ranked predictions; clear 4xx errors. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { buildGridContext } from '../../src/api/services/grid-context.ts';
import { loadDataset } from '../../src/cli/commands/info.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { sampleConditions } from '../../src/gnn/labels/condition-sampler.ts';
import { saveRiskModel } from '../../src/gnn/model/model-file.ts';
import { trainingManifest } from '../../src/gnn/train/manifest.ts';
import { trainRiskModel } from '../../src/gnn/train/train.ts';
import { gridExamples } from '../../src/gnn/train/training-data.ts';
import { modelContentHash } from '../../src/model/hash.ts';
import { writeDataset } from '../../src/storage/index.ts';
import { TileService } from '../../src/tiles/tile-service.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-risk-api-'));
const modelPath = path.join(dir, 'risk-model.json');
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  const model = generateGrid({ scale: 'sample', seed: 6 });
  await writeDataset(dir, model, { content_hash: modelContentHash(model) });
  const loaded = await loadDataset(dir);
  const context = buildGridContext(loaded.model, loaded.meta);
  const tiles = new TileService(context.model, {
    energization: context.energization,
    loading: context.loading,
  });
  app = await buildApp({ context, tiles, dataDir: dir, riskModelPath: modelPath });
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('/api/risk', () => {
  it('answers 503 naming what is missing when there is no model, never a score', async () => {
    const r = await get('/api/risk');
    expect(r.statusCode).toBe(503);
    expect(r.json().message).toMatch(/model unavailable: no risk model at .*flux train/);
    expect((await get('/api/risk/SUB-0001')).statusCode).toBe(503);
  });

  it('ranks every asset once a model exists, under the conditions asked for', async () => {
    const grid = await gridExamples({
      dataDir: dir,
      settings: sampleConditions(2, 9),
      perCondition: 40,
      workers: 1,
    });
    const trained = trainRiskModel([grid], [grid], { kind: 'gine', hidden: 8, layers: 2, epochs: 1 });
    saveRiskModel(modelPath, trained.model, trainingManifest(trained, [grid], 1));
    const conditions = encodeURIComponent(JSON.stringify({ load_factor: 1.2, temperature_c: 43 }));
    const r = await get(`/api/risk?scenario=summer_peak&conditions=${conditions}&limit=10`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.model.kind).toBe('gine');
    expect(body.conditions).toMatchObject({ load_factor: 1.2, temperature_c: 43 });
    expect(body.total).toBe(grid.builder.graph.nodeCount);
    expect(body.assets).toHaveLength(10);
    for (let i = 1; i < body.assets.length; i++)
      expect(body.assets[i].customers_lost).toBeLessThanOrEqual(body.assets[i - 1].customers_lost);
    const one = await get(`/api/risk/${body.assets[0].id}?scenario=summer_peak&conditions=${conditions}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().asset).toEqual(body.assets[0]);
    const transformers = (await get('/api/risk?table=transformers&order=p_beyond_zone&limit=5')).json();
    expect(transformers.assets.every((a: { table: string }) => a.table === 'transformers')).toBe(true);
  });

  it('refuses bad conditions and unknown assets with 4xx messages', async () => {
    const bad = await get(`/api/risk?conditions=${encodeURIComponent('{"load_factor":7}')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/load_factor/);
    expect((await get('/api/risk?conditions=nope')).statusCode).toBe(400);
    expect((await get('/api/risk?scenario=nowhere')).statusCode).toBe(400);
    expect((await get('/api/risk/SUB-9999')).statusCode).toBe(404);
    expect((await get('/api/risk/MTR-0000001')).statusCode).toBe(404);
  });
});
