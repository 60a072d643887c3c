/**
 * The quasi-steady-state DC overload cascade on a transmission network.
 *
 * Wave 1 opens the initial outage. After every wave: find the islands of in-service branches;
 * balance each island (dispatch.ts: shed all load without a generator, scale load down to the
 * island's Pmax, re-dispatch generators in proportion, slack = largest Pmax); solve the DC power
 * flow of each island; every in-service branch with rateA > 0 and |P| > rateA trips, all
 * together, forming the next wave. The cascade stops when nothing trips.
 *
 * Reuse: an island that no opened branch touches keeps its buses, branches, load and dispatch,
 * so its flows are kept as they are; only islands touching the last wave are re-balanced and
 * re-solved, all together in one sparse LDLᵀ factorization. Bbus's pattern, its AMD ordering and
 * the symbolic analysis are built once (DcPowerFlowWorkspace) and reused by every wave — and by
 * every cascade on the same network when the caller passes the workspace in. Deterministic: no
 * randomness, ties broken by index.
 */
import { DcPowerFlowWorkspace } from '../../powerflow/dc-power-flow-islands.ts';
import type { DcPowerFlowOptions } from '../../powerflow/dc-power-flow.ts';
import { findIslands, type Islands } from '../../powerflow/islands.ts';
import type { DcBranchData } from '../../powerflow/make-bdc.ts';
import { balanceIsland } from './dispatch.ts';

/** A bus–branch–generator network for the cascade; `inService` is the state before the outage. */
export interface TransmissionNetwork extends DcBranchData {
  /** System base power in MVA. */
  readonly baseMva: number;
  /** Thermal limit per branch in MVA (compared with |P| in MW); ≤ 0 or Infinity: no limit. */
  readonly rateA_mva: Float64Array;
  /** Load per bus in MW. */
  readonly busLoad_mw: Float64Array;
  readonly genBus: Int32Array;
  /** Dispatch before the outage, MW (ignored for generators out of service). */
  readonly genOutput_mw: Float64Array;
  readonly genPmax_mw: Float64Array;
  /** 1 if the generator is in service. */
  readonly genInService: Uint8Array;
}

/** A branch tripped by overload. */
export interface OverloadTrip {
  readonly branch: number;
  /** Wave in which it opened (≥ 2; wave 1 is the initial outage). */
  readonly wave: number;
  /** Its flow when it tripped, MW (from → to). */
  readonly flow_mw: number;
  readonly rateA_mva: number;
  /** 100 · |flow| / rateA. */
  readonly loading_pct: number;
}

/** The network after one wave's branches opened and the islands were balanced and solved. */
export interface CascadeWaveState {
  /** 1-based wave number. */
  readonly wave: number;
  /** Branches opened in this wave. */
  readonly opened: Int32Array;
  readonly island: Int32Array;
  readonly islandCount: number;
  /** 1 for islands re-balanced and re-solved in this wave (the others kept their results). */
  readonly islandSolved: Uint8Array;
  readonly branchInService: Uint8Array;
  readonly busServed_mw: Float64Array;
  readonly genOutput_mw: Float64Array;
  readonly flow_mw: Float64Array;
}

export interface TransmissionCascadeOptions extends DcPowerFlowOptions {
  /**
   * A workspace built on this same network (`new DcPowerFlowWorkspace(net)`), to share the
   * ordering and symbolic analysis between cascades (sweeps). Built per cascade when absent.
   */
  workspace?: DcPowerFlowWorkspace;
  /** Called after every wave with the live state (read it, do not keep or change it). */
  onWave?: (state: CascadeWaveState) => void;
}

export interface TransmissionCascadeResult extends Omit<
  CascadeWaveState,
  'wave' | 'opened' | 'islandSolved'
> {
  /** Branches opened in each wave, ascending; waves[0] is the initial outage. */
  readonly waves: Int32Array[];
  readonly overloadTrips: OverloadTrip[];
  readonly initialLoad_mw: number;
  readonly servedLoad_mw: number;
  /** initialLoad_mw − servedLoad_mw. */
  readonly shed_mw: number;
  /** Island balances and solves done over the whole cascade (fewer than waves × islands: reuse). */
  readonly islandSolves: number;
}

/**
 * Runs the cascade that follows opening `initialOutage` (branch indices).
 *
 * @example
 * const r = runTransmissionCascade(network, [2]);
 * r.waves;   // [[2], [0, 1]]: branch 2 opened, then 0 and 1 tripped together
 * r.shed_mw; // load lost
 */
export function runTransmissionCascade(
  net: TransmissionNetwork,
  initialOutage: ArrayLike<number>,
  options: TransmissionCascadeOptions = {},
): TransmissionCascadeResult {
  const { nBus, branchFrom, branchTo, rateA_mva, genBus, genPmax_mw, genInService } = net;
  const m = branchFrom.length;
  for (let k = 0; k < initialOutage.length; k++) {
    const b = initialOutage[k];
    if (!Number.isInteger(b) || b < 0 || b >= m) {
      throw new RangeError(`transmission-cascade: outage branch ${b} is not a branch index in [0, ${m})`);
    }
  }
  const branchInService = Uint8Array.from(net.inService);
  const busServed_mw = Float64Array.from(net.busLoad_mw);
  const genOutput_mw = Float64Array.from(net.genOutput_mw, (p, g) => (genInService[g] ? p : 0));
  const flow_mw = new Float64Array(m);
  const workspace = options.workspace ?? new DcPowerFlowWorkspace(net, options);
  const touched = new Uint8Array(nBus).fill(1); // every island is balanced in wave 1
  const waves: Int32Array[] = [];
  const overloadTrips: OverloadTrip[] = [];
  let islandSolves = 0;

  let opened = Int32Array.from(new Set(Array.from(initialOutage))).sort();
  let final: Islands | undefined;
  for (let wave = 1; !final; wave++) {
    waves.push(opened);
    for (const b of opened) {
      branchInService[b] = 0;
      flow_mw[b] = 0;
      touched[branchFrom[b]] = touched[branchTo[b]] = 1;
    }
    const islands = findIslands(nBus, branchFrom, branchTo, branchInService);
    const { label, count } = islands;
    const islandSolved = new Uint8Array(count);
    for (let i = 0; i < nBus; i++) if (touched[i]) islandSolved[label[i]] = 1;
    touched.fill(0);

    const members = groupByIsland(label, count, genBus, genInService);
    const slackBus = new Int32Array(count).fill(-1);
    for (let isl = 0; isl < count; isl++) {
      if (!islandSolved[isl]) continue;
      islandSolves++;
      const island = {
        buses: members.buses,
        busStart: members.busPtr[isl],
        busEnd: members.busPtr[isl + 1],
        gens: members.gens,
        genStart: members.genPtr[isl],
        genEnd: members.genPtr[isl + 1],
      };
      const slack = balanceIsland(island, busServed_mw, genOutput_mw, genPmax_mw);
      if (slack >= 0) slackBus[isl] = genBus[slack];
    }
    solveTouchedIslands(
      net,
      workspace,
      label,
      islandSolved,
      slackBus,
      branchInService,
      busServed_mw,
      genOutput_mw,
      flow_mw,
    );
    options.onWave?.({
      wave,
      opened,
      island: label,
      islandCount: count,
      islandSolved,
      branchInService,
      busServed_mw,
      genOutput_mw,
      flow_mw,
    });

    const next: number[] = [];
    for (let l = 0; l < m; l++) {
      const rate = rateA_mva[l];
      if (branchInService[l] && rate > 0 && Math.abs(flow_mw[l]) > rate) {
        next.push(l);
        const loading_pct = (100 * Math.abs(flow_mw[l])) / rate;
        overloadTrips.push({ branch: l, wave: wave + 1, flow_mw: flow_mw[l], rateA_mva: rate, loading_pct });
      }
    }
    if (next.length === 0) final = islands;
    else opened = Int32Array.from(next);
  }

  let initialLoad_mw = 0;
  let servedLoad_mw = 0;
  for (let i = 0; i < nBus; i++) {
    initialLoad_mw += net.busLoad_mw[i];
    servedLoad_mw += busServed_mw[i];
  }
  return {
    waves,
    overloadTrips,
    initialLoad_mw,
    servedLoad_mw,
    shed_mw: initialLoad_mw - servedLoad_mw,
    islandSolves,
    island: final.label,
    islandCount: final.count,
    branchInService,
    busServed_mw,
    genOutput_mw,
    flow_mw,
  };
}

/** Buses and in-service generators of each island, ascending within each (counting sort). */
export function groupByIsland(
  label: Int32Array,
  count: number,
  genBus: Int32Array,
  genInService: Uint8Array,
) {
  const busPtr = new Int32Array(count + 1);
  for (let i = 0; i < label.length; i++) busPtr[label[i] + 1]++;
  for (let k = 0; k < count; k++) busPtr[k + 1] += busPtr[k];
  const buses = new Int32Array(label.length);
  const busCursor = busPtr.slice(0, count);
  for (let i = 0; i < label.length; i++) buses[busCursor[label[i]]++] = i;
  const genPtr = new Int32Array(count + 1);
  for (let g = 0; g < genBus.length; g++) if (genInService[g]) genPtr[label[genBus[g]] + 1]++;
  for (let k = 0; k < count; k++) genPtr[k + 1] += genPtr[k];
  const gens = new Int32Array(genPtr[count]);
  const genCursor = genPtr.slice(0, count);
  for (let g = 0; g < genBus.length; g++) if (genInService[g]) gens[genCursor[label[genBus[g]]]++] = g;
  return { busPtr, buses, genPtr, gens };
}

/**
 * One DC power flow over the islands marked in `solve` that have a generator (each with its
 * slack bus at angle 0); every other bus is held fixed and its branches keep their flows.
 * Branches of re-solved islands without a generator carry nothing.
 */
function solveTouchedIslands(
  net: TransmissionNetwork,
  workspace: DcPowerFlowWorkspace,
  label: Int32Array,
  solve: Uint8Array,
  slackBus: Int32Array,
  branchInService: Uint8Array,
  busServed_mw: Float64Array,
  genOutput_mw: Float64Array,
  flow_mw: Float64Array,
): void {
  const { nBus, branchFrom } = net;
  const m = branchFrom.length;
  const active = new Uint8Array(m);
  let anyActive = false;
  for (let l = 0; l < m; l++) {
    const isl = label[branchFrom[l]];
    if (!branchInService[l] || !solve[isl]) continue;
    if (slackBus[isl] >= 0) active[l] = 1;
    else flow_mw[l] = 0;
    anyActive ||= active[l] === 1;
  }
  if (!anyActive) return;
  const fixed: number[] = [];
  for (let i = 0; i < nBus; i++) {
    const isl = label[i];
    if (!solve[isl] || slackBus[isl] < 0 || slackBus[isl] === i) fixed.push(i);
  }
  const pInjection_mw = new Float64Array(nBus);
  for (let i = 0; i < nBus; i++) pInjection_mw[i] = -busServed_mw[i];
  for (let g = 0; g < net.genBus.length; g++) pInjection_mw[net.genBus[g]] += genOutput_mw[g];
  const result = workspace.solve(active, pInjection_mw, fixed, new Float64Array(fixed.length));
  for (let l = 0; l < m; l++) if (active[l]) flow_mw[l] = result.flow_mw[l];
}
