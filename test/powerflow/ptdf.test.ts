import { describe, expect, it } from 'vitest';
import { computePtdf, ptdfRows } from '../../src/powerflow/ptdf.ts';
import { chooseIslandSlacks } from '../../src/powerflow/dc-sensitivity.ts';
import { solveDcPowerFlow, type DcNetwork } from '../../src/powerflow/dc-power-flow.ts';
import { makeBdc } from '../../src/powerflow/make-bdc.ts';
import { mulberry32, grid, type Branch } from './test-networks.ts';

/** PTDF as nested arrays rounded to 12 decimals (−0 → 0) for exact comparison with fractions. */
function rounded(values: Float64Array, nCols: number): number[][] {
  const rows: number[][] = [];
  for (let r = 0; r < values.length / nCols; r++) {
    rows.push(
      Array.from(values.subarray(r * nCols, (r + 1) * nCols), (v) => Math.round(v * 1e12) / 1e12 + 0),
    );
  }
  return rows;
}
const fraction = (rows: number[][]): number[][] =>
  rows.map((r) => r.map((v) => Math.round(v * 1e12) / 1e12 + 0));

// Branches 0: 0–1, 1: 1–2, 2: 0–2, all x = 0.1.
const triangle = grid(3, [
  [0, 1, 0.1],
  [1, 2, 0.1],
  [0, 2, 0.1],
]);

describe('computePtdf: hand-computed cases', () => {
  it('3-bus triangle, equal reactances, slack 0: 2/3 on the direct path, 1/3 around', () => {
    // 1 MW into bus 1, out at bus 0: 2/3 flows 1→0 (branch 0 reversed), 1/3 flows 1→2→0.
    // 1 MW into bus 2: 2/3 flows 2→0 (branch 2 reversed), 1/3 flows 2→1→0.
    const ptdf = computePtdf(triangle, 0);
    expect(rounded(ptdf.values, 3)).toEqual(
      fraction([
        [0, -2 / 3, -1 / 3],
        [0, 1 / 3, -1 / 3],
        [0, -1 / 3, -2 / 3],
      ]),
    );
    expect(ptdf.at(2, 2)).toBeCloseTo(-2 / 3, 14);
    expect(Array.from(ptdf.slacks.slackBus)).toEqual([0]);
  });

  it('4-bus ring, equal reactances: 3/4 on the short side, 1/4 around; 1/2 each way opposite', () => {
    // Branches 0: 0–1, 1: 1–2, 2: 2–3, 3: 3–0. Slack 0.
    const ring = grid(4, [
      [0, 1, 0.2],
      [1, 2, 0.2],
      [2, 3, 0.2],
      [3, 0, 0.2],
    ]);
    const ptdf = computePtdf(ring, 0);
    expect(rounded(ptdf.values, 4)).toEqual(
      fraction([
        [0, -3 / 4, -1 / 2, -1 / 4],
        [0, 1 / 4, -1 / 2, -1 / 4],
        [0, 1 / 4, 1 / 2, -1 / 4],
        [0, 1 / 4, 1 / 2, 3 / 4],
      ]),
    );
  });

  it('4-bus ring with unequal reactances splits by the inverse of path reactance', () => {
    // x = 0.1, 0.2, 0.3, 0.4. Into bus 2: via bus 1 the path has x = 0.3, via bus 3 x = 0.7,
    // so 0.7 of the MW goes 2→1→0 and 0.3 goes 2→3→0.
    const ring = grid(4, [
      [0, 1, 0.1],
      [1, 2, 0.2],
      [2, 3, 0.3],
      [3, 0, 0.4],
    ]);
    const ptdf = computePtdf(ring, 0, { ordering: 'natural' });
    expect(ptdf.at(0, 2)).toBeCloseTo(-0.7, 13);
    expect(ptdf.at(1, 2)).toBeCloseTo(-0.7, 13);
    expect(ptdf.at(2, 2)).toBeCloseTo(0.3, 13);
    expect(ptdf.at(3, 2)).toBeCloseTo(0.3, 13);
  });

  it('moving the slack shifts every column by the new slack column: PTDF_s[:, j] = PTDF_0[:, j] − PTDF_0[:, s]', () => {
    const p0 = computePtdf(triangle, 0);
    const p2 = computePtdf(triangle, 2);
    for (let l = 0; l < 3; l++) {
      expect(p2.at(l, 2)).toBe(0);
      for (let j = 0; j < 3; j++) expect(p2.at(l, j)).toBeCloseTo(p0.at(l, j) - p0.at(l, 2), 14);
    }
  });

  it('gives zero rows to out-of-service branches and self-loops; tap scales b', () => {
    // Parallel 0–1 pair: x = 0.1 and x = 0.1 with tap 2 (b = 5), so shares 2/3 and 1/3.
    const net = grid(2, [
      [0, 1, 0.1],
      [0, 1, 0.1, { tap: 2 }],
      [0, 1, 0.05, { out: true }],
      [1, 1, 0.1],
    ]);
    const ptdf = computePtdf(net, 0);
    expect(ptdf.at(0, 1)).toBeCloseTo(-2 / 3, 14);
    expect(ptdf.at(1, 1)).toBeCloseTo(-1 / 3, 14);
    expect(Array.from(ptdf.row(2))).toEqual([0, 0]);
    expect(Array.from(ptdf.row(3))).toEqual([0, 0]);
  });

  it('ptdfRows returns the requested rows of the full matrix, in the requested order', () => {
    const ring = grid(5, [
      [0, 1, 0.1],
      [1, 2, 0.25],
      [2, 3, 0.3],
      [3, 4, 0.15],
      [4, 0, 0.2],
      [1, 3, 0.35],
    ]);
    const full = computePtdf(ring, 3);
    const some = ptdfRows(ring, 3, [5, 0, 2]);
    expect(Array.from(some.branches)).toEqual([5, 0, 2]);
    expect(some.isFull).toBe(false);
    for (let r = 0; r < 3; r++) {
      for (let j = 0; j < 5; j++) expect(some.at(r, j)).toBeCloseTo(full.at(some.branches[r], j), 14);
    }
    expect(() => ptdfRows(ring, 3, [6])).toThrow(/ptdf: branch 6/);
  });
});

describe('computePtdf: islands, each with its own slack', () => {
  // Two triangles: buses 0–2 (branches 0–2) and buses 3–5 (branches 3–5), plus isolated bus 6.
  const twoTriangles = grid(7, [
    [0, 1, 0.1],
    [1, 2, 0.1],
    [0, 2, 0.1],
    [3, 4, 0.1],
    [4, 5, 0.1],
    [3, 5, 0.1],
  ]);

  it('is block diagonal, each block the PTDF of its island with its slack', () => {
    const ptdf = computePtdf(twoTriangles, [6, 4, 0]);
    expect(Array.from(ptdf.slacks.slackBus)).toEqual([0, 4, 6]);
    const lone = computePtdf(triangle, 0);
    const shifted = computePtdf(triangle, 1); // island 2 is the triangle relabelled +3, slack 4 ↔ 1
    for (let l = 0; l < 3; l++) {
      for (let j = 0; j < 3; j++) {
        expect(ptdf.at(l, j)).toBeCloseTo(lone.at(l, j), 14);
        expect(ptdf.at(l + 3, j + 3)).toBeCloseTo(shifted.at(l, j), 14);
        expect(ptdf.at(l, j + 3)).toBe(0);
        expect(ptdf.at(l + 3, j)).toBe(0);
      }
      expect(ptdf.at(l, 6)).toBe(0);
    }
  });

  it('chooseIslandSlacks: preferred bus where given, else the largest injection, else the lowest bus', () => {
    const p = [-10, 50, -40, 30, 30, -60, 0];
    expect(Array.from(chooseIslandSlacks(twoTriangles, { pInjection_mw: p }).slackBus)).toEqual([1, 3, 6]);
    expect(
      Array.from(chooseIslandSlacks(twoTriangles, { pInjection_mw: p, preferred: [5] }).slackBus),
    ).toEqual([1, 5, 6]);
    expect(Array.from(chooseIslandSlacks(twoTriangles).slackBus)).toEqual([0, 3, 6]);
    expect(Array.from(chooseIslandSlacks(twoTriangles).islandLabel)).toEqual([0, 0, 0, 1, 1, 1, 2]);
    expect(() => chooseIslandSlacks(twoTriangles, { preferred: [3, 4] })).toThrow(/share an island/);
  });

  it('rejects a slack list that misses an island or puts two slacks in one', () => {
    expect(() => computePtdf(twoTriangles, 0)).toThrow(/ptdf: the network has 3 islands.*bus\(es\) 3, 4, 5/);
    expect(() => computePtdf(twoTriangles, [0, 1, 3, 6])).toThrow(
      /ptdf: slack buses 0 and 1 lie in the same island/,
    );
    expect(() => computePtdf(triangle, 3)).toThrow(/ptdf: slack bus 3 is not a bus index/);
  });
});

describe('computePtdf: PTDF·P reproduces the DC power flow', () => {
  function randomNetwork(seed: number, nBus: number, withShifters: boolean): DcNetwork {
    const rand = mulberry32(seed);
    const branches: Branch[] = [];
    for (let i = 1; i < nBus; i++) branches.push([Math.floor(rand() * i), i, 0.01 + rand() * 0.2]);
    for (let k = 0; k < nBus; k++) {
      const f = Math.floor(rand() * nBus);
      const t = Math.floor(rand() * nBus);
      const extra = {
        tap: rand() < 0.2 ? 0.9 + rand() * 0.2 : 0,
        shift_deg: withShifters && rand() < 0.05 ? rand() * 20 - 10 : 0,
        out: rand() < 0.05,
      };
      branches.push([f, t, 0.01 + rand() * 0.2, extra]);
    }
    const pInjection_mw = Float64Array.from({ length: nBus }, () => rand() * 200 - 100);
    return { ...grid(nBus, branches), baseMva: 100, slackBus: 17, pInjection_mw };
  }

  it('on a random meshed 300-bus network: flow = PTDF · P to 1e-9 MW', () => {
    const net = randomNetwork(4242, 300, false);
    const pf = solveDcPowerFlow(net);
    const ptdf = computePtdf(net, net.slackBus);
    const flow = ptdf.multiply(net.pInjection_mw);
    for (let l = 0; l < flow.length; l++) expect(Math.abs(flow[l] - pf.flow_mw[l])).toBeLessThan(1e-9);
  });

  it('with phase shifters: flow = PTDF · (P − Pbusinj) + Pfinj', () => {
    const net = randomNetwork(7, 300, true);
    const { busShiftInjection_pu, branchShiftFlow_pu } = makeBdc(net);
    expect(branchShiftFlow_pu.some((v) => v !== 0)).toBe(true);
    const pf = solveDcPowerFlow(net);
    const ptdf = computePtdf(net, net.slackBus);
    const p = net.pInjection_mw.map((v, i) => v - busShiftInjection_pu[i] * net.baseMva);
    const flow = ptdf.multiply(p);
    for (let l = 0; l < flow.length; l++) {
      expect(Math.abs(flow[l] + branchShiftFlow_pu[l] * net.baseMva - pf.flow_mw[l])).toBeLessThan(1e-9);
    }
  });
});
