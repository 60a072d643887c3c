"""PyTorch CPU peer of bench/gnn-tensor.ts: the same GraphSAGE-style layer and matmul, same sizes.

Reads the edge list the TypeScript bench wrote (little-endian int32 src then dst), builds the
layer with torch ops (index_select -> index_add_ / counts -> cat -> linear -> relu; and with the
mean as torch.sparse.mm over a COO matrix), and times forward + backward of sum(out) with
gradients to x, W and b. Prints one JSON object.

Usage: /usr/bin/python3 bench/peers/gnn_tensor_peer.py EDGE_FILE --nodes N --hidden H --threads T
       [--repeats R] [--warmup W]
"""
import argparse
import json
import statistics
import time

import numpy as np
import torch


def median_ms(fn, repeats, warmup):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("edge_file")
    ap.add_argument("--nodes", type=int, required=True)
    ap.add_argument("--hidden", type=int, required=True)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)

    edges = np.fromfile(args.edge_file, dtype="<i4")
    count = edges.size // 2
    src = torch.from_numpy(edges[:count].astype(np.int64))
    dst = torch.from_numpy(edges[count:].astype(np.int64))
    n, h = args.nodes, args.hidden

    x = torch.rand(n, h, requires_grad=True)
    w = (torch.rand(2 * h, h) * 0.2 - 0.1).requires_grad_()
    b = torch.zeros(h, requires_grad=True)
    counts = torch.zeros(n).index_add_(0, dst, torch.ones(count))
    inv_counts = torch.where(counts > 0, 1.0 / counts.clamp(min=1), torch.zeros(n)).unsqueeze(1)

    def layer():
        x.grad = w.grad = b.grad = None
        messages = x.index_select(0, src)
        mean = torch.zeros(n, h).index_add_(0, dst, messages) * inv_counts
        out = torch.relu(torch.cat([x, mean], dim=1) @ w + b)
        out.sum().backward()

    def layer_forward():
        with torch.no_grad():
            messages = x.index_select(0, src)
            mean = torch.zeros(n, h).index_add_(0, dst, messages) * inv_counts
            torch.relu(torch.cat([x, mean], dim=1) @ w + b)

    # The same mean as one sparse matrix (row d: 1/indegree(d) at each source), as PyG does with
    # a SparseTensor adjacency.
    adj = torch.sparse_coo_tensor(
        torch.stack([dst, src]), inv_counts.squeeze(1)[dst], (n, n)
    ).coalesce()

    def layer_csr():
        x.grad = w.grad = b.grad = None
        mean = torch.sparse.mm(adj, x)
        out = torch.relu(torch.cat([x, mean], dim=1) @ w + b)
        out.sum().backward()

    def layer_csr_forward():
        with torch.no_grad():
            mean = torch.sparse.mm(adj, x)
            torch.relu(torch.cat([x, mean], dim=1) @ w + b)

    a = torch.rand(n, 2 * h)
    bm = torch.rand(2 * h, h)

    def matmul():
        torch.mm(a, bm)

    layer_ms, layer_all = median_ms(layer, args.repeats, args.warmup)
    forward_ms, _ = median_ms(layer_forward, args.repeats, args.warmup)
    csr_ms, _ = median_ms(layer_csr, args.repeats, args.warmup)
    csr_forward_ms, _ = median_ms(layer_csr_forward, args.repeats, args.warmup)
    matmul_ms, _ = median_ms(matmul, args.repeats * 2, args.warmup)
    print(json.dumps({
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "sage_layer_forward_backward_ms": round(layer_ms, 2),
        "sage_layer_forward_backward_all_ms": [round(t, 2) for t in layer_all],
        "sage_layer_forward_ms": round(forward_ms, 2),
        "sage_csr_forward_backward_ms": round(csr_ms, 2),
        "sage_csr_forward_ms": round(csr_forward_ms, 2),
        "matmul_ms": round(matmul_ms, 2),
    }))


if __name__ == "__main__":
    main()
