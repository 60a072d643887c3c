/**
 * The transmission cascade on a MATPOWER case, in the case's own terms: 1-based branch rows and
 * bus numbers. The network is the one MATPOWER's rundcpf sees (isolated buses, out-of-service
 * branches and generators left out); each bus's load is PD + GS (MW drawn at V = 1); the
 * dispatch before the outage is the case's PG; the limits are RATE_A and PMAX.
 */
import type { MatpowerCase } from '../../importers/matpower/case-format.ts';
import { buildMatpowerDcNetwork } from '../../importers/matpower/dc-network.ts';
import {
  runTransmissionCascade,
  type TransmissionCascadeOptions,
  type TransmissionCascadeResult,
  type TransmissionNetwork,
} from './transmission-cascade.ts';

/** A branch tripped by overload, named by its case row and buses. */
export interface MatpowerTrip {
  /** 1-based row of mpc.branch. */
  readonly branch: number;
  readonly wave: number;
  readonly from: number;
  readonly to: number;
  readonly p_mw: number;
  readonly rate_a_mva: number;
  readonly loading_pct: number;
}

/** An island at the end of the cascade. */
export interface MatpowerIsland {
  /** Bus numbers, in bus-row order. */
  readonly buses: number[];
  readonly generation_mw: number;
  readonly served_mw: number;
  /** Load of its buses before the outage minus what it serves now. */
  readonly shed_mw: number;
}

export interface MatpowerCascadeReport {
  /** 1-based branch rows opened in each wave; the first wave is the initial outage. */
  readonly waves: number[][];
  readonly shed_mw: number;
  readonly initial_load_mw: number;
  readonly served_mw: number;
  readonly tripped: MatpowerTrip[];
  /** Islands at the end, isolated (BUS_TYPE 4) buses left out. */
  readonly islands: MatpowerIsland[];
}

/** A cascade's report together with the full result it was drawn from. */
export type MatpowerCascadeRun = MatpowerCascadeReport & { readonly result: TransmissionCascadeResult };

/** Just the report fields of a run, in their documented order (what `flux cascade --json` prints). */
export function cascadeReport(run: MatpowerCascadeRun): MatpowerCascadeReport {
  const { waves, shed_mw, initial_load_mw, served_mw, tripped, islands } = run;
  return { waves, shed_mw, initial_load_mw, served_mw, tripped, islands };
}

/** The cascade network of a case (bus and branch indices are the case's rows). */
export function matpowerTransmissionNetwork(mpc: MatpowerCase): TransmissionNetwork {
  const net = buildMatpowerDcNetwork(mpc);
  return {
    nBus: net.nBus,
    baseMva: net.baseMva,
    branchFrom: net.branchFrom,
    branchTo: net.branchTo,
    x_pu: net.x_pu,
    tap: net.tap,
    shift_deg: net.shift_deg,
    inService: net.inService,
    rateA_mva: mpc.branch.rate_a_mva,
    busLoad_mw: net.busDemand_mw,
    genBus: mpc.gen.busIndex,
    genOutput_mw: mpc.gen.pg_mw,
    genPmax_mw: mpc.gen.pmax_mw,
    genInService: net.genInService,
  };
}

/**
 * Checks 1-based branch rows and returns them as 0-based indices; the error names the bad row.
 *
 * @example
 * outageRowsToIndices(mpc, [3]); // Int32Array [2]
 */
export function outageRowsToIndices(mpc: MatpowerCase, rows: ArrayLike<number>): Int32Array {
  const m = mpc.branch.count;
  return Int32Array.from(rows as ArrayLike<number>, (k) => {
    if (!Number.isInteger(k) || k < 1 || k > m) {
      throw new RangeError(`branch ${k} is not a branch row of ${mpc.name} (1..${m})`);
    }
    return k - 1;
  });
}

/**
 * Runs the cascade after opening the given 1-based branch rows.
 *
 * @example
 * const report = runMatpowerCascade(readMatpowerCase('case3_cascade.m'), [3]);
 * // report.waves = [[3], [1, 2]], report.shed_mw = 100
 */
export function runMatpowerCascade(
  mpc: MatpowerCase,
  outageRows: ArrayLike<number>,
  options: TransmissionCascadeOptions = {},
): MatpowerCascadeRun {
  const net = matpowerTransmissionNetwork(mpc);
  const result = runTransmissionCascade(net, outageRowsToIndices(mpc, outageRows), options);
  const { bus, branch } = mpc;
  const tripped = result.overloadTrips.map((t) => ({
    branch: t.branch + 1,
    wave: t.wave,
    from: branch.f_bus[t.branch],
    to: branch.t_bus[t.branch],
    p_mw: t.flow_mw,
    rate_a_mva: t.rateA_mva,
    loading_pct: t.loading_pct,
  }));
  const islands: { buses: number[]; generation_mw: number; served_mw: number; shed_mw: number }[] = [];
  const slot = new Int32Array(result.islandCount).fill(-1);
  for (let i = 0; i < net.nBus; i++) {
    if (bus.type[i] === 4) continue;
    const isl = result.island[i];
    if (slot[isl] < 0)
      slot[isl] = islands.push({ buses: [], generation_mw: 0, served_mw: 0, shed_mw: 0 }) - 1;
    const entry = islands[slot[isl]];
    entry.buses.push(bus.bus_i[i]);
    entry.served_mw += result.busServed_mw[i];
    entry.shed_mw += net.busLoad_mw[i] - result.busServed_mw[i];
  }
  for (let g = 0; g < mpc.gen.count; g++) {
    const s = slot[result.island[mpc.gen.busIndex[g]]];
    if (s >= 0) islands[s].generation_mw += result.genOutput_mw[g];
  }
  return {
    waves: result.waves.map((w) => Array.from(w, (l) => l + 1)),
    shed_mw: result.shed_mw,
    initial_load_mw: result.initialLoad_mw,
    served_mw: result.servedLoad_mw,
    tripped,
    islands,
    result,
  };
}
