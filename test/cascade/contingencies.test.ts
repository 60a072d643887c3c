/** Common-mode, N-2 and N-1-1 contingencies on a hand-made grid with a double-circuit line. */
import { describe, expect, it } from 'vitest';
import { buildCascadeContext } from '../../src/cascade/cascade-context.ts';
import { runCascade } from '../../src/cascade/cascade.ts';
import {
  commonModeGroup,
  contingencyItems,
  modelNames,
  withCommonMode,
} from '../../src/cascade/contingencies.ts';
import { reachesBeyondZone } from '../../src/cascade/protection-zone.ts';
import { scenarioWith } from '../../src/cascade/scenarios.ts';
import { doubleCircuitGrid, HOUR, TEMPERATURE_C } from './double-circuit-grid.ts';

const model = doubleCircuitGrid();
const ctx = buildCascadeContext(model, scenarioWith('base', { hour: HOUR, temperature_c: TEMPERATURE_C }));
const line = (index: number) => ({ table: 'transmission_lines' as const, index });

describe('double-circuit (common-mode) outage', () => {
  it('the grid is N-1 secure: either circuit alone trips nothing', () => {
    for (const l of [0, 1, 2, 3]) {
      const r = runCascade(ctx, [line(l)]);
      expect(r.waves, `TL-000${l + 1}`).toHaveLength(1);
      expect(r.customers_lost).toBe(0);
      expect(r.mw_shed).toBe(0);
      expect(reachesBeyondZone(r)).toBe(false);
    }
  });

  it('losing both circuits of the shared structure overloads TL-0003, which trips and blacks out A and B', () => {
    const group = commonModeGroup(modelNames(model), line(0));
    expect(group).toEqual([line(0), line(1)]);
    const r = runCascade(ctx, withCommonMode(model, [line(0)]));
    expect(r.initial).toEqual(['TL-0001', 'TL-0002']);
    expect(r.waves.map((w) => w.failed.map((f) => [f.id, f.cause]))).toEqual([
      [
        ['TL-0001', 'initial'],
        ['TL-0002', 'initial'],
      ],
      [['TL-0003', 'overload']],
    ]);
    // 200 MW on a 150 MVA line: 133.3 %.
    expect(r.waves[1].failed[0].loading_pct).toBeCloseTo((100 * 200) / 150, 2);
    expect(r.customers_lost).toBe(2);
    expect(r.mw_shed).toBeCloseTo(200, 6);
    expect(reachesBeyondZone(r)).toBe(true);
  });

  it('N-1-1: the second circuit failing after the first has settled does the same in later waves', () => {
    const r = runCascade(ctx, [line(0)], { then: [[line(1)]] });
    expect(r.then).toEqual([['TL-0002']]);
    expect(r.waves.map((w) => w.failed.map((f) => `${f.id}:${f.cause}`))).toEqual([
      ['TL-0001:initial'],
      ['TL-0002:initial'],
      ['TL-0003:overload'],
    ]);
    expect(r.waves[0].mw_out).toBe(0);
    expect(r.mw_shed).toBeCloseTo(200, 6);
  });

  it('N-2 of two lines not on one structure: TL-0003 and TL-0004 leave A and B on the double circuit', () => {
    const r = runCascade(ctx, [line(2), line(3)]);
    // All 200 MW then flows G→A on the two circuits (100 MW each, under their 120 MVA); B is
    // islanded without generation.
    expect(r.waves).toHaveLength(1);
    expect(r.customers_lost).toBe(1);
    expect(r.mw_shed).toBeCloseTo(100, 6);
  });

  it('enumerates sweep items: singles, structure groups once, pairs, ordered pairs', () => {
    const names = modelNames(model);
    const refs = [0, 1, 2, 3].map(line);
    expect(contingencyItems(names, 'single', refs).map((c) => c.label)).toEqual([
      'TL-0001',
      'TL-0002',
      'TL-0003',
      'TL-0004',
    ]);
    expect(contingencyItems(names, 'common_mode', refs).map((c) => c.label)).toEqual(['TL-0001+TL-0002']);
    expect(contingencyItems(names, 'n-2', refs)).toHaveLength(6);
    const ordered = contingencyItems(names, 'n-1-1', refs.slice(0, 3));
    expect(ordered.map((c) => c.label)).toEqual([
      'TL-0001>TL-0002',
      'TL-0001>TL-0003',
      'TL-0002>TL-0001',
      'TL-0002>TL-0003',
      'TL-0003>TL-0001',
      'TL-0003>TL-0002',
    ]);
    expect(ordered[0].stages).toEqual([[line(0)], [line(1)]]);
    const many = Array.from({ length: 800 }, (_, i) => line(i % 4));
    expect(() => contingencyItems(names, 'n-1-1', many)).toThrow(/at most 250,000/);
  });

  it('a bus-section fault at the plant trips every line and unit on it', () => {
    const r = runCascade(ctx, [{ table: 'bus_sections', index: 0 }]);
    expect(r.customers_lost).toBe(2);
    expect(r.mw_shed).toBeCloseTo(200, 6);
  });
});
