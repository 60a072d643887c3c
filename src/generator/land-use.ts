/**
 * Land use: meters and buildings allocated to blocks by density, lots along the block faces,
 * one customer per meter with its class, load model and address, and every building footprint.
 */
import { systematicAllocate } from './allocation.ts';
import { footprint, type LotFrame } from './building-shapes.ts';
import type { Geography } from './geography.ts';
import { BLOCK_KM } from './lattice.ts';
import { businessName, streetName } from './names.ts';
import type { Rng } from './rng.ts';
import type { ScaleConfig } from './scales.ts';

export const CLASS_RES = 0;
export const CLASS_COM = 1;
export const CLASS_IND = 2;

/** Customers in local km, one per meter, in block order. */
export interface CustomerSites {
  count: number;
  x_km: Float64Array;
  y_km: Float64Array;
  cls: Uint8Array;
  critical: Uint8Array;
  base_kw: Float64Array;
  cooling_kw_per_c: Float64Array;
  block: Int32Array;
  /** Building row index of the customer's building. */
  building: Int32Array;
  /** Lattice point on the street in front of the customer (where its service drop starts). */
  streetI: Int32Array;
  streetJ: Int32Array;
  name: string[];
  address: string[];
}

/** Building footprints in local km: 4 corners each, flat [x0, y0, ..., x3, y3]. */
export interface BuildingSites {
  count: number;
  corners_km: Float64Array;
  kind: Uint8Array;
  height_m: Float32Array;
}

const FACE_MARGIN_KM = 0.03;
const STREET_SETBACK_KM = 0.018;

/** Face f of the block whose south-west corner is (x0, y0): street line, direction and inward normal. */
function faceFrame(f: number, x0: number, y0: number): LotFrame {
  const x1 = x0 + BLOCK_KM;
  const y1 = y0 + BLOCK_KM;
  switch (f) {
    case 0:
      return { ox: x0, oy: y0, ux: 1, uy: 0, nx: 0, ny: 1 };
    case 1:
      return { ox: x1, oy: y0, ux: 0, uy: 1, nx: -1, ny: 0 };
    case 2:
      return { ox: x1, oy: y1, ux: -1, uy: 0, nx: 0, ny: -1 };
    default:
      return { ox: x0, oy: y1, ux: 0, uy: -1, nx: 1, ny: 0 };
  }
}

function lotFrontage_km(expectedMeters: number): number {
  if (expectedMeters > 60) return 0.046;
  if (expectedMeters > 20) return 0.028;
  return 0.02;
}

function customerLoad(rng: Rng, cls: number, metersOnLot: number): [number, number] {
  if (cls === CLASS_IND) {
    const base = Math.min(1500, rng.logNormal(400, 0.5));
    return [base, base * 0.005];
  }
  if (cls === CLASS_COM) {
    const base = Math.min(400, rng.logNormal(25, 0.8));
    return [base, base * 0.04];
  }
  if (metersOnLot > 1) return [rng.logNormal(1.0, 0.25), rng.logNormal(0.12, 0.25)];
  return [rng.logNormal(1.6, 0.3), rng.logNormal(0.22, 0.25)];
}

export function buildLandUse(
  geo: Geography,
  cfg: ScaleConfig,
  rng: Rng,
): { customers: CustomerSites; buildings: BuildingSites } {
  const { lattice } = geo;
  const weights = geo.blockDensity.map((d) => d ** 1.3);
  const blockMeters = systematicAllocate(weights, cfg.meters, rng.fork('meters'));
  let weightSum = 0;
  for (const w of weights) weightSum += w;

  // Lots per block follow from the expected density; extra (accessory) buildings go where lots are.
  const lotsPerBlock = new Int32Array(lattice.blockCount);
  let mainBuildings = 0;
  for (let b = 0; b < lattice.blockCount; b++) {
    if (blockMeters[b] === 0) continue;
    const expected = (cfg.meters * weights[b]) / weightSum;
    const perFace = Math.max(1, Math.floor((BLOCK_KM - 2 * FACE_MARGIN_KM) / lotFrontage_km(expected)));
    lotsPerBlock[b] = 4 * perFace;
    mainBuildings += Math.min(blockMeters[b], lotsPerBlock[b]);
  }
  const extra = systematicAllocate(
    lotsPerBlock,
    Math.max(0, cfg.buildings - mainBuildings),
    rng.fork('accessory'),
  );

  const n = cfg.meters;
  const c: CustomerSites = {
    count: n,
    x_km: new Float64Array(n),
    y_km: new Float64Array(n),
    cls: new Uint8Array(n),
    critical: new Uint8Array(n),
    base_kw: new Float64Array(n),
    cooling_kw_per_c: new Float64Array(n),
    block: new Int32Array(n),
    building: new Int32Array(n),
    streetI: new Int32Array(n),
    streetJ: new Int32Array(n),
    name: new Array<string>(n).fill(''),
    address: new Array<string>(n).fill(''),
  };
  const nb = mainBuildings + Math.max(0, cfg.buildings - mainBuildings);
  const bld: BuildingSites = {
    count: 0,
    corners_km: new Float64Array(nb * 8),
    kind: new Uint8Array(nb),
    height_m: new Float32Array(nb),
  };
  const lotRng = rng.fork('lots');
  const mid = lattice.blocksPerSide / 2;
  let ci = 0;

  for (let b = 0; b < lattice.blockCount; b++) {
    const meters = blockMeters[b];
    if (meters === 0) continue;
    const bi = b % lattice.blocksPerSide;
    const bj = (b - bi) / lattice.blocksPerSide;
    const x0 = lattice.x_km(2 * bi);
    const y0 = lattice.x_km(2 * bj);
    const lots = lotsPerBlock[b];
    const perFace = lots / 4;
    const frontage = (BLOCK_KM - 2 * FACE_MARGIN_KM) / perFace;
    const customerLots = Math.min(meters, lots);
    const dense = meters > 60;
    let lotCursor = 0;
    let metersLeft = meters;
    let accessoryLeft = extra[b];

    for (let lot = 0; lot < lots; lot++) {
      const f = Math.floor(lot / perFace);
      const k = lot % perFace;
      const frame = faceFrame(f, x0, y0);
      const along = FACE_MARGIN_KM + (k + 0.5) * frontage;
      // The street this face fronts: faces 0/2 are east–west streets (row), 1/3 north–south (column).
      const horizontal = f === 0 || f === 2;
      const streetLine = horizontal ? 2 * bj + (f === 2 ? 2 : 0) : 2 * bi + (f === 1 ? 2 : 0);
      const arterial = lattice.isArterialLine(streetLine);
      const hasCustomer = lotCursor < customerLots && Math.floor((lotCursor * lots) / customerLots) === lot;
      let mainDepth = 0;
      if (hasCustomer) {
        const lotMeters = Math.ceil(metersLeft / (customerLots - lotCursor));
        lotCursor++;
        metersLeft -= lotMeters;
        const fx = frame.ox + frame.ux * along + frame.nx * STREET_SETBACK_KM;
        const fy = frame.oy + frame.uy * along + frame.ny * STREET_SETBACK_KM;
        const ind = lotMeters <= 2 && lotRng.chance(geo.industrialShare(fx, fy));
        const com = !ind && lotRng.chance((arterial ? 0.55 : 0.04) + (dense ? 0.3 : 0));
        const cls = ind ? CLASS_IND : com ? CLASS_COM : CLASS_RES;
        const shape = footprint(lotRng, frame, along, frontage, cls, lotMeters, dense);
        const bIdx = bld.count++;
        bld.corners_km.set(shape.corners, bIdx * 8);
        bld.kind[bIdx] = shape.kind;
        bld.height_m[bIdx] = shape.height_m;
        mainDepth = shape.depth_km;
        const sx = frame.ox + frame.ux * along;
        const sy = frame.oy + frame.uy * along;
        // House numbers: 100 per block from the centre line, even on one side of the street, odd on the other.
        const number = 100 * Math.abs((horizontal ? bi : bj) - mid) + 2 * (k + 1) + (f >= 2 ? 1 : 0);
        const dir = (horizontal ? bi : bj) < mid ? (horizontal ? 'W' : 'S') : horizontal ? 'E' : 'N';
        const address = `${number} ${dir} ${streetName(streetLine, horizontal, arterial)}`;
        const name = cls === CLASS_RES ? '' : businessName(lotRng, cls === CLASS_IND);
        for (let m = 0; m < lotMeters; m++) {
          const [base, cooling] = customerLoad(lotRng, cls, lotMeters);
          c.x_km[ci] = shape.cx;
          c.y_km[ci] = shape.cy;
          c.cls[ci] = cls;
          c.base_kw[ci] = base;
          c.cooling_kw_per_c[ci] = cooling;
          c.block[ci] = b;
          c.building[ci] = bIdx;
          c.streetI[ci] = lattice.index(sx);
          c.streetJ[ci] = lattice.index(sy);
          c.address[ci] = lotMeters > 1 ? `${address} Unit ${m + 1}` : address;
          c.name[ci] = name;
          ci++;
        }
      }
      // Accessory buildings: spread the block's share evenly over its remaining lots.
      const here = Math.ceil(accessoryLeft / (lots - lot));
      for (let a = 0; a < here; a++) {
        const shape = footprint(lotRng, frame, along, frontage, -1, a, false, mainDepth);
        const bIdx = bld.count++;
        bld.corners_km.set(shape.corners, bIdx * 8);
        bld.kind[bIdx] = shape.kind;
        bld.height_m[bIdx] = shape.height_m;
      }
      accessoryLeft -= here;
    }
  }
  if (ci !== n) throw new Error(`land-use: placed ${ci} customers, expected ${n}`);
  return { customers: c, buildings: bld };
}
