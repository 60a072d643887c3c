/**
 * Protection and switching on each feeder, laid out the way distribution planners do: a breaker
 * at the substation, a mid-trunk recloser on long trunk arms, fuses at every lateral tap,
 * normally-closed sectionalizers at the trunk thirds, and normally-open ties from feeder ends to
 * the nearest node of a neighbouring feeder of the same voltage.
 */
import { lineCurrentA } from '../model/electrical.ts';
import { POWER_FACTOR } from '../model/load-model.ts';
import { FUSE_A, PEAK_PLANNING_LOADING, smallestStandard } from './equipment-ratings.ts';
import type { DistributionAssets } from './distribution-assets.ts';
import type { FeederPlan } from './feeder-partition.ts';
import type { PrimaryNetwork } from './feeder-network.ts';
import type { Sites } from './substation-siting.ts';

export const DEVICE_BREAKER = 0;
export const DEVICE_RECLOSER = 1;
export const DEVICE_FUSE = 2;
export const SWITCH_SECTIONALIZER = 0;
export const SWITCH_TIE = 1;

const BREAKER_A = 1200;
const RECLOSER_A = [400, 560, 800, 1200];
const SWITCH_A = 600;
const TIE_REACH_KM = 0.45;
const TIES_PER_FEEDER = 2;

export interface Protection {
  deviceKind: number[];
  deviceSection: number[];
  deviceRating_a: number[];
  switchKind: number[];
  switchSection: number[];
  switchNodeA: number[];
  switchNodeB: number[];
  switchRating_a: number[];
}

export function layOutProtection(
  net: PrimaryNetwork,
  feeders: FeederPlan,
  sites: Sites,
  assets: DistributionAssets,
): Protection {
  const p: Protection = {
    deviceKind: [],
    deviceSection: [],
    deviceRating_a: [],
    switchKind: [],
    switchSection: [],
    switchNodeA: [],
    switchNodeB: [],
    switchRating_a: [],
  };
  // Devices carry the design-peak current, like the conductors they protect.
  const peakA = (s: number) =>
    lineCurrentA(
      assets.sectionPeak_kw[s],
      assets.feederKv[net.nodeFeeder[net.sectionTo[s]]],
      assets.sectionPhases[s],
      POWER_FACTOR,
    );
  const children = new Int32Array(net.nodeCount);
  for (let s = 0; s < net.sectionCount; s++) children[net.sectionFrom[s]]++;

  // Trunk arms: each trunk section's signed distance (in lattice steps) from the feeder root.
  const armLength = new Map<string, number>();
  const armKey = (s: number) => {
    const child = net.sectionTo[s];
    const f = net.nodeFeeder[child];
    const st = feeders.substation[f];
    const ew = feeders.trunkEastWest[f] === 1;
    const d = ew ? net.nodeI[child] - sites.i[st] : net.nodeJ[child] - sites.j[st];
    return { key: `${f}:${Math.sign(d)}`, dist: Math.abs(d) };
  };
  for (let s = 0; s < net.sectionCount; s++) {
    const child = net.sectionTo[s];
    if (!net.nodeTrunk[child] || net.nodeI[net.sectionFrom[s]] < 0) continue;
    const { key, dist } = armKey(s);
    armLength.set(key, Math.max(armLength.get(key) ?? 0, dist));
  }

  for (let s = 0; s < net.sectionCount; s++) {
    const from = net.sectionFrom[s];
    const child = net.sectionTo[s];
    if (net.nodeI[from] < 0) {
      // Getaway out of the substation: the feeder breaker.
      p.deviceKind.push(DEVICE_BREAKER);
      p.deviceSection.push(s);
      p.deviceRating_a.push(Math.max(BREAKER_A, assets.sectionRating_a[s]));
      continue;
    }
    if (net.nodeTrunk[child]) {
      const { key, dist } = armKey(s);
      const length = armLength.get(key) ?? 0;
      const recloserAt = length >= 8 ? Math.floor(length / 2) : -1;
      if (dist === recloserAt) {
        p.deviceKind.push(DEVICE_RECLOSER);
        p.deviceSection.push(s);
        p.deviceRating_a.push(smallestStandard(RECLOSER_A, peakA(s) / PEAK_PLANNING_LOADING));
      } else if (length >= 6 && (dist === Math.floor(length / 3) || dist === Math.floor((2 * length) / 3))) {
        p.switchKind.push(SWITCH_SECTIONALIZER);
        p.switchSection.push(s);
        p.switchNodeA.push(from);
        p.switchNodeB.push(child);
        p.switchRating_a.push(Math.max(SWITCH_A, assets.sectionRating_a[s]));
      }
      continue;
    }
    if (net.nodeTrunk[from]) {
      // Lateral tap: a fuse sized at 1.5× peak current; a big lateral gets a recloser instead.
      const amps = 1.5 * peakA(s);
      const big = amps > FUSE_A[FUSE_A.length - 1];
      p.deviceKind.push(big ? DEVICE_RECLOSER : DEVICE_FUSE);
      p.deviceSection.push(s);
      p.deviceRating_a.push(big ? smallestStandard(RECLOSER_A, amps) : smallestStandard(FUSE_A, amps));
    }
  }

  addTies(net, p, children, assets.feederKv);
  return p;
}

/** Normally-open ties from leaf nodes (farthest first) to the nearest node of another feeder. */
function addTies(net: PrimaryNetwork, p: Protection, children: Int32Array, feederKv: Float64Array): void {
  const cell = TIE_REACH_KM;
  const grid = new Map<string, number[]>();
  const cellKey = (x: number, y: number) => `${Math.floor(x / cell)},${Math.floor(y / cell)}`;
  for (let n = 0; n < net.nodeCount; n++) {
    if (net.nodeI[n] < 0) continue;
    const k = cellKey(net.nodeX[n], net.nodeY[n]);
    if (!grid.has(k)) grid.set(k, []);
    grid.get(k)!.push(n);
  }
  const leavesOf = new Map<number, number[]>();
  for (let n = 0; n < net.nodeCount; n++) {
    if (children[n] !== 0) continue;
    const f = net.nodeFeeder[n];
    if (!leavesOf.has(f)) leavesOf.set(f, []);
    leavesOf.get(f)!.push(n);
  }
  const paired = new Set<string>();
  for (const [f, leaves] of [...leavesOf.entries()].sort((a, b) => a[0] - b[0])) {
    const head = net.headNode[f];
    leaves.sort(
      (a, b) =>
        Math.hypot(net.nodeX[b] - net.nodeX[head], net.nodeY[b] - net.nodeY[head]) -
          Math.hypot(net.nodeX[a] - net.nodeX[head], net.nodeY[a] - net.nodeY[head]) || a - b,
    );
    let made = 0;
    for (const leaf of leaves) {
      if (made >= TIES_PER_FEEDER) break;
      const x = net.nodeX[leaf];
      const y = net.nodeY[leaf];
      const cx = Math.floor(x / cell);
      const cy = Math.floor(y / cell);
      let best = -1;
      let bestD = TIE_REACH_KM;
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const n of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
            const g = net.nodeFeeder[n];
            // A tie can only parallel feeders of the same voltage.
            if (g === f || feederKv[g] !== feederKv[f] || paired.has(`${Math.min(f, g)}-${Math.max(f, g)}`))
              continue;
            const d = Math.hypot(net.nodeX[n] - x, net.nodeY[n] - y);
            if (d < bestD || (d === bestD && n < best)) {
              bestD = d;
              best = n;
            }
          }
        }
      }
      if (best < 0) continue;
      const g = net.nodeFeeder[best];
      paired.add(`${Math.min(f, g)}-${Math.max(f, g)}`);
      p.switchKind.push(SWITCH_TIE);
      p.switchSection.push(-1);
      p.switchNodeA.push(leaf);
      p.switchNodeB.push(best);
      p.switchRating_a.push(SWITCH_A);
      made++;
    }
  }
}
