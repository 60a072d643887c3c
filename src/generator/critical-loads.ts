/**
 * Critical customers: hospitals in the dense core, water plants toward the edge, emergency
 * services spread out, and residential life-support customers. Their loads are set to match.
 */
import { CLASS_COM, CLASS_IND, CLASS_RES, type CustomerSites } from './land-use.ts';
import type { Rng } from './rng.ts';

export const CRITICAL_HOSPITAL = 1;
export const CRITICAL_WATER = 2;
export const CRITICAL_EMERGENCY = 3;
export const CRITICAL_LIFE_SUPPORT = 4;

function chooseDistinct(rng: Rng, candidates: number[], count: number, taken: Uint8Array): number[] {
  const chosen: number[] = [];
  for (let tries = 0; chosen.length < count && tries < count * 50 && candidates.length > 0; tries++) {
    const i = candidates[rng.int(candidates.length)];
    if (taken[i]) continue;
    taken[i] = 1;
    chosen.push(i);
  }
  return chosen;
}

export function assignCriticalLoads(c: CustomerSites, radius_km: number, rng: Rng): void {
  const n = c.count;
  const taken = new Uint8Array(n);
  const nonRes: number[] = [];
  const core: number[] = [];
  const outer: number[] = [];
  const residential: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = Math.hypot(c.x_km[i], c.y_km[i]);
    if (c.cls[i] === CLASS_RES) residential.push(i);
    else {
      nonRes.push(i);
      if (r < 0.5 * radius_km) core.push(i);
      else outer.push(i);
    }
  }
  // Small grids may have few commercial customers: fall back to any customer.
  const anyone = Array.from({ length: n }, (_, i) => i);
  const pool = (list: number[]) => (list.length >= 4 ? list : nonRes.length >= 4 ? nonRes : anyone);

  let hospitalNo = 0;
  for (const i of chooseDistinct(rng, pool(core), Math.max(1, Math.round(n / 20_000)), taken)) {
    c.critical[i] = CRITICAL_HOSPITAL;
    c.cls[i] = CLASS_COM;
    c.base_kw[i] = rng.range(400, 1200);
    c.cooling_kw_per_c[i] = c.base_kw[i] * 0.03;
    c.name[i] = `Bayou City Medical Center ${++hospitalNo}`;
  }
  let waterNo = 0;
  for (const i of chooseDistinct(rng, pool(outer), Math.max(1, Math.round(n / 60_000)), taken)) {
    c.critical[i] = CRITICAL_WATER;
    c.cls[i] = CLASS_IND;
    c.base_kw[i] = rng.range(500, 1400);
    c.cooling_kw_per_c[i] = 0;
    c.name[i] = `Water Purification Plant ${++waterNo}`;
  }
  let stationNo = 0;
  for (const i of chooseDistinct(rng, pool(nonRes), Math.max(1, Math.round(n / 8_000)), taken)) {
    c.critical[i] = CRITICAL_EMERGENCY;
    c.cls[i] = CLASS_COM;
    c.base_kw[i] = rng.range(30, 80);
    c.cooling_kw_per_c[i] = c.base_kw[i] * 0.04;
    stationNo++;
    c.name[i] = stationNo % 3 === 0 ? `Police Station ${stationNo}` : `Fire Station ${stationNo}`;
  }
  const lifeSupport = Math.max(1, Math.round(residential.length * 0.002));
  for (const i of chooseDistinct(rng, pool(residential), lifeSupport, taken)) {
    c.critical[i] = CRITICAL_LIFE_SUPPORT;
  }
}
