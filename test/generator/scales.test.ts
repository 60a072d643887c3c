import { describe, expect, it } from 'vitest';
import { generateGrid } from '../../src/generator/generate.ts';
import { SCALES } from '../../src/generator/scales.ts';
import { tableCounts } from '../../src/model/grid-model.ts';

describe('generator scales', () => {
  it('meets the reference sample counts exactly', () => {
    const counts = tableCounts(generateGrid({ scale: 'sample', seed: 1 }));
    expect(counts).toMatchObject({
      substations: 25,
      feeders: 50,
      transformers: 200,
      meters: 500,
      customers: 500,
    });
  });

  it('meets the city counts exactly and the approximate targets within 5 %', () => {
    const cfg = SCALES.city;
    const counts = tableCounts(generateGrid({ scale: 'city', seed: 5 }));
    expect(counts).toMatchObject({
      substations: 60,
      feeders: cfg.feeders,
      transformers: 15_000,
      meters: 100_000,
    });
    for (const [table, target] of [
      ['buildings', cfg.buildings],
      ['water_bodies', cfg.waterBodies],
      ['trees', cfg.trees],
      ['poles', cfg.poles],
    ] as const) {
      expect(Math.abs(counts[table] - target) / target, table).toBeLessThan(0.05);
    }
  });
});
