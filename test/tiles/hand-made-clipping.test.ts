import { describe, expect, it } from 'vitest';
import { code } from '../../src/model/codes.ts';
import { TileProjection, tileRange, worldXToLon, worldYToLat } from '../../src/tiles/tile-math.ts';
import { TileService } from '../../src/tiles/tile-service.ts';
import { decodeLayer, specRingArea } from './decode.ts';
import { handMadeModel } from './hand-made-model.ts';

// Tile 14/x/y over downtown; a square straddling its east edge by ±0.001° (~186 tile units).
const Z = 14;
const { x0: X, y0: Y } = tileRange([-95.37, 29.76, -95.37, 29.76], Z);
const edgeLon = worldXToLon((X + 1) / 2 ** Z);
const midLat = worldYToLat((Y + 0.5) / 2 ** Z);
const D = 0.001;
const square = [
  edgeLon - D,
  midLat - D,
  edgeLon + D,
  midLat - D,
  edgeLon + D,
  midLat + D,
  edgeLon - D,
  midLat + D,
];
const squareClockwise = [
  edgeLon - D,
  midLat - D,
  edgeLon - D,
  midLat + D,
  edgeLon + D,
  midLat + D,
  edgeLon + D,
  midLat - D,
];

const model = handMadeModel({
  water_bodies: [
    { id: 'WTR-0001', row: { kind: code('water_kind', 'pond'), name: 'Test Pond' }, shape: square },
    // The same square the other way round, shifted south: winding must come out the same.
    {
      id: 'WTR-0002',
      row: { kind: code('water_kind', 'lake'), name: '' },
      shape: squareClockwise.map((v, i) => (i % 2 ? v - 3 * D : v)),
    },
  ],
  roads: [
    // A freeway crossing both tiles west to east.
    {
      id: 'RD-0001',
      row: { class: code('road_class', 'freeway'), name: 'I-10' },
      shape: [edgeLon - 0.03, midLat, edgeLon + 0.03, midLat],
    },
  ],
});
const tiles = new TileService(model);

/** Corners of a decoded ring without its closing point, sorted for comparison. */
function corners(ring: [number, number][]): [number, number][] {
  return ring.slice(0, -1).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe('clipping a hand-made square crossing a tile edge', () => {
  const west = new TileProjection(Z, X, Y);
  const east = new TileProjection(Z, X + 1, Y);
  const yTop = Math.round(west.y(midLat + D));
  const yBottom = Math.round(west.y(midLat - D));

  it('cuts it at the buffer edge of the west tile', () => {
    const layer = decodeLayer(tiles.getTile('water', Z, X, Y).body, 'water');
    const pond = layer.features.find((f) => f.id === 1)!;
    expect(pond.type).toBe(3);
    expect(pond.properties).toEqual({ id: 'WTR-0001', kind: 'pond', name: 'Test Pond' });
    expect(pond.geometry).toHaveLength(1);
    const xLeft = Math.round(west.x(edgeLon - D));
    expect(xLeft).toBeGreaterThan(3800);
    expect(corners(pond.geometry[0])).toEqual([
      [xLeft, yTop],
      [xLeft, yBottom],
      [4096 + 64, yTop],
      [4096 + 64, yBottom],
    ]);
    expect(specRingArea(pond.geometry[0])).toBeGreaterThan(0);
  });

  it('cuts it at the buffer edge of the east tile', () => {
    const layer = decodeLayer(tiles.getTile('water', Z, X + 1, Y).body, 'water');
    const pond = layer.features.find((f) => f.id === 1)!;
    const xRight = Math.round(east.x(edgeLon + D));
    expect(corners(pond.geometry[0])).toEqual([
      [-64, yTop],
      [-64, yBottom],
      [xRight, yTop],
      [xRight, yBottom],
    ]);
    expect(specRingArea(pond.geometry[0])).toBeGreaterThan(0);
  });

  it('orients both windings of the input as exterior rings and leaves out empty names', () => {
    for (const tx of [X, X + 1]) {
      const lake = decodeLayer(tiles.getTile('water', Z, tx, Y).body, 'water').features.find(
        (f) => f.id === 2,
      )!;
      expect(lake.properties).toEqual({ id: 'WTR-0002', kind: 'lake' });
      expect(specRingArea(lake.geometry[0])).toBeGreaterThan(0);
    }
  });

  it('clips a line crossing the edge to the buffer on both sides', () => {
    const y = Math.round(west.y(midLat));
    const w = decodeLayer(tiles.getTile('roads', Z, X, Y).body, 'roads').features;
    const e = decodeLayer(tiles.getTile('roads', Z, X + 1, Y).body, 'roads').features;
    expect(w.map((f) => f.geometry)).toEqual([
      [
        [
          [-64, y],
          [4160, y],
        ],
      ],
    ]);
    expect(e.map((f) => f.geometry)).toEqual([
      [
        [
          [-64, y],
          [4160, y],
        ],
      ],
    ]);
    expect(w[0].properties).toEqual({ id: 'RD-0001', class: 'freeway', name: 'I-10' });
  });

  it('leaves tiles away from the square empty', () => {
    expect(tiles.getTile('water', Z, X - 2, Y).body.length).toBe(0);
  });
});
