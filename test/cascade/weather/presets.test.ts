/** The storm presets are their conditions: the same fields given one by one give the same cascade. */
import { describe, expect, it } from 'vitest';
import { buildCascadeContext } from '../../../src/cascade/cascade-context.ts';
import { runCascade } from '../../../src/cascade/cascade.ts';
import { scenario, scenarioWith, SCENARIOS } from '../../../src/cascade/scenarios.ts';
import { runStochastic } from '../../../src/cascade/stochastic.ts';
import { generateGrid } from '../../../src/generator/generate.ts';

const model = generateGrid({ scale: 'sample', seed: 3 });

describe('storm presets', () => {
  it('storm, derecho and hurricane carry the shape of their storm', () => {
    expect(scenario('storm').conditions.wind_field.kind).toBe('thunderstorm');
    expect(scenario('derecho').conditions.wind_field).toMatchObject({ kind: 'derecho', width_km: 10.5 });
    expect(scenario('hurricane').conditions).toMatchObject({
      date: '2024-07-08',
      wind_gust_ms: 40,
      wind_field: { kind: 'hurricane', width_km: 30 },
    });
    expect(Object.keys(SCENARIOS)).toEqual(['base', 'summer_peak', 'storm', 'derecho', 'hurricane']);
  });

  for (const name of ['storm', 'derecho', 'hurricane']) {
    it(`'${name}' equals its conditions given field by field`, () => {
      const { wind_field, ...fields } = scenario(name).conditions;
      const spelled = scenarioWith('base', { ...fields, wind_field: { ...wind_field } });
      expect(spelled.conditions).toEqual(scenario(name).conditions);
      const a = buildCascadeContext(model, scenario(name));
      const b = buildCascadeContext(model, spelled);
      expect(b.sectionHazard).toEqual(a.sectionHazard);
      expect(b.poleHazard).toEqual(a.poleHazard);
      const strip = (r: ReturnType<typeof runCascade>) => ({ ...r, scenario: '' });
      expect(strip(runCascade(b, []))).toEqual(strip(runCascade(a, [])));
      expect(strip(runCascade(b, [], { stochasticSeed: 5 }))).toEqual(
        strip(runCascade(a, [], { stochasticSeed: 5 })),
      );
    });
  }

  it('stochastic runs of a storm repeat exactly for a seed', async () => {
    const ctx = buildCascadeContext(model, scenario('derecho'));
    const a = await runStochastic(ctx, [], { runs: 8, seed: 3 });
    const b = await runStochastic(ctx, [], { runs: 8, seed: 3 });
    expect(b).toEqual(a);
    expect(a.weather_failures.max).toBeGreaterThan(0);
  });

  it('a failed pole faults the sections into its nodes', () => {
    const ctx = buildCascadeContext(model, scenario('base'));
    const t = model.tables;
    const p = t.dist_nodes.cols.pole.find((q) => q >= 0)!;
    const r = runCascade(ctx, [{ table: 'poles', index: p }], { restoration: false });
    const nodes = [...t.dist_nodes.cols.pole.keys()].filter((n) => t.dist_nodes.cols.pole[n] === p);
    const faulted = new Set(nodes.map((n) => ctx.graph.upstreamSection[n]).filter((s) => s >= 0));
    expect(faulted.size).toBeGreaterThan(0);
    const trips = r.waves[0].failed.filter((f) => f.cause === 'protection_trip');
    expect(trips.length).toBeGreaterThan(0);
    expect(r.customers_lost).toBeGreaterThan(0);
  });
});
