/**
 * Exporting a grid's transmission network as a MATPOWER case: a four-bus grid worked out by hand
 * (in the comments), and the generated sample grid, whose case's DC power flow must give
 * computeTransmissionLoading's flows for the same demand, and which round-trips through the file.
 */
import { describe, expect, it } from 'vitest';
import { buildCascadeContext } from '../../../src/cascade/cascade-context.ts';
import { evaluate } from '../../../src/cascade/cascade-evaluation.ts';
import { CascadeState } from '../../../src/cascade/cascade-state.ts';
import { scenario } from '../../../src/cascade/scenarios.ts';
import { generateGrid } from '../../../src/generator/generate.ts';
import { gridToMatpowerCase, type TransmissionGrid } from '../../../src/importers/matpower/from-grid.ts';
import { parseMatpowerCase } from '../../../src/importers/matpower/parse-case.ts';
import { runMatpowerDcPowerFlow } from '../../../src/importers/matpower/run-dc-power-flow.ts';
import { writeMatpowerCase } from '../../../src/importers/matpower/write-case.ts';
import { BUSES, GENERATORS, SUBSTATIONS, TRANSMISSION_LINES } from '../../../src/model/schema.ts';
import { tableFromColumns } from '../../../src/model/table.ts';
import { lineRatingFactor } from '../../../src/model/thermal.ts';
import { computeTransmissionLoading } from '../../../src/powerflow/transmission-loading.ts';

const TOL = 1e-6;
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

/**
 * Buses 0, 1, 2 in a triangle of equal lines (x = 0.1 pu, 100 MVA); bus 3 on its own with a
 * substation but no line. G0 (100 MW) at bus 0, G1 (50 MW) at bus 2; substations draw 30 MW at
 * bus 1, 60 MW at bus 2 and 10 MW at bus 3.
 */
function fourBusGrid(): TransmissionGrid {
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
  return {
    meta: {
      name: 'four bus',
      source: { kind: 'import', format: 'test', file: 'four-bus' },
      base_mva: 100,
    },
    tables: {
      buses: tableFromColumns(BUSES, ids('BUS', 4), {
        name: ['a', 'b', 'c', 'd'],
        kv: Float64Array.of(138, 138, 138, 69),
        substation: Int32Array.of(-1, 0, 1, 2),
      }),
      substations: tableFromColumns(SUBSTATIONS, ids('SUB', 3), {
        name: ['b', 'c', 'd'],
        bus: Int32Array.of(1, 2, 3),
      }),
      generators: tableFromColumns(GENERATORS, ids('GEN', 2), {
        name: ['g0', 'g1'],
        bus: Int32Array.of(0, 2),
        pmax_mw: Float64Array.of(100, 50),
      }),
      transmission_lines: tableFromColumns(
        TRANSMISSION_LINES,
        ids('TL', 3),
        {
          name: ['01', '12', '02'],
          from_bus: Int32Array.of(0, 1, 0),
          to_bus: Int32Array.of(1, 2, 2),
          x_pu: Float64Array.of(0.1, 0.1, 0.1),
          rating_mva: Float64Array.of(100, 100, 100),
          tap: Float64Array.of(1, 1, 1),
        },
        { offsets: Uint32Array.of(0, 2, 4, 6), coords: new Float64Array(12) },
      ),
    },
  };
}

describe('gridToMatpowerCase', () => {
  it('four buses by hand: loads, bus types, dispatch, derated ratings and flows', () => {
    const grid = fourBusGrid();
    const substation_mw = [30, 60, 10];
    const mpc = gridToMatpowerCase(grid, substation_mw, { hour: 17, temperature_c: 35 });
    expect(mpc.name).toBe('four_bus');
    expect(mpc.baseMva).toBe(100);
    expect(mpc.bus.count).toBe(4);
    expect(Array.from(mpc.bus.bus_i)).toEqual([1, 2, 3, 4]);
    expect(mpc.busName).toEqual(['BUS-1', 'BUS-2', 'BUS-3', 'BUS-4']);
    expect(Array.from(mpc.bus.pd_mw)).toEqual([0, 30, 60, 10]);
    expect(sum(mpc.bus.pd_mw)).toBe(sum(substation_mw));
    // Largest generator's bus is the reference; bus 3's island has no generator: isolated.
    expect(Array.from(mpc.bus.type)).toEqual([3, 1, 2, 4]);
    // Island {0, 1, 2}: 90 MW of load on 150 MW of Pmax: every unit at 60 % of Pmax.
    expect(Array.from(mpc.gen.bus)).toEqual([1, 3]);
    expect(Array.from(mpc.gen.pmax_mw)).toEqual([100, 50]);
    expect(mpc.gen.pg_mw[0]).toBeCloseTo(60, 12);
    expect(mpc.gen.pg_mw[1]).toBeCloseTo(30, 12);
    // 35 °C: sqrt((75 − 35) / (75 − 25)) of 100 MVA.
    for (const rate of mpc.branch.rate_a_mva) expect(rate).toBeCloseTo(100 * Math.sqrt(0.8), 12);
    expect(Array.from(mpc.branch.f_bus)).toEqual([1, 2, 1]);
    expect(Array.from(mpc.branch.t_bus)).toEqual([2, 3, 3]);

    // Buses 1 and 2 each take 30 MW net (bus 2: 60 MW load − 30 MW generation); by symmetry
    // θ1 = θ2 = −0.3 pu / (2 · 10 − 10) = −0.03 rad: 30 MW on 0→1 and 0→2, none on 1→2.
    const { p_mw, va_deg } = runMatpowerDcPowerFlow(mpc);
    expect(va_deg[1]).toBeCloseTo((-0.03 * 180) / Math.PI, 9);
    [30, 0, 30].forEach((p, k) => expect(p_mw[k]).toBeCloseTo(p, 9));
    const loading = computeTransmissionLoading(
      grid.tables,
      substation_mw,
      { hour: 17, temperature_c: 35 },
      100,
    );
    [30, 0, 30].forEach((p, k) => expect(loading.flow_mw[k]).toBeCloseTo(p, 9));
  });

  it('derates an autotransformer branch as a transformer; it stays a TAP-1 branch', () => {
    const grid = fourBusGrid();
    grid.tables.transmission_lines.cols.kind[1] = 1;
    const mpc = gridToMatpowerCase(grid, [30, 60, 10], { hour: 16, temperature_c: 41 });
    // 41 °C: lines sqrt((75 − 41) / 50) of 100 MVA; the autotransformer 1 − 0.01 · (41 − 30).
    expect(mpc.branch.rate_a_mva[0]).toBeCloseTo(100 * Math.sqrt(34 / 50), 12);
    expect(mpc.branch.rate_a_mva[1]).toBeCloseTo(89, 12);
    expect(Array.from(mpc.branch.tap)).toEqual([1, 1, 1]);
  });

  it('checks the substation loads it is given', () => {
    const grid = fourBusGrid();
    const conditions = { hour: 17, temperature_c: 25 };
    expect(() => gridToMatpowerCase(grid, [1, 2], conditions)).toThrow(/from-grid: 2 substation loads for 3/);
    expect(() => gridToMatpowerCase(grid, [1, NaN, 2], conditions)).toThrow(/SUB-2 load is NaN/);
  });

  describe('the sample grid (seed 4)', () => {
    const model = generateGrid({ scale: 'sample', seed: 4 });
    const base = scenario('base');
    const { substation_mw } = evaluate(buildCascadeContext(model, base), new CascadeState(model));
    const mpc = gridToMatpowerCase(model, substation_mw, base.conditions);
    const t = model.tables;

    it('has every bus, generator and line, with the substations load and balanced dispatch', () => {
      expect(mpc.name).toBe('flux_sample_s4');
      expect(mpc.bus.count).toBe(t.buses.size);
      expect(mpc.gen.count).toBe(t.generators.size);
      expect(mpc.branch.count).toBe(t.transmission_lines.size);
      expect(mpc.baseMva).toBe(model.meta.base_mva);
      const load = sum(substation_mw);
      expect(load).toBeGreaterThan(0);
      expect(Math.abs(sum(mpc.bus.pd_mw) - load)).toBeLessThan(TOL);
      expect(Math.abs(sum(mpc.gen.pg_mw) - load)).toBeLessThan(TOL);
      expect(Array.from(mpc.bus.type).filter((x) => x === 3)).toHaveLength(1);
      const largest = Array.from(t.generators.cols.pmax_mw).indexOf(Math.max(...t.generators.cols.pmax_mw));
      expect(mpc.bus.type[t.generators.cols.bus[largest]]).toBe(3);
    });

    it("its DC power flow gives computeTransmissionLoading's flows and loadings to 1e-6", () => {
      const loading = computeTransmissionLoading(t, substation_mw, base.conditions, model.meta.base_mva);
      const { p_mw, pg_mw } = runMatpowerDcPowerFlow(mpc);
      expect(p_mw.length).toBe(loading.flow_mw.length);
      let moving = 0;
      for (let k = 0; k < p_mw.length; k++) {
        expect(Math.abs(p_mw[k] - loading.flow_mw[k]), `line ${k}`).toBeLessThan(TOL);
        const pct = (100 * Math.abs(p_mw[k])) / mpc.branch.rate_a_mva[k];
        expect(Math.abs(pct - loading.loading_pct[k]), `line ${k}`).toBeLessThan(TOL);
        if (Math.abs(p_mw[k]) > 0.1) moving++; // the sample draws ~14 MW in all
      }
      expect(moving).toBeGreaterThan((2 * p_mw.length) / 3);
      for (let g = 0; g < pg_mw.length; g++)
        expect(Math.abs(pg_mw[g] - loading.generation_mw[g])).toBeLessThan(TOL);
      expect(mpc.branch.rate_a_mva[0]).toBe(
        t.transmission_lines.cols.rating_mva[0] * lineRatingFactor(base.conditions.temperature_c),
      );
    });

    it('agrees for another demand too (every substation at 1.3×)', () => {
      const heavier = Float64Array.from(substation_mw, (p) => 1.3 * p);
      const loading = computeTransmissionLoading(t, heavier, base.conditions, model.meta.base_mva);
      const { p_mw } = runMatpowerDcPowerFlow(gridToMatpowerCase(model, heavier, base.conditions));
      for (let k = 0; k < p_mw.length; k++) expect(Math.abs(p_mw[k] - loading.flow_mw[k])).toBeLessThan(TOL);
    });

    it('round-trips through writeMatpowerCase and the parser', () => {
      expect(parseMatpowerCase(writeMatpowerCase(mpc), 'flux_sample_s4.m')).toEqual(mpc);
    });
  });
});
