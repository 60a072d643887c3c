/** Cascade statistics over a grid of conditions: sampling, the grid, the summaries and the run. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCascadeContext } from '../../../src/cascade/cascade-context.ts';
import { runCascade } from '../../../src/cascade/cascade.ts';
import { beyondZoneFailures, reachesBeyondZone } from '../../../src/cascade/protection-zone.ts';
import { conditionGrid, GUST_FACTOR } from '../../../src/cascade/statistics/condition-grid.ts';
import { samplePatientZeros } from '../../../src/cascade/statistics/patient-zero-sample.ts';
import { pointStatistics } from '../../../src/cascade/statistics/point-statistics.ts';
import { runCascadeStatistics } from '../../../src/cascade/statistics/run-statistics.ts';
import { chartRows, statisticsChartSvg } from '../../../src/cascade/statistics/statistics-chart.ts';
import { generateGrid } from '../../../src/generator/generate.ts';
import { modelContentHash } from '../../../src/model/hash.ts';
import { DESIGN_PEAK } from '../../../src/model/operating-conditions.ts';
import { writeDataset } from '../../../src/storage/index.ts';

describe('patient-zero sample', () => {
  const counts = { substations: 5, transformers: 20, line_sections: 75 };
  const tables = ['substations', 'transformers', 'line_sections'] as const;

  it('draws n distinct assets, the same for the same seed, all of them when n covers the total', () => {
    const a = samplePatientZeros(counts, tables, 30, 7);
    expect(a).toHaveLength(30);
    expect(new Set(a.map((r) => `${r.table}:${r.index}`)).size).toBe(30);
    expect(samplePatientZeros(counts, tables, 30, 7)).toEqual(a);
    expect(samplePatientZeros(counts, tables, 30, 8)).not.toEqual(a);
    for (const r of a) expect(r.index).toBeLessThan(counts[r.table as keyof typeof counts]);
    expect(samplePatientZeros(counts, tables, 500, 1)).toHaveLength(100);
  });

  it('is uniform over assets: each table gets its share of many draws', () => {
    let substations = 0;
    for (let seed = 0; seed < 200; seed++)
      substations += samplePatientZeros(counts, tables, 20, seed).filter(
        (r) => r.table === 'substations',
      ).length;
    // Expected 200 × 20 × 5/100 = 200; binomial sd ≈ 13.
    expect(Math.abs(substations - 200)).toBeLessThan(60);
  });
});

describe('condition grid', () => {
  it('has every combination over the design peak, with sustained wind = gust / 1.5', () => {
    const grid = conditionGrid({ load_factors: [0.8, 1.2], temperatures_c: [25, 45], gusts_ms: [0, 30] });
    expect(grid).toHaveLength(8);
    expect(grid[3]).toMatchObject({
      load_factor: 0.8,
      temperature_c: 45,
      wind_gust_ms: 30,
      hour: DESIGN_PEAK.hour,
    });
    expect(grid[3].wind_sustained_ms).toBeCloseTo(30 / GUST_FACTOR, 1);
    expect(() => conditionGrid({ load_factors: [3], temperatures_c: [25], gusts_ms: [0] })).toThrow(
      /load_factor/,
    );
  });
});

describe('point statistics', () => {
  it('summarizes hand-made results exactly', () => {
    const row = (table: string, waves: number, customers_lost: number, beyond_zone: number) => ({
      table,
      index: 0,
      id: 'X',
      customers_lost,
      critical_customers_lost: 0,
      mw_shed: 0,
      waves,
      assets_failed: 1,
      beyond_zone,
    });
    const s = pointStatistics(
      [
        row('transformers', 1, 10, 0),
        row('transformers', 2, 30, 1),
        row('line_sections', 5, 110, 1),
        row('line_sections', 1, 20, 0),
      ],
      { customers_lost: 10, mw_shed: 0 },
    );
    expect(s.patient_zeros).toBe(4);
    expect(s.beyond_zone_share).toBe(0.5);
    expect(s.waves_histogram).toEqual({ '1': 2, '2': 1, '3': 0, '4+': 1 });
    expect(s.customers_lost).toMatchObject({ mean: 42.5, min: 10, max: 110, p50: 25 });
    expect(s.customers_lost_beyond_weather).toMatchObject({ mean: 32.5, max: 100 });
    expect(s.by_table).toEqual({
      line_sections: { patient_zeros: 2, beyond_zone_share: 0.5, customers_lost_mean: 65 },
      transformers: { patient_zeros: 2, beyond_zone_share: 0.5, customers_lost_mean: 20 },
    });
  });
});

describe('statistics run', () => {
  const model = generateGrid({ scale: 'sample', seed: 2 });
  let dir = '';
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-stats-'));
    await writeDataset(dir, model, { content_hash: modelContentHash(model) });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives, per condition, what the cascades of the sampled patient zeros give one by one', async () => {
    const conditions = conditionGrid({ load_factors: [1, 1.3], temperatures_c: [45], gusts_ms: [0] });
    const result = await runCascadeStatistics({ dataDir: dir, conditions, sample: 60, seed: 3, workers: 2 });
    expect(result).toMatchObject({ sample: 60, seed: 3, restoration: true });
    expect(result.points).toHaveLength(2);
    const t = model.tables;
    const sample = samplePatientZeros(
      Object.fromEntries(result.tables.map((name) => [name, t[name].size])),
      result.tables,
      60,
      3,
    );
    const svg = statisticsChartSvg(chartRows(result), 'sample grid');
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('gusts 0 m/s');
    expect(chartRows(result)[1].conditions_alone_share).toBeCloseTo(
      result.points[1].weather_alone.customers_lost / model.tables.customers.size,
      12,
    );
    for (const [k, c] of conditions.entries()) {
      const ctx = buildCascadeContext(model, { name: 'summer_peak', conditions: c });
      const alone = runCascade(ctx, []);
      const baseline = beyondZoneFailures(alone);
      const runs = sample.map((ref) => runCascade(ctx, [ref]));
      const beyond = runs.filter((r) => reachesBeyondZone(r, baseline)).length;
      const point = result.points[k];
      expect(point.conditions).toEqual(c);
      expect(point.patient_zeros).toBe(60);
      expect(point.beyond_zone_share).toBeCloseTo(beyond / 60, 4);
      expect(point.weather_alone.customers_lost).toBe(alone.customers_lost);
      expect(point.customers_lost.max).toBe(Math.max(...runs.map((r) => r.customers_lost)));
    }
  });
});
