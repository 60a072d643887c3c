/**
 * The metro's geography in local km coordinates: a population-density field with a downtown and
 * seeded sub-centres, bayous meandering west to east, a few lakes, and the blocks water takes.
 */
import { Lattice } from './lattice.ts';
import type { Rng } from './rng.ts';

export interface Centre {
  x_km: number;
  y_km: number;
  sigma_km: number;
  weight: number;
}

export interface Bayou {
  name: string;
  /** Centreline points [x0, y0, x1, y1, ...] in km, spaced STEP_KM. */
  line_km: number[];
  width_km: number;
}

export interface Lake {
  x_km: number;
  y_km: number;
  radius_km: number;
}

export interface Geography {
  radius_km: number;
  lattice: Lattice;
  centres: Centre[];
  bayous: Bayou[];
  lakes: Lake[];
  /** 1 where a block is under water (bayou channel or lake) and cannot be built on. */
  blockWater: Uint8Array;
  /** Density weight of each block (0 outside the metro or under water). */
  blockDensity: Float64Array;
  /** Industrial share near the ship-channel-like district east of downtown. */
  industrialShare(x_km: number, y_km: number): number;
}

const STEP_KM = 0.05;
const BAYOU_NAMES = [
  'Cypress',
  'Willow',
  'Brays',
  'Greens',
  'Sims',
  'Hunting',
  'Whiteoak',
  'Clear',
  'Spring',
  'Halls',
];

function buildCentres(rng: Rng, radius_km: number): Centre[] {
  const centres: Centre[] = [{ x_km: 0, y_km: 0, sigma_km: 0.22 * radius_km, weight: 1 }];
  const n = 3 + Math.round(radius_km / 8);
  for (let k = 0; k < n; k++) {
    const r = radius_km * rng.range(0.25, 0.7);
    const a = rng.range(0, 2 * Math.PI);
    centres.push({
      x_km: r * Math.cos(a),
      y_km: r * Math.sin(a),
      sigma_km: radius_km * rng.range(0.07, 0.14),
      weight: rng.range(0.35, 0.8),
    });
  }
  return centres;
}

function density(centres: Centre[], radius_km: number, x: number, y: number): number {
  const r = Math.hypot(x, y);
  if (r > radius_km) return 0;
  let d = 0.25 * Math.exp(-r / (0.45 * radius_km));
  for (const c of centres) {
    const dx = x - c.x_km;
    const dy = y - c.y_km;
    d += c.weight * Math.exp(-(dx * dx + dy * dy) / (2 * c.sigma_km * c.sigma_km));
  }
  // Fade out near the edge of the region so development thins rather than stops at a circle.
  const edge = Math.min(1, (radius_km - r) / (0.15 * radius_km));
  return d * edge;
}

function buildBayou(rng: Rng, radius_km: number, index: number, count: number): Bayou {
  // Spread the bayous across the region north to south; each wanders from west to east.
  const y0 = radius_km * (((index + 0.5) / count) * 1.6 - 0.8) + rng.range(-0.1, 0.1) * radius_km;
  let x = -radius_km * 1.02;
  let y = y0;
  let heading = rng.range(-0.3, 0.3);
  const line: number[] = [];
  while (x < radius_km * 1.02 && line.length < 200_000) {
    line.push(x, y);
    heading += rng.range(-0.18, 0.18) - 0.04 * heading - (0.02 * (y - y0)) / Math.max(1, radius_km * 0.1);
    heading = Math.max(-1.1, Math.min(1.1, heading));
    x += STEP_KM * Math.cos(heading);
    y += STEP_KM * Math.sin(heading);
  }
  return {
    name: `${BAYOU_NAMES[index % BAYOU_NAMES.length]} Bayou`,
    line_km: line,
    width_km: rng.range(0.025, 0.06),
  };
}

export function buildGeography(rng: Rng, radius_km: number): Geography {
  const lattice = new Lattice(radius_km);
  const centres = buildCentres(rng.fork('centres'), radius_km);
  const bayouRng = rng.fork('bayous');
  const nBayous = Math.max(1, Math.round(radius_km / 7));
  const bayous = Array.from({ length: nBayous }, (_, k) => buildBayou(bayouRng, radius_km, k, nBayous));
  const lakeRng = rng.fork('lakes');
  const lakes: Lake[] = [];
  for (let k = 0; k < Math.round(radius_km / 10); k++) {
    const r = radius_km * lakeRng.range(0.75, 0.95);
    const a = lakeRng.range(0, 2 * Math.PI);
    lakes.push({ x_km: r * Math.cos(a), y_km: r * Math.sin(a), radius_km: lakeRng.range(0.4, 1.2) });
  }

  const blockWater = new Uint8Array(lattice.blockCount);
  for (const b of bayous) {
    for (let p = 0; p < b.line_km.length; p += 2) {
      const blk = lattice.blockAt(b.line_km[p], b.line_km[p + 1]);
      if (blk >= 0) blockWater[blk] = 1;
    }
  }
  const blockDensity = new Float64Array(lattice.blockCount);
  for (let blk = 0; blk < lattice.blockCount; blk++) {
    const [x, y] = lattice.blockCentre(blk);
    for (const l of lakes) if (Math.hypot(x - l.x_km, y - l.y_km) < l.radius_km) blockWater[blk] = 1;
    blockDensity[blk] = blockWater[blk] ? 0 : density(centres, radius_km, x, y);
  }

  const industrialX = 0.35 * radius_km;
  return {
    radius_km,
    lattice,
    centres,
    bayous,
    lakes,
    blockWater,
    blockDensity,
    industrialShare(x: number, y: number): number {
      const dx = (x - industrialX) / (0.2 * radius_km);
      const dy = y / (0.08 * radius_km);
      return 0.45 * Math.exp(-(dx * dx + dy * dy) / 2);
    },
  };
}
