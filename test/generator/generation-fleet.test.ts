/** The generating fleet: unit sizes, capacity for the reserve margin and P1, the cascade's dispatch. */
import { describe, expect, it } from 'vitest';
import {
  planGeneration,
  plantDispatch,
  PLANNING_RESERVE_MARGIN,
  unitSize,
} from '../../src/generator/generation-fleet.ts';
import { Rng } from '../../src/generator/rng.ts';

const GAS = 0;
const NUCLEAR = 2;

describe('unitSize', () => {
  it('takes the largest size of the fuel that still gives two units', () => {
    expect(unitSize(GAS, 1000)).toBe(240);
    expect(unitSize(GAS, 300)).toBe(50);
    expect(unitSize(GAS, 4)).toBe(2.5);
    expect(unitSize(NUCLEAR, 500)).toBe(77);
    expect(unitSize(NUCLEAR, 700)).toBe(300);
    expect(unitSize(NUCLEAR, 2600)).toBe(1300);
  });
});

describe('planGeneration', () => {
  it.each([
    [9.6, 3],
    [2_900, 6],
    [20_500, 16],
  ])('covers a %f MW peak with %i plants: reserve margin and peak plus the largest unit', (peak, plants) => {
    const fleet = planGeneration(peak, plants, 20, new Rng(4, 'fleet'));
    const capacity = fleet.unitPmax_mw.reduce((a, b) => a + b, 0);
    expect(capacity).toBeGreaterThanOrEqual(peak * (1 + PLANNING_RESERVE_MARGIN));
    expect(capacity - Math.max(...fleet.unitPmax_mw)).toBeGreaterThanOrEqual(peak);
    expect(fleet.plantX).toHaveLength(plants);
    for (let k = 0; k < plants; k++)
      expect(fleet.unitPlant.filter((p) => p === k).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a fleet without a peak or plants', () => {
    expect(() => planGeneration(0, 3, 10, new Rng(1))).toThrow(/design peak must be positive/);
    expect(() => planGeneration(100, 0, 10, new Rng(1))).toThrow(/at least one plant/);
  });
});

describe('plantDispatch', () => {
  const fleet = {
    plantX: [0, 0],
    plantY: [0, 0],
    plantFuel: [GAS, GAS],
    unitPlant: [0, 0, 1],
    unitPmax_mw: [100, 100, 200],
  };

  it('runs every unit in proportion to its Pmax', () => {
    expect(Array.from(plantDispatch(fleet, 300))).toEqual([150, 150]);
  });

  it('re-dispatches the rest after a unit outage, none above Pmax', () => {
    expect(Array.from(plantDispatch(fleet, 300, 2))).toEqual([200, 0]);
    expect(Array.from(plantDispatch(fleet, 300, 0))).toEqual([100, 200]);
  });
});
