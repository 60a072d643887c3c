/**
 * DC power flow (as MATPOWER's dcpf): lossless, flat voltage magnitudes, small angle
 * differences. Solves Bbus · θ = P_bus − Pbusinj for the non-slack buses with θ_slack = 0;
 * the slack bus absorbs the mismatch between generation and load.
 *
 * The network must be connected through its in-service branches; to study a split network,
 * label its islands with findIslands() and solve each island with its own slack bus.
 */
import { findIslands } from './islands.ts';
import { checkDcBranchData, makeBdc, type DcBranchData } from './make-bdc.ts';
import { csrPrincipalSubmatrix } from './sparse/csr.ts';
import { factorLdlt, type LdltOrdering } from './sparse/ldlt.ts';

/** A bus–branch network for the DC power flow; buses and branches are indices. */
export interface DcNetwork extends DcBranchData {
  /** System base power in MVA (per-unit base for x_pu). */
  readonly baseMva: number;
  /** Net injection per bus in MW: generation minus load. The slack bus's value is replaced. */
  readonly pInjection_mw: Float64Array;
  /** Index of the reference bus: angle 0, balances the network. */
  readonly slackBus: number;
}

export interface DcPowerFlowOptions {
  /** Fill-reducing ordering for the sparse factorization. Default 'amd'. */
  ordering?: LdltOrdering;
}

export const DC_POWER_FLOW_DEFAULTS: Required<DcPowerFlowOptions> = {
  ordering: 'amd',
};

export interface DcPowerFlowResult {
  /** Voltage angle per bus in radians; 0 at the slack bus. */
  readonly va_rad: Float64Array;
  /** Active power flow per branch in MW, measured from → to; 0 for out-of-service branches. */
  readonly flow_mw: Float64Array;
  /**
   * Net injection at the slack bus in MW that balances the network (= −Σ of the other buses'
   * injections, the DC model being lossless). The slack's mismatch is this minus
   * pInjection_mw[slackBus].
   */
  readonly slackInjection_mw: number;
}

const MAX_NAMED_BUSES = 20;

/**
 * Solves the DC power flow of a connected network.
 *
 * @example
 * // Bus 0 (slack) feeds a 100 MW load at bus 1 over x = 0.1 pu on 100 MVA:
 * const r = solveDcPowerFlow({
 *   nBus: 2, baseMva: 100, slackBus: 0,
 *   branchFrom: Int32Array.of(0), branchTo: Int32Array.of(1), x_pu: Float64Array.of(0.1),
 *   tap: Float64Array.of(0), shift_deg: Float64Array.of(0), inService: Uint8Array.of(1),
 *   pInjection_mw: Float64Array.of(0, -100),
 * });
 * // r.flow_mw = [100], r.va_rad = [0, -0.1], r.slackInjection_mw = 100
 */
export function solveDcPowerFlow(net: DcNetwork, options: DcPowerFlowOptions = {}): DcPowerFlowResult {
  const { ordering } = { ...DC_POWER_FLOW_DEFAULTS, ...options };
  checkDcNetwork(net);
  const { nBus, baseMva, branchFrom, branchTo, inService, pInjection_mw, slackBus } = net;

  const islands = findIslands(nBus, branchFrom, branchTo, inService);
  if (islands.count > 1) {
    const cut: number[] = [];
    for (let i = 0; i < nBus; i++) if (islands.label[i] !== islands.label[slackBus]) cut.push(i);
    const named = cut.slice(0, MAX_NAMED_BUSES).join(', ') + (cut.length > MAX_NAMED_BUSES ? ', …' : '');
    throw new Error(
      `dc-power-flow: the in-service network is not connected (${islands.count} islands); ` +
        `${cut.length} bus(es) not connected to slack bus ${slackBus}: ${named}. ` +
        'Solve each island separately (findIslands) with its own slack bus.',
    );
  }

  const { bBus, branchB_pu, branchShiftFlow_pu, busShiftInjection_pu } = makeBdc(net);

  // Reduced system over the non-slack buses (θ_slack = 0, so no slack column on the right).
  const va_rad = new Float64Array(nBus);
  if (nBus > 1) {
    const reduced = new Int32Array(nBus);
    for (let i = 0; i < nBus; i++) reduced[i] = i < slackBus ? i : i === slackBus ? -1 : i - 1;
    const bReduced = csrPrincipalSubmatrix(bBus, reduced, nBus - 1);
    const rhs = new Float64Array(nBus - 1);
    for (let i = 0; i < nBus; i++) {
      if (i !== slackBus) rhs[reduced[i]] = pInjection_mw[i] / baseMva - busShiftInjection_pu[i];
    }
    // Negative reactances (series compensation) can make Bbus indefinite; allow it, a
    // (numerically) zero pivot still throws.
    const theta = factorLdlt(bReduced, { ordering, allowIndefinite: true }).solve(rhs);
    for (let i = 0; i < nBus; i++) if (i !== slackBus) va_rad[i] = theta[reduced[i]];
  }

  const m = branchFrom.length;
  const flow_mw = new Float64Array(m);
  let slack_pu = 0;
  for (let l = 0; l < m; l++) {
    if (inService[l] === 0) continue;
    const f = branchFrom[l];
    const t = branchTo[l];
    const flow_pu = branchB_pu[l] * (va_rad[f] - va_rad[t]) + branchShiftFlow_pu[l];
    flow_mw[l] = flow_pu * baseMva;
    if (f === slackBus) slack_pu += flow_pu;
    if (t === slackBus) slack_pu -= flow_pu;
  }
  return { va_rad, flow_mw, slackInjection_mw: slack_pu * baseMva };
}

function checkDcNetwork(net: DcNetwork): void {
  checkDcBranchData(net, 'dc-power-flow');
  const { nBus, baseMva, pInjection_mw, slackBus } = net;
  if (!(baseMva > 0) || !Number.isFinite(baseMva)) {
    throw new RangeError(`dc-power-flow: baseMva must be a positive number (got ${baseMva})`);
  }
  if (!Number.isInteger(slackBus) || slackBus < 0 || slackBus >= nBus) {
    throw new RangeError(`dc-power-flow: slackBus ${slackBus} is not a bus index in [0, ${nBus})`);
  }
  if (pInjection_mw.length !== nBus) {
    throw new RangeError(`dc-power-flow: pInjection_mw has length ${pInjection_mw.length}, nBus is ${nBus}`);
  }
  for (let i = 0; i < nBus; i++) {
    if (i !== slackBus && !Number.isFinite(pInjection_mw[i])) {
      throw new RangeError(`dc-power-flow: pInjection_mw[${i}] is ${pInjection_mw[i]}`);
    }
  }
}
