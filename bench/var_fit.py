#!/usr/bin/python3
"""Times `triad var` against statsmodels 0.13 on the same input (a benchmark, not a test).

Usage: bench/var_fit.py PATH/TO/triad [--vars 7] [--rows 2000] [--maxlags 8] [--repeat 5]
Run with Debian's /usr/bin/python3 (statsmodels 0.13).

Input: a stable VAR(2) in --vars series with --rows rows, simulated from a fixed seed and written
to a temporary CSV. Two workloads, each timed end to end (best of --repeat):
  select+fit:  lag order by AIC up to --maxlags, then the fit;
  full:        the same plus Granger F tests (every ordered pair and each series against all
               others), impulse responses to 10 periods with asymptotic std. errors (plain and
               orthogonalised), FEVD and a 10-step forecast with MSE.
triad's time includes process start, reading the CSV and writing JSON; statsmodels' includes
reading the CSV with numpy.loadtxt (the interpreter and imports are already loaded).
"""
import argparse
import os
import subprocess
import tempfile
import time

import numpy as np
from statsmodels.tsa.api import VAR


def simulate(k, rows, seed=12345):
    rng = np.random.RandomState(seed)
    a1 = 0.4 * np.eye(k) + 0.05 * rng.uniform(-1, 1, (k, k))
    a2 = -0.15 * np.eye(k) + 0.03 * rng.uniform(-1, 1, (k, k))
    y = np.zeros((rows + 100, k))
    for t in range(2, rows + 100):
        y[t] = 0.5 + a1 @ y[t - 1] + a2 @ y[t - 2] + rng.standard_normal(k)
    return y[100:]


def best_of(repeat, fn):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def statsmodels_run(path, maxlags, full):
    y = np.loadtxt(path, delimiter=",", skiprows=1)[:, 1:]
    model = VAR(y)
    order = model.select_order(maxlags, trend="c").aic
    res = model.fit(order, trend="c")
    if full and order > 0:
        k = y.shape[1]
        for caused in range(k):
            for causing in range(k):
                if caused != causing:
                    res.test_causality(caused, causing, kind="f")
            # causing passed explicitly: statsmodels 0.13 miscounts restrictions when it is None.
            res.test_causality(caused, [i for i in range(k) if i != caused], kind="f")
        irf = res.irf(10)
        irf.stderr(orth=False)
        irf.stderr(orth=True)
        res.fevd(10)
        res.forecast(y[-order:], 10)
        res.mse(10)
    return order


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("triad")
    parser.add_argument("--vars", type=int, default=7)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--maxlags", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    y = simulate(args.vars, args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.csv")
        with open(path, "w") as f:
            f.write("t," + ",".join(f"y{i}" for i in range(args.vars)) + "\n")
            for t, row in enumerate(y):
                f.write(f"{t}," + ",".join(repr(v) for v in row) + "\n")
        base = [args.triad, "var", "--input", path, "--maxlags", str(args.maxlags), "--ic", "aic",
                "--format", "json"]
        full = base + ["--granger", "--irf", "10", "--forecast", "10"]
        print(f"VAR with {args.vars} series, {args.rows} rows, maxlags {args.maxlags}, "
              f"best of {args.repeat}")
        for label, cmd, is_full in (("select+fit", base, False), ("full", full, True)):
            run = lambda: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)  # noqa: E731
            t_triad = best_of(args.repeat, run)
            t_sm = best_of(args.repeat, lambda: statsmodels_run(path, args.maxlags, is_full))
            print(f"  {label:<11} triad {t_triad * 1000:8.1f} ms   statsmodels {t_sm * 1000:8.1f} ms"
                  f"   statsmodels/triad {t_sm / t_triad:6.2f}x")


if __name__ == "__main__":
    main()
