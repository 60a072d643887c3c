/**
 * Line outage distribution factors (LODF), as MATPOWER's makeLODF, and the N-1 screening built
 * on them. With H = PTDF · Aᵀ (H[l, k] = PTDF[l, f(k)] − PTDF[l, t(k)], the flow on l per MW
 * moved from k's from bus to its to bus):
 *
 *   LODF[l, k] = H[l, k] / (1 − H[k, k]),   LODF[k, k] = −1
 *
 * so after branch k opens, branch l carries  f_l + LODF[l, k] · f_k  (exact in the DC model,
 * phase shifters included). LODF does not depend on the choice of slack buses.
 *
 * An outage that splits an island (k is a bridge: 1 − H[k, k] = 0 in exact arithmetic) has no
 * post-outage DC flow without re-dispatching the cut-off part: its column is NaN (diagonal −1)
 * and islanding[k] = 1. Bridges are found by topology (Tarjan), not by a tolerance.
 */
import type { DcBranchData } from './make-bdc.ts';
import type { PtdfMatrix } from './ptdf.ts';
import {
  chooseIslandSlacks,
  factorSensitivity,
  findBridges,
  transferAngles,
  type SlackSpec,
} from './dc-sensitivity.ts';
import type { LdltOrdering } from './sparse/ldlt.ts';

/** A dense nBranch × nBranch LODF matrix, row-major: values[l · nBranch + k]. */
export class LodfMatrix {
  constructor(
    readonly nBranch: number,
    readonly values: Float64Array,
    /** islanding[k] = 1 when the outage of k splits an island (column k is NaN but LODF[k,k]). */
    readonly islanding: Uint8Array,
  ) {}

  /** Change of the flow on branch l per MW that flowed on branch k before k opened. */
  at(l: number, k: number): number {
    return this.values[l * this.nBranch + k];
  }
}

/**
 * LODF from a full PTDF (computePtdf) of the same network. Columns of out-of-service branches
 * are zero (opening them changes nothing); rows of out-of-service branches are zero.
 *
 * @example
 * // Triangle with equal x: opening 0–2 puts all its flow on the path 0–1–2.
 * const lodf = computeLodf(computePtdf(triangle, 0), triangle);
 * lodf.at(0, 2); // 1 — and lodf.at(2, 2) = −1
 */
export function computeLodf(ptdf: PtdfMatrix, net: DcBranchData): LodfMatrix {
  const { nBus, branchFrom, branchTo, inService } = net;
  const m = branchFrom.length;
  if (ptdf.nBus !== nBus || ptdf.nBranch !== m || !ptdf.isFull) {
    throw new RangeError(
      `lodf: needs the full PTDF of this network (${m} × ${nBus}); got ${ptdf.nRows} rows × ${ptdf.nBus} buses`,
    );
  }
  const islanding = findBridges(nBus, branchFrom, branchTo, inService);
  const P = ptdf.values;
  const denominator = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    denominator[k] = 1 - (P[k * nBus + branchFrom[k]] - P[k * nBus + branchTo[k]]);
  }
  const values = new Float64Array(m * m);
  for (let l = 0; l < m; l++) {
    if (inService[l] === 0) continue;
    const rowP = l * nBus;
    const rowL = l * m;
    for (let k = 0; k < m; k++) {
      if (inService[k] === 0) continue;
      values[rowL + k] = islanding[k]
        ? NaN
        : (P[rowP + branchFrom[k]] - P[rowP + branchTo[k]]) / denominator[k];
    }
    values[rowL + l] = -1;
  }
  return new LodfMatrix(m, values, islanding);
}

export interface ScreenOutagesOptions {
  /** Branches to open one at a time. Default: every in-service branch. */
  outages?: ArrayLike<number>;
  /** A precomputed LODF of this network; when absent, one solve per outage (no dense matrix). */
  lodf?: LodfMatrix;
  /** Loading (percent of rating) above which a branch counts as overloaded. Default 100. */
  overloadThreshold_pct?: number;
  /** Fill-reducing ordering of the sparse factorization. Default 'amd'. */
  ordering?: LdltOrdering;
}

export const SCREEN_OUTAGES_DEFAULTS = {
  overloadThreshold_pct: 100,
  ordering: 'amd' as LdltOrdering,
};

/** N-1 screening results, indexed by the outaged branch k (length nBranch). */
export interface OutageScreen {
  /** Highest |post-outage flow| / rating · 100 over the other rated in-service branches; 0 when
   *  none is rated; NaN when k was not screened (out of service, not requested) or islands. */
  readonly worstLoading_pct: Float64Array;
  /** The branch with that loading, −1 when none (not screened, or no rated branch). */
  readonly worstBranch: Int32Array;
  /** Number of branches loaded above the threshold after k opens. */
  readonly overloadCount: Int32Array;
  /** Screened outages that split an island (bridges): these need a full island-wise study. */
  readonly islandingOutages: Int32Array;
}

/**
 * Screens single-branch outages with LODF: for each in-service branch k, post-outage flows
 * f_l + LODF[l, k] · f_k on every other in-service branch, and the worst loading. Without a
 * precomputed `lodf` it uses one sparse solve per outage, O(nBus + nBranch) memory, so it runs
 * on grids where the dense nBranch² LODF would not fit. The slack only fixes the factorization;
 * results do not depend on it (default: chooseIslandSlacks).
 *
 * @example
 * const base = solveDcPowerFlow(net);
 * const s = screenSingleOutages(net, base.flow_mw, rateA_mw);
 * // s.worstLoading_pct[k] ≤ 100 ⇒ the outage of k overloads nothing: a cascade sweep skips it
 */
export function screenSingleOutages(
  net: DcBranchData,
  flow_mw: ArrayLike<number>,
  rating_mw: ArrayLike<number>,
  slack?: SlackSpec,
  options: ScreenOutagesOptions = {},
): OutageScreen {
  const { overloadThreshold_pct, ordering } = { ...SCREEN_OUTAGES_DEFAULTS, ...options };
  const { nBus, branchFrom, branchTo, inService } = net;
  const m = branchFrom.length;
  if (flow_mw.length !== m || rating_mw.length !== m) {
    throw new RangeError(
      `lodf: flow_mw (${flow_mw.length}) and rating_mw (${rating_mw.length}) need ${m} entries`,
    );
  }
  const screened = new Uint8Array(m);
  if (options.outages) {
    for (const k of Array.from(options.outages)) {
      if (!Number.isInteger(k) || k < 0 || k >= m)
        throw new RangeError(`lodf: outage ${k} is not a branch index`);
      screened[k] = inService[k] !== 0 ? 1 : 0;
    }
  } else for (let k = 0; k < m; k++) screened[k] = inService[k] !== 0 ? 1 : 0;

  const lodf = options.lodf;
  if (lodf && lodf.nBranch !== m)
    throw new RangeError(`lodf: the given LODF has ${lodf.nBranch} branches, not ${m}`);
  const islanding = lodf?.islanding ?? findBridges(nBus, branchFrom, branchTo, inService);
  const sf = lodf
    ? null
    : factorSensitivity(net, slack ?? chooseIslandSlacks(net).slackBus, 'lodf', ordering);
  const rhs = new Float64Array(sf?.factor?.n ?? 0);
  const theta = new Float64Array(nBus);
  const column = new Float64Array(m);

  const worstLoading_pct = new Float64Array(m).fill(NaN);
  const worstBranch = new Int32Array(m).fill(-1);
  const overloadCount = new Int32Array(m);
  const islandingOutages: number[] = [];
  for (let k = 0; k < m; k++) {
    if (!screened[k]) continue;
    if (islanding[k]) {
      islandingOutages.push(k);
      continue;
    }
    if (lodf) {
      for (let l = 0; l < m; l++) column[l] = lodf.values[l * m + k];
    } else if (sf) {
      // Column k of H: the flows of a 1 pu transfer from k's from bus to its to bus.
      const f = branchFrom[k];
      const t = branchTo[k];
      if (f === t) column.fill(0);
      else {
        transferAngles(sf, f, t, rhs, theta);
        const b = sf.branchB_pu;
        for (let l = 0; l < m; l++) column[l] = b[l] * (theta[branchFrom[l]] - theta[branchTo[l]]);
        const denominator = 1 - column[k];
        for (let l = 0; l < m; l++) column[l] /= denominator;
      }
    }
    const fk = flow_mw[k];
    let worst = 0;
    let worstAt = -1;
    let over = 0;
    for (let l = 0; l < m; l++) {
      const rating = rating_mw[l];
      if (l === k || inService[l] === 0 || !(rating > 0) || !Number.isFinite(rating)) continue;
      const loading = (100 * Math.abs(flow_mw[l] + column[l] * fk)) / rating;
      if (loading > worst || worstAt < 0) {
        worst = loading;
        worstAt = l;
      }
      if (loading > overloadThreshold_pct) over++;
    }
    worstLoading_pct[k] = worstAt < 0 ? 0 : worst;
    worstBranch[k] = worstAt;
    overloadCount[k] = over;
  }
  return {
    worstLoading_pct,
    worstBranch,
    overloadCount,
    islandingOutages: Int32Array.from(islandingOutages),
  };
}
