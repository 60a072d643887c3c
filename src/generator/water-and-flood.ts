/**
 * Water bodies and flood zones: each bayou cut into reaches (channel polygons), lakes, small
 * detention ponds inside developed blocks, and 100-/500-year flood zones along every reach.
 */
import type { Geography } from './geography.ts';
import type { Rng } from './rng.ts';

export const WATER_BAYOU = 0;
export const WATER_POND = 1;
export const WATER_LAKE = 2;
export const FLOOD_AE = 0;
export const FLOOD_X500 = 1;

/** Points per reach (STEP 0.05 km ⇒ reaches of about 1 km). */
const REACH_POINTS = 20;

export interface Polygons {
  rings: number[][];
  kind: number[];
  name: string[];
}

/** Ring around polyline `line` (flat x,y) at half-width `w` on both sides. */
export function bufferLine(line: number[], w: number): number[] {
  const n = line.length / 2;
  const left: number[] = [];
  const right: number[] = [];
  for (let k = 0; k < n; k++) {
    const a = Math.max(0, k - 1);
    const b = Math.min(n - 1, k + 1);
    const dx = line[2 * b] - line[2 * a];
    const dy = line[2 * b + 1] - line[2 * a + 1];
    const len = Math.hypot(dx, dy) || 1;
    const nx = -dy / len;
    const ny = dx / len;
    left.push(line[2 * k] + nx * w, line[2 * k + 1] + ny * w);
    right.push(line[2 * k] - nx * w, line[2 * k + 1] - ny * w);
  }
  const ring = [...left];
  for (let k = n - 1; k >= 0; k--) ring.push(right[2 * k], right[2 * k + 1]);
  return ring;
}

function blob(rng: Rng, cx: number, cy: number, r: number, vertices: number): number[] {
  const ring: number[] = [];
  for (let k = 0; k < vertices; k++) {
    const a = (2 * Math.PI * k) / vertices;
    const rr = r * rng.range(0.75, 1.15);
    ring.push(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
  }
  return ring;
}

/** Bayou reaches clipped to the square |x|, |y| ≤ radius. */
function reaches(geo: Geography): { line: number[]; bayou: number }[] {
  const out: { line: number[]; bayou: number }[] = [];
  geo.bayous.forEach((b, bayou) => {
    let current: number[] = [];
    const flush = () => {
      if (current.length >= 4) out.push({ line: current, bayou });
      current = [];
    };
    for (let p = 0; p < b.line_km.length; p += 2) {
      const x = b.line_km[p];
      const y = b.line_km[p + 1];
      if (Math.abs(x) > geo.radius_km || Math.abs(y) > geo.radius_km) {
        flush();
        continue;
      }
      current.push(x, y);
      if (current.length / 2 >= REACH_POINTS + 1) {
        flush();
        current.push(x, y); // reaches share their end points
      }
    }
    flush();
  });
  return out;
}

export function buildWaterAndFlood(
  geo: Geography,
  developedBlocks: number[],
  targetWaterBodies: number,
  rng: Rng,
): { water: Polygons; flood: Polygons } {
  const water: Polygons = { rings: [], kind: [], name: [] };
  const flood: Polygons = { rings: [], kind: [], name: [] };
  for (const { line, bayou } of reaches(geo)) {
    const b = geo.bayous[bayou];
    water.rings.push(bufferLine(line, b.width_km / 2));
    water.kind.push(WATER_BAYOU);
    water.name.push(b.name);
    flood.rings.push(bufferLine(line, rng.range(0.15, 0.35)));
    flood.kind.push(FLOOD_AE);
    flood.name.push(b.name);
    flood.rings.push(bufferLine(line, rng.range(0.4, 0.7)));
    flood.kind.push(FLOOD_X500);
    flood.name.push(b.name);
  }
  geo.lakes.forEach((l, k) => {
    water.rings.push(blob(rng, l.x_km, l.y_km, l.radius_km, 48));
    water.kind.push(WATER_LAKE);
    water.name.push(`Lake ${String.fromCharCode(65 + (k % 26))}`);
  });
  // Detention ponds in the middle of developed blocks, where back yards meet.
  const ponds = Math.min(developedBlocks.length, Math.max(0, targetWaterBodies - water.rings.length));
  const chosen = new Set<number>();
  while (chosen.size < ponds) chosen.add(developedBlocks[rng.int(developedBlocks.length)]);
  for (const b of [...chosen].sort((a, c) => a - c)) {
    const [cx, cy] = geo.lattice.blockCentre(b);
    water.rings.push(blob(rng, cx, cy, rng.range(0.012, 0.03), 10));
    water.kind.push(WATER_POND);
    water.name.push('');
  }
  return { water, flood };
}
