/**
 * Stochastic mode: distributions over N runs with seeded weather draws — reproducible, each run
 * replayable from its seed, and the mean number of weather failures matches the hazards.
 */
import { describe, expect, it } from 'vitest';
import { buildCascadeContext } from '../../src/cascade/cascade-context.ts';
import { runCascade } from '../../src/cascade/cascade.ts';
import { scenario } from '../../src/cascade/scenarios.ts';
import { distribution, runStochastic } from '../../src/cascade/stochastic.ts';
import { generateGrid } from '../../src/generator/generate.ts';

const model = generateGrid({ scale: 'sample', seed: 4 });
const storm = buildCascadeContext(model, scenario('storm'));

describe('distribution', () => {
  it('gives hand-checked statistics (percentiles interpolated as numpy does)', () => {
    expect(distribution([4, 1, 3, 2])).toEqual({
      mean: 2.5,
      std: 1.291, // sqrt(5/3)
      min: 1,
      p05: 1.15,
      p50: 2.5,
      p95: 3.85,
      max: 4,
    });
    expect(distribution([7])).toEqual({ mean: 7, std: 0, min: 7, p05: 7, p50: 7, p95: 7, max: 7 });
    expect(() => distribution([])).toThrow(/no values/);
  });
});

describe('stochastic cascades', () => {
  it('is reproducible, and its median and worst runs replay from their seeds', async () => {
    const zero = [{ table: 'substations' as const, index: 2 }];
    const a = await runStochastic(storm, zero, { runs: 40, seed: 7 });
    const b = await runStochastic(storm, zero, { runs: 40, seed: 7 });
    expect(a).toEqual(b);
    expect(a.customers_lost.max).toBeGreaterThan(a.customers_lost.min); // the draws matter
    const worst = runCascade(storm, zero, { stochasticSeed: a.worst_run_seed });
    expect(worst.customers_lost).toBe(a.customers_lost.max);
    const median = runCascade(storm, zero, { stochasticSeed: a.median_run_seed });
    expect(median.customers_lost).toBeLessThanOrEqual(a.customers_lost.p50 + 1e-9);
    for (const f of a.most_frequent_failures) expect(f.share).toBeGreaterThan(0);
    expect(a.most_frequent_failures[0]).toMatchObject({ id: model.tables.substations.ids[2], share: 1 });
    expect(a.p_critical_loss).toBeGreaterThanOrEqual(0);
    expect(a.p_critical_loss).toBeLessThanOrEqual(1);
  });

  it('draws as many weather failures on average as the hazards say (within 4 standard errors)', async () => {
    const runs = 150;
    const r = await runStochastic(storm, [], { runs, seed: 1, restoration: false });
    let expected = 0;
    let variance = 0;
    for (const h of [storm.sectionHazard, storm.poleHazard, storm.transformerHazard, storm.substationHazard])
      for (const p of h) {
        expected += p;
        variance += p * (1 - p);
      }
    expect(expected).toBeGreaterThan(1);
    expect(Math.abs(r.weather_failures.mean - expected)).toBeLessThan(4 * Math.sqrt(variance / runs));
  });

  it('has no spread when the scenario has no weather hazard', async () => {
    const base = buildCascadeContext(model, scenario('base'));
    const zero = [{ table: 'line_sections' as const, index: 30 }];
    const r = await runStochastic(base, zero, { runs: 5, seed: 1 });
    const single = runCascade(base, zero);
    expect(r.customers_lost).toMatchObject({
      std: 0,
      min: single.customers_lost,
      max: single.customers_lost,
    });
    await expect(runStochastic(base, zero, { runs: 0, seed: 1 })).rejects.toThrow(/runs must be ≥ 1/);
  });
});
