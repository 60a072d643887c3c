import { describe, expect, it } from 'vitest';
import { clipLine, clipRing } from '../../src/tiles/clip.ts';
import {
  isBelowPixel,
  quantizeExteriorRing,
  quantizeLine,
  reverseRing,
  ringArea,
} from '../../src/tiles/simplify.ts';
import {
  TileProjection,
  latToWorldY,
  lonToWorldX,
  tileBboxLonLat,
  tileRange,
  worldXToLon,
  worldYToLat,
} from '../../src/tiles/tile-math.ts';

const box = { min: 0, max: 100 };

describe('tile math', () => {
  it('maps Houston downtown to the known tiles (XYZ scheme)', () => {
    // z10: x = floor(1024 · (−95.37 + 180) / 360) = 240; y from the Mercator formula = 423.
    const p = new TileProjection(10, 240, 423);
    expect(p.x(-95.37)).toBeGreaterThanOrEqual(0);
    expect(p.x(-95.37)).toBeLessThan(4096);
    expect(p.y(29.76)).toBeGreaterThanOrEqual(0);
    expect(p.y(29.76)).toBeLessThan(4096);
    expect(lonToWorldX(0)).toBe(0.5);
    expect(latToWorldY(0)).toBeCloseTo(0.5, 15);
    expect(latToWorldY(85.0511287798066)).toBeCloseTo(0, 12);
  });

  it('inverts lon/lat ⇄ world coordinates', () => {
    for (const [lon, lat] of [
      [-95.37, 29.76],
      [0, 0],
      [151.2, -33.9],
      [-179.9, 80],
    ]) {
      expect(worldXToLon(lonToWorldX(lon))).toBeCloseTo(lon, 10);
      expect(worldYToLat(latToWorldY(lat))).toBeCloseTo(lat, 10);
    }
  });

  it('gives tile boxes whose corners project to the tile edges (plus buffer)', () => {
    const [w, s, e, n] = tileBboxLonLat(14, 3851, 6772, 64);
    const p = new TileProjection(14, 3851, 6772);
    expect(p.x(w)).toBeCloseTo(-64, 6);
    expect(p.x(e)).toBeCloseTo(4160, 6);
    expect(p.y(n)).toBeCloseTo(-64, 6);
    expect(p.y(s)).toBeCloseTo(4160, 6);
    expect(tileRange([w + 0.01, s + 0.01, e - 0.01, n - 0.01], 14)).toEqual({
      x0: 3851,
      x1: 3851,
      y0: 6772,
      y1: 6772,
    });
  });
});

describe('clipLine', () => {
  it('keeps lines inside, cuts lines crossing the box, drops lines outside', () => {
    expect(clipLine([10, 10, 90, 90], box)).toEqual([[10, 10, 90, 90]]);
    expect(clipLine([-50, 50, 150, 50], box)).toEqual([[0, 50, 100, 50]]);
    expect(clipLine([-50, -50, -10, 200], box)).toEqual([]);
  });

  it('splits a line that leaves and re-enters into parts', () => {
    const parts = clipLine([10, 10, 10, 150, 50, 150, 50, 10, 60, 10], box);
    expect(parts).toEqual([
      [10, 10, 10, 100],
      [50, 100, 50, 10, 60, 10],
    ]);
  });
});

describe('clipRing', () => {
  it('cuts a square crossing the right edge at the edge', () => {
    const ring = clipRing([80, 20, 120, 20, 120, 60, 80, 60], box);
    expect(quantizeExteriorRing(ring)).toEqual([80, 20, 100, 20, 100, 60, 80, 60]);
  });

  it('returns nothing for a ring outside and the box for a ring around it', () => {
    expect(clipRing([200, 200, 300, 200, 300, 300], box)).toEqual([]);
    const around = quantizeExteriorRing(clipRing([-10, -10, 110, -10, 110, 110, -10, 110], box));
    expect(around && ringArea(around)).toBe(100 * 100);
  });
});

describe('simplification', () => {
  it('quantizes lines and drops repeated and collinear points, keeping turn-backs', () => {
    expect(quantizeLine([0.2, 0, 5, 0.1, 10, 0])).toEqual([0, 0, 10, 0]);
    expect(quantizeLine([0, 0, 0.4, 0.4])).toBeNull();
    expect(quantizeLine([0, 0, 10, 0, 5, 0])).toEqual([0, 0, 10, 0, 5, 0]);
  });

  it('orients exterior rings to positive area (clockwise with y down)', () => {
    const ccw = [0, 0, 0, 10, 5, 10, 10, 10, 10, 0];
    expect(ringArea(ccw)).toBeLessThan(0);
    const ring = quantizeExteriorRing(ccw)!;
    expect(ring).toEqual([0, 0, 10, 0, 10, 10, 0, 10]);
    expect(ringArea(ring)).toBe(100);
    expect(ringArea(reverseRing(ring))).toBe(-100);
  });

  it('removes collinear points across the seam and collapses degenerate rings', () => {
    expect(quantizeExteriorRing([5, 0, 10, 0, 10, 10, 0, 10, 0, 0])).toEqual([10, 0, 10, 10, 0, 10, 0, 0]);
    expect(quantizeExteriorRing([0, 0, 5, 0, 10, 0])).toBeNull();
    expect(quantizeExteriorRing([0, 0, 0.3, 0, 0.3, 0.3])).toBeNull();
  });

  it('thins features under a pixel (8 tile units at 512 px per tile)', () => {
    expect(isBelowPixel(7.9, 7.9)).toBe(true);
    expect(isBelowPixel(8, 1)).toBe(false);
  });
});
