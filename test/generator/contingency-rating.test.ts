/** Contingency rating on small named networks, with the flows worked out by hand. */
import { describe, expect, it } from 'vitest';
import {
  planRatings,
  worstContingencyFlows,
  type RatingStudy,
} from '../../src/generator/contingency-rating.ts';
import { AUTOTRANSFORMER_MVA, circuitRatings } from '../../src/generator/transmission-equipment.ts';
import { BRANCH_AUTOTRANSFORMER, branchRatingFactor } from '../../src/model/branch-rating.ts';

const AMBIENT_C = 41;
const line = (from: number, to: number, kv = 138) => ({ from, to, kv, length_km: 10 });

/** A triangle 0–1–2 of equal lines: a plant at bus 0 serving `load_mw` at bus 1. */
function triangle(load_mw: number): RatingStudy {
  return {
    nBus: 3,
    corridors: [line(0, 1), line(0, 2), line(1, 2)],
    hubs: [],
    injection_mw: [Float64Array.of(load_mw, -load_mw, 0)],
    unitOutage_mw: [],
    ambient_c: AMBIENT_C,
  };
}

/**
 * Every rating carries its worst flow; a line's is the smallest standard size that does (an
 * autotransformer's size only grows while the study iterates, so it may end one size up).
 */
function expectSufficient(plan: ReturnType<typeof planRatings>) {
  const b = plan.branches;
  b.rating_mva.forEach((rating, l) => {
    const need = b.worstFlow_mw[l] / branchRatingFactor(b.kind[l], AMBIENT_C);
    expect(rating).toBeGreaterThanOrEqual(need);
    if (b.kind[l] === BRANCH_AUTOTRANSFORMER) expect(AUTOTRANSFORMER_MVA).toContain(rating);
    else
      expect(
        circuitRatings(b.kv[l])
          .filter((s) => s < rating)
          .every((s) => s < need),
      ).toBe(true);
  });
}

describe('worstContingencyFlows', () => {
  it('finds the P1 flows of a triangle: every line carries the whole 240 MW after some outage', () => {
    // P0: 160 MW direct, 80 MW round 0–2–1. Losing 0–1 puts 240 on 0–2 and 2–1; losing 0–2 or 2–1, 240 on 0–1.
    const study = triangle(240);
    const plan = planRatings(study);
    expect(plan.circuits).toEqual([1, 1, 1]);
    for (const w of plan.branches.worstFlow_mw) expect(w).toBeCloseTo(240, 9);
    // 240 MW / lineRatingFactor(41 °C) = 291 MVA: the 330 MVA circuit (1590 kcmil Falcon).
    expect(plan.branches.rating_mva).toEqual([330, 330, 330]);
  });

  it('takes the flows after a unit outage into account', () => {
    // No flow with all units in; after the outage bus 0 serves 240 MW at bus 1: 160 direct, 80 round.
    const study: RatingStudy = {
      ...triangle(0),
      injection_mw: [new Float64Array(3)],
      unitOutage_mw: [[Float64Array.of(240, -240, 0)]],
    };
    const branches = planRatings(study).branches;
    const worst = worstContingencyFlows(study, branches);
    expect(Array.from(worst, (w) => Math.round(w * 1e9) / 1e9)).toEqual([160, 80, 80]);
  });

  it('refuses a network with a radial tap', () => {
    const study: RatingStudy = {
      ...triangle(100),
      nBus: 4,
      corridors: [...triangle(100).corridors, line(2, 3)],
    };
    study.injection_mw = [Float64Array.of(100, -50, 0, -50)];
    expect(() => planRatings(study)).toThrow(/radial tap/);
  });
});

describe('planRatings', () => {
  it('builds a heavy corridor as double circuits on shared structures', () => {
    const plan = planRatings(triangle(600));
    const b = plan.branches;
    expect(plan.circuits.every((n) => n >= 2)).toBe(true);
    // Circuits 1 and 2 of a corridor share a structure.
    for (let l = 0; l < b.from.length; l++) {
      if (b.circuit[l] === 2) expect(b.structure[l]).toBe(b.structure[l - 1]);
      if (b.circuit[l] <= 2) expect(b.structure[l]).toBeGreaterThanOrEqual(0);
    }
    expectSufficient(plan);
    const recheck = worstContingencyFlows(triangle(600), b);
    recheck.forEach((w, l) => expect(w).toBeCloseTo(b.worstFlow_mw[l], 9));
  });

  it('sizes the autotransformers of two hubs fed over a 345 kV triangle', () => {
    // 0: plant (345 kV); 1, 2: hub yards at 345 kV; 3, 4: their 138 kV buses, joined by a 138 kV line.
    const study: RatingStudy = {
      nBus: 5,
      corridors: [line(0, 1, 345), line(0, 2, 345), line(1, 2, 345), line(3, 4)],
      hubs: [
        { ehvBus: 1, hvBus: 3 },
        { ehvBus: 2, hvBus: 4 },
      ],
      injection_mw: [Float64Array.of(600, 0, 0, -300, -300)],
      unitOutage_mw: [],
      ambient_c: AMBIENT_C,
    };
    const plan = planRatings(study);
    expect(plan.autotransformers).toEqual([2, 2]);
    const autos = plan.branches.kind.flatMap((k, l) => (k === BRANCH_AUTOTRANSFORMER ? [l] : []));
    expect(autos).toHaveLength(4);
    // Symmetric hubs get the same size; losing one of a hub's two units leaves the other most of 300 MW.
    const sizes = new Set(autos.map((l) => plan.branches.rating_mva[l]));
    expect(sizes.size).toBe(1);
    expect(AUTOTRANSFORMER_MVA).toContain([...sizes][0]);
    expectSufficient(plan);
  });
});
