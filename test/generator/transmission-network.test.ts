/** The transmission plan with a 345 kV backbone, on a made-up metro of 36 substations. */
import { describe, expect, it } from 'vitest';
import type { DesignPeakDemand } from '../../src/generator/design-peak-demand.ts';
import { Rng } from '../../src/generator/rng.ts';
import { buildTransmission, BUS_REF, hubCount } from '../../src/generator/transmission-network.ts';
import { BRANCH_AUTOTRANSFORMER, branchRatingFactor } from '../../src/model/branch-rating.ts';

/** A 6 × 6 block of substations 3 km apart, 80 MW each at the peak hour (70 MW an hour later). */
function metroInputs() {
  const subX = Float64Array.from({ length: 36 }, (_, s) => 3 * (s % 6) - 7.5);
  const subY = Float64Array.from({ length: 36 }, (_, s) => 3 * Math.floor(s / 6) - 7.5);
  const demand: DesignPeakDemand = {
    hours: [16, 17],
    substation_mw: [new Float64Array(36).fill(80), new Float64Array(36).fill(70)],
    total_mw: [2880, 2520],
    peak_mw: 2880,
  };
  return { subX, subY, demand, plantCount: 4, radius_km: 15, ehvBackbone: true };
}

describe('buildTransmission with a 345 kV backbone', () => {
  const plan = buildTransmission(metroInputs(), new Rng(7, 'transmission'));

  it('steps down at hubs through at least two 345/138 kV autotransformers each', () => {
    const hubs = hubCount(2880, 36);
    // 2,880 MW over one 800 MVA unit at 0.89 (41 °C) per hub: 5 hubs.
    expect(hubs).toBe(5);
    expect(plan.busKv.filter((kv) => kv === 345)).toHaveLength(hubs + 4);
    const autosAt = new Map<number, number>();
    plan.branchKind.forEach((k, l) => {
      if (k !== BRANCH_AUTOTRANSFORMER) return;
      expect(plan.busKv[plan.branchFrom[l]]).toBe(345);
      expect(plan.busKv[plan.branchTo[l]]).toBe(138);
      expect(plan.busSubstation[plan.branchFrom[l]]).toBe(plan.branchTo[l]);
      autosAt.set(plan.branchTo[l], (autosAt.get(plan.branchTo[l]) ?? 0) + 1);
    });
    expect(autosAt.size).toBe(hubs);
    for (const n of autosAt.values()) expect(n).toBeGreaterThanOrEqual(2);
  });

  it('connects the plants at 345 kV, the largest unit’s plant as the reference', () => {
    for (const b of plan.plantBus) expect(plan.busKv[b]).toBe(345);
    expect(plan.busKind.filter((k) => k === BUS_REF)).toHaveLength(1);
    expect(plan.unitP_mw.reduce((a, b) => a + b, 0)).toBeCloseTo(2880, 6);
  });

  it('rates every branch for its worst P0/P1 flow at 41 °C', () => {
    plan.branchRating_mva.forEach((r, l) =>
      expect(r * branchRatingFactor(plan.branchKind[l], 41)).toBeGreaterThanOrEqual(
        plan.branchWorstFlow_mw[l],
      ),
    );
  });

  it('is the same plan for the same inputs and seed', () => {
    expect(buildTransmission(metroInputs(), new Rng(7, 'transmission'))).toEqual(plan);
  });
});
