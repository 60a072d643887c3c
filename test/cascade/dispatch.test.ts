/** Island balancing: load shedding to capacity and proportional re-dispatch within Pmax. */
import { describe, expect, it } from 'vitest';
import { balanceIsland, dispatchInProportion } from '../../src/cascade/transmission/dispatch.ts';

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('dispatchInProportion', () => {
  it('scales outputs in proportion when no limit binds', () => {
    const out = Float64Array.of(10, 30, 60);
    dispatchInProportion(50, all(3), 0, 3, out, Float64Array.of(100, 100, 100));
    expect(Array.from(out)).toEqual([5, 15, 30]);
  });

  it('holds a unit at Pmax and shares the rest among the others in proportion', () => {
    // Plain proportion: 80 × (30, 10)/40 = (60, 20); unit 0 stops at 40, unit 1 takes 40.
    const out = Float64Array.of(30, 10);
    dispatchInProportion(80, all(2), 0, 2, out, Float64Array.of(40, 100));
    expect(Array.from(out)).toEqual([40, 40]);
  });

  it('dispatches by Pmax when every unit is at zero', () => {
    const out = Float64Array.of(0, 0);
    dispatchInProportion(20, all(2), 0, 2, out, Float64Array.of(30, 10));
    expect(Array.from(out)).toEqual([15, 5]);
  });

  it('brings idle units in (by Pmax) once the running ones are all at Pmax', () => {
    // Units 0 and 1 run at 10 and 5 with Pmax 10 and 10; unit 2 is idle with Pmax 40.
    // 40 MW: proportion gives (26.7, 13.3): both cap at 10; unit 2 takes the other 20.
    const out = Float64Array.of(10, 5, 0);
    dispatchInProportion(40, all(3), 0, 3, out, Float64Array.of(10, 10, 40));
    expect(Array.from(out)).toEqual([10, 10, 20]);
  });

  it('a zero or negative target turns everything down', () => {
    const out = Float64Array.of(10, 5);
    dispatchInProportion(-3, all(2), 0, 2, out, Float64Array.of(10, 10));
    expect(Array.from(out)).toEqual([0, 0]);
  });

  it('only touches the generators in the range', () => {
    const out = Float64Array.of(7, 10, 30, 9);
    dispatchInProportion(20, Int32Array.of(3, 1, 2, 0), 1, 3, out, Float64Array.of(100, 100, 100, 100));
    expect(Array.from(out)).toEqual([7, 5, 15, 9]);
  });
});

describe('balanceIsland', () => {
  const island = (nBus: number, gens: number[]) => ({
    buses: all(nBus),
    busStart: 0,
    busEnd: nBus,
    gens: Int32Array.from(gens),
    genStart: 0,
    genEnd: gens.length,
  });

  it('sheds all load of an island without a generator', () => {
    const served = Float64Array.of(10, 20);
    expect(balanceIsland(island(2, []), served, new Float64Array(0), new Float64Array(0))).toBe(-1);
    expect(Array.from(served)).toEqual([0, 0]);
  });

  it('scales load down to the capacity, then dispatches; the slack has the largest Pmax', () => {
    // Load 30 + 50 = 80 MW, capacity 20 + 40 = 60 MW ⇒ loads × 3/4 = (22.5, 37.5);
    // outputs (10, 20) × 2 = (20, 40). Slack: unit 1 (Pmax 40).
    const served = Float64Array.of(30, 50);
    const out = Float64Array.of(10, 20);
    expect(balanceIsland(island(2, [0, 1]), served, out, Float64Array.of(20, 40))).toBe(1);
    expect(Array.from(served)).toEqual([22.5, 37.5]);
    expect(Array.from(out)).toEqual([20, 40]);
  });

  it('breaks slack ties by the lowest generator index', () => {
    const out = Float64Array.of(5, 5);
    expect(balanceIsland(island(1, [0, 1]), Float64Array.of(10), out, Float64Array.of(50, 50))).toBe(0);
  });
});
