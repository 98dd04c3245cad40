"""`triad frustration` against independent computations in numpy/scipy.

Usage: python3 frustration_cli_test.py PATH/TO/triad   (env TRIAD_SOURCE_DIR)

* Read's Highland tribes: the published frustration index 7 (Aref & Wilson 2019; Aref, Mason &
  Wilson 2020), rechecked here by exhaustive search over all 2^15 splits; triangles and the
  Estrada-Benzi walk index from numpy's eigenvalues.
* Correlates-of-War windows 46-49 (smallest) and 90-93 (largest): no published index is
  recorded in the data README, so the index is checked against scipy's MILP solver (HiGHS) on a
  different formulation (Aref, Mason & Wilson's XOR model, no triangle cuts) - a different model
  and a different solver.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

TRIAD = sys.argv[1]
SIGNED = os.path.join(os.environ["TRIAD_SOURCE_DIR"], "tests", "data", "signed")
TRIBES = os.path.join(SIGNED, "tribes_edges.csv")
COW = os.path.join(SIGNED, "cow_signed_networks_edges_46-49_90-93.csv")  # the two windows used
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def run(*args):
    return subprocess.run([TRIAD, "frustration", *args], capture_output=True, text=True)


def load_edges(path, window=None):
    """Combined undirected signs: rows about one pair summed, 0 dropped (as triad documents)."""
    sums = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if window is not None and row["window"] != window:
                continue
            key = tuple(sorted((row["from"], row["to"])))
            sums[key] = sums.get(key, 0) + int(row["sign"])
    return {k: (1 if v > 0 else -1) for k, v in sums.items() if v != 0}


def matrices(edges):
    nodes = sorted({u for e in edges for u in e})
    index = {u: i for i, u in enumerate(nodes)}
    signed = np.zeros((len(nodes), len(nodes)))
    for (u, v), s in edges.items():
        signed[index[u], index[v]] = signed[index[v], index[u]] = s
    return nodes, index, signed, np.abs(signed)


def walk_index(signed, unsigned):
    lam = np.linalg.eigvalsh(signed)
    mu = np.linalg.eigvalsh(unsigned)
    shift = mu.max()
    return np.exp(lam - shift).sum() / np.exp(mu - shift).sum()


def triangle_counts(signed, unsigned):
    # trace(|A|^3)/6 triangles; trace(A^3)/6 = balanced - unbalanced.
    total = np.trace(unsigned @ unsigned @ unsigned) / 6
    difference = np.trace(signed @ signed @ signed) / 6
    return round(total), round((total + difference) / 2)


def frustrated_count(edges, groups):
    side = {}
    for g, members in enumerate(groups):
        for u in members:
            side[u] = g
    return sum(1 for (u, v), s in edges.items() if (s > 0) != (side[u] == side[v]))


def xor_model_index(edges):
    """min sum f_e, f_e >= |x_u - x_v| for + edges, f_e >= |x_u + x_v - 1| for - edges."""
    nodes = sorted({u for e in edges for u in e})
    index = {u: i for i, u in enumerate(nodes)}
    n, m = len(nodes), len(edges)
    a = lil_matrix((2 * m, n + m))
    lower = []
    for k, ((u, v), s) in enumerate(edges.items()):
        i, j, f = index[u], index[v], n + k
        if s > 0:
            a[2 * k, f], a[2 * k, i], a[2 * k, j] = 1, -1, 1
            a[2 * k + 1, f], a[2 * k + 1, i], a[2 * k + 1, j] = 1, 1, -1
            lower += [0, 0]
        else:
            a[2 * k, f], a[2 * k, i], a[2 * k, j] = 1, -1, -1
            a[2 * k + 1, f], a[2 * k + 1, i], a[2 * k + 1, j] = 1, 1, 1
            lower += [-1, 1]
    upper = np.ones(n + m)
    upper[0] = 0  # a split and its mirror are the same split
    result = milp(np.r_[np.zeros(n), np.ones(m)],
                  constraints=LinearConstraint(a.tocsr(), lower, np.inf),
                  integrality=np.ones(n + m), bounds=Bounds(np.zeros(n + m), upper))
    assert result.status == 0, result.message
    return round(result.fun)


def check_network(label, edges, report):
    nodes, index, signed, unsigned = matrices(edges)
    check(report["nodes"] == len(nodes), f"{label}: nodes {report['nodes']} != {len(nodes)}")
    check(report["edges"] == len(edges), f"{label}: edges {report['edges']} != {len(edges)}")
    triangles, balanced = triangle_counts(signed, unsigned)
    check(report["triangles"] == triangles, f"{label}: triangles {report['triangles']} != {triangles}")
    check(report["balanced_triangles"] == balanced,
          f"{label}: balanced {report['balanced_triangles']} != {balanced}")
    k = walk_index(signed, unsigned)
    check(abs(report["walk_balance_index"] - k) <= 1e-9 * k,
          f"{label}: walk index {report['walk_balance_index']} != numpy {k}")
    f = report["frustration"]
    check(f["status"] == "exact", f"{label}: status {f['status']}")
    groups = f["groups"]
    check(sorted(groups[0] + groups[1]) == nodes, f"{label}: groups are not a split of the nodes")
    recount = frustrated_count(edges, groups)
    check(recount == f["index"], f"{label}: split frustrates {recount}, index says {f['index']}")
    check(len(f["frustrated_edges"]) == recount, f"{label}: frustrated edge list length")
    return f


def test_tribes():
    out = run("--edges", TRIBES, "--format", "json")
    check(out.returncode == 0, f"tribes: exit {out.returncode}: {out.stderr}")
    report = json.loads(out.stdout)
    edges = load_edges(TRIBES)
    f = check_network("tribes", edges, report)
    check(f["index"] == 7, f"tribes: index {f['index']} != published 7")
    small = min(f["groups"], key=len)
    check(sorted(small) == ["Gama", "Gavev", "Kotun", "Nagad"], f"tribes: small group {small}")
    # Exhaustive: every split with the first node fixed.
    nodes, index, signed, _ = matrices(edges)
    n = len(nodes)
    masks = np.arange(2 ** (n - 1))
    sides = np.zeros((len(masks), n), dtype=np.int8)
    for i in range(1, n):
        sides[:, i] = (masks >> (i - 1)) & 1
    counts = np.zeros(len(masks), dtype=np.int32)
    for (u, v), s in edges.items():
        same = sides[:, index[u]] == sides[:, index[v]]
        counts += (same != (s > 0))
    check(counts.min() == 7, f"tribes: exhaustive minimum {counts.min()}")
    check((counts == 7).sum() == 1, "tribes: the optimal split is not unique")


def test_cow(window):
    started = time.monotonic()
    out = run("--edges", COW, "--window", window, "--format", "json", "--time-limit", "30")
    seconds = time.monotonic() - started
    check(out.returncode == 0, f"cow {window}: exit {out.returncode}: {out.stderr}")
    report = json.loads(out.stdout)
    edges = load_edges(COW, window)
    f = check_network(f"cow {window}", edges, report)
    started = time.monotonic()
    reference = xor_model_index(edges)
    reference_seconds = time.monotonic() - started
    check(f["index"] == reference, f"cow {window}: index {f['index']} != HiGHS {reference}")
    print(f"cow {window}: {report['nodes']} nodes, {report['edges']} edges, index {f['index']} "
          f"(triad {f['seconds']:.2f} s solve, {seconds:.2f} s total; HiGHS XOR model "
          f"{reference_seconds:.2f} s)")


def test_errors():
    out = run("--edges", COW)
    check(out.returncode == 2 and "window" in out.stderr, f"cow without window: {out.stderr}")
    out = run("--edges", TRIBES, "--format", "xml")
    check(out.returncode == 2 and "--format" in out.stderr, f"bad format: {out.stderr}")
    out = run("--edges", TRIBES, "--time-limit", "0")
    check(out.returncode != 0, "time limit 0 accepted")
    with tempfile.TemporaryDirectory() as tmp:
        # No edge: a clear input error naming the file, never `nan`.
        header_only = os.path.join(tmp, "header_only.csv")
        with open(header_only, "w") as f:
            f.write("from,to,sign\n")
        out = run("--edges", header_only)
        check(out.returncode == 1 and f"{header_only}: no edges: the edge list has a header but "
              "no data rows" in out.stderr and "nan" not in out.stdout + out.stderr,
              f"edge list without rows: {out.returncode} {out.stdout} {out.stderr}")
        zeros = os.path.join(tmp, "zeros.csv")
        with open(zeros, "w") as f:
            f.write("from,to,weight\nA,B,0\nB,C,2\nC,B,-2\n")
        out = run("--edges", zeros, "--format", "json")
        check(out.returncode == 1 and f"{zeros}: no edges: all 3 rows have weight 0 or cancel "
              "out" in out.stderr and out.stdout == "",
              f"edge list of zeros: {out.returncode} {out.stdout} {out.stderr}")
        # One edge: no triangle, and the table says so instead of printing nan.
        single = os.path.join(tmp, "single.csv")
        with open(single, "w") as f:
            f.write("from,to,sign\nA,B,-1\n")
        out = run("--edges", single)
        check(out.returncode == 0 and "0 balanced, fraction undefined: no triangle" in out.stdout
              and "nan" not in out.stdout, f"one edge: {out.returncode} {out.stdout}")
    out = subprocess.run([TRIAD, "frustration", "--help"], capture_output=True, text=True)
    check(out.returncode == 0 and "Example" in out.stdout, "--help has no example")


if __name__ == "__main__":
    test_tribes()
    test_cow("46-49")
    test_cow("90-93")
    test_errors()
    if FAILURES:
        print(f"{len(FAILURES)} failure(s)")
        sys.exit(1)
    print("ok")
