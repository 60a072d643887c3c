/**
 * The quasi-steady-state DC overload cascade: hand-checked small cases, then properties on
 * generated cases (conservation after every wave, no restoration, determinism, and monotonicity
 * in the initial outage where it is a theorem — see 'monotonicity' below).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cascadeReport,
  matpowerTransmissionNetwork,
  outageRowsToIndices,
  runMatpowerCascade,
} from '../../src/cascade/transmission/matpower-cascade.ts';
import {
  runTransmissionCascade,
  type CascadeWaveState,
} from '../../src/cascade/transmission/transmission-cascade.ts';
import { buildCase } from '../../src/importers/matpower/case-builder.ts';
import type { MatpowerCase } from '../../src/importers/matpower/case-format.ts';
import { readMatpowerCase } from '../../src/importers/matpower/read-case.ts';
import { syntheticMatpowerCase } from '../../src/importers/matpower/synthetic-case.ts';
import {
  DcPowerFlowWorkspace,
  solveDcPowerFlowWithReferences,
} from '../../src/powerflow/dc-power-flow-islands.ts';

const fixture = (name: string) =>
  readMatpowerCase(join(import.meta.dirname, '..', 'fixtures', 'matpower', name));
const close = (a: ArrayLike<number>, b: number[], tol = 1e-9) =>
  b.forEach((v, i) => expect(Math.abs(a[i] - v), `[${i}] ${a[i]} vs ${v}`).toBeLessThan(tol));

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

describe('transmission cascade: hand-checked cases', () => {
  it('triangle: losing 1-3 overloads the path 1-2-3, which trips and islands the load at bus 3', () => {
    // Base: 100 MW from bus 1 to bus 3; x all 0.1 ⇒ 1-3 carries 2/3 (66.7 MW, rateA 80), 1-2 and 2-3
    // 1/3 (33.3 MW, rateA 50). Without 1-3, all 100 MW go round: 200 % on 1-2 and 2-3 ⇒ both trip
    // in wave 2; bus 3 has no generator ⇒ its 100 MW are shed; the generator at bus 1 runs at 0.
    const r = runMatpowerCascade(fixture('case3_cascade.m'), [3]);
    expect(r.waves).toEqual([[3], [1, 2]]);
    expect(r.shed_mw).toBe(100);
    expect(r.tripped).toEqual(
      [
        { branch: 1, wave: 2, from: 1, to: 2, p_mw: 100, rate_a_mva: 50, loading_pct: 200 },
        { branch: 2, wave: 2, from: 2, to: 3, p_mw: 100, rate_a_mva: 50, loading_pct: 200 },
      ].map((t) => ({
        ...t,
        p_mw: expect.closeTo(t.p_mw, 9),
        loading_pct: expect.closeTo(t.loading_pct, 9),
      })),
    );
    expect(r.islands).toEqual([
      { buses: [1], generation_mw: 0, served_mw: 0, shed_mw: 0 },
      { buses: [2], generation_mw: 0, served_mw: 0, shed_mw: 0 },
      { buses: [3], generation_mw: 0, served_mw: 0, shed_mw: 100 },
    ]);
  });

  it('triangle: losing 1-2 puts 100 MW on 1-3 (125 % of 80), which trips; island {2,3} is shed', () => {
    const r = runMatpowerCascade(fixture('case3_cascade.m'), [1]);
    expect(r.waves).toEqual([[1], [3]]);
    expect(r.tripped).toHaveLength(1);
    expect(r.tripped[0].loading_pct).toBeCloseTo(125, 9);
    expect(r.shed_mw).toBe(100);
    expect(r.islands.map((i) => i.buses)).toEqual([[1], [2, 3]]);
  });

  it('an island whose load exceeds its capacity is scaled to it; its generators in proportion', () => {
    // Opening 2-3 splits {1,2} and {3,4}. {1,2}: 60 MW load, A (120 of 200 MW) scaled to 60.
    // {3,4}: 80 MW load > B + C = 20 + 40 = 60 MW ⇒ load × 3/4 = 60 MW (20 MW shed); B and C double
    // from (10, 20) to (20, 40). Slack C (largest Pmax) at bus 4. Flows: 1→2 = 60, 3→4 = −40 MW.
    const r = runMatpowerCascade(fixture('case4_capacity.m'), [2]);
    expect(r.waves).toEqual([[2]]);
    close([r.shed_mw], [20]);
    close(r.result.flow_mw, [60, 0, -40]);
    close(r.result.genOutput_mw, [60, 20, 40]);
    close(r.result.busServed_mw, [0, 60, 60, 0]);
    expect(r.islands.map((i) => i.buses)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    close(
      r.islands.flatMap((i) => [i.generation_mw, i.served_mw, i.shed_mw]),
      [60, 60, 0, 60, 60, 20],
    );
  });

  it('a generator that proportion would push past Pmax is held there, the others take the rest', () => {
    // Chain 1-2-3 (1-2 opened). Island {2,3}: 80 MW at bus 2; B at bus 2 (15 of 20 MW), C at bus 3
    // (25 of 100 MW). Proportion ×2 would give B 30 > 20: B = 20, C = 60; 3→2 carries 60 MW.
    const row = (id: number, type: number, pd: number) => [id, type, pd, 0, 0, 0, 1, 1, 0, 230, 1, 1.1, 0.9];
    const gen = (at: number, pg: number, pmax: number) => [at, pg, 0, 0, 0, 1, 100, 1, pmax, 0];
    const mpc = buildCase({
      name: 'capped',
      baseMva: 100,
      bus: [row(1, 3, 0), row(2, 2, 80), row(3, 2, 0)],
      gen: [gen(1, 40, 100), gen(2, 15, 20), gen(3, 25, 100)],
      branch: [1, 2].map((f) => [f, f + 1, 0, 0.1, 0, 0, 0, 0, 0, 0, 1, -360, 360]),
    });
    const r = runMatpowerCascade(mpc, [1]);
    close(r.result.genOutput_mw, [0, 20, 60]);
    close(r.result.flow_mw, [0, -60]);
    expect(r.shed_mw).toBe(0);
  });

  it('the initial outage is sorted and deduplicated; bad rows are named', () => {
    const mpc = fixture('case3_cascade.m');
    expect(runMatpowerCascade(mpc, [3, 1, 3]).waves[0]).toEqual([1, 3]);
    for (const bad of [0, 4, 1.5, NaN]) {
      expect(() => outageRowsToIndices(mpc, [bad])).toThrow(
        `branch ${bad} is not a branch row of case3_cascade (1..3)`,
      );
    }
  });

  it('isolated buses (type 4) take no part: their load is not counted as shed', () => {
    const r = runMatpowerCascade(fixture('case4_isolated.m'), [2]);
    expect(r.initial_load_mw).toBe(50);
    expect(r.shed_mw).toBe(20);
    expect(r.islands.map((i) => i.buses)).toEqual([[1, 2], [3]]);
  });

  it('keeps the flows of islands the last wave did not touch (and says how many it re-solved)', () => {
    // case4_capacity with 2-3 open: waves of one; opening 1-2 later only touches island {1,2}.
    const net = matpowerTransmissionNetwork(fixture('case4_capacity.m'));
    const solved: number[] = [];
    runTransmissionCascade({ ...net, rateA_mva: Float64Array.of(100, 100, 30) }, [1], {
      onWave: (s) => solved.push(s.islandSolved.reduce((a, b) => a + b, 0)),
    });
    // Wave 1 solves both islands; wave 2 trips 3-4 (40 MW > 30) and re-solves only {3,4}'s parts.
    expect(solved).toEqual([2, 2]);
  });
});

describe('monotonicity', () => {
  it('is NOT a property of the overload model: an extra outage can relieve an overload (case3_relief)', () => {
    // Line 1 alone: line 2 takes 140 MW (140 %) and trips ⇒ 140 MW shed. Lines 1 and 3: bus 3's
    // 50 MW are lost at once, line 2 carries 90 MW and holds ⇒ only 50 MW shed.
    const mpc = fixture('case3_relief.m');
    const one = runMatpowerCascade(mpc, [1]);
    const two = runMatpowerCascade(mpc, [1, 3]);
    expect(one.waves).toEqual([[1], [2]]);
    expect(one.shed_mw).toBe(140);
    expect(two.waves).toEqual([[1, 3]]);
    expect(two.shed_mw).toBe(50);
  });

  it('holds without thermal trips: more outages never lower the MW shed (random trials)', () => {
    // Without overload trips, shed = Σ over islands of (load − capacity)⁺, or all load without a
    // generator. More outages only split islands, and (a + b − c − d)⁺ ≤ (a − c)⁺ + (b − d)⁺.
    const rand = mulberry32(2024);
    let shedding = 0;
    for (const seed of [1, 2, 3]) {
      const mpc = syntheticMatpowerCase({ nBus: 150, seed, branchesPerBus: 1.25 });
      const net = { ...matpowerTransmissionNetwork(mpc), rateA_mva: new Float64Array(mpc.branch.count) };
      const m = mpc.branch.count;
      for (let trial = 0; trial < 40; trial++) {
        const outage = [Math.floor(rand() * m)];
        let shed = runTransmissionCascade(net, outage).shed_mw;
        for (let more = 0; more < 6; more++) {
          outage.push(Math.floor(rand() * m));
          const next = runTransmissionCascade(net, outage).shed_mw;
          expect(next, `seed ${seed}, outage ${outage}`).toBeGreaterThanOrEqual(shed - 1e-6);
          if (next > shed + 1e-6) shedding++;
          shed = next;
        }
      }
    }
    expect(shedding).toBeGreaterThan(50); // the trials do split islands and shed load
  });

  it('within a cascade, served load never comes back and tripped branches never reclose', () => {
    const mpc = syntheticMatpowerCase({ nBus: 300, seed: 4 });
    const rand = mulberry32(7);
    for (let trial = 0; trial < 30; trial++) {
      let served: Float64Array | undefined;
      let closed: Uint8Array | undefined;
      runMatpowerCascade(mpc, [1 + Math.floor(rand() * mpc.branch.count)], {
        onWave: (s) => {
          if (served && closed) {
            for (let i = 0; i < served.length; i++)
              expect(s.busServed_mw[i]).toBeLessThanOrEqual(served[i] + 1e-9);
            for (let l = 0; l < closed.length; l++)
              expect(s.branchInService[l]).toBeLessThanOrEqual(closed[l]);
          }
          served = Float64Array.from(s.busServed_mw);
          closed = Uint8Array.from(s.branchInService);
        },
      });
    }
  });
});

/** Generation = served load in every island, and Kirchhoff's current law at every bus. */
function expectBalanced(mpc: MatpowerCase, s: CascadeWaveState): void {
  const net = matpowerTransmissionNetwork(mpc);
  const islandGen = new Float64Array(s.islandCount);
  const islandLoad = new Float64Array(s.islandCount);
  const busNet = new Float64Array(net.nBus);
  for (let i = 0; i < net.nBus; i++) {
    islandLoad[s.island[i]] += s.busServed_mw[i];
    busNet[i] = -s.busServed_mw[i];
  }
  for (let g = 0; g < net.genBus.length; g++) {
    islandGen[s.island[net.genBus[g]]] += s.genOutput_mw[g];
    busNet[net.genBus[g]] += s.genOutput_mw[g];
  }
  for (let k = 0; k < s.islandCount; k++) expect(Math.abs(islandGen[k] - islandLoad[k])).toBeLessThan(1e-6);
  const out = new Float64Array(net.nBus);
  for (let l = 0; l < net.branchFrom.length; l++) {
    if (!s.branchInService[l]) expect(s.flow_mw[l]).toBe(0);
    out[net.branchFrom[l]] += s.flow_mw[l];
    out[net.branchTo[l]] -= s.flow_mw[l];
  }
  for (let i = 0; i < net.nBus; i++) expect(Math.abs(out[i] - busNet[i])).toBeLessThan(1e-6);
}

describe('transmission cascade: properties on generated cases', () => {
  const cases = [
    syntheticMatpowerCase({ nBus: 200, seed: 11 }),
    syntheticMatpowerCase({ nBus: 2000, seed: 1 }),
  ];

  it('conserves power after every wave, ends secure, and its report adds up', () => {
    const rand = mulberry32(99);
    let cascading = 0;
    for (const mpc of cases) {
      const trials = mpc.bus.count > 1000 ? 12 : 40;
      for (let trial = 0; trial < trials; trial++) {
        const k = 1 + Math.floor(rand() * mpc.branch.count);
        let waves = 0;
        const r = runMatpowerCascade(mpc, [k, 1 + Math.floor(rand() * mpc.branch.count)], {
          onWave: (s) => {
            waves++;
            expectBalanced(mpc, s);
          },
        });
        expect(waves).toBe(r.waves.length);
        if (r.waves.length > 2) cascading++;
        const { result } = r;
        for (let l = 0; l < mpc.branch.count; l++) {
          const rate = mpc.branch.rate_a_mva[l];
          if (result.branchInService[l] && rate > 0)
            expect(Math.abs(result.flow_mw[l])).toBeLessThanOrEqual(rate);
        }
        const islandShed = r.islands.reduce((s, i) => s + i.shed_mw, 0);
        expect(Math.abs(islandShed - r.shed_mw)).toBeLessThan(1e-6);
        expect(r.islands.reduce((s, i) => s + i.buses.length, 0)).toBe(mpc.bus.count);
        expect(r.shed_mw).toBeGreaterThanOrEqual(-1e-9);
        expect(r.tripped.every((t) => t.loading_pct > 100)).toBe(true);
      }
    }
    expect(cascading).toBeGreaterThan(3); // some trials run several waves of overload trips
  });

  it('the flows it keeps for untouched islands equal a fresh solve of the final state', () => {
    const mpc = cases[1];
    const r = runMatpowerCascade(mpc, [2290]); // a 9-wave cascade in this case
    expect(r.waves.length).toBeGreaterThan(3);
    expect(r.result.islandSolves).toBeLessThan(r.waves.length * r.result.islandCount);
    const net = matpowerTransmissionNetwork(mpc);
    const p = Float64Array.from(r.result.busServed_mw, (v) => -v);
    net.genBus.forEach((b, g) => (p[b] += r.result.genOutput_mw[g]));
    const firstOfIsland = new Map<number, number>();
    r.result.island.forEach((isl, i) => firstOfIsland.has(isl) || firstOfIsland.set(isl, i));
    const refs = [...firstOfIsland.values()];
    const fresh = solveDcPowerFlowWithReferences(
      { ...net, inService: r.result.branchInService, pInjection_mw: p },
      refs,
      new Float64Array(refs.length),
    );
    for (let l = 0; l < mpc.branch.count; l++)
      expect(Math.abs(fresh.flow_mw[l] - r.result.flow_mw[l])).toBeLessThan(1e-6);
  });

  it('is deterministic: the same report, number for number, again, from a fresh case, with a shared workspace', () => {
    const mpc = cases[1];
    const workspace = new DcPowerFlowWorkspace(matpowerTransmissionNetwork(mpc));
    for (const k of [2290, 17, 1500]) {
      const a = cascadeReport(runMatpowerCascade(mpc, [k]));
      const b = cascadeReport(runMatpowerCascade(syntheticMatpowerCase({ nBus: 2000, seed: 1 }), [k]));
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      const shared = cascadeReport(runMatpowerCascade(mpc, [k], { workspace }));
      expect(JSON.stringify(shared)).toBe(JSON.stringify(a));
    }
  });
});
