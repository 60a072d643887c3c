/** Writing cases back out (round trips through the parser) and the seeded synthetic case generator. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMatpowerCascade } from '../../src/cascade/transmission/matpower-cascade.ts';
import { parseMatpowerCase } from '../../src/importers/matpower/parse-case.ts';
import { readMatpowerCase } from '../../src/importers/matpower/read-case.ts';
import { runMatpowerDcPowerFlow } from '../../src/importers/matpower/run-dc-power-flow.ts';
import { syntheticMatpowerCase } from '../../src/importers/matpower/synthetic-case.ts';
import { formatMatlabNumber, writeMatpowerCase } from '../../src/importers/matpower/write-case.ts';
import { findIslands } from '../../src/powerflow/islands.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'matpower');

describe('writeMatpowerCase', () => {
  it('round-trips every well-formed fixture through the parser', () => {
    const files = readdirSync(fixtures).filter((f) => f.endsWith('.m'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const mpc = readMatpowerCase(join(fixtures, f));
      expect(parseMatpowerCase(writeMatpowerCase(mpc), f), f).toEqual(mpc);
    }
  });

  it('prints numbers MATLAB reads back exactly', () => {
    expect(formatMatlabNumber(Infinity)).toBe('Inf');
    expect(formatMatlabNumber(-Infinity)).toBe('-Inf');
    expect(formatMatlabNumber(-0)).toBe('-0');
    expect(formatMatlabNumber(1e21)).toBe('1e+21');
    expect(formatMatlabNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(() => formatMatlabNumber(NaN)).toThrow(/NaN/);
  });
});

describe('syntheticMatpowerCase', () => {
  it('is seeded: the same options give the same file, another seed another', () => {
    const a = writeMatpowerCase(syntheticMatpowerCase({ nBus: 300, seed: 5 }));
    expect(writeMatpowerCase(syntheticMatpowerCase({ nBus: 300, seed: 5 }))).toBe(a);
    expect(writeMatpowerCase(syntheticMatpowerCase({ nBus: 300, seed: 6 }))).not.toBe(a);
  });

  it('round-trips through writeMatpowerCase and the parser', () => {
    const mpc = syntheticMatpowerCase({ nBus: 400, seed: 3 });
    expect(parseMatpowerCase(writeMatpowerCase(mpc), 'synthetic.m')).toEqual(mpc);
  });

  it('2,000 buses: meshed, connected, balanced, secure in the base case, yet single outages cascade', () => {
    const mpc = syntheticMatpowerCase({ nBus: 2000, seed: 1 });
    const { bus, gen, branch } = mpc;
    expect(bus.count).toBe(2000);
    expect(branch.count).toBe(3000); // 1.5 branches per bus
    expect(findIslands(bus.count, branch.fromIndex, branch.toIndex).count).toBe(1);
    expect(Array.from(bus.type).filter((t) => t === 3)).toHaveLength(1);
    expect(Array.from(branch.tap).some((t) => t !== 0)).toBe(true);
    expect(Array.from(branch.shift_deg).filter((s) => s !== 0).length).toBeGreaterThan(0);
    for (const x of branch.x_pu) expect(x).toBeGreaterThan(0);
    for (const x of branch.x_pu) expect(x).toBeLessThan(0.2);

    const load = bus.pd_mw.reduce((s, v) => s + v, 0);
    const generation = gen.pg_mw.reduce((s, v) => s + v, 0);
    expect(Math.abs(generation - load)).toBeLessThan(1); // dispatch rounded to 1 kW per unit
    expect(gen.pmax_mw.reduce((s, v) => s + v, 0) / load).toBeGreaterThan(1.35);

    const { p_mw } = runMatpowerDcPowerFlow(mpc);
    let worst = 0;
    for (let l = 0; l < branch.count; l++) worst = Math.max(worst, Math.abs(p_mw[l]) / branch.rate_a_mva[l]);
    expect(worst).toBeLessThan(1 / 1.5 + 1e-9); // every branch at most 1/margin_min loaded

    const base = runMatpowerCascade(mpc, []);
    expect(base.waves).toEqual([[]]);
    expect(Math.abs(base.shed_mw)).toBeLessThan(1e-9);

    let cascades = 0;
    for (let k = 1; k <= 200; k++) if (runMatpowerCascade(mpc, [k]).waves.length > 1) cascades++;
    expect(cascades).toBeGreaterThan(10); // N-1 cascades occur...
    expect(cascades).toBeLessThan(150); // ...but most single outages are survived
  });

  it('rejects options that cannot make a secure case', () => {
    expect(() => syntheticMatpowerCase({ nBus: 1 })).toThrow(/nBus/);
    expect(() => syntheticMatpowerCase({ nBus: 10, margin_min: 0.9 })).toThrow(/secure/);
  });
});
