/**
 * Primary network of every feeder as a radial tree on the street lattice: a getaway from the
 * substation to the nearest intersection, a trunk along the substation's street, laterals down
 * the cross streets to each service transformer. Each lattice point's parent depends only on its
 * position, so the union of the paths is a tree by construction.
 */
import type { FeederPlan, TransformerPlan } from './feeder-partition.ts';
import { LATTICE_KM, type Lattice } from './lattice.ts';
import type { Sites } from './substation-siting.ts';

/** Substations sit just inside the corner block of their intersection. */
export const SUBSTATION_OFFSET_KM = 0.035;

export interface PrimaryNetwork {
  /** Nodes in local km; node of feeder f's head sits at its substation. */
  nodeCount: number;
  nodeX: Float64Array;
  nodeY: Float64Array;
  nodeFeeder: Int32Array;
  nodeI: Int32Array;
  nodeJ: Int32Array;
  /** 1 for lattice points on the trunk line (and the feeder head). */
  nodeTrunk: Uint8Array;
  headNode: Int32Array;
  /** Sections, parent → child, in creation order (every parent section precedes its children). */
  sectionCount: number;
  sectionFrom: Int32Array;
  sectionTo: Int32Array;
  sectionLength_km: Float64Array;
  /** Section entering each node (-1 for heads). */
  upstreamSection: Int32Array;
  /** Node each transformer hangs on. */
  transformerNode: Int32Array;
}

function sign(v: number): number {
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** Parent lattice point of (i, j) in the feeder rooted at (si, sj); see the file comment. */
function parentOf(i: number, j: number, si: number, sj: number, eastWest: boolean): [number, number] {
  if (eastWest) {
    if (j === sj) return [i - sign(i - si), j];
    if (i % 2 === 0) return [i, j - sign(j - sj)];
    return [i - sign(i - si), j];
  }
  if (i === si) return [i, j - sign(j - sj)];
  if (j % 2 === 0) return [i - sign(i - si), j];
  return [i, j - sign(j - sj)];
}

export function buildPrimaryNetwork(
  lattice: Lattice,
  sites: Sites,
  feeders: FeederPlan,
  transformers: TransformerPlan,
): PrimaryNetwork {
  const nodeX: number[] = [];
  const nodeY: number[] = [];
  const nodeFeeder: number[] = [];
  const nodeI: number[] = [];
  const nodeJ: number[] = [];
  const nodeTrunk: number[] = [];
  const upstream: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const len: number[] = [];
  const headNode = new Int32Array(feeders.count);
  const transformerNode = new Int32Array(transformers.count);

  const byFeeder: number[][] = Array.from({ length: feeders.count }, () => []);
  for (let t = 0; t < transformers.count; t++) byFeeder[transformers.feeder[t]].push(t);

  const addNode = (f: number, i: number, j: number, x: number, y: number, trunk: boolean): number => {
    nodeX.push(x);
    nodeY.push(y);
    nodeFeeder.push(f);
    nodeI.push(i);
    nodeJ.push(j);
    nodeTrunk.push(trunk ? 1 : 0);
    upstream.push(-1);
    return nodeX.length - 1;
  };
  const addSection = (a: number, b: number, length_km: number) => {
    from.push(a);
    to.push(b);
    len.push(length_km);
    upstream[b] = from.length - 1;
  };

  for (let f = 0; f < feeders.count; f++) {
    const s = feeders.substation[f];
    const si = sites.i[s];
    const sj = sites.j[s];
    const eastWest = feeders.trunkEastWest[f] === 1;
    const sx = lattice.x_km(si);
    const sy = lattice.x_km(sj);
    const head = addNode(f, -1, -1, sx + SUBSTATION_OFFSET_KM, sy + SUBSTATION_OFFSET_KM, true);
    headNode[f] = head;
    const root = addNode(f, si, sj, sx, sy, true);
    addSection(head, root, Math.SQRT2 * SUBSTATION_OFFSET_KM);
    const atPoint = new Map<number, number>([[lattice.key(si, sj), root]]);

    for (const t of byFeeder[f]) {
      // Walk up from the transformer's point until the tree is reached, then add the path top-down.
      const path: [number, number][] = [];
      let i = transformers.i[t];
      let j = transformers.j[t];
      while (!atPoint.has(lattice.key(i, j))) {
        path.push([i, j]);
        [i, j] = parentOf(i, j, si, sj, eastWest);
      }
      let parent = atPoint.get(lattice.key(i, j))!;
      for (let k = path.length - 1; k >= 0; k--) {
        const [pi, pj] = path[k];
        const trunk = eastWest ? pj === sj : pi === si;
        const node = addNode(f, pi, pj, lattice.x_km(pi), lattice.x_km(pj), trunk);
        addSection(parent, node, LATTICE_KM);
        atPoint.set(lattice.key(pi, pj), node);
        parent = node;
      }
      transformerNode[t] = atPoint.get(lattice.key(transformers.i[t], transformers.j[t]))!;
    }
  }

  return {
    nodeCount: nodeX.length,
    nodeX: Float64Array.from(nodeX),
    nodeY: Float64Array.from(nodeY),
    nodeFeeder: Int32Array.from(nodeFeeder),
    nodeI: Int32Array.from(nodeI),
    nodeJ: Int32Array.from(nodeJ),
    nodeTrunk: Uint8Array.from(nodeTrunk),
    headNode,
    sectionCount: from.length,
    sectionFrom: Int32Array.from(from),
    sectionTo: Int32Array.from(to),
    sectionLength_km: Float64Array.from(len),
    upstreamSection: Int32Array.from(upstream),
    transformerNode,
  };
}
