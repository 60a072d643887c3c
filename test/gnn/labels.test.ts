/** Training labels: what the simulator says, beyond the conditions alone, with the first-wave baseline. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCascadeContext } from '../../src/cascade/cascade-context.ts';
import { runCascade } from '../../src/cascade/cascade.ts';
import { scenarioWith } from '../../src/cascade/scenarios.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { AssetFeatureBuilder } from '../../src/gnn/features/asset-features.ts';
import { ASSET_GRAPH_TABLES } from '../../src/gnn/graph/asset-graph.ts';
import { sampleConditions } from '../../src/gnn/labels/condition-sampler.ts';
import { generateLabels } from '../../src/gnn/labels/generate-labels.ts';
import { modelContentHash } from '../../src/model/hash.ts';
import { CONDITION_RANGES } from '../../src/model/operating-conditions.ts';
import { writeDataset } from '../../src/storage/index.ts';

describe('condition sampler', () => {
  it('draws conditions inside the accepted ranges, reproducibly, with storms and calm days', () => {
    const a = sampleConditions(200, 3);
    expect(sampleConditions(200, 3)).toEqual(a);
    expect(sampleConditions(200, 4)).not.toEqual(a);
    for (const { conditions: c } of a) {
      for (const [field, range] of Object.entries(CONDITION_RANGES)) {
        const v = c[field as keyof typeof CONDITION_RANGES];
        expect(v).toBeGreaterThanOrEqual(range.min);
        expect(v).toBeLessThanOrEqual(range.max);
      }
      expect(c.wind_gust_ms).toBeGreaterThanOrEqual(c.wind_sustained_ms);
    }
    const storms = a.filter((s) => s.conditions.wind_gust_ms >= 15).length;
    expect(storms).toBeGreaterThan(50);
    expect(storms).toBeLessThan(120);
  });
});

describe('labels', () => {
  const model = generateGrid({ scale: 'sample', seed: 3 });
  const builder = new AssetFeatureBuilder(model);
  let dir = '';
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-labels-'));
    await writeDataset(dir, model, { content_hash: modelContentHash(model) });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are each sampled asset’s cascade beyond the conditions alone, and come back from the cache', async () => {
    const settings = [scenarioWith('summer_peak', { load_factor: 1.35 }), scenarioWith('storm')];
    const labels = await generateLabels({ dataDir: dir, settings, perCondition: 40, workers: 1 });
    expect(labels).toHaveLength(2);
    for (const [k, l] of labels.entries()) {
      const ctx = buildCascadeContext(model, settings[k]);
      const alone = runCascade(ctx, []);
      expect(l.alone.customers_lost).toBe(alone.customers_lost);
      expect(l.nodes.length).toBe(40);
      for (let i = 0; i < l.nodes.length; i += 5) {
        const v = l.nodes[i];
        const table = builder.graph.nodeTable[v];
        const ref = { table: ASSET_GRAPH_TABLES[table], index: builder.graph.nodeRow[v] };
        const r = runCascade(ctx, [ref]);
        expect(l.customers_lost[i]).toBe(Math.max(0, r.customers_lost - alone.customers_lost));
        expect(l.zone_customers[i]).toBe(
          Math.max(0, r.waves[0].customers_out - alone.waves[0].customers_out),
        );
        expect(l.zone_customers[i]).toBeLessThanOrEqual(l.customers_lost[i] + alone.customers_lost);
      }
    }
    const again = await generateLabels({ dataDir: dir, settings, perCondition: 40, workers: 1 });
    expect(again.map((l) => Array.from(l.customers_lost))).toEqual(
      labels.map((l) => Array.from(l.customers_lost)),
    );
    expect(fs.readdirSync(path.join(dir, 'gnn-labels')).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });

  it('label every asset of the tables asked for besides the uniform sample', async () => {
    const settings = [scenarioWith('base')];
    const [l] = await generateLabels({
      dataDir: dir,
      settings,
      perCondition: 10,
      workers: 1,
      alwaysTables: ['substations', 'feeders'],
    });
    const g = builder.graph;
    const labelled = new Set(l.nodes);
    for (let s = 0; s < model.tables.substations.size; s++)
      expect(labelled.has(g.offset.substations + s)).toBe(true);
    for (let f = 0; f < model.tables.feeders.size; f++) expect(labelled.has(g.offset.feeders + f)).toBe(true);
    expect(l.nodes.length).toBeGreaterThan(10);
    expect(l.nodes.length).toBeLessThanOrEqual(
      10 + model.tables.substations.size + model.tables.feeders.size,
    );
    // A different selection is a different label set, not the cached uniform one.
    const [uniform] = await generateLabels({ dataDir: dir, settings, perCondition: 10, workers: 1 });
    expect(uniform.nodes.length).toBe(10);
  });
});
