/** Wind fields: each shape's peak, its fall-off and the seeded cells, checked by hand. */
import { describe, expect, it } from 'vitest';
import {
  DERECHO_SHOULDER_RATIO,
  downburstProfile,
  gridProjection,
  hollandB,
  hollandProfile,
  SEVERE_GUST_MS,
  windField,
} from '../../../src/cascade/weather/wind-field.ts';
import { generateGrid } from '../../../src/generator/generate.ts';
import { BASE_CASE, resolveConditions, type WindField } from '../../../src/model/operating-conditions.ts';

const model = generateGrid({ scale: 'sample', seed: 1 });
const proj = gridProjection(model);
const field = (wind_field: Partial<WindField>, gust = 40) =>
  windField(
    model,
    resolveConditions(BASE_CASE, { wind_sustained_ms: gust / 2, wind_gust_ms: gust, wind_field }),
  );

describe('wind field', () => {
  it('uniform: the same gust and sustained wind everywhere', () => {
    const f = field({ kind: 'uniform' }, 30);
    for (const [x, y] of [
      [0, 0],
      [-3, 2],
      [50, -40],
    ])
      expect(f.shape(x, y)).toBe(1);
    expect(f.at(proj.lon(1), proj.lat(1))).toEqual({ gust_ms: 30, sustained_ms: 15 });
  });

  it('derecho: the peak along the centreline and across the core, a Gaussian shoulder outside', () => {
    // Heading east, centreline 2 km right (south) of the centre, core 6 km wide.
    const f = field({ kind: 'derecho', heading_deg: 90, offset_km: 2, width_km: 6 });
    for (const x of [-30, 0, 25]) expect(f.shape(x, -2)).toBe(1);
    expect(f.shape(0, -2 + 3)).toBe(1); // the core's edge
    const L = DERECHO_SHOULDER_RATIO * 6;
    expect(f.shape(0, -2 + 3 + 4)).toBeCloseTo(Math.exp(-((4 / L) ** 2)), 12);
    expect(f.shape(0, -2 - 3 - 4)).toBeCloseTo(Math.exp(-((4 / L) ** 2)), 12);
    const across = [0, 4, 8, 16, 32].map((d) => f.shape(5, -2 - 3 - d));
    for (let i = 1; i < across.length; i++) expect(across[i]).toBeLessThan(across[i - 1]);
  });

  it('hurricane: Holland profile, 1 at the radius of maximum winds and lower on both sides', () => {
    const b = hollandB(30, 29.76);
    expect(b).toBeCloseTo(1.328508, 6); // Vickery & Wadhera (2008): 1.881 − 0.00557·30 − 0.01295·29.76
    expect(hollandProfile(30, 30, b)).toBeCloseTo(1, 12);
    expect(hollandProfile(27, 30, b)).toBeLessThan(1);
    expect(hollandProfile(33, 30, b)).toBeLessThan(1);
    expect(hollandProfile(45, 30, b)).toBeCloseTo(0.9407333, 6);
  });

  it('hurricane: every point within Rmax of the track sees the eyewall; beyond, the profile', () => {
    // Track heading north, 10 km left (west) of the centre.
    const f = field({ kind: 'hurricane', heading_deg: 0, offset_km: -10, width_km: 30 });
    const b = hollandB(30, proj.lat0);
    expect(f.shape(-10, 0)).toBe(1);
    expect(f.shape(-40, 5)).toBe(1);
    expect(f.shape(20, 0)).toBe(1);
    expect(f.shape(35, -7)).toBeCloseTo(hollandProfile(45, 30, b), 12);
    expect(f.shape(-55, 3)).toBeCloseTo(hollandProfile(45, 30, b), 12);
  });

  it('thunderstorm: cells placed by the seed, the first at the full gust, each a downburst', () => {
    const a = field({ kind: 'thunderstorm', cells: 5, width_km: 1, seed: 7 });
    const again = field({ kind: 'thunderstorm', cells: 5, width_km: 1, seed: 7 });
    const other = field({ kind: 'thunderstorm', cells: 5, width_km: 1, seed: 8 });
    expect(again.cells).toEqual(a.cells);
    expect(other.cells).not.toEqual(a.cells);
    expect(a.cells).toHaveLength(5);
    expect(a.cells[0].peak).toBe(1);
    const [w, s, e, n] = model.meta.region;
    for (const c of a.cells) {
      expect(c.peak).toBeGreaterThanOrEqual(SEVERE_GUST_MS / 40);
      expect(c.peak).toBeLessThanOrEqual(1);
      expect(c.x_km).toBeGreaterThanOrEqual(proj.x_km(w));
      expect(c.x_km).toBeLessThanOrEqual(proj.x_km(e));
      expect(c.y_km).toBeGreaterThanOrEqual(proj.y_km(s));
      expect(c.y_km).toBeLessThanOrEqual(proj.y_km(n));
    }
    const c0 = a.cells[0];
    expect(a.gustAt(proj.lon(c0.x_km), proj.lat(c0.y_km))).toBeCloseTo(40, 9);
    expect(downburstProfile(0.5, 1, 1)).toBe(1);
    expect(downburstProfile(0.5, 1, 1, false)).toBe(0.5);
    expect(downburstProfile(3, 1, 1)).toBeCloseTo(Math.exp(-4), 12);
  });
});
