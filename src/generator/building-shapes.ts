/** Building footprints on a lot: rectangles aligned with the street, sized by use. */
import type { Rng } from './rng.ts';

/** A block face: street point (ox, oy), unit direction along the street, unit normal into the block. */
export interface LotFrame {
  ox: number;
  oy: number;
  ux: number;
  uy: number;
  nx: number;
  ny: number;
}

export interface Footprint {
  corners: number[];
  cx: number;
  cy: number;
  kind: number;
  height_m: number;
  /** How far the building reaches into the lot from its front. */
  depth_km: number;
}

const SETBACK_KM = 0.018;
const LOT_DEPTH_KM = 0.085;
const KIND_RES = 0;
const KIND_COM = 1;
const KIND_IND = 2;
const KIND_ACCESSORY = 3;

function rectangle(f: LotFrame, along: number, width: number, front: number, depth: number): number[] {
  const a0 = along - width / 2;
  const a1 = along + width / 2;
  const d0 = front;
  const d1 = front + depth;
  const pt = (a: number, d: number) => [f.ox + f.ux * a + f.nx * d, f.oy + f.uy * a + f.ny * d];
  return [...pt(a0, d0), ...pt(a1, d0), ...pt(a1, d1), ...pt(a0, d1)];
}

/**
 * Footprint for a lot's main building (cls 0/1/2, holding `meters` meters) or, with cls −1, its
 * `meters`-th accessory building behind a main building `behind_km` deep.
 */
export function footprint(
  rng: Rng,
  f: LotFrame,
  along: number,
  frontage_km: number,
  cls: number,
  meters: number,
  dense: boolean,
  behind_km = 0,
): Footprint {
  let width: number;
  let depth: number;
  let front = SETBACK_KM;
  let height: number;
  let kind: number;
  if (cls < 0) {
    // Sheds and garages in a row along the back of the lot, then further rows toward the front.
    const size = rng.range(0.004, 0.008);
    const slots = Math.max(1, Math.floor(frontage_km / 0.009));
    const slot = meters % slots;
    const row = Math.floor(meters / slots);
    width = size;
    depth = size;
    front = Math.max(SETBACK_KM + behind_km + 0.002, LOT_DEPTH_KM - 0.01 - row * 0.01);
    along = along - frontage_km / 2 + (slot + 0.5) * (frontage_km / slots);
    height = rng.range(2.5, 4);
    kind = KIND_ACCESSORY;
  } else if (cls === KIND_IND) {
    width = frontage_km - 0.004;
    depth = rng.range(0.03, 0.05);
    height = rng.range(8, 15);
    kind = KIND_IND;
  } else if (cls === KIND_COM) {
    width = frontage_km - 0.006;
    depth = rng.range(0.015, 0.04);
    height = dense ? 12 + 3.5 * Math.min(60, meters * rng.range(0.5, 2)) : rng.range(5, 12);
    kind = KIND_COM;
  } else if (meters > 1) {
    // Multi-family: about 90 m² per unit; floors stack what the footprint cannot hold.
    width = frontage_km - 0.006;
    depth = Math.min(0.045, 0.015 + 0.0008 * meters);
    const unitsPerFloor = Math.max(1, Math.floor((width * depth * 1e6) / 90));
    height = 3.2 * Math.ceil(meters / unitsPerFloor) + 1;
    kind = KIND_RES;
  } else {
    width = Math.min(frontage_km - 0.004, rng.range(0.01, 0.016));
    depth = rng.range(0.01, 0.018);
    height = rng.range(4, 9);
    kind = KIND_RES;
  }
  const corners = rectangle(f, along, width, front, depth);
  const cx = (corners[0] + corners[4]) / 2;
  const cy = (corners[1] + corners[5]) / 2;
  return { corners, cx, cy, kind, height_m: height, depth_km: depth };
}
