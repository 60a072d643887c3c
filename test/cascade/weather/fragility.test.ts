/** Fragility curves against values computed by hand from the cited parameters. */
import { describe, expect, it } from 'vitest';
import {
  fallInShare,
  floodFailureProbability,
  lognormalFragility,
  normalCdf,
  PAD_TRANSFORMER_FLOOD,
  TREE_DAMAGE_ONSET_GUST_MS,
  treeStemBreakage,
  treeStrikeProbability,
  treeUprooting,
  woodPoleFragility,
} from '../../../src/cascade/weather/fragility.ts';

describe('fragility', () => {
  it('lognormal: half fail at the median, Φ(1) at median·e^β', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.2815516)).toBeCloseTo(0.9, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.1586553, 6);
    const f = { median: 60, beta: 0.2 };
    expect(lognormalFragility(60, f)).toBeCloseTo(0.5, 7);
    expect(lognormalFragility(60 * Math.exp(0.2), f)).toBeCloseTo(0.8413447, 6);
    expect(lognormalFragility(0, f)).toBe(0);
  });

  it('wood poles: Salman et al. (2015) fits by age, scaled by ANSI class tip load', () => {
    expect(woodPoleFragility(4, 20)).toEqual({ median: 65.24, beta: 0.113 });
    expect(woodPoleFragility(4, 5)).toEqual({ median: 65.24, beta: 0.113 });
    expect(woodPoleFragility(4, 60)).toEqual({ median: 57.16, beta: 0.195 });
    expect(woodPoleFragility(4, 75)).toEqual({ median: 57.16, beta: 0.195 });
    const mid = woodPoleFragility(4, 30);
    expect(mid.median).toBeCloseTo(Math.sqrt(65.24 * 62.96), 9); // geometric mean of 20 and 40 yr
    expect(mid.beta).toBeCloseTo(0.126, 12);
    // Class 2 (3,700 lbf) vs the class-4 reference (2,400 lbf): median × √(16.5/10.7).
    expect(woodPoleFragility(2, 60).median).toBeCloseTo(57.16 * 1.2417955, 4);
    expect(woodPoleFragility(0, 60)).toEqual(woodPoleFragility(4, 60));
    // Older poles fail more at the same gust.
    expect(lognormalFragility(45, woodPoleFragility(5, 60))).toBeGreaterThan(
      lognormalFragility(45, woodPoleFragility(5, 20)),
    );
  });

  it('trees: Hou & Muraleetharan (2023) logits less their rate at the 20 m/s onset of wind damage', () => {
    // (P(40) − P(20)) / (1 − P(20)) with the paper's logits, by hand.
    expect(treeUprooting(15, 40)).toBeCloseTo(0.0122611, 6);
    expect(treeStemBreakage(22, 40)).toBeCloseTo(0.0511006, 6);
    expect(treeUprooting(15, 0)).toBe(0);
    expect(treeStemBreakage(22, 0)).toBe(0);
    // Calm and breezy air (up to the NWS wind-advisory gust) brings no tree down.
    expect(treeUprooting(15, TREE_DAMAGE_ONSET_GUST_MS)).toBe(0);
    expect(treeStrikeProbability(20, 3, 10, 5)).toBe(0);
    expect(treeUprooting(15, TREE_DAMAGE_ONSET_GUST_MS + 1)).toBeGreaterThan(0);
  });

  it('fall-in geometry: the arc of fall directions that reach the conductor', () => {
    // 20 m stem pivoting at the ground, 5 m from a conductor 10 m up: acos(5/√300)/π.
    expect(fallInShare(20, 0, 5, 10)).toBeCloseTo(0.4067853, 6);
    expect(fallInShare(20, 0, 0, 10)).toBeCloseTo(0.5, 12);
    expect(fallInShare(10, 0, 1, 10)).toBe(0);
    expect(fallInShare(12, 0, 7, 10)).toBe(0); // reach √44 ≈ 6.6 m < 7 m
    expect(treeStrikeProbability(8, 10, 10, 40)).toBe(0);
  });

  it('tree strike grows with gust and with height, falls with clearance', () => {
    const p = (h: number, c: number, g: number) => treeStrikeProbability(h, c, 10, g);
    expect(p(20, 3, 20)).toBeLessThan(p(20, 3, 35));
    expect(p(20, 3, 35)).toBeLessThan(p(20, 3, 50));
    expect(p(20, 8, 35)).toBeLessThan(p(20, 3, 35));
    expect(p(16, 3, 35)).toBeLessThan(p(24, 3, 35));
  });

  it('flood: nothing without water, half at the median depth, more with depth', () => {
    expect(floodFailureProbability(0, PAD_TRANSFORMER_FLOOD)).toBe(0);
    expect(floodFailureProbability(PAD_TRANSFORMER_FLOOD.median, PAD_TRANSFORMER_FLOOD)).toBeCloseTo(0.5, 7);
    expect(floodFailureProbability(0.2, PAD_TRANSFORMER_FLOOD)).toBeLessThan(
      floodFailureProbability(1, PAD_TRANSFORMER_FLOOD),
    );
  });
});
