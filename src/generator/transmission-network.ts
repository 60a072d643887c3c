/**
 * The 138 kV transmission network: a bus at every substation and generating plant, lines along
 * the relative-neighbourhood graph of the buses (sparse and meshed like real networks; every bus
 * gets at least two lines), plants dispatched in proportion to capacity, and line ratings sized
 * from a DC power flow of the base case and its single-line contingencies (N-1 secure).
 */
import { Delaunay } from 'd3-delaunay';
import { solveDcPowerFlow } from '../powerflow/dc-power-flow.ts';
import { computeLodf } from '../powerflow/lodf.ts';
import type { DcBranchData } from '../powerflow/make-bdc.ts';
import { computePtdf } from '../powerflow/ptdf.ts';
import { BASE_CASE } from '../model/operating-conditions.ts';
import { chooseLineRating } from './equipment-ratings.ts';
import type { Rng } from './rng.ts';

export const TRANSMISSION_KV = 138;
export const BASE_MVA = 100;
/** Per-km series reactance, resistance and charging of a 138 kV line, per unit on 100 MVA. */
const X_PU_PER_KM = 0.0026;
const R_PU_PER_KM = 0.00053;
const B_PU_PER_KM = 0.00067;
/** Lines follow rights of way, not straight lines. */
const ROUTE_FACTOR = 1.2;
/** Installed capacity over the base-case load: room for a heat wave, not for much more. */
const CAPACITY_MARGIN = 1.35;

export const BUS_PQ = 0;
export const BUS_PV = 1;
export const BUS_REF = 2;

export interface TransmissionPlan {
  busX: number[];
  busY: number[];
  busSubstation: number[];
  busKind: number[];
  lineFrom: number[];
  lineTo: number[];
  lineLength_km: number[];
  lineX_pu: number[];
  lineR_pu: number[];
  lineB_pu: number[];
  lineRating_mva: number[];
  lineFlow_mw: number[];
  plantBus: number[];
  plantFuel: number[];
  plantPmax_mw: number[];
  plantP_mw: number[];
}

const FUELS = [0, 0, 0, 1, 0, 2, 3, 0, 4, 0, 5];

/** Edges of the relative-neighbourhood graph, taken from the Delaunay triangulation. */
function neighbourhoodEdges(x: number[], y: number[]): [number, number][] {
  const points = x.map((xi, i) => [xi, y[i]] as [number, number]);
  const delaunay = Delaunay.from(points);
  const n = x.length;
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) for (const j of delaunay.neighbors(i)) adj[i].push(j);
  const d = (a: number, b: number) => Math.hypot(x[a] - x[b], y[a] - y[b]);
  const keep: [number, number][] = [];
  const degree = new Int32Array(n);
  const have = new Set<string>();
  for (let u = 0; u < n; u++) {
    for (const v of adj[u]) {
      if (v <= u) continue;
      const duv = d(u, v);
      const blocked = [...adj[u], ...adj[v]].some(
        (w) => w !== u && w !== v && Math.max(d(u, w), d(v, w)) < duv,
      );
      if (!blocked) {
        keep.push([u, v]);
        have.add(`${u}-${v}`);
        degree[u]++;
        degree[v]++;
      }
    }
  }
  // No bus hangs on a single line: add its shortest missing Delaunay edge.
  for (let u = 0; u < n; u++) {
    if (degree[u] >= 2 || n < 3) continue;
    const options = adj[u].filter((v) => !have.has(`${Math.min(u, v)}-${Math.max(u, v)}`));
    options.sort((a, b) => d(u, a) - d(u, b) || a - b);
    const v = options[0];
    if (v === undefined) continue;
    keep.push([Math.min(u, v), Math.max(u, v)]);
    have.add(`${Math.min(u, v)}-${Math.max(u, v)}`);
    degree[u]++;
    degree[v]++;
  }
  return keep;
}

/**
 * Worst flow on each line after any single other line outage (LODF), ignoring outages that
 * island part of the network (radial taps): the N-1 flows the ratings must carry.
 */
function worstContingencyFlows(branches: DcBranchData, slackBus: number, flow: Float64Array): Float64Array {
  const lodf = computeLodf(computePtdf(branches, slackBus), branches);
  const n = flow.length;
  const worst = Float64Array.from(flow, Math.abs);
  for (let k = 0; k < n; k++) {
    if (lodf.islanding[k]) continue;
    for (let l = 0; l < n; l++) {
      if (l === k) continue;
      const post = Math.abs(flow[l] + lodf.at(l, k) * flow[k]);
      if (post > worst[l]) worst[l] = post;
    }
  }
  return worst;
}

export function buildTransmission(
  substationX: Float64Array,
  substationY: Float64Array,
  substationLoad_mw: Float64Array,
  plantCount: number,
  radius_km: number,
  rng: Rng,
): TransmissionPlan {
  const nSub = substationX.length;
  const busX = Array.from(substationX);
  const busY = Array.from(substationY);
  const busSubstation = busX.map((_, i) => i);
  const busKind = busX.map(() => BUS_PQ);

  const totalLoad = substationLoad_mw.reduce((a, b) => a + b, 0);
  const shares = Array.from({ length: plantCount }, () => rng.logNormal(1, 0.5));
  const shareSum = shares.reduce((a, b) => a + b, 0);
  const plantBus: number[] = [];
  const plantFuel: number[] = [];
  const plantPmax_mw: number[] = [];
  const plantP_mw: number[] = [];
  for (let k = 0; k < plantCount; k++) {
    const angle = (2 * Math.PI * k) / plantCount + rng.range(-0.3, 0.3);
    const r = radius_km * rng.range(0.55, 0.9);
    busX.push(r * Math.cos(angle));
    busY.push(r * Math.sin(angle));
    busSubstation.push(-1);
    busKind.push(BUS_PV);
    plantBus.push(busX.length - 1);
    plantFuel.push(FUELS[k % FUELS.length]);
    const pmax = Math.round((CAPACITY_MARGIN * totalLoad * shares[k]) / shareSum);
    plantPmax_mw.push(pmax);
  }
  const capacity = plantPmax_mw.reduce((a, b) => a + b, 0);
  for (let k = 0; k < plantCount; k++) plantP_mw.push((plantPmax_mw[k] * totalLoad) / capacity);
  let slackPlant = 0;
  for (let k = 1; k < plantCount; k++) if (plantPmax_mw[k] > plantPmax_mw[slackPlant]) slackPlant = k;
  busKind[plantBus[slackPlant]] = BUS_REF;

  const edges = neighbourhoodEdges(busX, busY);
  const lineFrom = edges.map((e) => e[0]);
  const lineTo = edges.map((e) => e[1]);
  const lineLength_km = edges.map(
    ([a, b]) => ROUTE_FACTOR * Math.hypot(busX[a] - busX[b], busY[a] - busY[b]),
  );
  const lineX_pu = lineLength_km.map((l) => Math.max(1e-4, X_PU_PER_KM * l));

  const nBus = busX.length;
  const injection = new Float64Array(nBus);
  for (let s = 0; s < nSub; s++) injection[s] -= substationLoad_mw[s];
  for (let k = 0; k < plantCount; k++) injection[plantBus[k]] += plantP_mw[k];
  const branches = {
    nBus,
    branchFrom: Int32Array.from(lineFrom),
    branchTo: Int32Array.from(lineTo),
    x_pu: Float64Array.from(lineX_pu),
    tap: new Float64Array(edges.length),
    shift_deg: new Float64Array(edges.length),
    inService: new Uint8Array(edges.length).fill(1),
  };
  const slackBus = plantBus[slackPlant];
  const flow = solveDcPowerFlow({
    ...branches,
    baseMva: BASE_MVA,
    pInjection_mw: injection,
    slackBus,
  }).flow_mw;
  const contingency = worstContingencyFlows(branches, slackBus, flow);

  return {
    busX,
    busY,
    busSubstation,
    busKind,
    lineFrom,
    lineTo,
    lineLength_km,
    lineX_pu,
    lineR_pu: lineLength_km.map((l) => R_PU_PER_KM * l),
    lineB_pu: lineLength_km.map((l) => B_PU_PER_KM * l),
    lineRating_mva: Array.from(flow, (p, k) => chooseLineRating(p, BASE_CASE.temperature_c, contingency[k])),
    lineFlow_mw: Array.from(flow),
    plantBus,
    plantFuel,
    plantPmax_mw,
    plantP_mw,
  };
}
