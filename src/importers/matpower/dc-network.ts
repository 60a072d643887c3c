/**
 * The DC network of a MATPOWER case, as MATPOWER's ext2int + makeBdc + makeSbus build it for
 * rundcpf: isolated buses (BUS_TYPE 4), out-of-service branches (BR_STATUS 0) and generators
 * (GEN_STATUS ≤ 0), and the branches and generators at isolated buses, are left out; the net
 * injection at each bus is Σ PG of its in-service generators − PD − GS (GS: MW drawn at V = 1).
 * Bus and branch indices are the case's rows.
 */
import type { DcMultiReferenceNetwork } from '../../powerflow/dc-power-flow-islands.ts';
import { BUS_TYPE, type MatpowerCase } from './case-format.ts';

export interface MatpowerDcNetwork extends DcMultiReferenceNetwork {
  /** 1 for buses taking part (BUS_TYPE ≠ 4), 0 for isolated buses. */
  readonly busActive: Uint8Array;
  /** 1 for generators in service (GEN_STATUS > 0) at an active bus. */
  readonly genInService: Uint8Array;
  /** Demand per bus in MW at V = 1: PD + GS; 0 at isolated buses. */
  readonly busDemand_mw: Float64Array;
}

/**
 * Builds the DC network of a case.
 *
 * @example
 * const net = buildMatpowerDcNetwork(mpc);
 * net.pInjection_mw[2]; // MW injected at the third bus row
 */
export function buildMatpowerDcNetwork(mpc: MatpowerCase): MatpowerDcNetwork {
  const { bus, gen, branch } = mpc;
  const nBus = bus.count;
  const busActive = new Uint8Array(nBus);
  const busDemand_mw = new Float64Array(nBus);
  const pInjection_mw = new Float64Array(nBus);
  for (let i = 0; i < nBus; i++) {
    if (bus.type[i] === BUS_TYPE.NONE) continue;
    busActive[i] = 1;
    busDemand_mw[i] = bus.pd_mw[i] + bus.gs_mw[i];
    pInjection_mw[i] = -busDemand_mw[i];
  }
  const genInService = new Uint8Array(gen.count);
  for (let g = 0; g < gen.count; g++) {
    if (gen.status[g] > 0 && busActive[gen.busIndex[g]]) {
      genInService[g] = 1;
      pInjection_mw[gen.busIndex[g]] += gen.pg_mw[g];
    }
  }
  const inService = new Uint8Array(branch.count);
  for (let l = 0; l < branch.count; l++) {
    inService[l] =
      branch.status[l] !== 0 && busActive[branch.fromIndex[l]] && busActive[branch.toIndex[l]] ? 1 : 0;
  }
  return {
    nBus,
    baseMva: mpc.baseMva,
    branchFrom: branch.fromIndex,
    branchTo: branch.toIndex,
    x_pu: branch.x_pu,
    tap: branch.tap,
    shift_deg: branch.shift_deg,
    inService,
    pInjection_mw,
    busActive,
    genInService,
    busDemand_mw,
  };
}
