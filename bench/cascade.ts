/**
 * bench/cascade: our DC power flow and transmission cascade (src/importers/matpower/,
 * src/cascade/transmission/) side by side in one run with a numpy + scipy.sparse baseline of the
 * same model (bench/peers/dc_cascade.py, Debian's python3-scipy), on seeded synthetic MATPOWER
 * cases (syntheticMatpowerCase, seed 1) at ~2,000, ~5,000 and ~10,000 buses, and on the
 * transmission networks of our generated grids, written to a temp dir as .m files that both sides
 * read. Against issue 4's target: cascade ≥ 2× faster than scipy.
 *
 *   (a) DC power flow (rundcpf): median of repeats on the parsed case, and with parsing.
 *   (b) one full cascade for each of the 10 single outages that cascade the most (waves, then MW
 *       shed) among the candidates scanned by our implementation: every branch of the 2,000-bus
 *       case, the 400 most heavily loaded branches of the others. Ours is `runMatpowerCascade`
 *       as the CLI runs it (network, AMD ordering and symbolic analysis built per cascade);
 *       also shown with a workspace shared across cascades, as a sweep runs it.
 *   (c) agreement: angles and flows to 1e-6, identical waves, MW shed to 1e-6.
 *   (d) mini-sweep: every single-branch outage of the 2,000-bus case in one thread, both sides.
 *   (e) full sweeps on generated grids (bench/cascade-grids.ts; `--grids`, default city and
 *       metro, seed 1): each grid's transmission network under a scenario's substation demand
 *       and line derating (`--grid-scenarios`, default base — the normal state — and
 *       summer_peak, under which single outages do cascade: under base these grids are N-1
 *       secure), exported with gridToMatpowerCase; every branch as the single initial outage,
 *       both sides; waves branch by branch and MW shed compared per outage; times, speedup and
 *       counts (buses, branches, outages that cascade or shed load).
 *
 * Times are medians (minimums also recorded: the machine may be shared). Writes
 * bench/results/cascade.json (`cases` (a–c), `sweep` (d), `grid_sweeps` (e)).
 * Usage: npm run bench -- cascade [--sizes 2000,5000,10000] [--no-sweep] [--grids city,metro|none]
 *   [--grid-scenarios base,summer_peak] [--timeout-s 600]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  matpowerTransmissionNetwork,
  runMatpowerCascade,
  runTransmissionCascade,
} from '../src/cascade/transmission/index.ts';
import {
  readMatpowerCase,
  runMatpowerDcPowerFlow,
  syntheticMatpowerCase,
  writeMatpowerCase,
  type MatpowerCase,
} from '../src/importers/matpower/index.ts';
import { DcPowerFlowWorkspace } from '../src/powerflow/dc-power-flow-islands.ts';
import { writeBenchResult } from './bench-result.ts';
import { runGridSweeps } from './cascade-grids.ts';
import { maxDiff, PEER, PYTHON, r, runPeer, TARGET, time, TOL } from './cascade-peer.ts';

export { TARGET };
const CASCADES = 10;
const CANDIDATES = 400;
const PF_REPEATS = 11;
const CASCADE_REPEATS = 5;

/** The outages (1-based rows) that cascade the most: most waves, then most MW shed, then row. */
function pickCascades(mpc: MatpowerCase, scanAll: boolean) {
  const net = matpowerTransmissionNetwork(mpc);
  const workspace = new DcPowerFlowWorkspace(net);
  const { p_mw } = runMatpowerDcPowerFlow(mpc);
  const rows = Array.from({ length: mpc.branch.count }, (_, l) => l);
  const candidates = scanAll
    ? rows
    : rows
        .filter((l) => mpc.branch.rate_a_mva[l] > 0)
        .sort(
          (a, b) =>
            Math.abs(p_mw[b]) / mpc.branch.rate_a_mva[b] - Math.abs(p_mw[a]) / mpc.branch.rate_a_mva[a] ||
            a - b,
        )
        .slice(0, CANDIDATES);
  const t0 = performance.now();
  const scanned = candidates.map((l) => {
    const run = runTransmissionCascade(net, [l], { workspace });
    return { row: l + 1, waves: run.waves.length, shed_mw: run.shed_mw };
  });
  const scan_s = (performance.now() - t0) / 1000;
  const picked = scanned
    .filter((s) => s.waves > 1)
    .sort((a, b) => b.waves - a.waves || b.shed_mw - a.shed_mw || a.row - b.row)
    .slice(0, CASCADES);
  return { net, workspace, picked, scanned, scan_s };
}

export async function runCascadeBench(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      'no-sweep': { type: 'boolean' },
      grids: { type: 'string' },
      'grid-scenarios': { type: 'string' },
      'timeout-s': { type: 'string' },
    },
  });
  const sizes = (values.sizes ?? '2000,5000,10000').split(',').map(Number);
  const gridsArg = values.grids ?? 'city,metro';
  const grids = gridsArg === 'none' ? [] : gridsArg.split(',').filter(Boolean);
  const gridScenarios = (values['grid-scenarios'] ?? 'base,summer_peak').split(',').filter(Boolean);
  const timeoutS = Number(values['timeout-s'] ?? 600);
  const dir = mkdtempSync(join(tmpdir(), 'flux-bench-cascade-'));
  const loadBefore = loadavg();
  const cases = [];
  const problems: string[] = [];
  let sweep: Record<string, unknown> | undefined;
  const gridSweeps: ReturnType<typeof runGridSweeps> = [];
  let peerVersions: Record<string, string> | undefined;
  try {
    for (const nBus of sizes) {
      const generated = syntheticMatpowerCase({ nBus, seed: 1 });
      const file = join(dir, `${generated.name}.m`);
      writeFileSync(file, writeMatpowerCase(generated));
      const mpc = readMatpowerCase(file); // both sides read the same file
      const name = mpc.name;
      const withSweep = nBus === sizes[0] && !values['no-sweep'];
      const { net, workspace, picked, scanned, scan_s } = pickCascades(mpc, withSweep);
      console.log(
        `cascade ${name}: ${mpc.bus.count} buses, ${mpc.branch.count} branches, ${mpc.gen.count} gens; ` +
          `scanned ${scanned.length} outages in ${scan_s.toFixed(2)} s, ${scanned.filter((s) => s.waves > 1).length} cascade`,
      );

      // Ours.
      const pf = runMatpowerDcPowerFlow(mpc);
      const pfTime = time(() => runMatpowerDcPowerFlow(mpc), PF_REPEATS);
      const pfParseTime = time(() => runMatpowerDcPowerFlow(readMatpowerCase(file)), PF_REPEATS);
      const ours = picked.map((p) => {
        const run = runMatpowerCascade(mpc, [p.row]);
        return {
          row: p.row,
          waves: run.waves,
          shed_mw: run.shed_mw,
          time: time(() => runMatpowerCascade(mpc, [p.row]), CASCADE_REPEATS),
          shared: time(() => runTransmissionCascade(net, [p.row - 1], { workspace }), CASCADE_REPEATS),
        };
      });

      // Peer, same file, same outages.
      const out = join(dir, `${name}.peer.json`);
      const args = ['--case', file, '--out', out, '--pf-repeats', String(PF_REPEATS)];
      args.push(
        '--outages',
        picked.map((p) => p.row).join(','),
        '--cascade-repeats',
        String(CASCADE_REPEATS),
      );
      if (withSweep) args.push('--sweep', '--sweep-limit-s', String(Math.max(30, timeoutS - 60)));
      const peer = runPeer(args, timeoutS);
      if ('error' in peer) {
        problems.push(`${name}: peer failed: ${peer.error}`);
        console.error(`cascade ${name}: PEER FAILED: ${peer.error}`);
        cases.push({ case: name, buses: mpc.bus.count, peer_error: peer.error });
        continue;
      }
      peerVersions = { numpy: peer.numpy, scipy: peer.scipy };

      const vaDiff = maxDiff(pf.va_deg, peer.va_deg);
      const pDiff = maxDiff(pf.p_mw, peer.p_mw);
      const pfAgree = vaDiff <= TOL && pDiff <= TOL;
      if (!pfAgree) problems.push(`${name}: DC power flow differs: angles ${vaDiff} deg, flows ${pDiff} MW`);
      const outages = ours.map((o, k) => {
        const p = peer.cascades[k];
        const wavesAgree = p.row === o.row && JSON.stringify(p.waves) === JSON.stringify(o.waves);
        const shedDiff = Math.abs(p.shed_mw - o.shed_mw);
        const agree = wavesAgree && shedDiff <= TOL;
        if (!agree) {
          problems.push(
            `${name}: outage ${o.row} differs: waves ours ${JSON.stringify(o.waves)} vs peer ${JSON.stringify(p.waves)}, shed ${o.shed_mw} vs ${p.shed_mw}`,
          );
        }
        return {
          row: o.row,
          waves: o.waves.length,
          branches_tripped: o.waves.flat().length - 1,
          shed_mw: r(o.shed_mw, 9),
          ours_s: r(o.time.median_s),
          ours_min_s: r(o.time.min_s),
          ours_shared_workspace_s: r(o.shared.median_s),
          peer_s: r(p.seconds),
          speedup: r(p.seconds / o.time.median_s, 3),
          agree: { waves: wavesAgree, shed_diff_mw: shedDiff },
        };
      });
      const total = (k: 'ours_s' | 'peer_s' | 'ours_shared_workspace_s') =>
        outages.reduce((s, o) => s + o[k], 0);
      const speedup = total('peer_s') / total('ours_s');
      const row = {
        case: name,
        buses: mpc.bus.count,
        branches: mpc.branch.count,
        gens: mpc.gen.count,
        dc_power_flow: {
          ours_s: r(pfTime.median_s),
          ours_min_s: r(pfTime.min_s),
          peer_s: r(peer.pf_s),
          speedup: r(peer.pf_s / pfTime.median_s, 3),
          with_parsing: {
            ours_s: r(pfParseTime.median_s),
            peer_s: r(peer.pf_with_parse_s),
            speedup: r(peer.pf_with_parse_s / pfParseTime.median_s, 3),
          },
          agreement: { max_va_diff_deg: vaDiff, max_p_diff_mw: pDiff, ok: pfAgree },
        },
        cascade: {
          candidates_scanned: scanned.length,
          candidates_cascading: scanned.filter((s) => s.waves > 1).length,
          outages,
          total_ours_s: r(total('ours_s')),
          total_ours_shared_workspace_s: r(total('ours_shared_workspace_s')),
          total_peer_s: r(total('peer_s')),
          speedup: r(speedup, 3),
          speedup_shared_workspace: r(total('peer_s') / total('ours_shared_workspace_s'), 3),
          agree: outages.every((o) => o.agree.waves && o.agree.shed_diff_mw <= TOL),
          meets_target: speedup >= TARGET.min_cascade_speedup_vs_scipy,
        },
      };
      cases.push(row);
      console.log(
        `  DC PF: ours ${(pfTime.median_s * 1e3).toFixed(2)} ms vs scipy ${(peer.pf_s * 1e3).toFixed(2)} ms (×${row.dc_power_flow.speedup}); ` +
          `with parsing ${(pfParseTime.median_s * 1e3).toFixed(1)} vs ${(peer.pf_with_parse_s * 1e3).toFixed(1)} ms; ` +
          `agree ${pfAgree} (Δva ${vaDiff.toExponential(1)} deg, ΔP ${pDiff.toExponential(1)} MW)`,
      );
      console.log(
        `  ${outages.length} cascades: ours ${(total('ours_s') * 1e3).toFixed(1)} ms (shared workspace ${(total('ours_shared_workspace_s') * 1e3).toFixed(1)} ms) ` +
          `vs scipy ${(total('peer_s') * 1e3).toFixed(1)} ms: ×${row.cascade.speedup}${row.cascade.meets_target ? '' : '  (MISSES TARGET)'}; ` +
          `agree ${row.cascade.agree}${row.cascade.agree ? '' : '  <<< DISAGREEMENT'}`,
      );

      if (withSweep && peer.sweep) {
        const t0 = performance.now();
        const mine = Array.from({ length: mpc.branch.count }, (_, l) => {
          const run = runTransmissionCascade(net, [l], { workspace });
          return [run.waves.length, run.shed_mw];
        });
        const ours_s = (performance.now() - t0) / 1000;
        const compared = peer.sweep.results.length;
        let mismatches = 0;
        peer.sweep.results.forEach(([w, s], l) => {
          if (w !== mine[l][0] || Math.abs(s - mine[l][1]) > TOL) mismatches++;
        });
        if (mismatches) problems.push(`${name}: sweep: ${mismatches} of ${compared} outages differ`);
        const complete = compared === mine.length;
        sweep = {
          case: name,
          outages: mine.length,
          cascading: mine.filter((x) => x[0] > 1).length,
          ours_s: r(ours_s),
          ours_note: 'one thread, one DcPowerFlowWorkspace shared by all outages',
          peer_s: r(peer.sweep.seconds),
          peer_outages: compared,
          peer_complete: complete,
          speedup: complete ? r(peer.sweep.seconds / ours_s, 3) : null,
          mismatches,
        };
        console.log(
          `  sweep of ${mine.length} outages: ours ${ours_s.toFixed(2)} s vs scipy ${peer.sweep.seconds.toFixed(2)} s` +
            `${complete ? '' : ` (stopped after ${compared})`}; ${mismatches} mismatches`,
        );
      }
    }
    for (const scale of grids)
      gridSweeps.push(...runGridSweeps(scale, gridScenarios, dir, timeoutS, problems));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const allAgree = problems.length === 0;
  const met =
    cases.every((c) => 'cascade' in c && c.cascade.meets_target) &&
    gridSweeps.every((g) => 'sweep' in g && g.sweep.meets_target);
  for (const p of problems) console.error(`cascade: DISAGREEMENT/FAILURE: ${p}`);
  writeBenchResult('cascade', {
    target: TARGET,
    tolerance: TOL,
    repeats: { dc_power_flow: PF_REPEATS, cascade: CASCADE_REPEATS },
    load_average: { before: loadBefore.map((v) => r(v, 3)), after: loadavg().map((v) => r(v, 3)) },
    peer: { python: PYTHON, script: PEER, ...peerVersions },
    cases,
    sweep,
    grid_sweeps: gridSweeps,
    all_agree: allAgree,
    problems,
    targets_met: met,
  });
}
