/**
 * MATPOWER's rundcpf on small cases, against values worked out by hand (in the comments), to
 * 1e-9; and the multi-reference island solver against the single-slack solver.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCase } from '../../src/importers/matpower/case-builder.ts';
import { parseMatpowerCase } from '../../src/importers/matpower/parse-case.ts';
import { readMatpowerCase } from '../../src/importers/matpower/read-case.ts';
import { runMatpowerDcPowerFlow } from '../../src/importers/matpower/run-dc-power-flow.ts';
import { solveDcPowerFlow, type DcNetwork } from '../../src/powerflow/dc-power-flow.ts';
import {
  DcPowerFlowWorkspace,
  solveDcPowerFlowWithReferences,
} from '../../src/powerflow/dc-power-flow-islands.ts';
import { syntheticMatpowerCase } from '../../src/importers/matpower/synthetic-case.ts';
import { buildMatpowerDcNetwork } from '../../src/importers/matpower/dc-network.ts';
import { findIslands } from '../../src/powerflow/islands.ts';
import { readFileSync } from 'node:fs';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'matpower', name);
const DEG = 180 / Math.PI;
const TOL = 1e-9;

function expectClose(actual: ArrayLike<number>, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i]), `[${i}] ${actual[i]} vs ${expected[i]}`).toBeLessThan(TOL);
  }
}

/** A bus row: [BUS_I, TYPE, PD, VA]; the rest at their usual values. */
const bus = (id: number, type: number, pd: number, va = 0) => [
  id,
  type,
  pd,
  0,
  0,
  0,
  1,
  1,
  va,
  230,
  1,
  1.1,
  0.9,
];
const gen = (at: number, pg: number, status = 1) => [at, pg, 0, 100, -100, 1, 100, status, 300, 0];
const line = (f: number, t: number, x: number, status = 1) => [
  f,
  t,
  0,
  x,
  0,
  0,
  0,
  0,
  0,
  0,
  status,
  -360,
  360,
];

describe('runMatpowerDcPowerFlow: hand-computed cases', () => {
  it('case3_named: reference bus 20 at VA = 5°, non-consecutive bus numbers', () => {
    // b(10-20) = 10, b(20-30) = 10, b(10-30) = 5 pu. P10 = −60 MW, P30 = 70 − 100 = −30 MW.
    // With u = θ − θ20:  15·u10 − 5·u30 = −0.6,  −5·u10 + 15·u30 = −0.3  (det 200)
    //   u10 = (−9 − 1.5)/200 = −0.0525 rad,  u30 = (−4.5 − 3)/200 = −0.0375 rad.
    // Flows: 10→20 = 10·u10 = −52.5 MW; 20→30 = −10·u30 = 37.5 MW; 10→30 = 5·(u10 − u30) = −7.5 MW.
    // The reference generator makes up 60 + 100 − 70 = 90 MW (it was scheduled at 20).
    const r = runMatpowerDcPowerFlow(readMatpowerCase(fixture('case3_named.m')));
    expectClose(r.va_deg, [5 - 0.0525 * DEG, 5, 5 - 0.0375 * DEG]);
    expectClose(r.p_mw, [-52.5, 37.5, -7.5]);
    expectClose(r.pg_mw, [90, 70]);
    expect(Array.from(r.referenceBuses)).toEqual([1]);
  });

  it('case5_shift: tap, 3° phase shifter, shunt GS, out-of-service branch and generator', () => {
    // b = 1/(x·tap): 1-2: 10; 2-3: 1/(0.08·1.25) = 10; 1-3: 10 (φ = 3° = π/60); 3-4: 10; 2-5: 4.
    // Spurs carry their loads: P34 = 40, P25 = 20. Reduced triangle: bus 2 injects 60 − 20 = 40,
    // bus 3 draws 90 + 10 (GS) + 40 = 140 MW (the out-of-service 100 MW gen at bus 2 is left out).
    // With θ1 = 0 and P13 = 10·(θ1 − θ3 − φ):
    //   bus 2: 20·θ2 − 10·θ3 = 0.4;  bus 3: −10·θ2 + 20·θ3 = −1.4 − 10·φ   (det 300)
    //   θ2 = −0.02 − φ/3,  θ3 = −0.08 − 2φ/3   (φ/3 = 1°, 2φ/3 = 2°)
    //   θ4 = θ3 − 0.4/10 = −0.12 − 2φ/3,  θ5 = θ2 − 0.2/4 = −0.07 − φ/3.
    // Flows: P12 = −10·θ2 = 20 + 1000·φ/3;  P23 = 10·(θ2 − θ3) = 60 + 1000·φ/3;
    //        P13 = 10·(−θ3 − φ) = 80 − 1000·φ/3  (MW; 1000·φ/3 = 1000·π/180 ≈ 17.45).
    // The reference generator: 160 MW of load − 60 = 100 MW (scheduled 80).
    const r = runMatpowerDcPowerFlow(readMatpowerCase(fixture('case5_shift.m')));
    const s = (1000 * Math.PI) / 180;
    expectClose(r.va_deg, [0, -0.02 * DEG - 1, -0.08 * DEG - 2, -0.12 * DEG - 2, -0.07 * DEG - 1]);
    expectClose(r.p_mw, [20 + s, 60 + s, 80 - s, 40, 0, 20]);
    expectClose(r.pg_mw, [100, 60, 100]);
  });

  it('case4_isolated: an isolated bus, and the branch and generator at it, are left out', () => {
    // 1 → 2 → 3 radial: P12 = 30 + 20 = 50, P23 = 20 MW. θ2 = −0.5/10 = −0.05, θ3 = θ2 − 0.2/5 = −0.09.
    // Bus 4 (type 4) keeps its VA of −3°; branch 3-4 carries 0 MW; its 40 MW generator does not count.
    const r = runMatpowerDcPowerFlow(readMatpowerCase(fixture('case4_isolated.m')));
    expectClose(r.va_deg, [0, -0.05 * DEG, -0.09 * DEG, -3]);
    expectClose(r.p_mw, [50, 20, 0]);
  });

  it('a reference bus whose generators are all off gives way to the first PV bus (bustypes)', () => {
    // case3_named with the generator at 20 off: bus 30 becomes the reference (its VA = 0).
    // Bus 10 draws 60 MW; with u = θ − θ30:  15·u10 − 10·u20 = −0.6,  −10·u10 + 20·u20 = 0
    //   ⇒ u10 = 2·u20, 20·u20 = −0.6 ⇒ u20 = −0.03, u10 = −0.06.
    // Flows: 10→20 = 10·(u10 − u20) = −30; 20→30 = 10·u20 = −30; 10→30 = 5·u10 = −30 MW.
    // The generator at 30 makes 100 (its load) + 60 = 160 MW.
    const text = readFileSync(fixture('case3_named.m'), 'utf8').replace(
      '20\t20\t0\tInf\t-Inf\t1\t100\t1',
      '20\t20\t0\tInf\t-Inf\t1\t100\t0',
    );
    const r = runMatpowerDcPowerFlow(parseMatpowerCase(text));
    expect(Array.from(r.referenceBuses)).toEqual([2]);
    expectClose(r.va_deg, [-0.06 * DEG, -0.03 * DEG, 0]);
    expectClose(r.p_mw, [-30, -30, -30]);
    expectClose(r.pg_mw, [20, 160]);
  });

  it('two islands, each with its own reference bus at its own VA', () => {
    // Island {1, 2}: 50 MW over x = 0.1 ⇒ θ2 = −0.05 rad. Island {3, 4}: reference 3 at 10°, 20 MW
    // over x = 0.2 ⇒ θ4 = 10° − 0.04 rad. Branch 2-3 is open.
    const mpc = buildCase({
      name: 'two_islands',
      baseMva: 100,
      bus: [bus(1, 3, 0), bus(2, 1, 50), bus(3, 3, 0, 10), bus(4, 1, 20)],
      gen: [gen(1, 50), gen(3, 0)],
      branch: [line(1, 2, 0.1), line(2, 3, 0.1, 0), line(3, 4, 0.2)],
    });
    const r = runMatpowerDcPowerFlow(mpc);
    expectClose(r.va_deg, [0, -0.05 * DEG, 10, 10 - 0.04 * DEG]);
    expectClose(r.p_mw, [50, 0, 20]);
    expectClose(r.pg_mw, [50, 20]);
  });

  it('an island without a reference bus is an error naming its buses', () => {
    const mpc = buildCase({
      name: 'orphan',
      baseMva: 100,
      bus: [bus(1, 3, 0), bus(2, 1, 50), bus(7, 1, 0), bus(8, 1, 20)],
      gen: [gen(1, 50)],
      branch: [line(1, 2, 0.1), line(7, 8, 0.2)],
    });
    expect(() => runMatpowerDcPowerFlow(mpc)).toThrow(
      /orphan: bus\(es\) 7, 8 form an island without a reference bus/,
    );
  });
});

describe('solveDcPowerFlowWithReferences', () => {
  /** Tiny seeded PRNG (mulberry32), uniform in [0, 1). */
  function mulberry32(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('matches solveDcPowerFlow on random connected networks with taps and shifts', () => {
    const rand = mulberry32(42);
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + Math.floor(rand() * 40);
      const from: number[] = [];
      const to: number[] = [];
      for (let i = 1; i < n; i++) {
        from.push(Math.floor(rand() * i));
        to.push(i);
      }
      for (let k = 0; k < n; k++) {
        const a = Math.floor(rand() * n);
        const b = Math.floor(rand() * n);
        if (a !== b) {
          from.push(a);
          to.push(b);
        }
      }
      const m = from.length;
      const net: DcNetwork = {
        nBus: n,
        baseMva: 100,
        slackBus: Math.floor(rand() * n),
        branchFrom: Int32Array.from(from),
        branchTo: Int32Array.from(to),
        x_pu: Float64Array.from({ length: m }, () => 0.01 + rand() * 0.2),
        tap: Float64Array.from({ length: m }, () => (rand() < 0.2 ? 0.9 + rand() * 0.2 : 0)),
        shift_deg: Float64Array.from({ length: m }, () => (rand() < 0.1 ? rand() * 10 - 5 : 0)),
        inService: Uint8Array.from({ length: m }, (_, l) => (l < n - 1 || rand() < 0.8 ? 1 : 0)),
        pInjection_mw: Float64Array.from({ length: n }, () => rand() * 200 - 100),
      };
      const single = solveDcPowerFlow(net);
      const multi = solveDcPowerFlowWithReferences(net, [net.slackBus], [0]);
      for (let l = 0; l < m; l++) expect(Math.abs(multi.flow_mw[l] - single.flow_mw[l])).toBeLessThan(1e-9);
      for (let i = 0; i < n; i++) expect(Math.abs(multi.va_rad[i] - single.va_rad[i])).toBeLessThan(1e-12);
      expect(Math.abs(multi.injection_mw[net.slackBus] - single.slackInjection_mw)).toBeLessThan(1e-9);
    }
  });

  it('throws naming the buses of an island with no reference', () => {
    const net = {
      nBus: 4,
      baseMva: 100,
      branchFrom: Int32Array.of(0, 2),
      branchTo: Int32Array.of(1, 3),
      x_pu: Float64Array.of(0.1, 0.1),
      tap: new Float64Array(2),
      shift_deg: new Float64Array(2),
      inService: Uint8Array.of(1, 1),
      pInjection_mw: Float64Array.of(0, -50, 0, -50),
    };
    expect(() => solveDcPowerFlowWithReferences(net, [0], [0])).toThrow(
      /island of bus\(es\) 2, 3 has no reference bus/,
    );
    const r = solveDcPowerFlowWithReferences(net, [0, 2], [0, 0]);
    expectClose(r.flow_mw, [50, 50]);
    expectClose(r.va_rad, [0, -0.05, 0, -0.05]);
  });

  it('a workspace reused over shrinking branch sets and moving references matches one-shot solves', () => {
    const mpc = syntheticMatpowerCase({ nBus: 300, seed: 9 });
    const net = buildMatpowerDcNetwork(mpc);
    const workspace = new DcPowerFlowWorkspace(net);
    const rand = mulberry32(5);
    const inService = Uint8Array.from(net.inService);
    for (let step = 0; step < 25; step++) {
      for (let k = 0; k < 8; k++) inService[Math.floor(rand() * inService.length)] = 0;
      const islands = findIslands(net.nBus, net.branchFrom, net.branchTo, inService);
      // One random member of each island is its reference.
      const members: number[][] = Array.from({ length: islands.count }, () => []);
      for (let i = 0; i < net.nBus; i++) members[islands.label[i]].push(i);
      const refs = members.map((list) => list[Math.floor(rand() * list.length)]);
      const va = refs.map(() => rand() - 0.5);
      const p = Float64Array.from(net.pInjection_mw, (v) => v * (0.5 + rand()));
      const reused = workspace.solve(inService, p, refs, va);
      const fresh = solveDcPowerFlowWithReferences(
        { ...net, inService: Uint8Array.from(inService), pInjection_mw: p },
        refs,
        va,
      );
      for (let l = 0; l < inService.length; l++)
        expect(Math.abs(reused.flow_mw[l] - fresh.flow_mw[l])).toBeLessThan(1e-9);
      for (let i = 0; i < net.nBus; i++)
        expect(Math.abs(reused.va_rad[i] - fresh.va_rad[i])).toBeLessThan(1e-12);
      refs.forEach((r, k) => expect(reused.va_rad[r]).toBe(va[k]));
    }
    const closed = Uint8Array.from(net.inService);
    const outBefore = Array.from(net.inService).indexOf(0);
    if (outBefore >= 0) {
      closed[outBefore] = 1;
      expect(() => workspace.solve(closed, net.pInjection_mw, [0], [0])).toThrow(
        /out of service in the workspace/,
      );
    }
    expect(() => workspace.solve(new Uint8Array(inService.length), net.pInjection_mw, [0], [0])).toThrow(
      /singular system — an island without a reference bus/,
    );
  });
});
