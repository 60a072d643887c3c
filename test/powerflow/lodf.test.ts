import { describe, expect, it } from 'vitest';
import { computeLodf, screenSingleOutages } from '../../src/powerflow/lodf.ts';
import { computePtdf, ptdfRows } from '../../src/powerflow/ptdf.ts';
import { findBridges } from '../../src/powerflow/dc-sensitivity.ts';
import { solveDcPowerFlow, type DcNetwork } from '../../src/powerflow/dc-power-flow.ts';
import { mulberry32, grid, type Branch } from './test-networks.ts';

// Branches 0: 0–1, 1: 1–2, 2: 0–2, all x = 0.1.
const triangle = grid(3, [
  [0, 1, 0.1],
  [1, 2, 0.1],
  [0, 2, 0.1],
]);

describe('computeLodf: hand-computed cases', () => {
  it('triangle: an opened line sends all its flow around the other path', () => {
    // Opening 0–2 (flow 0→2): it all goes 0→1→2, so +1 on branches 0 and 1.
    // Opening 0–1 (flow 0→1): it goes 0→2→1, so +1 on branch 2 (0→2) and −1 on branch 1 (1→2).
    // Opening 1–2 (flow 1→2): it goes 1→0→2, so −1 on branch 0 (0→1) and +1 on branch 2.
    const lodf = computeLodf(computePtdf(triangle, 0), triangle);
    const expected = [
      [-1, -1, 1],
      [-1, -1, 1],
      [1, 1, -1],
    ];
    for (let l = 0; l < 3; l++)
      for (let k = 0; k < 3; k++) expect(lodf.at(l, k)).toBeCloseTo(expected[l][k], 13);
    expect(Array.from(lodf.islanding)).toEqual([0, 0, 0]);
  });

  it('4-bus ring with a chord: hand-solved LODF, the same for any slack', () => {
    // Ring 0–1–2–3–0 and chord 0–2, all x = 1. Opening the chord (k = 4): its flow goes 0→1→2
    // (x = 2) and 0→3→2 (x = 2) half each ⇒ LODF[0,4] = LODF[1,4] = 1/2, LODF[2,4] = −1/2
    // (branch 2 is 2→3), LODF[3,4] = −1/2 (branch 3 is 3→0).
    // Opening 0–1 (k = 0): its flow must reach bus 1 over 2→1 (LODF[1,0] = −1, branch 1 is
    // 1→2), getting to bus 2 directly (x = 1) or via bus 3 (x = 2): 2/3 on the chord, 1/3 around.
    const net = grid(4, [
      [0, 1, 1],
      [1, 2, 1],
      [2, 3, 1],
      [3, 0, 1],
      [0, 2, 1],
    ]);
    const a = computeLodf(computePtdf(net, 0), net);
    const b = computeLodf(computePtdf(net, 3), net);
    const col4 = [0.5, 0.5, -0.5, -0.5, -1];
    const col0 = [-1, -1, -1 / 3, -1 / 3, 2 / 3];
    for (let l = 0; l < 5; l++) {
      expect(a.at(l, 4)).toBeCloseTo(col4[l], 13);
      expect(a.at(l, 0)).toBeCloseTo(col0[l], 13);
      for (let k = 0; k < 5; k++) expect(b.at(l, k)).toBeCloseTo(a.at(l, k), 12);
    }
  });

  it('radial line: every outage islands; columns are NaN but the diagonal', () => {
    const line = grid(4, [
      [0, 1, 0.1],
      [1, 2, 0.2],
      [2, 3, 0.3],
    ]);
    const lodf = computeLodf(computePtdf(line, 0), line);
    expect(Array.from(lodf.islanding)).toEqual([1, 1, 1]);
    for (let k = 0; k < 3; k++) {
      for (let l = 0; l < 3; l++) expect(lodf.at(l, k)).toEqual(l === k ? -1 : NaN);
    }
    const screen = screenSingleOutages(line, [30, 20, 10], [100, 100, 100], 0);
    expect(Array.from(screen.islandingOutages)).toEqual([0, 1, 2]);
    expect(Array.from(screen.worstLoading_pct)).toEqual([NaN, NaN, NaN]);
  });

  it('flags only the spur of a meshed grid; parallel lines and out-of-service branches are not bridges', () => {
    const net = grid(5, [
      [0, 1, 0.1],
      [1, 2, 0.1],
      [0, 2, 0.1],
      [2, 3, 0.1], // spur to bus 3: islanding
      [3, 4, 0.1], // parallel pair 3–4: neither islands
      [4, 3, 0.2],
      [0, 3, 0.1, { out: true }],
      [1, 1, 0.1], // self-loop
    ]);
    expect(Array.from(findBridges(5, net.branchFrom, net.branchTo, net.inService))).toEqual([
      0, 0, 0, 1, 0, 0, 0, 0,
    ]);
    const lodf = computeLodf(computePtdf(net, 0), net);
    // The pair has b = 10 and 5: opening one puts all its flow on the other.
    expect(lodf.at(5, 4)).toBeCloseTo(-1, 13); // branch 5 runs 4→3
    expect(lodf.at(4, 5)).toBeCloseTo(-1, 13);
    for (let l = 0; l < 8; l++) {
      expect(lodf.at(l, 6)).toBe(0); // opening an open branch changes nothing
      expect(lodf.at(6, l)).toBe(0);
      expect(lodf.at(l, 7)).toBeCloseTo(l === 7 ? -1 : 0, 14);
    }
    const screen = screenSingleOutages(net, new Float64Array(8).fill(10), new Float64Array(8).fill(100));
    expect(Array.from(screen.islandingOutages)).toEqual([3]);
    expect(screen.worstLoading_pct[6]).toBeNaN();
    expect(screen.worstBranch[6]).toBe(-1);
  });

  it('rejects a PTDF that is not the full matrix of this network', () => {
    expect(() => computeLodf(ptdfRows(triangle, 0, [0, 1]), triangle)).toThrow(/lodf: needs the full PTDF/);
  });
});

describe('LODF against full DC power flow re-solves (random meshed 300-bus network)', () => {
  const rand = mulberry32(20240611);
  const nBus = 300;
  const branches: Branch[] = [];
  for (let i = 1; i < nBus; i++) branches.push([Math.floor(rand() * i), i, 0.01 + rand() * 0.2]);
  for (let k = 0; k < 200; k++) {
    const f = Math.floor(rand() * nBus);
    const t = Math.floor(rand() * nBus);
    const extra = {
      tap: rand() < 0.2 ? 0.9 + rand() * 0.2 : 0,
      shift_deg: rand() < 0.05 ? rand() * 20 - 10 : 0,
    };
    branches.push([f, t, 0.01 + rand() * 0.2, { ...extra, out: rand() < 0.03 }]);
  }
  const net: DcNetwork = {
    ...grid(nBus, branches),
    baseMva: 100,
    slackBus: 0,
    pInjection_mw: Float64Array.from({ length: nBus }, () => rand() * 200 - 100),
  };
  const m = branches.length;
  const base = solveDcPowerFlow(net);
  const lodf = computeLodf(computePtdf(net, 0), net);
  const rating_mw = Float64Array.from(base.flow_mw, (f, l) =>
    l % 7 === 3 ? 0 : Math.abs(f) + 20 + (l % 13),
  );

  it('post-outage flows f_l + LODF[l,k]·f_k equal a re-solve without branch k, to 1e-8 MW', () => {
    let checked = 0;
    let islanding = 0;
    for (let k = 0; k < m; k++) {
      if (net.inService[k] === 0) continue;
      const inService = net.inService.slice();
      inService[k] = 0;
      const outaged = { ...net, inService };
      if (lodf.islanding[k]) {
        islanding++;
        expect(() => solveDcPowerFlow(outaged)).toThrow(/not connected/);
        continue;
      }
      const after = solveDcPowerFlow(outaged).flow_mw;
      let worst = 0;
      for (let l = 0; l < m; l++) {
        const predicted =
          l === k || net.inService[l] === 0 ? 0 : base.flow_mw[l] + lodf.at(l, k) * base.flow_mw[k];
        worst = Math.max(worst, Math.abs(predicted - after[l]));
      }
      expect(worst, `outage of branch ${k}`).toBeLessThan(1e-8);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
    expect(islanding).toBeGreaterThan(20);
  });

  it('screenSingleOutages: the same worst loadings with and without a dense LODF, and as brute force', () => {
    const sparse = screenSingleOutages(net, base.flow_mw, rating_mw, 0);
    const dense = screenSingleOutages(net, base.flow_mw, rating_mw, undefined, { lodf });
    expect(Array.from(sparse.islandingOutages)).toEqual(Array.from(dense.islandingOutages));
    for (let k = 0; k < m; k++) {
      const screened = net.inService[k] !== 0 && !lodf.islanding[k];
      if (!screened) {
        expect(sparse.worstLoading_pct[k]).toBeNaN();
        continue;
      }
      const inService = net.inService.slice();
      inService[k] = 0;
      const after = solveDcPowerFlow({ ...net, inService }).flow_mw;
      let worst = 0;
      let over = 0;
      for (let l = 0; l < m; l++) {
        if (l === k || inService[l] === 0 || rating_mw[l] === 0) continue;
        const loading = (100 * Math.abs(after[l])) / rating_mw[l];
        worst = Math.max(worst, loading);
        if (loading > 100) over++;
      }
      expect(sparse.worstLoading_pct[k]).toBeCloseTo(worst, 8);
      expect(dense.worstLoading_pct[k]).toBeCloseTo(worst, 8);
      expect(dense.worstBranch[k]).toBe(sparse.worstBranch[k]);
      expect(sparse.overloadCount[k]).toBe(over);
      const w = sparse.worstBranch[k];
      expect((100 * Math.abs(after[w])) / rating_mw[w]).toBeCloseTo(worst, 8);
    }
  });

  it('screens only the requested outages', () => {
    const s = screenSingleOutages(net, base.flow_mw, rating_mw, 0, { outages: [1, 2] });
    const screened = Array.from(s.worstLoading_pct, (v, k) => (Number.isNaN(v) ? -1 : k)).filter(
      (k) => k >= 0,
    );
    expect(screened.every((k) => k === 1 || k === 2)).toBe(true);
    expect(() => screenSingleOutages(net, base.flow_mw, rating_mw, 0, { outages: [m] })).toThrow(
      /lodf: outage/,
    );
  });
});
