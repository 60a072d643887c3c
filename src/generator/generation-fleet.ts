/**
 * The generating fleet: plants around the metro area, each a number of units of a real size for
 * its fuel, with installed capacity covering the design peak plus a planning reserve margin
 * (ERCOT's target) and never less than the peak plus the largest unit, so a single unit outage
 * (TPL-001 P1) never sheds load. Dispatch is the cascade's: every unit in proportion to its Pmax.
 */
import type { Rng } from './rng.ts';

/** Fuel codes (code list `fuel`) of plant k, cycling: mostly gas, as in the Texas Gulf Coast fleet. */
const PLANT_FUELS = [0, 0, 0, 1, 0, 2, 3, 0, 4, 0, 5];

/**
 * Unit sizes (MW) by fuel, ascending: what one breaker trips. Gas: a reciprocating gas engine
 * (Caterpillar G3520 class, 2.5 MW), a large gas engine (Wärtsilä 50SG class, 18 MW), an
 * aeroderivative turbine (GE LM6000 class, 50 MW), an F-class combustion turbine (GE 7F.05 /
 * Siemens SGT6-5000F class, 240 MW). Coal: drum units of 150 and 300 MW and a 600 MW unit (the
 * W. A. Parish units near Houston are 550–700 MW). Nuclear: a NuScale module (77 MW), a
 * BWRX-300 (300 MW), a South Texas Project unit (about 1,300 MW). Wind and solar: the blocks
 * behind one main power transformer. Other (biomass, landfill gas): engines and small steam.
 */
export const UNIT_SIZES_MW: readonly (readonly number[])[] = [
  [2.5, 18, 50, 240],
  [150, 300, 600],
  [77, 300, 1300],
  [50, 100, 200],
  [50, 100, 200],
  [2.5, 18, 50],
];

/**
 * Planning reserve margin: ERCOT's target reserve margin of 13.75 % of forecast peak demand
 * (ERCOT Board, 2010; used in its Capacity, Demand and Reserves reports).
 */
export const PLANNING_RESERVE_MARGIN = 0.1375;

export interface GenerationFleet {
  /** Plant sites (local km) and fuel. */
  plantX: number[];
  plantY: number[];
  plantFuel: number[];
  /** One entry per unit: its plant and Pmax. */
  unitPlant: number[];
  unitPmax_mw: number[];
}

/** Largest size of the fuel that still gives the plant two or more units (else the smallest). */
export function unitSize(fuel: number, plantCapacity_mw: number): number {
  const sizes = UNIT_SIZES_MW[fuel];
  let size = sizes[0];
  for (const s of sizes) if (s <= plantCapacity_mw / 2) size = s;
  return size;
}

/**
 * Plants on a ring around the developed area (where land and cooling water are), capacity
 * shares log-normal, units sized for each plant, and units added where the fleet would fall
 * short of the design peak plus its largest unit.
 *
 * @example
 * const fleet = planGeneration(20_000, 16, 34, rng); // ≥ 22,750 MW in units of 50–1,300 MW
 */
export function planGeneration(
  designPeak_mw: number,
  plantCount: number,
  radius_km: number,
  rng: Rng,
): GenerationFleet {
  if (!(designPeak_mw > 0))
    throw new Error(`generation-fleet: design peak must be positive, got ${designPeak_mw}`);
  if (!Number.isInteger(plantCount) || plantCount < 1)
    throw new Error(`generation-fleet: need at least one plant, got ${plantCount}`);
  const shares = Array.from({ length: plantCount }, () => rng.logNormal(1, 0.5));
  const shareSum = shares.reduce((a, b) => a + b, 0);
  const required = designPeak_mw * (1 + PLANNING_RESERVE_MARGIN);
  const plantX: number[] = [];
  const plantY: number[] = [];
  const plantFuel: number[] = [];
  const target: number[] = [];
  const size: number[] = [];
  const units: number[] = [];
  for (let k = 0; k < plantCount; k++) {
    const angle = (2 * Math.PI * k) / plantCount + rng.range(-0.3, 0.3);
    const r = radius_km * rng.range(0.55, 0.9);
    plantX.push(r * Math.cos(angle));
    plantY.push(r * Math.sin(angle));
    const fuel = PLANT_FUELS[k % PLANT_FUELS.length];
    plantFuel.push(fuel);
    target.push((required * shares[k]) / shareSum);
    size.push(unitSize(fuel, target[k]));
    units.push(Math.max(2, Math.round(target[k] / size[k])));
  }
  // Whole units round the targets; add units where furthest below target until the fleet meets
  // the reserve margin and, less its largest unit, still carries the design peak (P1).
  const capacity = () => units.reduce((sum, n, k) => sum + n * size[k], 0);
  const largest = Math.max(...size);
  while (capacity() < required || capacity() - largest < designPeak_mw) {
    let k = 0;
    for (let j = 1; j < plantCount; j++)
      if ((units[j] * size[j]) / target[j] < (units[k] * size[k]) / target[k]) k = j;
    units[k]++;
  }
  const unitPlant: number[] = [];
  const unitPmax_mw: number[] = [];
  for (let k = 0; k < plantCount; k++) {
    for (let u = 0; u < units[k]; u++) {
      unitPlant.push(k);
      unitPmax_mw.push(size[k]);
    }
  }
  return { plantX, plantY, plantFuel, unitPlant, unitPmax_mw };
}

/**
 * Output of each plant when every in-service unit runs in proportion to its Pmax to meet
 * `load_mw` (at most its Pmax), as the cascade re-dispatches an island: `outUnit` ≥ 0 is a unit
 * on outage.
 */
export function plantDispatch(fleet: GenerationFleet, load_mw: number, outUnit = -1): Float64Array {
  const out = new Float64Array(fleet.plantX.length);
  let capacity = 0;
  fleet.unitPmax_mw.forEach((p, u) => u !== outUnit && (capacity += p));
  const share = capacity > 0 ? Math.min(1, load_mw / capacity) : 0;
  fleet.unitPlant.forEach((k, u) => u !== outUnit && (out[k] += fleet.unitPmax_mw[u] * share));
  return out;
}
