/**
 * Transmission sized to NERC TPL-001 P0 and P1 at the design peak: for every hour of the
 * design-day afternoon, the DC flows with everything in service (P0), after the loss of any
 * single branch (a circuit or an autotransformer, by LODF) and after the loss of any generating
 * unit (the rest re-dispatched in proportion to Pmax, as the cascade does, by PTDF). Every
 * circuit and autotransformer gets the smallest standard rating whose temperature-derated value
 * carries its worst flow; a corridor whose flow no single circuit can carry gets more circuits
 * (pairs on shared double-circuit structures), and a hub whose flow outgrows its largest
 * autotransformers gets another. Flows depend on the circuits and transformer sizes, so the
 * study repeats until nothing changes (sizes only grow, so it ends).
 */
import { BRANCH_AUTOTRANSFORMER, BRANCH_LINE } from '../model/branch-rating.ts';
import { lineRatingFactor, transformerRatingFactor } from '../model/thermal.ts';
import { computeLodf } from '../powerflow/lodf.ts';
import type { DcBranchData } from '../powerflow/make-bdc.ts';
import { computePtdf } from '../powerflow/ptdf.ts';
import { smallestStandard } from './equipment-ratings.ts';
import {
  AUTOTRANSFORMER_MVA,
  autotransformerConstants,
  circuitRatings,
  EHV_KV,
  lineConstants,
  MIN_AUTOTRANSFORMERS_PER_HUB,
} from './transmission-equipment.ts';

/** Two double-circuit structures at most; beyond that a corridor's circuits get heavier bundles. */
export const MAX_CIRCUITS_PER_CORRIDOR = 4;
export const MAX_AUTOTRANSFORMERS_PER_HUB = 4;
const MAX_ROUNDS = 40;

export interface Corridor {
  from: number;
  to: number;
  kv: number;
  length_km: number;
}

export interface Hub {
  /** The hub's 345 kV and 138 kV buses. */
  ehvBus: number;
  hvBus: number;
}

export interface RatingStudy {
  nBus: number;
  corridors: Corridor[];
  hubs: Hub[];
  /** Net injection (generation − load, MW) per bus at each studied hour, all units in service. */
  injection_mw: Float64Array[];
  /**
   * Injections at each hour after each studied unit outage: unitOutage_mw[o][h]. Units of one
   * size at one plant give the same flows, so one outage per plant and size is enough.
   */
  unitOutage_mw: Float64Array[][];
  /** Ambient temperature of the design peak (derates conductors and transformers). */
  ambient_c: number;
}

export interface PlannedBranches {
  from: number[];
  to: number[];
  kind: number[];
  kv: number[];
  /** Corridor (or hub, for autotransformers) of each branch and its circuit number there (1-based). */
  group: number[];
  circuit: number[];
  /** Shared double-circuit structure (≥ 0), or −1. */
  structure: number[];
  length_km: number[];
  r_pu: number[];
  x_pu: number[];
  b_pu: number[];
  rating_mva: number[];
  /** Worst P0/P1 flow at the design peak, MW. */
  worstFlow_mw: number[];
}

export interface RatingPlan {
  branches: PlannedBranches;
  circuits: number[];
  autotransformers: number[];
  /** Study rounds until the sizes settled. */
  rounds: number;
}

/** The branches for the current circuits and transformer sizes. */
function expand(study: RatingStudy, circuits: number[], autos: number[], autoMva: number[]): PlannedBranches {
  const out: PlannedBranches = {
    from: [],
    to: [],
    kind: [],
    kv: [],
    group: [],
    circuit: [],
    structure: [],
    length_km: [],
    r_pu: [],
    x_pu: [],
    b_pu: [],
    rating_mva: [],
    worstFlow_mw: [],
  };
  let structures = 0;
  study.corridors.forEach((c, k) => {
    const constants = lineConstants(c.kv, c.length_km);
    const first = structures;
    structures += Math.floor(circuits[k] / 2);
    for (let n = 0; n < circuits[k]; n++) {
      out.from.push(c.from);
      out.to.push(c.to);
      out.kind.push(BRANCH_LINE);
      out.kv.push(c.kv);
      out.group.push(k);
      out.circuit.push(n + 1);
      // Circuits 1–2 share the first structure, 3–4 the second; an odd last circuit has its own.
      const paired = circuits[k] > 1 && (n % 2 === 1 || n + 1 < circuits[k]);
      out.structure.push(paired ? first + (n >> 1) : -1);
      out.length_km.push(c.length_km);
      out.r_pu.push(constants.r_pu);
      out.x_pu.push(constants.x_pu);
      out.b_pu.push(constants.b_pu);
    }
  });
  study.hubs.forEach((h, k) => {
    const constants = autotransformerConstants(autoMva[k]);
    for (let n = 0; n < autos[k]; n++) {
      out.from.push(h.ehvBus);
      out.to.push(h.hvBus);
      out.kind.push(BRANCH_AUTOTRANSFORMER);
      out.kv.push(EHV_KV);
      out.group.push(k);
      out.circuit.push(n + 1);
      out.structure.push(-1);
      out.length_km.push(0);
      out.r_pu.push(constants.r_pu);
      out.x_pu.push(constants.x_pu);
      out.b_pu.push(0);
    }
  });
  return out;
}

/**
 * Worst |flow| of every branch over P0 and every P1 contingency, all hours. Throws when a
 * single branch outage would island part of the network (the corridors are planned bridge-free).
 */
export function worstContingencyFlows(study: RatingStudy, b: PlannedBranches): Float64Array {
  const m = b.from.length;
  const net: DcBranchData = {
    nBus: study.nBus,
    branchFrom: Int32Array.from(b.from),
    branchTo: Int32Array.from(b.to),
    x_pu: Float64Array.from(b.x_pu),
    tap: new Float64Array(m).fill(1),
    shift_deg: new Float64Array(m),
    inService: new Uint8Array(m).fill(1),
  };
  const ptdf = computePtdf(net, 0);
  const lodf = computeLodf(ptdf, net);
  const island = lodf.islanding.indexOf(1);
  if (island >= 0)
    throw new Error(
      `contingency-rating: branch ${island} (${b.from[island]}–${b.to[island]}) is a radial tap`,
    );
  const worst = new Float64Array(m);
  const flow = new Float64Array(m);
  const keep = (f: Float64Array) => {
    for (let l = 0; l < m; l++) if (Math.abs(f[l]) > worst[l]) worst[l] = Math.abs(f[l]);
  };
  study.injection_mw.forEach((p, h) => {
    ptdf.multiply(p, flow);
    keep(flow);
    for (let k = 0; k < m; k++) {
      const fk = flow[k];
      for (let l = 0; l < m; l++) {
        if (l === k) continue;
        const post = Math.abs(flow[l] + lodf.values[l * m + k] * fk);
        if (post > worst[l]) worst[l] = post;
      }
    }
    for (const outage of study.unitOutage_mw) keep(ptdf.multiply(outage[h], flow));
  });
  return worst;
}

/**
 * Circuits per corridor, autotransformers per hub and every rating, so that P0 and all P1
 * contingencies stay within the derated ratings at the design peak.
 */
export function planRatings(study: RatingStudy): RatingPlan {
  const lineFactor = lineRatingFactor(study.ambient_c);
  const autoFactor = transformerRatingFactor(study.ambient_c);
  const circuits = study.corridors.map(() => 1);
  const autos = study.hubs.map(() => MIN_AUTOTRANSFORMERS_PER_HUB);
  const autoMva = study.hubs.map(() => AUTOTRANSFORMER_MVA[0]);
  const topAuto = AUTOTRANSFORMER_MVA[AUTOTRANSFORMER_MVA.length - 1];
  for (let round = 1; ; round++) {
    const branches = expand(study, circuits, autos, autoMva);
    const worst = worstContingencyFlows(study, branches);
    const need = (kind: number, group: number) => {
      let w = 0;
      branches.kind.forEach(
        (k, l) => k === kind && branches.group[l] === group && (w = Math.max(w, worst[l])),
      );
      return w;
    };
    let changed = false;
    study.corridors.forEach((c, k) => {
      const top = circuitRatings(c.kv).at(-1)!;
      if (need(BRANCH_LINE, k) / lineFactor > top && circuits[k] < MAX_CIRCUITS_PER_CORRIDOR) {
        circuits[k]++;
        changed = true;
      }
    });
    study.hubs.forEach((_, k) => {
      const required = need(BRANCH_AUTOTRANSFORMER, k) / autoFactor;
      if (required > topAuto && autos[k] < MAX_AUTOTRANSFORMERS_PER_HUB) {
        autos[k]++;
        changed = true;
      } else {
        // Beyond four units, whole multiples of the largest size (parallel banks): none so far.
        const size = smallestStandard(AUTOTRANSFORMER_MVA, required);
        if (size > autoMva[k]) {
          autoMva[k] = size;
          changed = true;
        }
      }
    });
    if (changed && round === MAX_ROUNDS)
      throw new Error(`contingency-rating: sizes still changing after ${MAX_ROUNDS} rounds`);
    if (!changed) {
      branches.worstFlow_mw = Array.from(worst);
      branches.rating_mva = branches.kind.map((kind, l) =>
        kind === BRANCH_AUTOTRANSFORMER
          ? autoMva[branches.group[l]]
          : smallestStandard(
              circuitRatings(branches.kv[l]),
              need(BRANCH_LINE, branches.group[l]) / lineFactor,
            ),
      );
      return { branches, circuits, autotransformers: autos, rounds: round };
    }
  }
}
