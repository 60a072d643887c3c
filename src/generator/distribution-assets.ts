/**
 * Turns the primary network's geometry into equipment: design-peak flows on every section, feeder
 * voltage, conductors, which laterals are overhead (and so the poles), transformer sizes and
 * mounts, and the substation transformers. Ratings are planned to the design peak
 * (src/generator/design-peak-load.ts, docs/planning.md).
 */
import { lineCurrentA } from '../model/electrical.ts';
import { POWER_FACTOR } from '../model/load-model.ts';
import { DESIGN_PEAK } from '../model/operating-conditions.ts';
import { maxOverHours } from './design-peak-load.ts';
import {
  chooseConductor,
  chooseTransformerSize,
  PAD_TRANSFORMER_KVA,
  POLE_TRANSFORMER_KVA,
  SUBSTATION_TRANSFORMER_MVA,
} from './equipment-ratings.ts';
import type { FeederPlan, TransformerPlan } from './feeder-partition.ts';
import type { PrimaryNetwork } from './feeder-network.ts';
import type { Lattice } from './lattice.ts';
import type { Rng } from './rng.ts';

/** Feeders whose design load exceeds this are built at 34.5 kV instead of 12.47 kV. */
const HIGH_VOLTAGE_FEEDER_KW = 9_000;

export interface DistributionAssets {
  feederKv: Float64Array;
  /** Base-case load of each feeder (chooses its voltage; the transmission plan uses it). */
  feederDesign_kw: Float64Array;
  /** Design-peak kW through each section: the highest hourly sum of everything downstream of it. */
  sectionPeak_kw: Float64Array;
  sectionRating_a: Float64Array;
  sectionConductor: Uint8Array;
  sectionOverhead: Uint8Array;
  sectionPhases: Uint8Array;
  nodePole: Int32Array;
  poleCount: number;
  /** Pole positions in km and the first feeder strung on each. */
  poleX: Float64Array;
  poleY: Float64Array;
  poleFeeder: Int32Array;
  transformerKva: Float64Array;
  transformerPhases: Uint8Array;
  transformerPad: Uint8Array;
  /** Substation transformers: owning substation, rating, and which one feeds each feeder. */
  stxSubstation: Int32Array;
  stxRating_mva: Float64Array;
  feederStx: Int32Array;
}

export function sizeDistribution(
  lattice: Lattice,
  radius_km: number,
  net: PrimaryNetwork,
  feeders: FeederPlan,
  transformers: TransformerPlan,
  transformerDesign_kw: Float64Array,
  /** Demand on each service transformer at each design-peak hour. */
  transformerPeak_kw: readonly Float64Array[],
  transformerThreePhase: Uint8Array,
  targetPoles: number,
  substationCount: number,
  rng: Rng,
): DistributionAssets {
  const ambient = DESIGN_PEAK.temperature_c;
  const nodeThreePhase = new Uint8Array(net.nodeCount);
  for (let t = 0; t < transformers.count; t++)
    if (transformerThreePhase[t]) nodeThreePhase[net.transformerNode[t]] = 1;
  const sectionPhases = new Uint8Array(net.sectionCount);
  for (let s = net.sectionCount - 1; s >= 0; s--) {
    const child = net.sectionTo[s];
    sectionPhases[s] = nodeThreePhase[child] || net.nodeTrunk[child] ? 3 : 1;
    if (sectionPhases[s] === 3) nodeThreePhase[net.sectionFrom[s]] = 1;
  }
  const base = sectionFlows(net, transformerDesign_kw);
  const hourly = transformerPeak_kw.map((kw) => sectionFlows(net, kw));
  const sectionPeak_kw = maxOverHours(hourly.map((h) => h.section_kw));
  const feederDesign_kw = new Float64Array(feeders.count);
  const feederKv = new Float64Array(feeders.count);
  for (let f = 0; f < feeders.count; f++) {
    feederDesign_kw[f] = base.node_kw[net.headNode[f]];
    feederKv[f] = feederDesign_kw[f] > HIGH_VOLTAGE_FEEDER_KW ? 34.5 : 12.47;
  }
  const feederHourly_kw = hourly.map((h) => Float64Array.from(net.headNode, (n) => h.node_kw[n]));
  const feederPeak_kw = maxOverHours(feederHourly_kw);

  // Overhead: trunks outside the downtown network; then laterals, older (inner) ones first,
  // until the pole count reaches the target.
  const sectionOverhead = new Uint8Array(net.sectionCount);
  const lateralRoot = new Int32Array(net.nodeCount).fill(-1);
  const lateralNodes = new Map<number, number[]>();
  for (let s = 0; s < net.sectionCount; s++) {
    const child = net.sectionTo[s];
    const parent = net.sectionFrom[s];
    if (net.nodeTrunk[child]) {
      const r = Math.hypot(net.nodeX[child], net.nodeY[child]);
      sectionOverhead[s] = r > 0.06 * radius_km ? 1 : 0;
      continue;
    }
    const root = net.nodeTrunk[parent] ? child : lateralRoot[parent];
    lateralRoot[child] = root;
    if (!lateralNodes.has(root)) lateralNodes.set(root, []);
    lateralNodes.get(root)!.push(s);
  }
  const polePositions = new Set<number>();
  const addPoleAt = (node: number) => {
    if (net.nodeI[node] >= 0) polePositions.add(lattice.key(net.nodeI[node], net.nodeJ[node]));
  };
  for (let s = 0; s < net.sectionCount; s++) {
    if (sectionOverhead[s]) {
      addPoleAt(net.sectionFrom[s]);
      addPoleAt(net.sectionTo[s]);
    }
  }
  const laterals = [...lateralNodes.keys()].map((root) => {
    const r = Math.hypot(net.nodeX[root], net.nodeY[root]) / radius_km;
    return { root, score: rng.next() * (1.6 - r) };
  });
  laterals.sort((a, b) => b.score - a.score || a.root - b.root);
  for (const { root } of laterals) {
    if (polePositions.size >= targetPoles) break;
    for (const s of lateralNodes.get(root)!) {
      sectionOverhead[s] = 1;
      addPoleAt(net.sectionFrom[s]);
      addPoleAt(net.sectionTo[s]);
    }
  }

  // Poles in the order their nodes were created; co-located circuits share a pole.
  const poleAt = new Map<number, number>();
  const nodePole = new Int32Array(net.nodeCount).fill(-1);
  const poleX: number[] = [];
  const poleY: number[] = [];
  const poleFeeder: number[] = [];
  const needsPole = new Uint8Array(net.nodeCount);
  for (let s = 0; s < net.sectionCount; s++) {
    if (!sectionOverhead[s]) continue;
    needsPole[net.sectionFrom[s]] = 1;
    needsPole[net.sectionTo[s]] = 1;
  }
  for (let n = 0; n < net.nodeCount; n++) {
    if (!needsPole[n] || net.nodeI[n] < 0) continue;
    const key = lattice.key(net.nodeI[n], net.nodeJ[n]);
    let p = poleAt.get(key);
    if (p === undefined) {
      p = poleX.length;
      poleAt.set(key, p);
      poleX.push(net.nodeX[n]);
      poleY.push(net.nodeY[n]);
      poleFeeder.push(net.nodeFeeder[n]);
    }
    nodePole[n] = p;
  }

  const sectionRating_a = new Float64Array(net.sectionCount);
  const sectionConductor = new Uint8Array(net.sectionCount);
  for (let s = 0; s < net.sectionCount; s++) {
    const f = net.nodeFeeder[net.sectionTo[s]];
    const amps = lineCurrentA(sectionPeak_kw[s], feederKv[f], sectionPhases[s], POWER_FACTOR);
    const choice = chooseConductor(
      amps,
      sectionOverhead[s] === 1,
      net.nodeTrunk[net.sectionTo[s]] === 1,
      ambient,
    );
    sectionRating_a[s] = choice.rating_a;
    sectionConductor[s] = choice.code;
  }

  const transformerKva = new Float64Array(transformers.count);
  const transformerPad = new Uint8Array(transformers.count);
  const transformerMax_kw = maxOverHours(transformerPeak_kw);
  for (let t = 0; t < transformers.count; t++) {
    const kva = transformerMax_kw[t] / POWER_FACTOR;
    const onOverhead = sectionOverhead[net.upstreamSection[net.transformerNode[t]]] === 1;
    const poleKva = chooseTransformerSize(POLE_TRANSFORMER_KVA, kva, ambient);
    const pole =
      onOverhead &&
      !transformerThreePhase[t] &&
      poleKva <= POLE_TRANSFORMER_KVA[POLE_TRANSFORMER_KVA.length - 1];
    transformerPad[t] = pole ? 0 : 1;
    transformerKva[t] = pole ? poleKva : chooseTransformerSize(PAD_TRANSFORMER_KVA, kva, ambient);
  }

  // Substation transformers: one to three per substation (by base-case load); feeders go to the
  // unit least loaded at the design peak, and each unit is sized on its highest hourly sum.
  const subLoad = new Float64Array(substationCount);
  for (let f = 0; f < feeders.count; f++) subLoad[feeders.substation[f]] += feederDesign_kw[f];
  const stxSubstation: number[] = [];
  const firstStx = new Int32Array(substationCount);
  const unitsOf = new Int32Array(substationCount);
  for (let s = 0; s < substationCount; s++) {
    const mva = subLoad[s] / 1000 / POWER_FACTOR;
    unitsOf[s] = mva > 40 ? 3 : mva > 15 ? 2 : 1;
    firstStx[s] = stxSubstation.length;
    for (let u = 0; u < unitsOf[s]; u++) stxSubstation.push(s);
  }
  const stxLoad = new Float64Array(stxSubstation.length);
  const feederStx = new Int32Array(feeders.count);
  const order = Array.from({ length: feeders.count }, (_, f) => f).sort(
    (a, b) => feederPeak_kw[b] - feederPeak_kw[a] || a - b,
  );
  for (const f of order) {
    const s = feeders.substation[f];
    let best = firstStx[s];
    for (let u = 1; u < unitsOf[s]; u++) if (stxLoad[firstStx[s] + u] < stxLoad[best]) best = firstStx[s] + u;
    feederStx[f] = best;
    stxLoad[best] += feederPeak_kw[f];
  }
  const stxPeak_kw = maxOverHours(
    feederHourly_kw.map((feeder_kw) => {
      const kw = new Float64Array(stxSubstation.length);
      feeder_kw.forEach((v, f) => (kw[feederStx[f]] += v));
      return kw;
    }),
  );
  const stxRating_mva = Float64Array.from(stxPeak_kw, (kw) =>
    chooseTransformerSize(SUBSTATION_TRANSFORMER_MVA, kw / 1000 / POWER_FACTOR, ambient),
  );

  return {
    feederKv,
    feederDesign_kw,
    sectionPeak_kw,
    sectionRating_a,
    sectionConductor,
    sectionOverhead,
    sectionPhases,
    nodePole,
    poleCount: poleX.length,
    poleX: Float64Array.from(poleX),
    poleY: Float64Array.from(poleY),
    poleFeeder: Int32Array.from(poleFeeder),
    transformerKva,
    transformerPhases: Uint8Array.from(transformerThreePhase, (three) => (three ? 3 : 1)),
    transformerPad,
    stxSubstation: Int32Array.from(stxSubstation),
    stxRating_mva,
    feederStx,
  };
}

/** Load through each section (everything downstream of it) and below each node, from leaf loads. */
function sectionFlows(
  net: PrimaryNetwork,
  transformer_kw: Float64Array,
): { section_kw: Float64Array; node_kw: Float64Array } {
  const node_kw = new Float64Array(net.nodeCount);
  transformer_kw.forEach((kw, t) => (node_kw[net.transformerNode[t]] += kw));
  const section_kw = new Float64Array(net.sectionCount);
  // Sections are created parents first: walking them backwards sums each subtree once.
  for (let s = net.sectionCount - 1; s >= 0; s--) {
    section_kw[s] = node_kw[net.sectionTo[s]];
    node_kw[net.sectionFrom[s]] += node_kw[net.sectionTo[s]];
  }
  return { section_kw, node_kw };
}
