/** Corridors are meshed and bridge-free; hubs sit at the load's centres. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generator/rng.ts';
import { chooseHubs, corridorEdges } from '../../src/generator/transmission-corridors.ts';
import { findBridges } from '../../src/powerflow/dc-sensitivity.ts';

const bridges = (n: number, edges: [number, number][]) =>
  findBridges(
    n,
    Int32Array.from(edges, (e) => e[0]),
    Int32Array.from(edges, (e) => e[1]),
    new Uint8Array(edges.length).fill(1),
  );

describe('corridorEdges', () => {
  it('joins two distant clusters by two corridors, not one', () => {
    // Two triangles 10 km apart: the relative-neighbourhood graph joins them by one edge only.
    const x = [0, 1, 0.5, 10, 11, 10.5];
    const y = [0, 0, 0.8, 0, 0, 0.8];
    const edges = corridorEdges(x, y);
    expect(bridges(6, edges).every((b) => b === 0)).toBe(true);
    const across = edges.filter(([a, b]) => a < 3 !== b < 3);
    expect(across).toHaveLength(2);
  });

  it('leaves no leaf: a far point gets two corridors', () => {
    const x = [0, 1, 0, 1, 5];
    const y = [0, 0, 1, 1, 0.5];
    const edges = corridorEdges(x, y);
    expect(edges.filter((e) => e.includes(4)).length).toBeGreaterThanOrEqual(2);
    expect(bridges(5, edges).every((b) => b === 0)).toBe(true);
  });

  it('needs three buses for a mesh', () => {
    expect(() => corridorEdges([0, 1], [0, 0])).toThrow(/at least 3 buses/);
  });
});

describe('chooseHubs', () => {
  it('puts one hub in each load cluster, at its heaviest substation', () => {
    // Two clusters; the middle substation of each carries most load.
    const x = [0, 0.5, 1, 20, 20.5, 21];
    const y = [0, 0, 0, 0, 0, 0];
    const load = [1, 10, 1, 1, 10, 1];
    const hubs = chooseHubs(x, y, load, 2, new Rng(3, 'hubs'));
    expect([...hubs].sort((a, b) => a - b)).toEqual([1, 4]);
  });

  it('refuses more hubs than substations', () => {
    expect(() => chooseHubs([0], [0], [1], 2, new Rng(1))).toThrow(/2 hubs among 1 substations/);
  });
});
