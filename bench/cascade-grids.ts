/**
 * bench/cascade (e): a full single-outage sweep of the transmission network of our generated
 * grids, ours against the numpy + scipy peer. Each scale is generated once (seed 1); for each
 * scenario its substation demand is computed as the cascade's normal state has it (evaluate on
 * a fresh CascadeState: no outage) and its transmission network exported with
 * gridToMatpowerCase (RATE_A derated at the scenario's temperature) and written as a .m file
 * that both sides read. Every branch is then the single initial outage of the standard QSS DC
 * cascade: ours with `runTransmissionCascade(net, [l], { workspace })` in one thread, one
 * workspace for the sweep (network and workspace build included in the time); the peer with
 * `--sweep --sweep-waves`.
 * Agreement: the export's DC power flow against computeTransmissionLoading, the DC power flow of
 * both sides, and each outage's waves (branch by branch) and MW shed, to 1e-6.
 *
 * Generation runs in this process: metro measured ~15 s and ~1.1 GB peak RSS here, well inside
 * Node's default heap limit (recorded as heap_limit_mb); the model is dropped before timing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { buildCascadeContext } from '../src/cascade/cascade-context.ts';
import { evaluate } from '../src/cascade/cascade-evaluation.ts';
import { CascadeState } from '../src/cascade/cascade-state.ts';
import { scenario } from '../src/cascade/scenarios.ts';
import {
  matpowerTransmissionNetwork,
  runTransmissionCascade,
  type TransmissionCascadeResult,
} from '../src/cascade/transmission/index.ts';
import { generateGrid } from '../src/generator/generate.ts';
import {
  gridToMatpowerCase,
  readMatpowerCase,
  runMatpowerDcPowerFlow,
  writeMatpowerCase,
  type MatpowerCase,
} from '../src/importers/matpower/index.ts';
import { DcPowerFlowWorkspace } from '../src/powerflow/dc-power-flow-islands.ts';
import { maxDiff, r, runPeer, TARGET, TOL } from './cascade-peer.ts';

export const GRID_SEED = 1;
const SWEEP_REPEATS = 5;
const PF_REPEATS = 5;
/** Mismatching outages listed in the results (all are counted). */
const LISTED_MISMATCHES = 10;

/**
 * Generates a scale and exports its transmission network under each scenario's demand and
 * temperature to `dir`; only the figures outlive the model.
 */
function exportGrid(scale: string, scenarios: string[], dir: string) {
  const t0 = performance.now();
  const model = generateGrid({ scale, seed: GRID_SEED });
  const generate_s = (performance.now() - t0) / 1000;
  const cases = scenarios.map((name) => {
    const t1 = performance.now();
    const sc = scenario(name);
    const ev = evaluate(buildCascadeContext(model, sc), new CascadeState(model));
    const mpc = gridToMatpowerCase(model, ev.substation_mw, sc.conditions);
    const file = join(dir, `${mpc.name}_${sc.name}.m`);
    writeFileSync(file, writeMatpowerCase(mpc));
    return {
      scenario: sc.name,
      temperature_c: sc.conditions.temperature_c,
      file,
      load_mw: ev.substation_mw.reduce((s, v) => s + v, 0),
      loading_flow_mw: ev.transmission.flow_mw,
      max_loading_pct: Math.max(0, ...ev.transmission.loading_pct),
      export_s: (performance.now() - t1) / 1000,
    };
  });
  return { generate_s, substations: model.tables.substations.size, cases };
}

type ExportedGrid = ReturnType<typeof exportGrid>;

/** Every branch as the single initial outage, one workspace shared by the sweep. */
function sweep(mpc: MatpowerCase): TransmissionCascadeResult[] {
  const net = matpowerTransmissionNetwork(mpc);
  const workspace = new DcPowerFlowWorkspace(net);
  return Array.from({ length: mpc.branch.count }, (_, l) => runTransmissionCascade(net, [l], { workspace }));
}

/** Seconds of each of `repeats` calls, and the last result. */
function timed<T>(f: () => T, repeats: number): { result: T; seconds: number[] } {
  let result!: T;
  const seconds: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    result = f();
    seconds.push((performance.now() - t0) / 1000);
  }
  return { result, seconds };
}

/**
 * Runs (e) on one scale: one grid, one full sweep per scenario; disagreements and failures go to
 * `problems`.
 */
export function runGridSweeps(
  scale: string,
  scenarios: string[],
  dir: string,
  timeoutS: number,
  problems: string[],
) {
  const grid = exportGrid(scale, scenarios, dir);
  return grid.cases.map((exported) => sweepCase(scale, grid, exported, timeoutS, problems));
}

function sweepCase(
  scale: string,
  grid: ExportedGrid,
  exported: ExportedGrid['cases'][number],
  timeoutS: number,
  problems: string[],
) {
  const mpc = readMatpowerCase(exported.file); // both sides read the same file
  const name = `${mpc.name} ${exported.scenario}`;
  const pf = runMatpowerDcPowerFlow(mpc);
  const exportDiff = maxDiff(pf.p_mw, exported.loading_flow_mw);
  if (!(exportDiff <= TOL))
    problems.push(
      `${name}: exported case's flows differ from computeTransmissionLoading by ${exportDiff} MW`,
    );

  const first = timed(() => sweep(mpc), 1);
  const again = timed(() => sweep(mpc), SWEEP_REPEATS);
  const sorted = [...again.seconds].sort((a, b) => a - b);
  const ours_s = sorted[sorted.length >> 1];
  const mine = first.result.map((run) => ({
    waves: run.waves.map((w) => Array.from(w, (l) => l + 1)),
    shed_mw: run.shed_mw,
  }));
  const cascading = mine.filter((m) => m.waves.length > 1);
  const counts = {
    buses: mpc.bus.count,
    branches: mpc.branch.count,
    gens: mpc.gen.count,
    substations: grid.substations,
    load_mw: r(exported.load_mw),
    max_base_loading_pct: r(exported.max_loading_pct, 4),
    outages: mine.length,
    cascading: cascading.length,
    shedding_load: mine.filter((m) => m.shed_mw > TOL).length,
    max_waves: Math.max(0, ...mine.map((m) => m.waves.length)),
    max_shed_mw: r(Math.max(0, ...mine.map((m) => m.shed_mw))),
  };
  const head = {
    scale,
    seed: GRID_SEED,
    scenario: exported.scenario,
    temperature_c: exported.temperature_c,
    case: mpc.name,
    ...counts,
    generate_s: r(grid.generate_s, 4),
    export_s: r(exported.export_s, 4),
    heap_limit_mb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    export_agreement: { max_p_diff_vs_transmission_loading_mw: exportDiff, ok: exportDiff <= TOL },
  };
  console.log(
    `cascade grid ${scale}, ${exported.scenario}: generated in ${grid.generate_s.toFixed(1)} s; ${counts.buses} buses, ${counts.branches} branches, ` +
      `${counts.gens} gens, ${counts.load_mw} MW; export vs computeTransmissionLoading ΔP ${exportDiff.toExponential(1)} MW`,
  );

  const out = exported.file.replace(/\.m$/, '.peer.json');
  const args = ['--case', exported.file, '--out', out, '--pf-repeats', String(PF_REPEATS)];
  args.push('--sweep', '--sweep-waves', '--sweep-limit-s', String(Math.max(30, timeoutS - 60)));
  const peer = runPeer(args, timeoutS);
  if ('error' in peer || !peer.sweep) {
    const error = 'error' in peer ? peer.error : 'peer wrote no sweep';
    problems.push(`${name}: peer failed: ${error}`);
    console.error(`cascade grid ${name}: PEER FAILED: ${error}`);
    return { ...head, peer_error: error };
  }

  const vaDiff = maxDiff(pf.va_deg, peer.va_deg);
  const pDiff = maxDiff(pf.p_mw, peer.p_mw);
  const pfAgree = vaDiff <= TOL && pDiff <= TOL;
  if (!pfAgree) problems.push(`${name}: DC power flow differs: angles ${vaDiff} deg, flows ${pDiff} MW`);
  const rows = peer.sweep.results;
  const complete = rows.length === mine.length;
  if (!complete) problems.push(`${name}: peer sweep stopped after ${rows.length} of ${mine.length} outages`);
  const mismatched: { row: number; ours: unknown; peer: unknown }[] = [];
  let maxShedDiff = 0;
  rows.forEach(([, shed, waves], l) => {
    const m = mine[l];
    const shedDiff = Math.abs(shed - m.shed_mw);
    maxShedDiff = Math.max(maxShedDiff, shedDiff);
    if (JSON.stringify(waves) !== JSON.stringify(m.waves) || !(shedDiff <= TOL)) {
      mismatched.push({ row: l + 1, ours: m, peer: { waves, shed_mw: shed } });
    }
  });
  if (mismatched.length)
    problems.push(`${name}: sweep: ${mismatched.length} of ${rows.length} outages differ`);
  const peer_s = peer.sweep.seconds;
  const speedup = peer_s / ours_s;
  const row = {
    ...head,
    dc_power_flow_agreement: { max_va_diff_deg: vaDiff, max_p_diff_mw: pDiff, ok: pfAgree },
    sweep: {
      ours_s: r(ours_s),
      ours_min_s: r(sorted[0]),
      ours_first_s: r(first.seconds[0]),
      ours_note:
        `median of ${SWEEP_REPEATS} sweeps after a first (cold) one; one thread; network and ` +
        'DcPowerFlowWorkspace built once per sweep (included)',
      peer_s: r(peer_s),
      peer_outages: rows.length,
      peer_complete: complete,
      speedup: complete ? r(speedup, 3) : null,
      meets_target: complete && speedup >= TARGET.min_cascade_speedup_vs_scipy,
    },
    agreement: {
      outages_compared: rows.length,
      waves_and_shed_mismatches: mismatched.length,
      max_shed_diff_mw: maxShedDiff,
      mismatched: mismatched.slice(0, LISTED_MISMATCHES),
      ok: complete && pfAgree && mismatched.length === 0,
    },
  };
  console.log(
    `  full sweep of ${mine.length} outages (${counts.cascading} cascade, ${counts.shedding_load} shed load, ` +
      `up to ${counts.max_waves} waves): ours ${(ours_s * 1e3).toFixed(1)} ms (first ${(first.seconds[0] * 1e3).toFixed(1)} ms) ` +
      `vs scipy ${(peer_s * 1e3).toFixed(1)} ms: ×${row.sweep.speedup}; ` +
      `agree ${row.agreement.ok}${row.agreement.ok ? '' : '  <<< DISAGREEMENT'}`,
  );
  return row;
}
