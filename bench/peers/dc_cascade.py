"""Peer baseline for bench/cascade.ts: MATPOWER's DC power flow (rundcpf) and the
quasi-steady-state DC overload cascade of src/cascade/transmission/, in numpy + scipy.sparse
(Debian's python3-numpy / python3-scipy), on a MATPOWER v2 case written by writeMatpowerCase.

  /usr/bin/python3 bench/peers/dc_cascade.py --case F.m --out R.json [--pf-repeats 7]
      [--outages 12,40,...] [--cascade-repeats 3] [--sweep] [--sweep-limit-s 300] [--sweep-waves]

The model, rule for rule as the TypeScript one: the outage opens; each wave finds the islands
of in-service branches; only islands touched by the wave's opened branches (all of them in wave
1) are re-balanced and re-solved: an island without an in-service generator sheds all its load;
otherwise load above the island's total Pmax is scaled down to it, generators re-dispatched in
proportion to their output (to Pmax when all are at zero), capped at Pmax with the remainder
shared among the others (then among idle units by Pmax); slack = the island's generator with the
largest Pmax (lowest index on ties) at angle 0; one sparse solve over all re-solved islands
(block diagonal: each island with its own slack); every in-service branch with RATE_A > 0 and
|P| > RATE_A trips, all together. Load = PD + GS; isolated (type 4) buses, out-of-service
branches and generators are left out, as rundcpf does.

Writes R.json: parse time, the DC power flow (angles, flows, median seconds with and without
parsing), each outage's waves (1-based rows), shed MW and median seconds, and the sweep: every
branch row as the single initial outage, in row order, as [waves, shed MW] (with --sweep-waves,
[waves, shed MW, the waves themselves]), stopping after --sweep-limit-s seconds.
"""
import argparse
import json
import re
import time

import numpy as np
import scipy
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components
from scipy.sparse.linalg import splu


def read_case(path):
    """mpc.baseMVA, mpc.bus, mpc.gen, mpc.branch of a MATPOWER v2 file (as our writer emits)."""
    with open(path) as fh:
        text = re.sub(r"%[^\n]*", "", fh.read())
    base = float(re.search(r"mpc\.baseMVA\s*=\s*([^;]+);", text).group(1))

    def matrix(name):
        body = re.search(r"mpc\.%s\s*=\s*\[(.*?)\]" % name, text, re.S).group(1)
        rows = [r for r in body.replace("\n", ";").split(";") if r.strip()]
        return np.array(" ".join(rows).split(), dtype=float).reshape(len(rows), -1)

    return {"baseMVA": base, "bus": matrix("bus"), "gen": matrix("gen"), "branch": matrix("branch")}


def dc_network(mpc):
    """Index arrays and constants of the DC model (rundcpf's ext2int + makeBdc + makeSbus)."""
    bus, gen, br = mpc["bus"], mpc["gen"], mpc["branch"]
    nb = bus.shape[0]
    num = np.full(int(bus[:, 0].max()) + 1, -1, dtype=np.int64)
    num[bus[:, 0].astype(np.int64)] = np.arange(nb)
    f = num[br[:, 0].astype(np.int64)]
    t = num[br[:, 1].astype(np.int64)]
    gbus = num[gen[:, 0].astype(np.int64)]
    active = bus[:, 1] != 4
    br_on = (br[:, 10] != 0) & active[f] & active[t]
    gen_on = (gen[:, 7] > 0) & active[gbus]
    tap = np.where(br[:, 8] == 0, 1.0, br[:, 8])
    b = np.where(br_on, 1.0 / (br[:, 3] * tap), 0.0)
    pfinj = -b * np.radians(br[:, 9])
    load = np.where(active, bus[:, 2] + bus[:, 4], 0.0)
    return dict(nb=nb, base=mpc["baseMVA"], f=f, t=t, b=b, pfinj=pfinj, br_on=br_on,
                gbus=gbus, gen_on=gen_on, pg=gen[:, 1], pmax=gen[:, 8], load=load,
                rate=br[:, 5], active=active, type=bus[:, 1], va=bus[:, 8])


def b_matrix(net, on, idx, nu):
    """Bbus of the branches `on`, restricted to the unknown buses (idx[i] >= 0)."""
    fm, tm, bb = idx[net["f"][on]], idx[net["t"][on]], net["b"][on]
    rows = np.concatenate((fm, tm, fm, tm))
    cols = np.concatenate((fm, tm, tm, fm))
    data = np.concatenate((bb, bb, -bb, -bb))
    keep = (rows >= 0) & (cols >= 0)
    return sp.csc_matrix((data[keep], (rows[keep], cols[keep])), shape=(nu, nu))


def solve_angles(net, on, p_pu, fixed, va_fixed):
    """Angles (rad) with buses `fixed` held at va_fixed; rhs = P - Pbusinj - B[:, fixed] va."""
    nb, f, t = net["nb"], net["f"], net["t"]
    pbusinj = (np.bincount(f[on], net["pfinj"][on], nb) - np.bincount(t[on], net["pfinj"][on], nb))
    va = np.zeros(nb)
    va[fixed] = va_fixed
    unknown = np.ones(nb, dtype=bool)
    unknown[fixed] = False
    idx = np.full(nb, -1, dtype=np.int64)
    nu = int(unknown.sum())
    idx[unknown] = np.arange(nu)
    rhs = p_pu - pbusinj
    # Known angles to the right-hand side (for each branch with one fixed end).
    fo, to_, bo = f[on], t[on], net["b"][on]
    uf, ut = unknown[fo], unknown[to_]
    rhs += np.bincount(fo[uf & ~ut], bo[uf & ~ut] * va[to_[uf & ~ut]], nb)
    rhs += np.bincount(to_[ut & ~uf], bo[ut & ~uf] * va[fo[ut & ~uf]], nb)
    if nu:
        lu = splu(b_matrix(net, on, idx, nu), permc_spec="MMD_AT_PLUS_A",
                  options={"SymmetricMode": True})
        va[unknown] = lu.solve(rhs[unknown])
    return va


def branch_flows(net, on, va):
    f, t = net["f"][on], net["t"][on]
    return (net["b"][on] * (va[f] - va[t]) + net["pfinj"][on]) * net["base"]


def rundcpf(mpc):
    net = dc_network(mpc)
    has_gen = np.zeros(net["nb"], dtype=bool)
    has_gen[net["gbus"][net["gen_on"]]] = True
    refs = np.flatnonzero((net["type"] == 3) & has_gen)
    if refs.size == 0:
        refs = np.flatnonzero((net["type"] == 2) & has_gen)[:1]
    fixed = np.union1d(refs, np.flatnonzero(~net["active"]))
    pbus = np.bincount(net["gbus"][net["gen_on"]], net["pg"][net["gen_on"]], net["nb"]) - net["load"]
    va = solve_angles(net, net["br_on"], pbus / net["base"], fixed, np.radians(net["va"][fixed]))
    va_deg = np.degrees(va)
    va_deg[fixed] = net["va"][fixed]
    p = np.zeros(len(net["f"]))
    p[net["br_on"]] = branch_flows(net, net["br_on"], va)
    return va_deg, p


def dispatch(target, gens, out, pmax):
    """dispatchInProportion: to target (capped at Pmax, remainder shared), in place on out."""
    pm = pmax[gens]
    w = np.maximum(out[gens], 0.0)
    if w.sum() <= 0:
        w = np.maximum(pm, 0.0)
    done = np.zeros(len(gens), dtype=bool)
    remaining = max(target, 0.0)
    for _ in range(2):
        while True:
            wsum = w[~done].sum()
            if wsum <= 0:
                break
            factor = remaining / wsum
            cap = ~done & (factor * w > pm)
            if cap.any():
                out[gens[cap]] = np.maximum(pm[cap], 0.0)
                remaining -= out[gens[cap]].sum()
                done |= cap
            else:
                out[gens[~done]] = factor * w[~done]
                done[:] = True
                remaining = 0.0
                break
        if remaining <= 0:
            break
        w = np.where(done, 0.0, np.maximum(pm, 0.0))
    out[gens[~done]] = 0.0


def cascade(net, outage_rows):
    """Waves (1-based rows) and MW shed after opening the given 1-based branch rows."""
    nb, f, t, gbus, pmax, rate = net["nb"], net["f"], net["t"], net["gbus"], net["pmax"], net["rate"]
    on = net["br_on"].copy()
    served = net["load"].copy()
    out = np.where(net["gen_on"], net["pg"], 0.0)
    gens_on = np.flatnonzero(net["gen_on"])
    flow = np.zeros(len(f))
    touched = np.ones(nb, dtype=bool)
    opened = np.unique(np.asarray(outage_rows, dtype=np.int64) - 1)
    waves = []
    while True:
        waves.append((opened + 1).tolist())
        on[opened] = False
        flow[opened] = 0.0
        touched[f[opened]] = touched[t[opened]] = True
        adj = sp.csr_matrix((np.ones(int(on.sum())), (f[on], t[on])), shape=(nb, nb))
        count, label = connected_components(adj, directed=False)
        solve = np.zeros(count, dtype=bool)
        solve[label[touched]] = True
        touched[:] = False
        slack_bus = np.full(count, -1, dtype=np.int64)
        bus_order = np.argsort(label, kind="stable")
        bus_ptr = np.searchsorted(label[bus_order], np.arange(count + 1))
        gen_isl = label[gbus[gens_on]]
        gen_order = gens_on[np.argsort(gen_isl, kind="stable")]
        gen_ptr = np.searchsorted(np.sort(gen_isl), np.arange(count + 1))
        for isl in np.flatnonzero(solve):
            buses = bus_order[bus_ptr[isl]:bus_ptr[isl + 1]]
            gens = gen_order[gen_ptr[isl]:gen_ptr[isl + 1]]
            if gens.size == 0:
                served[buses] = 0.0
                continue
            capacity = pmax[gens].sum()
            slack_bus[isl] = gbus[gens[np.argmax(pmax[gens])]]
            demand = served[buses].sum()
            if demand > capacity:
                served[buses] *= max(capacity, 0.0) / demand
                demand = served[buses].sum()
            dispatch(demand, gens, out, pmax)
        in_solved = on & solve[label[f]]
        active = in_solved & (slack_bus[label[f]] >= 0)
        flow[in_solved & ~active] = 0.0
        if active.any():
            bus_solved = solve[label] & (slack_bus[label] >= 0)
            fixed = np.union1d(np.flatnonzero(~bus_solved), slack_bus[slack_bus >= 0])
            p = (np.bincount(gbus, out, nb) - served) / net["base"]
            va = solve_angles(net, active, p, fixed, 0.0)
            flow[active] = branch_flows(net, active, va)
        nxt = np.flatnonzero(on & (rate > 0) & (np.abs(flow) > rate))
        if nxt.size == 0:
            return waves, float(net["load"].sum() - served.sum())
        opened = nxt


def timed(call, repeats):
    """(result, median seconds) over `repeats` calls."""
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - t0)
    return result, sorted(times)[len(times) // 2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--case", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--pf-repeats", type=int, default=7)
    ap.add_argument("--outages", default="")
    ap.add_argument("--cascade-repeats", type=int, default=3)
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--sweep-limit-s", type=float, default=300)
    ap.add_argument("--sweep-waves", action="store_true")
    a = ap.parse_args()
    res = {"numpy": np.__version__, "scipy": scipy.__version__}
    mpc, res["parse_s"] = timed(lambda: read_case(a.case), a.pf_repeats)
    (va, p), res["pf_s"] = timed(lambda: rundcpf(mpc), a.pf_repeats)
    _, res["pf_with_parse_s"] = timed(lambda: rundcpf(read_case(a.case)), a.pf_repeats)
    res["va_deg"], res["p_mw"] = va.tolist(), p.tolist()
    res["cascades"] = []
    for row in [int(r) for r in a.outages.split(",") if r]:
        (waves, shed), secs = timed(lambda: cascade(dc_network(mpc), [row]), a.cascade_repeats)
        res["cascades"].append({"row": row, "waves": waves, "shed_mw": shed, "seconds": secs})
    if a.sweep:
        net = dc_network(mpc)
        t0, rows = time.perf_counter(), []
        for row in range(1, len(net["f"]) + 1):
            if time.perf_counter() - t0 > a.sweep_limit_s:
                break
            waves, shed = cascade(net, [row])
            rows.append([len(waves), shed, waves] if a.sweep_waves else [len(waves), shed])
        res["sweep"] = {"seconds": time.perf_counter() - t0, "outages": len(rows), "results": rows}
    with open(a.out, "w") as fh:
        json.dump(res, fh)


if __name__ == "__main__":
    main()
