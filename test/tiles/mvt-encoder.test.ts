import { describe, expect, it } from 'vitest';
import { MvtLayerWriter, encodeMvt } from '../../src/tiles/mvt-encoder.ts';
import { decodeTile, rawKeysAndValues, specRingArea } from './decode.ts';

describe('encodeMvt', () => {
  it('round-trips points, lines and polygons with ids and typed properties', () => {
    const layer = new MvtLayerWriter('assets');
    layer.addPoints(1, [10, 20], { id: 'XFMR-000001', kva: 50, energized: true });
    layer.addPoints(2, [10, 20, 4000, -30], { id: 'MTR-0000002', pct: 87.5, delta: -3 });
    layer.addLines(
      3,
      [
        [0, 0, 100, 0, 100, 100],
        [-64, 4160, 200, 300],
      ],
      { id: 'SEC-0000003', energized: false },
    );
    layer.addPolygon(4, [[0, 0, 10, 0, 10, 10, 0, 10]], { id: 'BLDG-0000004', kind: 'residential' });
    const decoded = decodeTile(encodeMvt([layer]));
    const l = decoded.assets;
    expect(l.version).toBe(2);
    expect(l.extent).toBe(4096);
    expect(l.features.map((f) => f.id)).toEqual([1, 2, 3, 4]);
    expect(l.features.map((f) => f.type)).toEqual([1, 1, 2, 3]);
    expect(l.features[0].properties).toEqual({ id: 'XFMR-000001', kva: 50, energized: true });
    expect(l.features[1].properties).toEqual({ id: 'MTR-0000002', pct: 87.5, delta: -3 });
    expect(l.features[0].geometry).toEqual([[[10, 20]]]);
    expect(l.features[1].geometry).toEqual([[[10, 20]], [[4000, -30]]]);
    expect(l.features[2].geometry).toEqual([
      [
        [0, 0],
        [100, 0],
        [100, 100],
      ],
      [
        [-64, 4160],
        [200, 300],
      ],
    ]);
    // The decoder returns closed rings; exterior rings have positive area in tile units.
    expect(l.features[3].geometry).toEqual([
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
    ]);
    expect(specRingArea(l.features[3].geometry[0])).toBe(100);
  });

  it('deduplicates keys and values and leaves out null properties', () => {
    const layer = new MvtLayerWriter('meters');
    for (let i = 0; i < 5; i++)
      layer.addPoints(i + 1, [i, i], { id: `MTR-${i}`, energized: i % 2 === 0, kv: 12.47, note: null });
    const [raw] = rawKeysAndValues(encodeMvt([layer]));
    expect(raw.keys).toEqual(['id', 'energized', 'kv']);
    expect(raw.values).toEqual(['MTR-0', true, 12.47, 'MTR-1', false, 'MTR-2', 'MTR-3', 'MTR-4']);
  });

  it('writes several layers and leaves out empty ones (no features: 0 bytes)', () => {
    const a = new MvtLayerWriter('a');
    const b = new MvtLayerWriter('b');
    a.addPoints(7, [1, 2], {});
    expect(Object.keys(decodeTile(encodeMvt([a, b])))).toEqual(['a']);
    expect(encodeMvt([b]).length).toBe(0);
  });

  it('encodes geometry commands as the spec example (a point at 25, 17)', () => {
    // Spec 4.3.5 example: MoveTo(1) = 9, then zigzag(25) = 50, zigzag(17) = 34.
    const layer = new MvtLayerWriter('p');
    layer.addPoints(1, [25, 17], {});
    const bytes = encodeMvt([layer]);
    const hex = Buffer.from(bytes).toString('hex');
    expect(hex).toContain(Buffer.from([0x22, 3, 9, 50, 34]).toString('hex'));
  });
});
