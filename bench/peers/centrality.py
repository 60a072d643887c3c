"""Peer baseline for bench/centrality.ts: one centrality metric in python3-igraph or
python3-networkx (Debian packages) on the edge list bench/centrality.ts wrote.

  /usr/bin/python3 bench/peers/centrality.py --graph G.bin --lib igraph|networkx --algo NAME \
      [--subset S.bin] --out VALUES.bin

G.bin: little-endian int32 [n, m, u0, v0, u1, v1, ...] (each undirected edge once).
S.bin: little-endian int32 nodes: the sources of 'betweenness_sampled', or the nodes whose
'harmonic' centrality is computed (NaN elsewhere).
VALUES.bin: float64 value per node, in node order, on the conventions of our TypeScript
metrics (unnormalized betweenness with each pair once; raw harmonic sum; PageRank summing to 1;
eigenvector with unit Euclidean norm). Prints one JSON line: library, version, algorithm,
seconds (the metric call only, not loading; the median of 5 calls when one takes under 1 s)
and notes. The caller bounds each run with a timeout.
"""
import argparse
import json
import random
import sys
import time

import numpy as np

ALGOS = ["degree", "betweenness", "betweenness_sampled", "pagerank", "harmonic", "eigenvector"]


def load_edges(path):
    raw = np.fromfile(path, dtype="<i4")
    n, m = int(raw[0]), int(raw[1])
    return n, raw[2 : 2 + 2 * m].reshape(m, 2)


class FixedSample(random.Random):
    """A random source whose sample() returns the given sources, so networkx's k-sampled
    betweenness runs on exactly the sources our estimator used (and scales by n/k the same way)."""

    def __init__(self, sources):
        super().__init__(0)
        self.sources = sources

    def sample(self, population, k):
        assert k == len(self.sources)
        return list(self.sources)


def timed(call):
    """(result, seconds) of call(); the median of 5 calls when the first takes under 1 s."""
    t = time.perf_counter()
    result = call()
    times = [time.perf_counter() - t]
    if times[0] < 1:
        for _ in range(4):
            t = time.perf_counter()
            call()
            times.append(time.perf_counter() - t)
    return result, sorted(times)[len(times) // 2]


def spread(n, subset, values):
    """Values of the subset's nodes placed in a length-n array of NaN."""
    out = np.full(n, np.nan)
    out[np.asarray(subset)] = values
    return out


def run_igraph(algo, n, edges, subset):
    import igraph as ig

    g = ig.Graph(n=n, edges=edges.tolist(), directed=False)
    if algo == "betweenness_sampled":
        return None, None, "python-igraph %s has no source-sampled betweenness (only a path-length cutoff)" % ig.__version__
    v, seconds = timed(lambda: igraph_call(g, algo, n, subset))
    note = {"pagerank": "PRPACK solver", "eigenvector": "ARPACK; rescaled from max = 1 to unit norm"}.get(algo)
    return np.asarray(v, dtype=float), seconds, note


def igraph_call(g, algo, n, subset):
    if algo == "degree":
        return np.asarray(g.degree(), dtype=float) / (n - 1)
    if algo == "betweenness":
        return g.betweenness(directed=False)
    if algo == "pagerank":
        return g.pagerank(damping=0.85, directed=False)
    if algo == "harmonic":
        if subset is None:
            return g.harmonic_centrality(normalized=False)
        return spread(n, subset, g.harmonic_centrality(vertices=subset, normalized=False))
    if algo == "eigenvector":
        v = np.asarray(g.eigenvector_centrality(directed=False, scale=True))
        return v / np.linalg.norm(v)
    raise ValueError(algo)


def run_networkx(algo, n, edges, subset):
    import networkx as nx

    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges.tolist())
    d, seconds = timed(lambda: networkx_call(nx, G, algo, subset))
    note = {
        "betweenness_sampled": "the same %s sources as ours" % (len(subset) if subset else 0),
        "pagerank": "scipy power iteration, tol 1e-6",
        "eigenvector": "power iteration on A + I, tol 1e-6",
        "harmonic": "single_source_shortest_path_length from each asked node" if subset else None,
    }.get(algo)
    if algo == "harmonic" and subset is not None:
        return spread(n, subset, [d[i] for i in subset]), seconds, note
    return np.fromiter((d[i] for i in range(n)), dtype=float, count=n), seconds, note


def networkx_call(nx, G, algo, subset):
    if algo == "degree":
        return nx.degree_centrality(G)
    if algo == "betweenness":
        return nx.betweenness_centrality(G, normalized=False)
    if algo == "betweenness_sampled":
        return nx.betweenness_centrality(G, k=len(subset), normalized=False, seed=FixedSample(subset))
    if algo == "pagerank":
        return nx.pagerank(G, alpha=0.85, weight=None)
    if algo == "harmonic":
        if subset is None:
            return nx.harmonic_centrality(G)
        # harmonic_centrality(nbunch=...) still searches from every node; search from each asked node.
        return {u: sum(1 / d for d in nx.single_source_shortest_path_length(G, u).values() if d > 0) for u in subset}
    if algo == "eigenvector":
        return nx.eigenvector_centrality(G)
    raise ValueError(algo)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--graph", required=True)
    p.add_argument("--lib", required=True, choices=["igraph", "networkx"])
    p.add_argument("--algo", required=True, choices=ALGOS)
    p.add_argument("--subset")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    n, edges = load_edges(a.graph)
    subset = np.fromfile(a.subset, dtype="<i4").tolist() if a.subset else None
    if a.lib == "igraph":
        import igraph

        version = igraph.__version__
        values, seconds, note = run_igraph(a.algo, n, edges, subset)
    else:
        import networkx

        version = networkx.__version__
        values, seconds, note = run_networkx(a.algo, n, edges, subset)
    out = {"lib": a.lib, "version": version, "algo": a.algo, "seconds": seconds, "note": note}
    if values is not None:
        values.astype("<f8").tofile(a.out)
    else:
        out["unsupported"] = True
    print(json.dumps(out))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
