import { describe, expect, it } from 'vitest';
import { GroupedLines, snapUnits } from '../../src/tiles/circuit-lines.ts';
import { MvtLayerWriter, encodeMvt } from '../../src/tiles/mvt-encoder.ts';
import { worldXToLon, worldYToLat } from '../../src/tiles/tile-math.ts';
import { decodeLayer } from './decode.ts';

const Z = 11;
const X = 481;
const Y = 846;

/** Lon/lat of tile units (u, v) of tile Z/X/Y. */
function lonLat(u: number, v: number): [number, number] {
  return [worldXToLon((X + u / 4096) / 2 ** Z), worldYToLat((Y + v / 4096) / 2 ** Z)];
}

/** Two-point lines between tile-unit points, as a ShapeColumn. */
function sections(lines: [number, number, number, number][]): { offsets: Uint32Array; coords: Float64Array } {
  const coords = lines.flatMap(([a, b, c, d]) => [...lonLat(a, b), ...lonLat(c, d)]);
  return {
    offsets: Uint32Array.from({ length: lines.length + 1 }, (_, i) => 2 * i),
    coords: Float64Array.from(coords),
  };
}

/** Undirected segments of decoded parts, as sorted strings. */
function segmentsOf(parts: [number, number][][]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    for (let i = 0; i + 1 < part.length; i++) {
      const [a, b] = [part[i].join(','), part[i + 1].join(',')].sort();
      out.push(`${a}-${b}`);
    }
  }
  return out.sort();
}

describe('GroupedLines', () => {
  it('snaps, deduplicates and chains a circuit into few parts', () => {
    const A: [number, number] = [800, 800];
    const B: [number, number] = [1600, 800];
    const C: [number, number] = [2400, 1200];
    const D: [number, number] = [1600, 1600];
    const shapes = sections([
      [...A, ...B],
      [...B, ...C],
      [...B, ...D],
      [...B, ...A], // the same section again, reversed
      [2400, 1200, 2402, 1201], // shorter than a pixel: vanishes
      [96, 96, 296, 96], // another circuit
    ]);
    const lines = new GroupedLines(
      shapes,
      { groupOf: Int32Array.of(0, 0, 0, 0, 0, 1), properties: (g) => ({ id: `FDR-${g}` }) },
      Z,
      Z,
    );
    const writer = new MvtLayerWriter('feeders');
    expect(lines.writeTile(Z, X, Y, writer)).toBe(2);
    const [circuit, other] = decodeLayer(encodeMvt([writer]), 'feeders').features;
    expect(circuit.id).toBe(1);
    expect(circuit.properties).toEqual({ id: 'FDR-0' });
    expect(segmentsOf(circuit.geometry)).toEqual(
      ['1600,800-2400,1200', '1600,1600-1600,800', '1600,800-800,800'].sort(),
    );
    // Four path ends (A, B with three branches, C, D): two walks cover the tree.
    expect(circuit.geometry).toHaveLength(2);
    expect(other.id).toBe(2);
    expect(other.geometry).toEqual([
      [
        [96, 96],
        [296, 96],
      ],
    ]);
  });

  it('writes nothing for tiles away from the lines and coarsens the grid below zoom 10', () => {
    const lines = new GroupedLines(
      sections([[0, 0, 800, 0]]),
      { groupOf: Int32Array.of(0), properties: () => ({}) },
      Z,
      Z,
    );
    expect(lines.writeTile(Z, X + 3, Y, new MvtLayerWriter('f'))).toBe(0);
    expect([snapUnits(8), snapUnits(9), snapUnits(10), snapUnits(12)]).toEqual([32, 16, 8, 8]);
  });
});
