/**
 * Shared machinery of the DC sensitivities (PTDF, LODF, outage screening):
 *  - one slack bus per island of in-service branches (`chooseIslandSlacks`, `resolveIslandSlacks`);
 *  - one sparse LDLᵀ factorization of Bbus with every island's slack row and column removed —
 *    the islands are independent blocks of that one matrix (`factorSensitivity`);
 *  - the bridges of the in-service network: the branches whose outage splits an island
 *    (`findBridges`), which is how LODF flags islanding outages exactly, by topology rather
 *    than by a tolerance on 1 − PTDF_k·(e_f − e_t).
 */
import { findIslands } from './islands.ts';
import { checkDcBranchData, makeBdc, type DcBranchData } from './make-bdc.ts';
import { csrPrincipalSubmatrix } from './sparse/csr.ts';
import { factorLdlt, type LdltFactor, type LdltOrdering } from './sparse/ldlt.ts';

/**
 * The slack of each island: one bus number (valid only for a network that is one island), or
 * an array listing exactly one bus in every island (any order).
 */
export type SlackSpec = number | ArrayLike<number>;

/** One slack bus per island of in-service branches. */
export interface IslandSlacks {
  /** Island of each bus, 0 .. count-1 (as findIslands: ordered by lowest bus index). */
  readonly islandLabel: Int32Array;
  /** Number of islands (an isolated bus is an island of its own, and its own slack). */
  readonly count: number;
  /** slackBus[island] = the bus whose injection balances that island. */
  readonly slackBus: Int32Array;
}

export interface ChooseIslandSlacksOptions {
  /** Net injection per bus in MW; the island's bus with the largest value becomes its slack. */
  pInjection_mw?: ArrayLike<number>;
  /** Buses to use as slacks where they lie (at most one per island); other islands choose. */
  preferred?: ArrayLike<number>;
}

const MAX_NAMED = 20;
const named = (buses: number[]): string =>
  buses.slice(0, MAX_NAMED).join(', ') + (buses.length > MAX_NAMED ? ', …' : '');

/**
 * Picks a slack in every island: a preferred bus if one lies in the island, else the bus with
 * the largest net injection (the biggest generator), ties and missing injections going to the
 * lowest bus index.
 *
 * @example
 * // Buses {0,1} and {2,3} form two islands; generation at buses 1 and 2:
 * const s = chooseIslandSlacks(net, { pInjection_mw: [-10, 50, 30, -70] });
 * // s.slackBus = [1, 2]
 */
export function chooseIslandSlacks(net: DcBranchData, options: ChooseIslandSlacksOptions = {}): IslandSlacks {
  const { nBus, branchFrom, branchTo, inService } = net;
  const { pInjection_mw, preferred } = options;
  if (pInjection_mw && pInjection_mw.length !== nBus) {
    throw new RangeError(`dc-sensitivity: pInjection_mw has length ${pInjection_mw.length}, nBus is ${nBus}`);
  }
  const islands = findIslands(nBus, branchFrom, branchTo, inService);
  const slackBus = new Int32Array(islands.count).fill(-1);
  for (const bus of Array.from(preferred ?? [])) {
    checkBus(nBus, bus);
    const island = islands.label[bus];
    if (slackBus[island] >= 0 && slackBus[island] !== bus) {
      throw new RangeError(`dc-sensitivity: preferred slacks ${slackBus[island]} and ${bus} share an island`);
    }
    slackBus[island] = bus;
  }
  const fixed = Uint8Array.from(slackBus, (s) => (s >= 0 ? 1 : 0));
  for (let i = 0; i < nBus; i++) {
    const island = islands.label[i];
    if (fixed[island]) continue;
    const s = slackBus[island];
    const p = pInjection_mw ? pInjection_mw[i] : 0;
    if (s < 0 || p > (pInjection_mw ? pInjection_mw[s] : 0)) slackBus[island] = i;
  }
  return { islandLabel: islands.label, count: islands.count, slackBus };
}

/**
 * Checks a SlackSpec against the islands of `net`: exactly one slack in every island.
 * Throws an error naming `module` and the buses of an island without (or with two) slacks.
 */
export function resolveIslandSlacks(net: DcBranchData, slack: SlackSpec, module: string): IslandSlacks {
  const { nBus, branchFrom, branchTo, inService } = net;
  const list = typeof slack === 'number' ? [slack] : Array.from(slack);
  const islands = findIslands(nBus, branchFrom, branchTo, inService);
  const slackBus = new Int32Array(islands.count).fill(-1);
  for (const bus of list) {
    checkBus(nBus, bus, module);
    const island = islands.label[bus];
    if (slackBus[island] >= 0) {
      throw new RangeError(`${module}: slack buses ${slackBus[island]} and ${bus} lie in the same island`);
    }
    slackBus[island] = bus;
  }
  const orphan = slackBus.indexOf(-1);
  if (orphan >= 0) {
    const buses: number[] = [];
    for (let i = 0; i < nBus; i++) if (islands.label[i] === orphan) buses.push(i);
    throw new Error(
      `${module}: the network has ${islands.count} islands and the island of bus(es) ${named(buses)} ` +
        'has no slack; give one slack per island (see chooseIslandSlacks)',
    );
  }
  return { islandLabel: islands.label, count: islands.count, slackBus };
}

function checkBus(nBus: number, bus: number, module = 'dc-sensitivity'): void {
  if (!Number.isInteger(bus) || bus < 0 || bus >= nBus) {
    throw new RangeError(`${module}: slack bus ${bus} is not a bus index in [0, ${nBus})`);
  }
}

/** A factorized reduced B (all island slacks removed) and what is needed to use it. */
export interface SensitivityFactor {
  readonly slacks: IslandSlacks;
  /** reduced[i] = row of bus i in the reduced system, −1 at slack buses. */
  readonly reduced: Int32Array;
  /** Series susceptance per branch in per unit (0 when out of service). */
  readonly branchB_pu: Float64Array;
  /** LDLᵀ factor of the reduced B, or null when every bus is a slack. */
  readonly factor: LdltFactor | null;
}

/** Checks `net`, resolves the slacks and factorizes B once (AMD ordering by default). */
export function factorSensitivity(
  net: DcBranchData,
  slack: SlackSpec,
  module: string,
  ordering: LdltOrdering = 'amd',
): SensitivityFactor {
  checkDcBranchData(net, module);
  const slacks = resolveIslandSlacks(net, slack, module);
  const { bBus, branchB_pu } = makeBdc(net);
  const isSlack = new Uint8Array(net.nBus);
  for (const s of slacks.slackBus) isSlack[s] = 1;
  const reduced = new Int32Array(net.nBus);
  let nFree = 0;
  for (let i = 0; i < net.nBus; i++) reduced[i] = isSlack[i] ? -1 : nFree++;
  // Negative reactances (series compensation) can make B indefinite; a zero pivot still throws.
  const factor =
    nFree > 0
      ? factorLdlt(csrPrincipalSubmatrix(bBus, reduced, nFree), { ordering, allowIndefinite: true })
      : null;
  return { slacks, reduced, branchB_pu, factor };
}

/**
 * Angles (rad, slack buses 0) for 1 pu injected at bus `a` and withdrawn at bus `b` (b = −1:
 * withdrawn at the island's slack). `rhs` (length nFree) is workspace; `theta` is written.
 */
export function transferAngles(
  sf: SensitivityFactor,
  a: number,
  b: number,
  rhs: Float64Array,
  theta: Float64Array,
): void {
  const { reduced, factor } = sf;
  theta.fill(0);
  if (!factor) return;
  rhs.fill(0);
  if (reduced[a] >= 0) rhs[reduced[a]] += 1;
  if (b >= 0 && reduced[b] >= 0) rhs[reduced[b]] -= 1;
  factor.solve(rhs, rhs);
  for (let i = 0; i < reduced.length; i++) if (reduced[i] >= 0) theta[i] = rhs[reduced[i]];
}

/**
 * The bridges of the in-service network: isBridge[l] = 1 when taking branch l out splits its
 * island. Parallel branches are never bridges; self-loops and out-of-service branches never are.
 * Iterative Tarjan low-link, O(nBus + nBranch).
 *
 * @example
 * findBridges(3, Int32Array.of(0, 1), Int32Array.of(1, 2), Uint8Array.of(1, 1)); // [1, 1]
 */
export function findBridges(
  nBus: number,
  from: Int32Array,
  to: Int32Array,
  inService: Uint8Array,
): Uint8Array {
  const m = from.length;
  const degree = new Int32Array(nBus + 1);
  for (let l = 0; l < m; l++) {
    if (inService[l] === 0 || from[l] === to[l]) continue;
    degree[from[l] + 1]++;
    degree[to[l] + 1]++;
  }
  for (let i = 0; i < nBus; i++) degree[i + 1] += degree[i];
  const adjPtr = degree;
  const adjEdge = new Int32Array(adjPtr[nBus]);
  const fillPos = adjPtr.slice(0, nBus);
  for (let l = 0; l < m; l++) {
    if (inService[l] === 0 || from[l] === to[l]) continue;
    adjEdge[fillPos[from[l]]++] = l;
    adjEdge[fillPos[to[l]]++] = l;
  }
  const isBridge = new Uint8Array(m);
  const disc = new Int32Array(nBus).fill(-1);
  const low = new Int32Array(nBus);
  const stackBus = new Int32Array(nBus);
  const stackEdge = new Int32Array(nBus); // edge by which each stacked bus was entered
  const next = new Int32Array(nBus); // next adjacency position to explore
  let time = 0;
  for (let root = 0; root < nBus; root++) {
    if (disc[root] >= 0) continue;
    let top = 0;
    stackBus[0] = root;
    stackEdge[0] = -1;
    disc[root] = low[root] = time++;
    next[root] = adjPtr[root];
    while (top >= 0) {
      const v = stackBus[top];
      if (next[v] < adjPtr[v + 1]) {
        const l = adjEdge[next[v]++];
        if (l === stackEdge[top]) continue; // the tree edge back to the parent (by id, not bus)
        const w = from[l] === v ? to[l] : from[l];
        if (disc[w] < 0) {
          disc[w] = low[w] = time++;
          next[w] = adjPtr[w];
          stackBus[++top] = w;
          stackEdge[top] = l;
        } else if (disc[w] < low[v]) low[v] = disc[w];
      } else {
        top--;
        if (top >= 0) {
          const parent = stackBus[top];
          if (low[v] < low[parent]) low[parent] = low[v];
          if (low[v] > disc[parent]) isBridge[stackEdge[top + 1]] = 1;
        }
      }
    }
  }
  return isBridge;
}
