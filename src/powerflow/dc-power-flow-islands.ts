/**
 * DC power flow of a network that may be split into islands, with the angle of one or more
 * reference buses fixed — MATPOWER's dcpf in full generality:
 *
 *   B(N,N) · θ(N) = P(N) − Pbusinj(N) − B(N,R) · θ(R)        (R = reference buses, N = the rest)
 *
 * Every island of in-service branches needs at least one reference bus (an isolated bus with
 * no branches is an island of its own). A reference bus absorbs its island's mismatch; its
 * injection is what the solved angles make flow out of it. Islands are independent blocks of
 * one sparse system, so one LDLᵀ factorization (AMD ordering) solves them all.
 *
 * For repeated solves on one network whose branches only go out of service and whose reference
 * buses change (a cascade), DcPowerFlowWorkspace keeps Bbus's pattern, the AMD ordering and the
 * symbolic analysis, and redoes only the numeric factorization: reference buses are pinned in
 * place (row and column zeroed, diagonal 1) instead of removed, so the pattern never changes.
 */
import { DC_POWER_FLOW_DEFAULTS, type DcPowerFlowOptions } from './dc-power-flow.ts';
import { findIslands } from './islands.ts';
import { checkDcBranchData, makeBdc, type DcBranchData } from './make-bdc.ts';
import type { CsrMatrix } from './sparse/csr.ts';
import { numericLdlt, symbolicLdlt, type LdltSymbolic } from './sparse/ldlt.ts';

export interface DcMultiReferenceNetwork extends DcBranchData {
  /** System base power in MVA. */
  readonly baseMva: number;
  /** Scheduled net injection per bus in MW (generation − load); ignored at reference buses. */
  readonly pInjection_mw: Float64Array;
}

export interface DcMultiReferenceResult {
  /** Voltage angle per bus in radians; the given angle at reference buses. */
  readonly va_rad: Float64Array;
  /** Active power flow per branch in MW, from → to; 0 for out-of-service branches. */
  readonly flow_mw: Float64Array;
  /** Net injection per bus in MW that the solution implies (Σ flows out of the bus). */
  readonly injection_mw: Float64Array;
}

const MODULE = 'dc-power-flow-islands';
const MAX_NAMED_BUSES = 20;

/** Position of column j in the sorted row i of A (or −1). */
function entry(A: CsrMatrix, i: number, j: number): number {
  let lo = A.rowPtr[i];
  let hi = A.rowPtr[i + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = A.colIdx[mid];
    if (c === j) return mid;
    if (c < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Reusable DC power flow for one network: build once, then solve for any subset of its
 * in-service branches, any injections and any reference buses. Not re-entrant.
 *
 * @example
 * const ws = new DcPowerFlowWorkspace(net);             // pattern, AMD, symbolic: once
 * const a = ws.solve(net.inService, p_mw, [0], [0]);
 * const b = ws.solve(withoutBranch3, p_mw, [0, 7], [0, 0]); // numeric factorization only
 */
export class DcPowerFlowWorkspace {
  private readonly bBus: CsrMatrix;
  private readonly symbolic: LdltSymbolic;
  private readonly diagPos: Int32Array;
  private readonly ftPos: Int32Array;
  private readonly tfPos: Int32Array;
  private readonly transposePos: Int32Array;
  private readonly branchB_pu: Float64Array;
  private readonly branchShiftFlow_pu: Float64Array;
  private readonly isReference: Uint8Array;

  constructor(
    private readonly net: DcBranchData & { readonly baseMva: number },
    options: DcPowerFlowOptions = {},
  ) {
    const { ordering } = { ...DC_POWER_FLOW_DEFAULTS, ...options };
    checkDcBranchData(net, MODULE);
    if (!(net.baseMva > 0) || !Number.isFinite(net.baseMva)) {
      throw new RangeError(`${MODULE}: baseMva must be a positive number (got ${net.baseMva})`);
    }
    const { bBus, branchB_pu, branchShiftFlow_pu } = makeBdc(net);
    const { nBus, branchFrom, branchTo } = net;
    this.bBus = { ...bBus, values: new Float64Array(bBus.values.length) };
    this.branchB_pu = branchB_pu;
    this.branchShiftFlow_pu = branchShiftFlow_pu;
    this.diagPos = Int32Array.from({ length: nBus }, (_, i) => entry(bBus, i, i));
    const m = branchFrom.length;
    this.ftPos = new Int32Array(m).fill(-1);
    this.tfPos = new Int32Array(m).fill(-1);
    for (let l = 0; l < m; l++) {
      if (!net.inService[l] || branchFrom[l] === branchTo[l]) continue;
      this.ftPos[l] = entry(bBus, branchFrom[l], branchTo[l]);
      this.tfPos[l] = entry(bBus, branchTo[l], branchFrom[l]);
    }
    this.transposePos = new Int32Array(bBus.colIdx.length);
    for (let i = 0; i < nBus; i++) {
      for (let q = bBus.rowPtr[i]; q < bBus.rowPtr[i + 1]; q++)
        this.transposePos[q] = entry(bBus, bBus.colIdx[q], i);
    }
    this.symbolic = symbolicLdlt(bBus, { ordering });
    this.isReference = new Uint8Array(nBus);
  }

  /**
   * Solves with the branches `inService` (a subset of those in service when the workspace was
   * built), injections `pInjection_mw` and the angles of `referenceBus[k]` fixed at
   * `referenceVa_rad[k]`. An island without a reference bus makes the system singular (throws).
   */
  solve(
    inService: Uint8Array,
    pInjection_mw: Float64Array,
    referenceBus: ArrayLike<number>,
    referenceVa_rad: ArrayLike<number>,
  ): DcMultiReferenceResult {
    const { nBus, baseMva, branchFrom, branchTo } = this.net;
    const m = branchFrom.length;
    const { rowPtr, colIdx, values } = this.bBus;
    const isReference = this.isReference;
    if (
      inService.length !== m ||
      pInjection_mw.length !== nBus ||
      referenceVa_rad.length !== referenceBus.length
    ) {
      throw new RangeError(
        `${MODULE}: inService, pInjection_mw or the reference arrays have the wrong length`,
      );
    }
    const va_rad = new Float64Array(nBus);
    const rhs = new Float64Array(nBus);
    values.fill(0);
    for (let l = 0; l < m; l++) {
      if (!inService[l]) continue;
      if (!this.net.inService[l])
        throw new RangeError(`${MODULE}: branch ${l} was out of service in the workspace`);
      const f = branchFrom[l];
      const t = branchTo[l];
      const b = this.branchB_pu[l];
      if (f !== t) {
        values[this.diagPos[f]] += b;
        values[this.diagPos[t]] += b;
        values[this.ftPos[l]] -= b;
        values[this.tfPos[l]] -= b;
      }
      rhs[f] -= this.branchShiftFlow_pu[l];
      rhs[t] += this.branchShiftFlow_pu[l];
    }
    for (let i = 0; i < nBus; i++) rhs[i] += pInjection_mw[i] / baseMva;
    try {
      for (let k = 0; k < referenceBus.length; k++) {
        const r = referenceBus[k];
        if (!Number.isInteger(r) || r < 0 || r >= nBus || !Number.isFinite(referenceVa_rad[k])) {
          throw new RangeError(`${MODULE}: reference bus ${r} at angle ${referenceVa_rad[k]} is not valid`);
        }
        isReference[r] = 1;
        va_rad[r] = referenceVa_rad[k];
      }
      for (let i = 0; i < nBus; i++) {
        if (!isReference[i] && !Number.isFinite(rhs[i]))
          throw new RangeError(`${MODULE}: pInjection_mw[${i}] is ${pInjection_mw[i]}`);
      }
      // Move the known angles to the right-hand side, then pin each reference row and column.
      for (let k = 0; k < referenceBus.length; k++) {
        const r = referenceBus[k];
        for (let q = rowPtr[r]; q < rowPtr[r + 1]; q++) {
          const i = colIdx[q];
          if (!isReference[i]) rhs[i] -= values[q] * va_rad[r];
        }
      }
      for (let k = 0; k < referenceBus.length; k++) {
        const r = referenceBus[k];
        for (let q = rowPtr[r]; q < rowPtr[r + 1]; q++) {
          if (colIdx[q] === r) values[q] = 1;
          else values[q] = values[this.transposePos[q]] = 0;
        }
        rhs[r] = va_rad[r];
      }
      let factor;
      try {
        // Negative reactances (series compensation) can make B indefinite; a zero pivot throws.
        factor = numericLdlt(this.bBus, this.symbolic, { allowIndefinite: true });
      } catch (e) {
        throw new Error(
          `${MODULE}: singular system — an island without a reference bus? (${(e as Error).message})`,
        );
      }
      const theta = factor.solve(rhs);
      for (let i = 0; i < nBus; i++) if (!isReference[i]) va_rad[i] = theta[i];
    } finally {
      for (let k = 0; k < referenceBus.length; k++) {
        const r = referenceBus[k];
        if (r >= 0 && r < nBus) isReference[r] = 0;
      }
    }

    const flow_mw = new Float64Array(m);
    const injection_mw = new Float64Array(nBus);
    for (let l = 0; l < m; l++) {
      if (!inService[l]) continue;
      const f = branchFrom[l];
      const t = branchTo[l];
      const p = (this.branchB_pu[l] * (va_rad[f] - va_rad[t]) + this.branchShiftFlow_pu[l]) * baseMva;
      flow_mw[l] = p;
      injection_mw[f] += p;
      injection_mw[t] -= p;
    }
    return { va_rad, flow_mw, injection_mw };
  }
}

/**
 * Solves the DC power flow once with the angles of `referenceBus[k]` fixed at
 * `referenceVa_rad[k]`; an island without a reference bus is an error naming its buses.
 *
 * @example
 * // Two islands {0,1} and {2,3}, each with a reference bus and a 50 MW load over x = 0.1 pu:
 * const r = solveDcPowerFlowWithReferences({
 *   nBus: 4, baseMva: 100,
 *   branchFrom: Int32Array.of(0, 2), branchTo: Int32Array.of(1, 3), x_pu: Float64Array.of(0.1, 0.1),
 *   tap: new Float64Array(2), shift_deg: new Float64Array(2), inService: Uint8Array.of(1, 1),
 *   pInjection_mw: Float64Array.of(0, -50, 0, -50),
 * }, Int32Array.of(0, 2), Float64Array.of(0, 0));
 * // r.flow_mw = [50, 50], r.va_rad = [0, -0.05, 0, -0.05]
 */
export function solveDcPowerFlowWithReferences(
  net: DcMultiReferenceNetwork,
  referenceBus: ArrayLike<number>,
  referenceVa_rad: ArrayLike<number>,
  options: DcPowerFlowOptions = {},
): DcMultiReferenceResult {
  const workspace = new DcPowerFlowWorkspace(net, options);
  checkEveryIslandHasReference(net, referenceBus);
  return workspace.solve(net.inService, net.pInjection_mw, referenceBus, referenceVa_rad);
}

function checkEveryIslandHasReference(net: DcBranchData, referenceBus: ArrayLike<number>): void {
  const { nBus, branchFrom, branchTo, inService } = net;
  const islands = findIslands(nBus, branchFrom, branchTo, inService);
  const covered = new Uint8Array(islands.count);
  for (let k = 0; k < referenceBus.length; k++) {
    const r = referenceBus[k];
    if (!Number.isInteger(r) || r < 0 || r >= nBus) {
      throw new RangeError(`${MODULE}: reference bus ${r} is not a bus index in [0, ${nBus})`);
    }
    covered[islands.label[r]] = 1;
  }
  const orphan = covered.indexOf(0);
  if (orphan < 0) return;
  const buses: number[] = [];
  for (let i = 0; i < nBus; i++) if (islands.label[i] === orphan) buses.push(i);
  const named = buses.slice(0, MAX_NAMED_BUSES).join(', ') + (buses.length > MAX_NAMED_BUSES ? ', …' : '');
  throw new Error(`${MODULE}: the island of bus(es) ${named} has no reference bus`);
}
