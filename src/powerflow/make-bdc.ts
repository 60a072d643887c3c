/**
 * Builds the DC (B-theta) network matrices, as MATPOWER's makeBdc: branch series susceptance
 * b = 1 / (x · tap), the bus susceptance matrix Bbus, and the constant injections that
 * phase-shifting transformers add at their terminals.
 *
 * With θ in radians and per-unit power, the DC branch flow from → to is
 *   P_f = b · (θ_f − θ_t − φ)            (φ = shift in radians)
 * so the network equations are  Bbus · θ = P_bus − pBusShift_pu.
 */
import { SymmetricCsrBuilder, type CsrMatrix } from './sparse/csr.ts';

/** Branch data of a DC network, one entry per branch. */
export interface DcBranchData {
  readonly nBus: number;
  readonly branchFrom: Int32Array;
  readonly branchTo: Int32Array;
  /** Series reactance in per unit on the system base. Must be non-zero for in-service branches. */
  readonly x_pu: Float64Array;
  /** Off-nominal tap ratio; 0 means 1 (a line). */
  readonly tap: Float64Array;
  /** Phase shift angle in degrees (from side leads). */
  readonly shift_deg: Float64Array;
  /** 1 if the branch is in service, 0 if it is out. */
  readonly inService: Uint8Array;
}

export interface DcMatrices {
  /** nBus×nBus susceptance matrix (per unit), built from in-service branches. */
  readonly bBus: CsrMatrix;
  /** Series susceptance b = 1/(x·tap) per branch (per unit); 0 for out-of-service branches. */
  readonly branchB_pu: Float64Array;
  /** Flow each branch would carry at zero angles, −b·φ (per unit): MATPOWER's Pfinj. */
  readonly branchShiftFlow_pu: Float64Array;
  /** Net injection at each bus due to phase shifters (per unit): MATPOWER's Pbusinj. */
  readonly busShiftInjection_pu: Float64Array;
}

/** Throws a RangeError naming the module if the branch arrays are inconsistent. */
export function checkDcBranchData(net: DcBranchData, module = 'make-bdc'): void {
  const { nBus, branchFrom, branchTo, x_pu, tap, shift_deg, inService } = net;
  if (!Number.isInteger(nBus) || nBus < 1) throw new RangeError(`${module}: nBus must be ≥ 1 (got ${nBus})`);
  const m = branchFrom.length;
  const lengths = { branchTo, x_pu, tap, shift_deg, inService };
  for (const [name, arr] of Object.entries(lengths)) {
    if (arr.length !== m)
      throw new RangeError(`${module}: ${name} has length ${arr.length}, branchFrom has ${m}`);
  }
  for (let l = 0; l < m; l++) {
    const f = branchFrom[l];
    const t = branchTo[l];
    if (f < 0 || f >= nBus || t < 0 || t >= nBus) {
      throw new RangeError(`${module}: branch ${l} joins buses ${f} and ${t}, outside [0, ${nBus})`);
    }
    if (inService[l] === 0) continue;
    const ratio = tap[l] === 0 ? 1 : tap[l];
    const b = 1 / (x_pu[l] * ratio);
    if (!Number.isFinite(b) || !Number.isFinite(shift_deg[l])) {
      throw new RangeError(
        `${module}: in-service branch ${l} has x_pu = ${x_pu[l]}, tap = ${tap[l]}, shift_deg = ${shift_deg[l]}`,
      );
    }
  }
}

/**
 * The DC network matrices of the in-service branches.
 *
 * @example
 * const { bBus, branchB_pu } = makeBdc(net); // 2 buses, x = 0.1 ⇒ bBus = [[10, −10], [−10, 10]]
 */
export function makeBdc(net: DcBranchData): DcMatrices {
  checkDcBranchData(net);
  const { nBus, branchFrom, branchTo, x_pu, tap, shift_deg, inService } = net;
  const m = branchFrom.length;
  const builder = new SymmetricCsrBuilder(nBus, nBus + 4 * m);
  const branchB_pu = new Float64Array(m);
  const branchShiftFlow_pu = new Float64Array(m);
  const busShiftInjection_pu = new Float64Array(nBus);
  // Every bus gets a (possibly zero) diagonal entry so the pattern always has a diagonal.
  for (let i = 0; i < nBus; i++) builder.add(i, i, 0);
  for (let l = 0; l < m; l++) {
    if (inService[l] === 0) continue;
    const f = branchFrom[l];
    const t = branchTo[l];
    const b = 1 / (x_pu[l] * (tap[l] === 0 ? 1 : tap[l]));
    branchB_pu[l] = b;
    if (f !== t) {
      // A self-loop (f = t) adds nothing to Bbus, as in MATPOWER.
      builder.add(f, f, b);
      builder.add(t, t, b);
      builder.add(f, t, -b);
    }
    const shiftFlow = (-b * shift_deg[l] * Math.PI) / 180;
    branchShiftFlow_pu[l] = shiftFlow;
    busShiftInjection_pu[f] += shiftFlow;
    busShiftInjection_pu[t] -= shiftFlow;
  }
  return { bBus: builder.build(), branchB_pu, branchShiftFlow_pu, busShiftInjection_pu };
}
