/**
 * The DC power flow of a MATPOWER case exactly as MATPOWER's `rundcpf` computes it: the case's
 * own dispatch, the reference bus(es) at the case's VA absorbing the mismatch, results mapped
 * back to every bus and branch row (isolated buses keep their VA; out-of-service branches 0 MW).
 */
import { findIslands } from '../../powerflow/islands.ts';
import { solveDcPowerFlowWithReferences } from '../../powerflow/dc-power-flow-islands.ts';
import { BUS_TYPE, type MatpowerCase } from './case-format.ts';
import { buildMatpowerDcNetwork, type MatpowerDcNetwork } from './dc-network.ts';

export interface MatpowerDcPowerFlowResult {
  /** Voltage angle per bus row in degrees. */
  readonly va_deg: Float64Array;
  /** Active power flow per branch row in MW, from → to (PF; PT = −PF); 0 when out of service. */
  readonly p_mw: Float64Array;
  /** PG per gen row after the solve: the first in-service gen at each reference bus takes up the mismatch. */
  readonly pg_mw: Float64Array;
  /** Bus rows used as angle references. */
  readonly referenceBuses: Int32Array;
}

/**
 * Reference buses as MATPOWER's bustypes picks them: the BUS_TYPE 3 buses with an in-service
 * generator; if there is none, the first BUS_TYPE 2 bus with one.
 */
export function matpowerReferenceBuses(
  mpc: MatpowerCase,
  net: MatpowerDcNetwork = buildMatpowerDcNetwork(mpc),
): Int32Array {
  const hasGen = new Uint8Array(mpc.bus.count);
  for (let g = 0; g < mpc.gen.count; g++) if (net.genInService[g]) hasGen[mpc.gen.busIndex[g]] = 1;
  const refs: number[] = [];
  for (let i = 0; i < mpc.bus.count; i++) if (mpc.bus.type[i] === BUS_TYPE.REF && hasGen[i]) refs.push(i);
  if (refs.length === 0) {
    for (let i = 0; i < mpc.bus.count && refs.length === 0; i++)
      if (mpc.bus.type[i] === BUS_TYPE.PV && hasGen[i]) refs.push(i);
  }
  if (refs.length === 0) {
    throw new Error(`${mpc.name}: no reference bus: no BUS_TYPE 3 (or 2) bus has an in-service generator`);
  }
  return Int32Array.from(refs);
}

/**
 * Runs the DC power flow of a case (MATPOWER's rundcpf).
 *
 * @example
 * const { va_deg, p_mw } = runMatpowerDcPowerFlow(readMatpowerCase('case5_shift.m'));
 */
export function runMatpowerDcPowerFlow(mpc: MatpowerCase): MatpowerDcPowerFlowResult {
  const net = buildMatpowerDcNetwork(mpc);
  const referenceBuses = matpowerReferenceBuses(mpc, net);
  const { bus, gen } = mpc;

  // Every island of active buses needs a reference bus, or B is singular (MATPOWER would warn
  // and return NaN): say which buses. Isolated buses are fixed at their VA and need none.
  const islands = findIslands(net.nBus, net.branchFrom, net.branchTo, net.inService);
  const covered = new Uint8Array(islands.count);
  for (const r of referenceBuses) covered[islands.label[r]] = 1;
  for (let i = 0; i < net.nBus; i++) {
    if (net.busActive[i] && !covered[islands.label[i]]) {
      const members: number[] = [];
      for (let j = 0; j < net.nBus; j++)
        if (islands.label[j] === islands.label[i]) members.push(bus.bus_i[j]);
      const named = members.slice(0, 20).join(', ') + (members.length > 20 ? ', …' : '');
      throw new Error(`${mpc.name}: bus(es) ${named} form an island without a reference bus (B is singular)`);
    }
  }

  const fixed: number[] = Array.from(referenceBuses);
  for (let i = 0; i < net.nBus; i++) if (!net.busActive[i]) fixed.push(i);
  const toRad = Math.PI / 180;
  const solved = solveDcPowerFlowWithReferences(
    net,
    fixed,
    fixed.map((i) => bus.va_deg[i] * toRad),
  );

  const va_deg = Float64Array.from(solved.va_rad, (v) => v / toRad);
  for (const i of fixed) va_deg[i] = bus.va_deg[i]; // exactly as given, not through radians
  const pg_mw = Float64Array.from(gen.pg_mw);
  for (const r of referenceBuses) {
    let first = -1;
    for (let g = 0; g < gen.count && first < 0; g++)
      if (net.genInService[g] && gen.busIndex[g] === r) first = g;
    pg_mw[first] += solved.injection_mw[r] - net.pInjection_mw[r];
  }
  return { va_deg, p_mw: solved.flow_mw, pg_mw, referenceBuses };
}
