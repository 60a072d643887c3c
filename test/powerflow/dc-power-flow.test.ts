import { describe, expect, it } from 'vitest';
import { solveDcPowerFlow, type DcNetwork } from '../../src/powerflow/dc-power-flow.ts';
import { makeBdc } from '../../src/powerflow/make-bdc.ts';
import { mulberry32 } from './test-networks.ts';

interface BranchSpec {
  from: number;
  to: number;
  x_pu: number;
  tap?: number;
  shift_deg?: number;
  inService?: boolean;
}

/** A small named network on a 100 MVA base. */
function network(nBus: number, branches: BranchSpec[], pInjection_mw: number[], slackBus = 0): DcNetwork {
  return {
    nBus,
    baseMva: 100,
    slackBus,
    branchFrom: Int32Array.from(branches, (b) => b.from),
    branchTo: Int32Array.from(branches, (b) => b.to),
    x_pu: Float64Array.from(branches, (b) => b.x_pu),
    tap: Float64Array.from(branches, (b) => b.tap ?? 0),
    shift_deg: Float64Array.from(branches, (b) => b.shift_deg ?? 0),
    inService: Uint8Array.from(branches, (b) => (b.inService === false ? 0 : 1)),
    pInjection_mw: Float64Array.from(pInjection_mw),
  };
}

/** Checks at every bus: injection = Σ flows leaving − Σ flows entering (slack: solved injection). */
function expectConservation(net: DcNetwork, flow_mw: Float64Array, slackInjection_mw: number): void {
  const out = new Float64Array(net.nBus);
  for (let l = 0; l < flow_mw.length; l++) {
    out[net.branchFrom[l]] += flow_mw[l];
    out[net.branchTo[l]] -= flow_mw[l];
  }
  for (let i = 0; i < net.nBus; i++) {
    const injection = i === net.slackBus ? slackInjection_mw : net.pInjection_mw[i];
    expect(out[i]).toBeCloseTo(injection, 9);
  }
}

const TOL = 12; // decimal places for hand-computed values

describe('solveDcPowerFlow: hand-computed cases', () => {
  it('2-bus line: the flow equals the injection', () => {
    // b = 1/0.1 = 10 pu. Load 100 MW = 1 pu at bus 1: 10·(0 − θ1) = 1 ⇒ θ1 = −0.1 rad.
    const net = network(2, [{ from: 0, to: 1, x_pu: 0.1 }], [0, -100]);
    const r = solveDcPowerFlow(net);
    expect(r.va_rad[0]).toBe(0);
    expect(r.va_rad[1]).toBeCloseTo(-0.1, TOL);
    expect(r.flow_mw[0]).toBeCloseTo(100, 10);
    expect(r.slackInjection_mw).toBeCloseTo(100, 10);
  });

  it('3-bus triangle with equal reactances: 2/3 on the direct path, 1/3 around', () => {
    // Slack 0; 90 MW load at bus 2; all x = 0.1 ⇒ b = 10.
    // Bus 1: 20·θ1 − 10·θ2 = 0;  bus 2: −10·θ1 + 20·θ2 = −0.9
    // ⇒ θ1 = θ2/2, 15·θ2 = −0.9 ⇒ θ2 = −0.06, θ1 = −0.03.
    // P02 = 10·0.06 = 0.6 pu (60 MW), P01 = P12 = 10·0.03 = 0.3 pu (30 MW).
    const net = network(
      3,
      [
        { from: 0, to: 1, x_pu: 0.1 },
        { from: 1, to: 2, x_pu: 0.1 },
        { from: 0, to: 2, x_pu: 0.1 },
      ],
      [0, 0, -90],
    );
    const r = solveDcPowerFlow(net);
    expect(r.va_rad[1]).toBeCloseTo(-0.03, TOL);
    expect(r.va_rad[2]).toBeCloseTo(-0.06, TOL);
    expect(r.flow_mw[0]).toBeCloseTo(30, 10);
    expect(r.flow_mw[1]).toBeCloseTo(30, 10);
    expect(r.flow_mw[2]).toBeCloseTo(60, 10);
    expect(r.slackInjection_mw).toBeCloseTo(90, 10);
  });

  it('tap ratio: b = 1/(x·tap); tap 0 means 1', () => {
    // Branch 0: x = 0.1, tap 0 ⇒ b = 10. Branch 1: x = 0.05, tap 2 ⇒ b = 1/(0.05·2) = 10.
    // Branch 2: x = 0.1, tap 0.5 ⇒ b = 20. Total b = 40; load 120 MW ⇒ θ1 = −1.2/40 = −0.03.
    // Flows: 10·0.03 = 0.3 (30 MW), 30 MW, 20·0.03 = 0.6 (60 MW).
    const net = network(
      2,
      [
        { from: 0, to: 1, x_pu: 0.1 },
        { from: 0, to: 1, x_pu: 0.05, tap: 2 },
        { from: 0, to: 1, x_pu: 0.1, tap: 0.5 },
      ],
      [0, -120],
    );
    const r = solveDcPowerFlow(net);
    expect(r.va_rad[1]).toBeCloseTo(-0.03, TOL);
    expect(Array.from(r.flow_mw).map((f) => Math.round(f * 1e9) / 1e9)).toEqual([30, 30, 60]);
  });

  it('phase shifter: P = b·(θf − θt − φ) shifts flow off the shifter', () => {
    // Two parallel branches 0→1, both b = 10; branch 1 is a shifter with φ = 0.05 rad
    // (shift_deg = 0.05·180/π ≈ 2.8648°) and tap 2 on x = 0.05.
    // Bus 1 balance (load 1 pu): 10·(−θ1) + 10·(−θ1 − 0.05) = 1 ⇒ −20·θ1 = 1.5 ⇒ θ1 = −0.075.
    // P0 = 10·0.075 = 0.75 pu (75 MW); P1 = 10·(0.075 − 0.05) = 0.25 pu (25 MW).
    const shift_deg = (0.05 * 180) / Math.PI;
    const net = network(
      2,
      [
        { from: 0, to: 1, x_pu: 0.1 },
        { from: 0, to: 1, x_pu: 0.05, tap: 2, shift_deg },
      ],
      [0, -100],
    );
    const r = solveDcPowerFlow(net);
    expect(r.va_rad[1]).toBeCloseTo(-0.075, TOL);
    expect(r.flow_mw[0]).toBeCloseTo(75, 10);
    expect(r.flow_mw[1]).toBeCloseTo(25, 10);
    expect(r.slackInjection_mw).toBeCloseTo(100, 10);
    // The same shifter entered in reverse (1→0, −φ) gives the same physical flows.
    const reversed = network(
      2,
      [
        { from: 0, to: 1, x_pu: 0.1 },
        { from: 1, to: 0, x_pu: 0.05, tap: 2, shift_deg: -shift_deg },
      ],
      [0, -100],
    );
    const rr = solveDcPowerFlow(reversed);
    expect(rr.flow_mw[1]).toBeCloseTo(-25, 10);
    // MATPOWER's Pbusinj: −b·φ = −0.5 pu at the from bus, +0.5 at the to bus.
    const { busShiftInjection_pu, branchShiftFlow_pu } = makeBdc(net);
    expect(branchShiftFlow_pu[1]).toBeCloseTo(-0.5, TOL);
    expect(Array.from(busShiftInjection_pu).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([-0.5, 0.5]);
  });

  it('uses any bus as slack: angles are relative to it, flows unchanged', () => {
    // Triangle as above with the slack moved to bus 2 (the 90 MW of load now "generated" at 0).
    const branches = [
      { from: 0, to: 1, x_pu: 0.1 },
      { from: 1, to: 2, x_pu: 0.1 },
      { from: 0, to: 2, x_pu: 0.1 },
    ];
    const r = solveDcPowerFlow(network(3, branches, [90, 0, 0], 2));
    expect(r.va_rad[2]).toBe(0);
    expect(r.va_rad[0]).toBeCloseTo(0.06, TOL);
    expect(r.flow_mw[2]).toBeCloseTo(60, 10);
    expect(r.slackInjection_mw).toBeCloseTo(-90, 10);
  });
});

describe('solveDcPowerFlow: outages, conservation, errors', () => {
  it('gives 0 flow on an out-of-service branch and reroutes the rest', () => {
    // Triangle with 0–2 out: all 90 MW goes 0→1→2.
    const net = network(
      3,
      [
        { from: 0, to: 1, x_pu: 0.1 },
        { from: 1, to: 2, x_pu: 0.1 },
        { from: 0, to: 2, x_pu: 0.1, inService: false },
      ],
      [0, 0, -90],
    );
    const r = solveDcPowerFlow(net);
    expect(r.flow_mw[2]).toBe(0);
    expect(r.flow_mw[0]).toBeCloseTo(90, 10);
    expect(r.flow_mw[1]).toBeCloseTo(90, 10);
    expect(r.va_rad[2]).toBeCloseTo(-0.18, TOL);
  });

  it('conserves power at every bus of a random meshed network with shifters and taps', () => {
    const rand = mulberry32(1366);
    const nBus = 300;
    const branches: BranchSpec[] = [];
    for (let i = 1; i < nBus; i++)
      branches.push({ from: Math.floor(rand() * i), to: i, x_pu: 0.01 + rand() * 0.2 });
    for (let k = 0; k < 150; k++) {
      const from = Math.floor(rand() * nBus);
      const to = Math.floor(rand() * nBus);
      branches.push({
        from,
        to,
        x_pu: 0.01 + rand() * 0.2,
        tap: rand() < 0.2 ? 0.9 + rand() * 0.2 : 0,
        shift_deg: rand() < 0.05 ? rand() * 20 - 10 : 0,
        inService: rand() > 0.05 || from === to,
      });
    }
    const p = Array.from({ length: nBus }, () => rand() * 200 - 100);
    const net = network(nBus, branches, p, 17);
    const amd = solveDcPowerFlow(net);
    expectConservation(net, amd.flow_mw, amd.slackInjection_mw);
    const lossless = -p.reduce((s, v, i) => (i === 17 ? s : s + v), 0);
    expect(amd.slackInjection_mw).toBeCloseTo(lossless, 8);
    const natural = solveDcPowerFlow(net, { ordering: 'natural' });
    for (let l = 0; l < branches.length; l++) expect(natural.flow_mw[l]).toBeCloseTo(amd.flow_mw[l], 8);
  });

  it('throws naming the buses cut off from the slack', () => {
    const net = network(
      4,
      [
        { from: 0, to: 1, x_pu: 0.1 },
        { from: 1, to: 2, x_pu: 0.1, inService: false },
        { from: 2, to: 3, x_pu: 0.1 },
      ],
      [0, -10, -10, -10],
    );
    expect(() => solveDcPowerFlow(net)).toThrow(
      /dc-power-flow: the in-service network is not connected \(2 islands\); 2 bus\(es\) not connected to slack bus 0: 2, 3\./,
    );
  });

  it('rejects bad input with errors naming the module', () => {
    const ok = network(2, [{ from: 0, to: 1, x_pu: 0.1 }], [0, -100]);
    expect(() => solveDcPowerFlow({ ...ok, slackBus: 2 })).toThrow(/dc-power-flow: slackBus 2/);
    expect(() => solveDcPowerFlow({ ...ok, x_pu: Float64Array.of(0) })).toThrow(
      /dc-power-flow: in-service branch 0/,
    );
    expect(() => solveDcPowerFlow({ ...ok, pInjection_mw: Float64Array.of(0) })).toThrow(/pInjection_mw/);
    expect(() => solveDcPowerFlow({ ...ok, branchTo: Int32Array.of(5) })).toThrow(
      /branch 0 joins buses 0 and 5/,
    );
  });

  it('solves a single bus', () => {
    const r = solveDcPowerFlow(network(1, [], [5]));
    expect(r.va_rad[0]).toBe(0);
    expect(r.slackInjection_mw).toBe(0);
  });
});
