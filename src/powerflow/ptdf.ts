/**
 * Power transfer distribution factors (PTDF), as MATPOWER's makePTDF with one slack per island:
 * PTDF[l, j] is the change of the DC flow on branch l (from → to, in MW per MW) when 1 MW is
 * injected at bus j and withdrawn at the slack bus of j's island. The slack columns are zero,
 * and so is every entry coupling a branch and a bus in different islands.
 *
 *   PTDF = Bf · B⁻¹ over the non-slack buses,   Bf[l, ·] = b_l · (e_f(l) − e_t(l))ᵀ
 *
 * PTDF is linear: it maps net injections to flows, ignoring phase-shifter offsets, so the DC
 * flows are  flow = PTDF · (P − Pbusinj) + Pfinj  (just PTDF · P without phase shifters).
 *
 * Two ways to compute it from one sparse LDLᵀ factorization of the reduced B:
 *  - by bus (`computePtdf`): column j = Bf · B⁻¹ e_j, one solve per non-slack bus;
 *  - by branch (`ptdfRows`): row l = B⁻¹ (b_l (e_f − e_t)) since B is symmetric, one solve per
 *    requested branch.
 * For the full matrix the bus-wise form needs fewer solves: a connected grid has
 * nBranch ≥ nBus − 1 (transmission grids run 1.3–1.6 branches per bus), and a unit right-hand
 * side e_j only touches the elimination-tree path of j in the forward solve, against two paths
 * for e_f − e_t. On sparse grids the solves are cheap next to writing the dense nBranch × nBus
 * output (2,000 buses, 2,799 branches, nnz(L) ≈ 4,800: both forms ≈ 130–200 ms, of which ≈ 50
 * ms is touching the 45 MB), so the bus-wise form also writes in cache blocks of columns.
 * For a few monitored branches the branch-wise form wins: k solves, k × nBus memory.
 */
import type { DcBranchData } from './make-bdc.ts';
import { factorSensitivity, transferAngles, type IslandSlacks, type SlackSpec } from './dc-sensitivity.ts';
import type { LdltOrdering } from './sparse/ldlt.ts';

export interface PtdfOptions {
  /** Fill-reducing ordering of the sparse factorization. Default 'amd'. */
  ordering?: LdltOrdering;
}

/** Bus columns computed together in computePtdf (cache blocking of the row-major writes). */
const BLOCK = 32;

export const PTDF_DEFAULTS: Required<PtdfOptions> = {
  ordering: 'amd',
};

/** Rows of a PTDF matrix: row r belongs to branch `branches[r]`; values in MW/MW, row-major. */
export class PtdfMatrix {
  constructor(
    readonly nBus: number,
    /** Branch index of each row (0 .. nBranch−1 in order for the full matrix). */
    readonly branches: Int32Array,
    /** nRows × nBus, row-major: values[r · nBus + j]. */
    readonly values: Float64Array,
    /** The islands and the slack bus of each; slack columns are zero. */
    readonly slacks: IslandSlacks,
    /** Number of branches of the network the rows were taken from. */
    readonly nBranch: number,
  ) {}

  get nRows(): number {
    return this.branches.length;
  }

  /** True when every branch has its row, in order (row r is branch r). */
  get isFull(): boolean {
    return this.branches.length === this.nBranch && this.branches.every((l, r) => l === r);
  }

  /** PTDF of row r (branch branches[r]) for an injection at `bus`. */
  at(row: number, bus: number): number {
    return this.values[row * this.nBus + bus];
  }

  /** Row r as a view (no copy) of length nBus. */
  row(row: number): Float64Array {
    return this.values.subarray(row * this.nBus, (row + 1) * this.nBus);
  }

  /** flow_mw[r] = Σ_j PTDF[r, j] · p_mw[j]: the flows an injection pattern causes. */
  multiply(p_mw: ArrayLike<number>, out?: Float64Array): Float64Array {
    const { nBus, values } = this;
    if (p_mw.length !== nBus) throw new RangeError(`ptdf: injection length ${p_mw.length} ≠ nBus ${nBus}`);
    const y = out ?? new Float64Array(this.nRows);
    for (let r = 0; r < this.nRows; r++) {
      let s = 0;
      const base = r * nBus;
      for (let j = 0; j < nBus; j++) s += values[base + j] * p_mw[j];
      y[r] = s;
    }
    return y;
  }
}

/**
 * The full nBranch × nBus PTDF matrix, one slack per island (see SlackSpec). Out-of-service
 * branches and self-loops have zero rows. Memory: 8 · nBranch · nBus bytes.
 *
 * @example
 * // Triangle 0–1, 1–2, 0–2, equal x, slack 0: 1 MW into bus 2 flows 1/3 via bus 1, 2/3 direct.
 * const ptdf = computePtdf(triangle, 0);
 * ptdf.at(2, 2); // PTDF[branch 0–2, bus 2] = −2/3 (flow 0→2 falls: the MW goes 2 → 0)
 * ptdf.at(0, 2); // PTDF[branch 0–1, bus 2] = −1/3
 */
export function computePtdf(net: DcBranchData, slack: SlackSpec, options: PtdfOptions = {}): PtdfMatrix {
  const { ordering } = { ...PTDF_DEFAULTS, ...options };
  const sf = factorSensitivity(net, slack, 'ptdf', ordering);
  const { nBus, branchFrom, branchTo } = net;
  const m = branchFrom.length;
  const values = new Float64Array(m * nBus);
  const { branchB_pu, reduced } = sf;
  const rhs = new Float64Array(sf.factor?.n ?? 0);
  // Columns go in blocks: BLOCK angle vectors side by side (thetas[i · BLOCK + c]), then each
  // branch writes BLOCK contiguous entries of its row instead of one entry per nBus stride.
  const thetas = new Float64Array(nBus * BLOCK);
  const theta = new Float64Array(nBus);
  for (let j0 = 0; j0 < nBus; j0 += BLOCK) {
    const width = Math.min(BLOCK, nBus - j0);
    for (let c = 0; c < width; c++) {
      if (reduced[j0 + c] < 0)
        theta.fill(0); // slack column stays zero
      else transferAngles(sf, j0 + c, -1, rhs, theta);
      for (let i = 0; i < nBus; i++) thetas[i * BLOCK + c] = theta[i];
    }
    for (let l = 0; l < m; l++) {
      const b = branchB_pu[l];
      if (b === 0) continue;
      const f = branchFrom[l] * BLOCK;
      const t = branchTo[l] * BLOCK;
      const q = l * nBus + j0;
      for (let c = 0; c < width; c++) values[q + c] = b * (thetas[f + c] - thetas[t + c]);
    }
  }
  const branches = Int32Array.from({ length: m }, (_, l) => l);
  return new PtdfMatrix(nBus, branches, values, sf.slacks, m);
}

/**
 * PTDF rows of the given (monitored) branches only, one solve each: what outage screening of
 * a large grid needs without the dense nBranch × nBus matrix. Rows follow `branches` order.
 *
 * @example
 * const rows = ptdfRows(net, 0, [12, 40]); // 2 × nBus
 * rows.at(1, 7); // PTDF of branch 40 for an injection at bus 7
 */
export function ptdfRows(
  net: DcBranchData,
  slack: SlackSpec,
  branches: ArrayLike<number>,
  options: PtdfOptions = {},
): PtdfMatrix {
  const { ordering } = { ...PTDF_DEFAULTS, ...options };
  const sf = factorSensitivity(net, slack, 'ptdf', ordering);
  const { nBus, branchFrom, branchTo } = net;
  const m = branchFrom.length;
  const rows = Int32Array.from(branches);
  const values = new Float64Array(rows.length * nBus);
  const rhs = new Float64Array(sf.factor?.n ?? 0);
  const theta = new Float64Array(nBus);
  for (let r = 0; r < rows.length; r++) {
    const l = rows[r];
    if (!Number.isInteger(l) || l < 0 || l >= m) {
      throw new RangeError(`ptdf: branch ${l} is not a branch index in [0, ${m})`);
    }
    const b = sf.branchB_pu[l];
    if (b === 0 || branchFrom[l] === branchTo[l]) continue;
    // B symmetric ⇒ row l of Bf·B⁻¹ is B⁻¹ · (b_l (e_f − e_t)): the angles of that transfer.
    transferAngles(sf, branchFrom[l], branchTo[l], rhs, theta);
    const base = r * nBus;
    for (let j = 0; j < nBus; j++) values[base + j] = b * theta[j];
  }
  return new PtdfMatrix(nBus, rows, values, sf.slacks, m);
}
