/**
 * The transmission plan: generating plants made of units (generation-fleet.ts), a meshed 138 kV
 * network over the substations, and — where the scale asks for it — a 345 kV backbone joining
 * the plants and a set of hub substations, stepping down through 345/138 kV autotransformers.
 * Corridors are bridge-free (transmission-corridors.ts) and every circuit and transformer is
 * sized to TPL-001 P0 and P1 at the design peak (contingency-rating.ts).
 */
import { DESIGN_PEAK } from '../model/operating-conditions.ts';
import { transformerRatingFactor } from '../model/thermal.ts';
import { planRatings, type Corridor, type Hub, type RatingStudy } from './contingency-rating.ts';
import type { DesignPeakDemand } from './design-peak-demand.ts';
import { planGeneration, plantDispatch, type GenerationFleet } from './generation-fleet.ts';
import type { Rng } from './rng.ts';
import { chooseHubs, corridorEdges } from './transmission-corridors.ts';
import {
  AUTOTRANSFORMER_MVA,
  EHV_KV,
  HV_KV,
  MIN_AUTOTRANSFORMERS_PER_HUB,
  ROUTE_FACTOR,
} from './transmission-equipment.ts';

export { BASE_MVA } from './transmission-equipment.ts';
/** The voltage substations step down from (their transformers' high side). */
export const TRANSMISSION_KV = HV_KV;

export const BUS_PQ = 0;
export const BUS_PV = 1;
export const BUS_REF = 2;

/** Where a hub's 345 kV yard stands relative to its 138 kV yard (km east), so both show on the map. */
const EHV_YARD_OFFSET_KM = 0.06;

export interface TransmissionPlan {
  busX: number[];
  busY: number[];
  /** Substation of each bus (its 138 kV or 345 kV yard), −1 at a plant. */
  busSubstation: number[];
  /** Plant of each bus, −1 at a substation. */
  busPlant: number[];
  busKv: number[];
  busKind: number[];
  branchFrom: number[];
  branchTo: number[];
  branchKind: number[];
  branchKv: number[];
  /** Circuit number within its corridor (1-based; autotransformers: number at the hub). */
  branchCircuit: number[];
  branchStructure: number[];
  branchLength_km: number[];
  branchR_pu: number[];
  branchX_pu: number[];
  branchB_pu: number[];
  branchRating_mva: number[];
  /** Worst flow of each branch over P0 and P1 at the design peak, MW (what its rating covers). */
  branchWorstFlow_mw: number[];
  plantBus: number[];
  plantFuel: number[];
  unitPlant: number[];
  unitPmax_mw: number[];
  /** Dispatch at the design peak (DESIGN_PEAK's hour): every unit in proportion to its Pmax. */
  unitP_mw: number[];
  designPeak_mw: number;
}

export interface TransmissionInputs {
  subX: Float64Array;
  subY: Float64Array;
  demand: DesignPeakDemand;
  plantCount: number;
  radius_km: number;
  /** Build a 345 kV backbone with autotransformer hubs (plants then connect at 345 kV). */
  ehvBackbone: boolean;
}

/**
 * Hubs needed so that, with one autotransformer out at every hub, the remaining largest units
 * could still carry the whole design peak.
 */
export function hubCount(designPeak_mw: number, substations: number): number {
  const perHub =
    (MIN_AUTOTRANSFORMERS_PER_HUB - 1) *
    AUTOTRANSFORMER_MVA[AUTOTRANSFORMER_MVA.length - 1] *
    transformerRatingFactor(DESIGN_PEAK.temperature_c);
  return Math.min(substations, Math.max(2, Math.ceil(designPeak_mw / perHub)));
}

/** Net injections at every bus per design hour, and after each plant's unit outage. */
function injections(
  fleet: GenerationFleet,
  demand: DesignPeakDemand,
  nBus: number,
  plantBus: number[],
): Pick<RatingStudy, 'injection_mw' | 'unitOutage_mw'> {
  const at = (h: number, outUnit: number) => {
    const p = new Float64Array(nBus);
    demand.substation_mw[h].forEach((mw, s) => (p[s] -= mw));
    plantDispatch(fleet, demand.total_mw[h], outUnit).forEach((mw, k) => (p[plantBus[k]] += mw));
    return p;
  };
  const hours = demand.hours.map((_, h) => h);
  // Every unit of a plant has the same size: one outage per plant covers them all.
  const outages = plantBus.map((_, k) => fleet.unitPlant.indexOf(k)).filter((u) => u >= 0);
  return {
    injection_mw: hours.map((h) => at(h, -1)),
    unitOutage_mw: outages.map((u) => hours.map((h) => at(h, u))),
  };
}

export function buildTransmission(inputs: TransmissionInputs, rng: Rng): TransmissionPlan {
  const { subX, subY, demand } = inputs;
  const nSub = subX.length;
  const fleet = planGeneration(demand.peak_mw, inputs.plantCount, inputs.radius_km, rng);
  const busX = Array.from(subX);
  const busY = Array.from(subY);
  const busSubstation = busX.map((_, s) => s);
  const busPlant = busX.map(() => -1);
  const busKv = busX.map(() => HV_KV);

  const hubs: Hub[] = [];
  if (inputs.ehvBackbone) {
    const peakHour = demand.total_mw.indexOf(demand.peak_mw);
    const hubSubs = chooseHubs(
      subX,
      subY,
      demand.substation_mw[peakHour],
      hubCount(demand.peak_mw, nSub),
      rng,
    );
    for (const s of hubSubs) {
      hubs.push({ ehvBus: busX.length, hvBus: s });
      busX.push(subX[s] + EHV_YARD_OFFSET_KM);
      busY.push(subY[s]);
      busSubstation.push(s);
      busPlant.push(-1);
      busKv.push(EHV_KV);
    }
  }
  const plantKv = inputs.ehvBackbone ? EHV_KV : HV_KV;
  const plantBus = fleet.plantX.map((x, k) => {
    busX.push(x);
    busY.push(fleet.plantY[k]);
    busSubstation.push(-1);
    busPlant.push(k);
    busKv.push(plantKv);
    return busX.length - 1;
  });

  // Corridors of each voltage over the buses of that voltage.
  const corridors: Corridor[] = [];
  for (const kv of inputs.ehvBackbone ? [HV_KV, EHV_KV] : [HV_KV]) {
    const at = busKv.flatMap((v, b) => (v === kv ? [b] : []));
    for (const [a, b] of corridorEdges(
      at.map((b) => busX[b]),
      at.map((b) => busY[b]),
    )) {
      const from = at[a];
      const to = at[b];
      const length_km = ROUTE_FACTOR * Math.hypot(busX[from] - busX[to], busY[from] - busY[to]);
      corridors.push({ from, to, kv, length_km });
    }
  }

  const nBus = busX.length;
  const plan = planRatings({
    nBus,
    corridors,
    hubs,
    ...injections(fleet, demand, nBus, plantBus),
    ambient_c: DESIGN_PEAK.temperature_c,
  });
  const br = plan.branches;

  const busKind = busX.map(() => BUS_PQ);
  for (const b of plantBus) busKind[b] = BUS_PV;
  // The reference is the bus of the largest unit, as the cascade picks each island's slack.
  let largest = 0;
  fleet.unitPmax_mw.forEach((p, u) => p > fleet.unitPmax_mw[largest] && (largest = u));
  busKind[plantBus[fleet.unitPlant[largest]]] = BUS_REF;

  const designHour = demand.hours.indexOf(DESIGN_PEAK.hour);
  const load = demand.total_mw[designHour >= 0 ? designHour : demand.total_mw.indexOf(demand.peak_mw)];
  const capacity = fleet.unitPmax_mw.reduce((a, b) => a + b, 0);
  return {
    busX,
    busY,
    busSubstation,
    busPlant,
    busKv,
    busKind,
    branchFrom: br.from,
    branchTo: br.to,
    branchKind: br.kind,
    branchKv: br.kv,
    branchCircuit: br.circuit,
    branchStructure: br.structure,
    branchLength_km: br.length_km,
    branchR_pu: br.r_pu,
    branchX_pu: br.x_pu,
    branchB_pu: br.b_pu,
    branchRating_mva: br.rating_mva,
    branchWorstFlow_mw: br.worstFlow_mw,
    plantBus,
    plantFuel: fleet.plantFuel,
    unitPlant: fleet.unitPlant,
    unitPmax_mw: fleet.unitPmax_mw,
    unitP_mw: fleet.unitPmax_mw.map((p) => p * Math.min(1, load / capacity)),
    designPeak_mw: demand.peak_mw,
  };
}
