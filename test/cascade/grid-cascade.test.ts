/** The coupled T&D cascade on generated grids: hand-checkable cases and physical properties. */
import { describe, expect, it } from 'vitest';
import { buildCascadeContext } from '../../src/cascade/cascade-context.ts';
import { runCascade } from '../../src/cascade/cascade.ts';
import { evaluate } from '../../src/cascade/cascade-evaluation.ts';
import { CascadeState } from '../../src/cascade/cascade-state.ts';
import { clearingDevice } from '../../src/cascade/protection.ts';
import { beyondZoneFailures, reachesBeyondZone } from '../../src/cascade/protection-zone.ts';
import { scenario, scenarioWith } from '../../src/cascade/scenarios.ts';
import { treeStrikeProbability } from '../../src/cascade/weather/fragility.ts';
import { expectedCountSelection } from '../../src/cascade/weather/weather-failures.ts';
import { EMERGENCY_RATING_FACTOR } from '../../src/model/thermal.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { Rng } from '../../src/generator/rng.ts';

const model = generateGrid({ scale: 'sample', seed: 4 });
const t = model.tables;
const base = buildCascadeContext(model, scenario('base'));

describe('grid cascade: single failures', () => {
  it('a service transformer takes out exactly its own customers', () => {
    const x = 17;
    const r = runCascade(base, [{ table: 'transformers', index: x }]);
    expect(r.customers_lost).toBe(base.transformerCustomers[x]);
    expect(r.waves).toHaveLength(1);
    expect(r.waves[0].failed[0]).toMatchObject({ id: t.transformers.ids[x], cause: 'initial', wave: 0 });
  });

  it('a section fault is cleared by the nearest upstream protective device', () => {
    for (const s of [5, 40, 200, 400]) {
      const r = runCascade(base, [{ table: 'line_sections', index: s }], { restoration: false });
      const trip = r.waves[0].failed.find((f) => f.cause === 'protection_trip');
      const device = clearingDevice(base, s);
      expect(trip?.id).toBe(t.protective_devices.ids[device]);
      // Without isolation and ties, everything below the device is out, nothing else.
      const below =
        base.nodeCustomers[t.line_sections.cols.to_node[t.protective_devices.cols.section[device]]];
      expect(r.customers_lost).toBe(below);
    }
  });

  it('isolation and ties never leave more customers out than protection alone', () => {
    for (let s = 0; s < t.line_sections.size; s += 37) {
      const plain = runCascade(base, [{ table: 'line_sections', index: s }], { restoration: false });
      const restored = runCascade(base, [{ table: 'line_sections', index: s }]);
      expect(restored.customers_lost).toBeLessThanOrEqual(plain.customers_lost);
    }
  });

  it('a substation without restoration loses exactly its customers', () => {
    const s = 3;
    let expected = 0;
    t.feeders.cols.substation.forEach(
      (sub, f) => sub === s && (expected += base.nodeCustomers[t.feeders.cols.head_node[f]]),
    );
    const r = runCascade(base, [{ table: 'substations', index: s }], { restoration: false });
    expect(r.customers_lost).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });

  it('a bus-section fault trips every line, transformer and unit on the section', () => {
    const k = t.substations.cols.bus[3];
    const section =
      t.substation_transformers.cols.bus_section[t.substation_transformers.cols.substation.indexOf(3)];
    expect(t.bus_sections.cols.bus[section]).toBe(k);
    const r = runCascade(base, [{ table: 'bus_sections', index: section }], { restoration: false });
    const failed = new Set(r.waves.flatMap((w) => w.failed.map((f) => f.id)));
    expect(failed.has(t.bus_sections.ids[section])).toBe(true);
    // Every feeder of a substation transformer on the section is lost with it, nothing more.
    let expected = 0;
    t.feeders.cols.substation_transformer.forEach((x, f) => {
      if (t.substation_transformers.cols.bus_section[x] === section)
        expected += base.nodeCustomers[t.feeders.cols.head_node[f]];
    });
    expect(expected).toBeGreaterThan(0);
    expect(r.customers_lost).toBe(expected);
    expect(r.waves[0].failed[0]).toMatchObject({ cause: 'initial', customers: expected });
  });

  it('rejects assets that cannot fail', () => {
    expect(() => runCascade(base, [{ table: 'buildings', index: 0 }])).toThrow(/cannot fail/);
  });
});

describe('grid cascade: conditions beyond the design', () => {
  it('trips what is already above its limit in wave 0, whatever the patient zero, as the conditions own', () => {
    const hot = buildCascadeContext(
      model,
      scenarioWith('summer_peak', { load_factor: 1.35, temperature_c: 45 }),
    );
    const alone = runCascade(hot, []);
    const own = alone.waves[0].failed.filter((f) => f.cause === 'overload');
    expect(own.length).toBeGreaterThan(0);
    for (const f of own) expect(f.loading_pct).toBeGreaterThan(100 * EMERGENCY_RATING_FACTOR);
    const baseline = beyondZoneFailures(alone);
    const r = runCascade(hot, [{ table: 'transformers', index: 17 }]);
    expect(r.waves[0].failed.filter((f) => f.cause === 'overload').map((f) => f.id)).toEqual(
      own.map((f) => f.id),
    );
    // The transformer's own cascade adds nothing beyond its zone to what the conditions do.
    expect(reachesBeyondZone(r, baseline)).toBe(false);
    expect(reachesBeyondZone(r)).toBe(true);
  });
});

describe('grid cascade: properties', () => {
  it('is deterministic', () => {
    const a = runCascade(base, [{ table: 'substations', index: 1 }]);
    const b = runCascade(base, [{ table: 'substations', index: 1 }]);
    expect(a).toEqual(b);
  });

  it('conserves power in every state: generation = load − unserved', () => {
    const state = new CascadeState(model);
    state.lineOut(2);
    state.generatorOut(0);
    const ev = evaluate(base, state);
    const gen = ev.transmission.generation_mw.reduce((a, v) => a + v, 0);
    const load = ev.substation_mw.reduce((a, v) => a + v, 0);
    expect(gen).toBeCloseTo(load - ev.transmission.unserved_mw, 6);
  });

  it('is monotone: more initial outages never restore customers (protection only)', () => {
    const rng = new Rng(99, 'monotone');
    const pick = () => ({ table: 'line_sections' as const, index: rng.int(t.line_sections.size) });
    for (let trial = 0; trial < 12; trial++) {
      const a = [pick(), pick()];
      const more = [...a, pick(), { table: 'transformers' as const, index: rng.int(t.transformers.size) }];
      const lostA = runCascade(base, a, { restoration: false }).customers_lost;
      const lostMore = runCascade(base, more, { restoration: false }).customers_lost;
      expect(lostMore).toBeGreaterThanOrEqual(lostA);
    }
  });

  it('records every wave with causes: initial first, then overloads with their loading', () => {
    const hot = buildCascadeContext(model, scenario('summer_peak'));
    for (let s = 0; s < t.substations.size; s++) {
      const r = runCascade(hot, [{ table: 'substations', index: s }]);
      expect(r.waves[0].failed[0].cause).toBe('initial');
      for (const wave of r.waves.slice(1)) {
        for (const f of wave.failed) {
          if (f.cause === 'overload') expect(f.loading_pct).toBeGreaterThan(100);
        }
      }
      // Customers out never exceed the system's customers, and MW out never goes negative.
      for (const wave of r.waves) {
        expect(wave.customers_out).toBeLessThanOrEqual(t.customers.size);
        expect(wave.mw_out).toBeGreaterThanOrEqual(-1e-6);
      }
    }
  });
});

describe('grid cascade: weather', () => {
  it('tree strikes need a tree that reaches the line, and grow with wind', () => {
    expect(treeStrikeProbability(8, 10, 10, 40)).toBe(0);
    expect(treeStrikeProbability(20, 3, 10, 20)).toBeLessThan(treeStrikeProbability(20, 3, 10, 35));
  });

  it('a deterministic storm fails, of each kind, the round(Σp) assets most likely to fail', () => {
    // Beryl's shape with 60 m/s gusts and a metre of floodwater: every kind of hazard is present.
    const storm = buildCascadeContext(
      model,
      scenarioWith('hurricane', { wind_sustained_ms: 45, wind_gust_ms: 60, flood_depth_m: 1 }),
    );
    const r = runCascade(storm, [{ table: 'meters', index: 0 }]);
    const hazards = {
      line_sections: storm.sectionHazard,
      poles: storm.poleHazard,
      transformers: storm.transformerHazard,
      substations: storm.substationHazard,
    };
    let total = 0;
    for (const [table, hazard] of Object.entries(hazards)) {
      const weather = r.waves[0].failed.filter((f) => f.cause === 'weather' && f.table === table);
      const expected = Math.round(Array.from(hazard).reduce((a, p) => a + p, 0));
      expect(weather, table).toHaveLength(expected);
      // Nothing left out is more likely to fail than anything picked.
      const picked = new Set(weather.map((f) => t[table as 'poles'].ids.indexOf(f.id)));
      const lowestPicked = Math.min(...[...picked].map((i) => hazard[i]));
      hazard.forEach((p, i) => picked.has(i) || expect(p).toBeLessThanOrEqual(lowestPicked));
      total += expected;
    }
    expect(total).toBeGreaterThan(0);
  });

  it('picks ties in hazard spread over the rows, not the first ones', () => {
    const hazard = new Float64Array(1000).fill(0.1);
    const picked = expectedCountSelection(hazard);
    expect(picked).toHaveLength(100);
    expect(picked.filter((i) => i < 500).length).toBeGreaterThan(30);
    expect(picked.filter((i) => i >= 500).length).toBeGreaterThan(30);
    expect(expectedCountSelection(Float64Array.of(0.2, 0.9, 0.4, 0))).toEqual([1, 2]);
    expect(expectedCountSelection(Float64Array.of(0.2, 0.1))).toEqual([]);
  });

  it('stochastic runs repeat for a seed and vary across seeds', () => {
    const storm = buildCascadeContext(model, scenario('storm'));
    const start = [{ table: 'meters' as const, index: 0 }];
    const a = runCascade(storm, start, { stochasticSeed: 1 });
    expect(runCascade(storm, start, { stochasticSeed: 1 })).toEqual(a);
    const outcomes = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) => runCascade(storm, start, { stochasticSeed: seed }).customers_lost),
    );
    expect(outcomes.size).toBeGreaterThan(1);
  });
});
