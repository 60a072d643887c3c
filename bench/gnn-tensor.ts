/**
 * bench/gnn-tensor: the GNN tensor core (src/gnn/tensor/) on the sizes issue 9 trains at, side by
 * side with PyTorch CPU (bench/peers/gnn_tensor_peer.py, Debian's python3-torch) at 1 and 2
 * threads on the identical edge list.
 *
 *   sage layer — forward + backward of one GraphSAGE-style layer: gather source rows, segment-mean
 *                to destinations, concat with self, linear 128→64, relu, sum; gradients to x, W, b.
 *                60,000 nodes, 240,000 uniform random edges (seeded), hidden 64.
 *                Two ways: `gather + segmentMean` (the ops torch's index_select + index_add_ use) and
 *                `csr mean` (neighborAggregationOperator + sparseMatmul; torch: torch.sparse.mm on
 *                the same mean matrix in COO), which never builds the edges×64 message tensor.
 *   matmul     — 60000×128 · 128×64, forward only.
 *
 * Times are medians of `--repeats` runs after 2 warm-up runs. Writes bench/results/gnn-tensor.json.
 * Usage: npx tsx bench/gnn-tensor.ts [--nodes 60000] [--edges 240000] [--hidden 64]
 *        [--repeats 5] [--no-peer]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { Rng } from '../src/generator/rng.ts';
import {
  Linear,
  concatColumns,
  constant,
  gatherRows,
  gemmNN,
  inverseSegmentCounts,
  neighborAggregationOperator,
  noGrad,
  segmentMean,
  sparseMatmul,
  sum,
  tensorScope,
  type Tensor,
} from '../src/gnn/tensor/index.ts';
import { writeBenchResult } from './bench-result.ts';

const PYTHON = '/usr/bin/python3';
const PEER = join('bench', 'peers', 'gnn_tensor_peer.py');
const PEER_THREADS = [1, 2];

interface PeerFigures {
  torch: string;
  threads: number;
  sage_layer_forward_backward_ms: number;
  sage_layer_forward_ms: number;
  sage_csr_forward_backward_ms: number;
  sage_csr_forward_ms: number;
  matmul_ms: number;
}

function medianMs(fn: () => void, repeats: number, warmup = 2): { median: number; all: number[] } {
  for (let i = 0; i < warmup; i++) fn();
  const all: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    all.push(performance.now() - t0);
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], all };
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

export async function runGnnTensorBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      nodes: { type: 'string', default: '60000' },
      edges: { type: 'string', default: '240000' },
      hidden: { type: 'string', default: '64' },
      repeats: { type: 'string', default: '5' },
      'no-peer': { type: 'boolean', default: false },
    },
  });
  const nodes = Number(values.nodes);
  const edges = Number(values.edges);
  const hidden = Number(values.hidden);
  const repeats = Number(values.repeats);
  const rng = new Rng(1, 'bench/gnn-tensor');

  const src = Int32Array.from({ length: edges }, () => rng.int(nodes));
  const dst = Int32Array.from({ length: edges }, () => rng.int(nodes));
  const x = constant(nodes, hidden);
  for (let i = 0; i < x.size; i++) x.data[i] = rng.next();
  x.requiresGrad = true;
  const layer = new Linear(2 * hidden, hidden, rng.fork('linear'));
  const invCounts = inverseSegmentCounts(dst, nodes);
  const forward = (): Tensor =>
    layer.forward(concatColumns([x, segmentMean(gatherRows(x, src), dst, nodes, invCounts)]), 'relu');

  const meanOperator = neighborAggregationOperator(src, dst, nodes);
  const forwardCsr = (): Tensor => layer.forward(concatColumns([x, sparseMatmul(meanOperator, x)]), 'relu');
  // One training step in a tensorScope, as a training loop would run it: buffers are reused.
  const trainStep = (fn: () => Tensor) => () => {
    x.grad = null;
    layer.weight.grad = null;
    if (layer.bias) layer.bias.grad = null;
    tensorScope(() => sum(fn()).backward());
  };

  const sage = medianMs(trainStep(forward), repeats);
  const sageForward = medianMs(() => tensorScope(() => noGrad(forward).item()), repeats);
  const sageCsr = medianMs(trainStep(forwardCsr), repeats);
  const sageCsrForward = medianMs(() => tensorScope(() => noGrad(forwardCsr).item()), repeats);
  const a = new Float32Array(nodes * 2 * hidden).map(() => rng.next());
  const b = new Float32Array(2 * hidden * hidden).map(() => rng.next());
  const c = new Float32Array(nodes * hidden);
  const mm = medianMs(() => gemmNN(a, b, c, nodes, 2 * hidden, hidden), repeats * 2);
  const gflops = (2 * nodes * 2 * hidden * hidden) / (mm.median * 1e6);
  const ours = {
    sage_layer_forward_backward_ms: round2(sage.median),
    sage_layer_forward_backward_all_ms: sage.all.map(round2),
    sage_layer_forward_ms: round2(sageForward.median),
    sage_csr_forward_backward_ms: round2(sageCsr.median),
    sage_csr_forward_backward_all_ms: sageCsr.all.map(round2),
    sage_csr_forward_ms: round2(sageCsrForward.median),
    matmul_ms: round2(mm.median),
    matmul_gflops: round2(gflops),
  };
  console.log('ours', ours);

  const peers: PeerFigures[] = [];
  let peerError: string | undefined;
  if (!values['no-peer']) {
    const dir = mkdtempSync(join(tmpdir(), 'gnn-tensor-'));
    try {
      const edgeFile = join(dir, 'edges.i32');
      const both = new Int32Array(2 * edges);
      both.set(src);
      both.set(dst, edges);
      writeFileSync(edgeFile, new Uint8Array(both.buffer));
      for (const threads of PEER_THREADS) {
        const args = [PEER, edgeFile, '--nodes', `${nodes}`, '--hidden', `${hidden}`];
        args.push('--threads', `${threads}`, '--repeats', `${repeats}`);
        const out = execFileSync(PYTHON, args, { encoding: 'utf8', timeout: 600_000 });
        const figures = JSON.parse(out.trim().split('\n').pop() ?? '{}') as PeerFigures;
        console.log(`torch ${threads} thread(s)`, figures);
        peers.push(figures);
      }
    } catch (err) {
      peerError = (err as Error).message.split('\n')[0];
      console.error(`bench/gnn-tensor: torch peer failed: ${peerError}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const ratios = Object.fromEntries(
    peers.map((p) => [
      `threads_${p.threads}`,
      {
        sage_layer_forward_backward: round2(
          ours.sage_layer_forward_backward_ms / p.sage_layer_forward_backward_ms,
        ),
        sage_layer_forward: round2(ours.sage_layer_forward_ms / p.sage_layer_forward_ms),
        sage_csr_forward_backward: round2(ours.sage_csr_forward_backward_ms / p.sage_csr_forward_backward_ms),
        sage_csr_forward: round2(ours.sage_csr_forward_ms / p.sage_csr_forward_ms),
        matmul: round2(ours.matmul_ms / p.matmul_ms),
      },
    ]),
  );
  writeBenchResult('gnn-tensor', {
    sizes: {
      nodes,
      edges,
      hidden,
      linear: `${2 * hidden}→${hidden}`,
      matmul: `${nodes}×${2 * hidden}·${2 * hidden}×${hidden}`,
    },
    repeats,
    load_average_1m: round2(loadavg()[0]),
    ours,
    torch: peers,
    ...(peerError ? { torch_error: peerError } : {}),
    ratio_ours_over_torch: ratios,
  });
}

// Standalone: `npx tsx bench/gnn-tensor.ts [flags]` (run-all.ts imports it without running it).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runGnnTensorBench(process.argv.slice(2));
}
