/** Trees along overhead line corridors, each recorded with the section it stands beside and its clearance. */
import type { PrimaryNetwork } from './feeder-network.ts';
import type { Rng } from './rng.ts';

export interface TreeSites {
  x: number[];
  y: number[];
  section: number[];
  clearance_m: number[];
  height_m: number[];
  species: number[];
}

const SPECIES_COUNT = 6;

export function plantTrees(net: PrimaryNetwork, overhead: Uint8Array, count: number, rng: Rng): TreeSites {
  const trees: TreeSites = { x: [], y: [], section: [], clearance_m: [], height_m: [], species: [] };
  let candidates: number[] = [];
  for (let s = 0; s < net.sectionCount; s++)
    if (overhead[s] && net.nodeI[net.sectionFrom[s]] >= 0) candidates.push(s);
  if (candidates.length === 0) candidates = Array.from({ length: net.sectionCount }, (_, s) => s);
  for (let k = 0; k < count; k++) {
    const s = candidates[rng.int(candidates.length)];
    const a = net.sectionFrom[s];
    const b = net.sectionTo[s];
    const t = rng.next();
    const dx = net.nodeX[b] - net.nodeX[a];
    const dy = net.nodeY[b] - net.nodeY[a];
    const len = Math.hypot(dx, dy) || 1;
    // Side yards and parkway strips: 2–15 m from the conductor, either side.
    const offset_km = rng.range(0.002, 0.015) * (rng.chance(0.5) ? 1 : -1);
    trees.x.push(net.nodeX[a] + t * dx + (-dy / len) * offset_km);
    trees.y.push(net.nodeY[a] + t * dy + (dx / len) * offset_km);
    trees.section.push(s);
    trees.clearance_m.push(Math.abs(offset_km) * 1000);
    trees.height_m.push(rng.range(5, 24));
    trees.species.push(rng.int(SPECIES_COUNT));
  }
  return trees;
}
