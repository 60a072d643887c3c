/**
 * The incremental evaluator sweeps use must give exactly what the full evaluation gives: the
 * same cascade, wave by wave, for patient zeros of every failable kind under every scenario,
 * with one state and one evaluator reused across runs as a sweep reuses them.
 */
import { describe, expect, it } from 'vitest';
import { buildCascadeContext } from '../../src/cascade/cascade-context.ts';
import { FAILABLE_TABLES, runCascade } from '../../src/cascade/cascade.ts';
import { CascadeState } from '../../src/cascade/cascade-state.ts';
import { IncrementalEvaluator } from '../../src/cascade/incremental-evaluation.ts';
import { SCENARIOS, type Scenario } from '../../src/cascade/scenarios.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { Rng } from '../../src/generator/rng.ts';
import type { TableName } from '../../src/model/grid-model.ts';
import { tieTransferGrid } from './tie-transfer-grid.ts';

const model = generateGrid({ scale: 'sample', seed: 4 });
const t = model.tables;

/** A spread of patient zeros: a few of every failable table, plus every substation and bus. */
function patientZeros(count: number): { table: TableName; index: number }[] {
  const rng = new Rng(11, 'incremental-test');
  const out: { table: TableName; index: number }[] = [];
  for (const table of FAILABLE_TABLES) {
    const size = t[table].size;
    const picks = table === 'substations' || table === 'buses' ? size : Math.min(size, count);
    for (let i = 0; i < picks; i++)
      out.push({ table, index: picks === size ? i : Math.floor(rng.next() * size) });
  }
  return out;
}

/** Heavier loads than any shipped scenario, so that cascades run several waves with transfers. */
const stress = (load_factor: number): Scenario => ({
  ...SCENARIOS.summer_peak,
  name: `stress_${load_factor}`,
  conditions: { ...SCENARIOS.summer_peak.conditions, load_factor },
});
/**
 * Cold-load pickup: the afternoon base case 4 h after the interruption (recloses and ties pick up
 * cold load), and an evening at twice the forecast demand, where it sheds more load.
 */
const cold = (name: string, over: object): Scenario => ({
  ...SCENARIOS.base,
  name,
  conditions: { ...SCENARIOS.base.conditions, ...over },
});
const SCENARIOS_TESTED = [
  ...Object.values(SCENARIOS),
  stress(1.15),
  stress(1.3),
  cold('cold_base_4h', { hours_since_interruption: 4 }),
  cold('cold_evening_2x', { hour: 18, temperature_c: 28, load_factor: 2, hours_since_interruption: 2 }),
];

describe('incremental evaluation', () => {
  for (const sc of SCENARIOS_TESTED) {
    const name = sc.name;
    it(`gives the same cascades as the full evaluation under '${name}'`, () => {
      const ctx = buildCascadeContext(model, sc);
      const evaluator = new IncrementalEvaluator(ctx);
      const state = new CascadeState(model);
      let cascading = 0;
      let pickedUp = 0;
      for (const ref of patientZeros(name === 'base' ? 25 : 8)) {
        const full = runCascade(ctx, [ref]);
        const fast = runCascade(ctx, [ref], { evaluator, state });
        expect(fast, `${t[ref.table].ids[ref.index]}`).toEqual(full);
        if (full.waves.length > 1 || full.ties_closed.length > 0) cascading++;
        if (state.pickedUp.length > 0) pickedUp++;
      }
      // The stressed cases cover tie transfers and multi-wave cascades, not just one wave.
      if (name.startsWith('stress')) expect(cascading).toBeGreaterThan(10);
      // The cold cases pick up cold load through recloses and ties.
      if (name.startsWith('cold')) expect(pickedUp).toBeGreaterThan(10);
    });
  }

  it('gives the same cascades when cold-load pickup trips the receiving section (hand-built grid)', () => {
    let tripped = 0;
    for (const rating of [140, 170, 230]) {
      const grid = tieTransferGrid(rating);
      const g = grid.tables;
      for (const hours_since_interruption of [0, 0.01, 0.05, 1, 8]) {
        const ctx = buildCascadeContext(grid, {
          name: 'evening',
          conditions: { ...SCENARIOS.base.conditions, hour: 18, temperature_c: 30, hours_since_interruption },
        });
        const evaluator = new IncrementalEvaluator(ctx);
        const state = new CascadeState(grid);
        for (const table of ['line_sections', 'protective_devices', 'switches', 'dist_nodes'] as const) {
          for (let i = 0; i < g[table].size; i++) {
            const full = runCascade(ctx, [{ table, index: i }]);
            expect(runCascade(ctx, [{ table, index: i }], { evaluator, state })).toEqual(full);
            if (full.waves.some((w) => w.failed.some((f) => f.cause === 'overload'))) tripped++;
          }
        }
      }
    }
    expect(tripped).toBeGreaterThan(5);
  });

  it('gives the same result for several initial outages and after many reuses', () => {
    const ctx = buildCascadeContext(model, stress(1.15));
    const evaluator = new IncrementalEvaluator(ctx);
    const state = new CascadeState(model);
    const rng = new Rng(5, 'incremental-multi');
    for (let run = 0; run < 20; run++) {
      const refs = Array.from({ length: 4 }, () => ({
        table: 'line_sections' as const,
        index: Math.floor(rng.next() * t.line_sections.size),
      }));
      refs.push({ table: 'substations' as never, index: run % t.substations.size });
      expect(runCascade(ctx, refs, { evaluator, state })).toEqual(runCascade(ctx, refs));
    }
  });
});
