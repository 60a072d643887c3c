/**
 * Wind fields: the peak 3-s gust (and sustained wind) a storm brings to each point of the grid
 * over its passage, from the operating conditions. `wind_gust_ms` is the field's peak; the
 * shape (docs/weather.md) spreads it:
 * - uniform: the same everywhere;
 * - derecho: a straight swath along `heading_deg`, its centreline `offset_km` right of the grid
 *   centre; the peak across `width_km`, falling off outside it with the Gaussian shoulder of the
 *   Holmes & Oliver (2000) downburst profile, a derecho being a family of downbursts (Fujita 1978,
 *   Johns & Hirt 1987);
 * - hurricane: the Holland (1980) radial profile around a straight track (same heading and
 *   offset) with radius of maximum winds `width_km` and Holland B from Vickery & Wadhera (2008).
 *   A point feels the storm's wind at the centre's closest approach, so the field is the profile
 *   of the distance to the track, and every point within Rmax of it sees the eyewall;
 * - thunderstorm: `cells` downburst cells of radius `width_km` placed over the grid by `seed`,
 *   each with the Holmes & Oliver profile and a peak between the NWS severe threshold and the
 *   field's gust (the first cell has the full gust).
 */
import { Rng } from '../../generator/rng.ts';
import type { GridModel } from '../../model/grid-model.ts';
import { LocalProjection } from '../../model/geo.ts';
import type { OperatingConditions } from '../../model/operating-conditions.ts';

/** NWS severe-thunderstorm wind criterion, 50 kt: the weakest gust a thunderstorm cell is given. */
export const SEVERE_GUST_MS = 25.7;

/**
 * Shoulder of the derecho swath: the gust falls as exp(−(d/L)²) with the distance d beyond the
 * core's edge, L = DERECHO_SHOULDER_RATIO × width. The damage survey put 90–100 mph inside the
 * core while the strongest anemometer gust anywhere was 78 mph (35 m/s): with the May 2024
 * swath (10.5 km at 44 m/s) this ratio gives 35 m/s 5 km beyond the core's edge and the severe
 * threshold 8 km beyond it (docs/weather.md).
 */
export const DERECHO_SHOULDER_RATIO = 1;

/** Holmes & Oliver (2000) radial decay length of a downburst, as a multiple of its radius. */
export const DOWNBURST_DECAY_RATIO = 1;

export interface WindFieldPoint {
  gust_ms: number;
  sustained_ms: number;
}

/** A field evaluated at grid-local km (x east, y north of the grid centre) or at lon/lat. */
export interface WindFieldSampler {
  readonly kind: OperatingConditions['wind_field']['kind'];
  /** Fraction of the field's peak gust at (x_km, y_km), in [0, 1]. */
  shape(x_km: number, y_km: number): number;
  gustAt(lon: number, lat: number): number;
  at(lon: number, lat: number): WindFieldPoint;
  /** Thunderstorm cells (empty for the other kinds). */
  readonly cells: readonly DownburstCell[];
}

export interface DownburstCell {
  x_km: number;
  y_km: number;
  /** The cell's own peak as a fraction of the field's gust. */
  peak: number;
}

/** Where grid-local km are measured from: the generator's centre, else the region's centre. */
export function gridProjection(model: GridModel): LocalProjection {
  const src = model.meta.source;
  if (src.kind === 'generator') return new LocalProjection(src.center[0], src.center[1]);
  const r = model.meta.region;
  return new LocalProjection((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
}

/**
 * Holland (1980) gradient-wind profile normalised by its peak: V(r)/Vmax =
 * [(Rmax/r)^B · exp(1 − (Rmax/r)^B)]^½, which is 1 at r = Rmax (Coriolis term neglected, as
 * it is for the cyclostrophic core).
 */
export function hollandProfile(r_km: number, rmax_km: number, b: number): number {
  if (r_km <= 0) return 0;
  const a = (rmax_km / r_km) ** b;
  return Math.sqrt(a * Math.exp(1 - a));
}

/** Vickery & Wadhera (2008) Holland B from the radius of maximum winds and latitude. */
export function hollandB(rmax_km: number, lat_deg: number): number {
  return Math.min(2.5, Math.max(1, 1.881 - 0.00557 * rmax_km - 0.01295 * Math.abs(lat_deg)));
}

/**
 * Holmes & Oliver (2000) downburst profile normalised by its peak: r/rmax inside the radius
 * of maximum wind, exp(−((r − rmax)/Rr)²) outside. `flatCore` keeps the peak inside (the
 * envelope of a cell or swath that moves over the point).
 */
export function downburstProfile(r_km: number, rmax_km: number, decay_km: number, flatCore = true): number {
  if (r_km <= rmax_km) return flatCore ? 1 : r_km / rmax_km;
  return Math.exp(-(((r_km - rmax_km) / decay_km) ** 2));
}

/** Cells placed uniformly over the region by the field's seed; the first carries the full gust. */
export function placeCells(
  model: GridModel,
  projection: LocalProjection,
  count: number,
  seed: number,
  gust_ms: number,
): DownburstCell[] {
  const rng = new Rng(seed, 'thunderstorm-cells');
  const [w, s, e, n] = model.meta.region;
  const x0 = projection.x_km(w);
  const x1 = projection.x_km(e);
  const y0 = projection.y_km(s);
  const y1 = projection.y_km(n);
  const floor = gust_ms > 0 ? Math.min(1, SEVERE_GUST_MS / gust_ms) : 1;
  const cells: DownburstCell[] = [];
  for (let k = 0; k < count; k++) {
    const x_km = rng.range(x0, x1);
    const y_km = rng.range(y0, y1);
    const peak = k === 0 ? 1 : rng.range(floor, 1);
    cells.push({ x_km, y_km, peak });
  }
  return cells;
}

/** The field of `conditions` over `model`. */
export function windField(model: GridModel, conditions: OperatingConditions): WindFieldSampler {
  const projection = gridProjection(model);
  const f = conditions.wind_field;
  const gust = conditions.wind_gust_ms;
  const gustFactor = gust > 0 ? conditions.wind_sustained_ms / gust : 0;
  const h = (f.heading_deg * Math.PI) / 180;
  // Unit normal pointing to the right of the heading (x east, y north).
  const nx = Math.cos(h);
  const ny = -Math.sin(h);
  const cross = (x: number, y: number) => x * nx + y * ny - f.offset_km;
  const cells = f.kind === 'thunderstorm' ? placeCells(model, projection, f.cells, f.seed, gust) : [];
  let shape: (x: number, y: number) => number;
  switch (f.kind) {
    case 'uniform':
      shape = () => 1;
      break;
    case 'derecho': {
      const half = f.width_km / 2;
      const decay = DERECHO_SHOULDER_RATIO * f.width_km;
      shape = (x, y) => downburstProfile(Math.abs(cross(x, y)), half, decay);
      break;
    }
    case 'hurricane': {
      const b = hollandB(f.width_km, projection.lat0);
      shape = (x, y) => {
        const d = Math.abs(cross(x, y));
        return d <= f.width_km ? 1 : hollandProfile(d, f.width_km, b);
      };
      break;
    }
    case 'thunderstorm': {
      const decay = DOWNBURST_DECAY_RATIO * f.width_km;
      shape = (x, y) => {
        let best = 0;
        for (const c of cells) {
          const v = c.peak * downburstProfile(Math.hypot(x - c.x_km, y - c.y_km), f.width_km, decay);
          if (v > best) best = v;
        }
        return best;
      };
      break;
    }
  }
  return {
    kind: f.kind,
    cells,
    shape,
    gustAt: (lon, lat) => gust * shape(projection.x_km(lon), projection.y_km(lat)),
    at: (lon, lat) => {
      const g = gust * shape(projection.x_km(lon), projection.y_km(lat));
      return { gust_ms: g, sustained_ms: g * gustFactor };
    },
  };
}
