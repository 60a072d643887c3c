/**
 * Helpers of bench/centrality.ts: runs bench/peers/centrality.py (python3-igraph /
 * python3-networkx) — writes the edge list and node subsets it reads, runs one metric per Python
 * process under a timeout, reads the values back — times our own metrics the same way, and
 * measures how far two results agree.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { edgeList, type CsrGraph } from '../../src/topology/build-graph.ts';

export const PYTHON = '/usr/bin/python3';
const SCRIPT = join('bench', 'peers', 'centrality.py');

export type PeerLib = 'igraph' | 'networkx';
export type PeerAlgo =
  'degree' | 'betweenness' | 'betweenness_sampled' | 'pagerank' | 'harmonic' | 'eigenvector';

export interface PeerRun {
  lib: PeerLib;
  status: 'ok' | 'timeout' | 'unsupported' | 'failed';
  seconds: number | null;
  note?: string;
  values?: Float64Array;
}

/** Versions of the Python peers, or undefined (with the reason printed) when they are missing. */
export function peerVersions(): { python: string; igraph: string; networkx: string } | undefined {
  try {
    const out = execFileSync(
      PYTHON,
      [
        '-c',
        'import sys, igraph, networkx; print(sys.version.split()[0], igraph.__version__, networkx.__version__)',
      ],
      { encoding: 'utf8' },
    );
    const [python, igraph, networkx] = out.trim().split(' ');
    return { python, igraph, networkx };
  } catch {
    console.error(
      `centrality: ${PYTHON} cannot import igraph and networkx; install them with\n` +
        '  apt-get update && apt-get install -y python3-igraph python3-networkx python3-scipy',
    );
    return undefined;
  }
}

/** Writes the graph as little-endian int32 [n, m, u0, v0, …], each edge once. */
export function writeEdgeFile(graph: CsrGraph, file: string): void {
  const { from, to } = edgeList(graph);
  const buf = new Int32Array(2 + 2 * from.length);
  buf[0] = graph.nodeCount;
  buf[1] = from.length;
  for (let i = 0; i < from.length; i++) {
    buf[2 + 2 * i] = from[i];
    buf[3 + 2 * i] = to[i];
  }
  writeFileSync(file, new Uint8Array(buf.buffer));
}

export function writeInt32File(values: Int32Array, file: string): void {
  writeFileSync(file, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

/** One metric in one peer library, killed after timeoutS seconds. */
export function runPeer(
  lib: PeerLib,
  algo: PeerAlgo,
  graphFile: string,
  outFile: string,
  timeoutS: number,
  subsetFile?: string,
): PeerRun {
  const args = [SCRIPT, '--graph', graphFile, '--lib', lib, '--algo', algo, '--out', outFile];
  if (subsetFile) args.push('--subset', subsetFile);
  rmSync(outFile, { force: true });
  let stdout: string;
  try {
    stdout = execFileSync(PYTHON, args, {
      encoding: 'utf8',
      timeout: timeoutS * 1000,
      killSignal: 'SIGKILL',
      maxBuffer: 1 << 20,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const e = err as { signal?: string; code?: string; stderr?: string };
    if (e.signal === 'SIGKILL' || e.code === 'ETIMEDOUT') {
      return { lib, status: 'timeout', seconds: null, note: `did not finish in ${timeoutS} s` };
    }
    const reason = String(e.stderr ?? err)
      .trim()
      .split('\n')
      .at(-1);
    return { lib, status: 'failed', seconds: null, note: reason };
  }
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    seconds: number | null;
    note: string | null;
    unsupported?: boolean;
  };
  if (result.unsupported || !existsSync(outFile)) {
    return { lib, status: 'unsupported', seconds: null, note: result.note ?? undefined };
  }
  const bytes = readFileSync(outFile);
  const values = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { lib, status: 'ok', seconds: result.seconds, note: result.note ?? undefined, values };
}

export interface Agreement {
  /** max |ours − peer| / max |peer|: the largest difference relative to the metric's scale. */
  max_rel_diff: number;
  /** max |ours − peer| / |peer| over the nodes where |peer| ≥ 1e-6 · max |peer|. */
  max_elementwise_rel_diff: number;
  max_abs_diff: number;
  /** Nodes compared (entries that are NaN in either result, i.e. not computed, are skipped). */
  nodes: number;
}

export function agreement(ours: Float64Array, peer: Float64Array): Agreement {
  if (ours.length !== peer.length)
    throw new Error(`centrality: ${ours.length} values vs the peer's ${peer.length}`);
  let scale = 0;
  for (const v of peer) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  let maxAbs = 0;
  let maxElem = 0;
  let nodes = 0;
  for (let i = 0; i < ours.length; i++) {
    if (!Number.isFinite(ours[i]) || !Number.isFinite(peer[i])) continue;
    nodes++;
    const d = Math.abs(ours[i] - peer[i]);
    if (d > maxAbs) maxAbs = d;
    if (Math.abs(peer[i]) >= 1e-6 * scale && d / Math.abs(peer[i]) > maxElem) maxElem = d / Math.abs(peer[i]);
  }
  return {
    max_rel_diff: scale > 0 ? maxAbs / scale : maxAbs,
    max_elementwise_rel_diff: maxElem,
    max_abs_diff: maxAbs,
    nodes,
  };
}

/** Result and seconds of f(); the median of 5 calls when the first takes under 1 s; the error if it throws. */
export function timed(f: () => Float64Array): { values: Float64Array; seconds: number } | { error: string } {
  let t = performance.now();
  let values: Float64Array;
  try {
    values = f();
  } catch (err) {
    return { error: (err as Error).message };
  }
  const times = [(performance.now() - t) / 1000];
  if (times[0] < 1) {
    for (let i = 0; i < 4; i++) {
      t = performance.now();
      f();
      times.push((performance.now() - t) / 1000);
    }
  }
  times.sort((a, b) => a - b);
  return { values, seconds: times[times.length >> 1] };
}

export const round = (x: number, digits = 4) => Number(x.toPrecision(digits));

export function roundAgreement(a: Agreement): Agreement {
  return {
    ...a,
    max_rel_diff: round(a.max_rel_diff, 3),
    max_elementwise_rel_diff: round(a.max_elementwise_rel_diff, 3),
    max_abs_diff: round(a.max_abs_diff, 3),
  };
}
