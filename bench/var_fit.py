#!/usr/bin/python3
"""Times `triad var` against statsmodels 0.13 on the same input (a benchmark, not a test).

Usage: bench/var_fit.py PATH/TO/triad [--vars 7] [--rows 2000] [--maxlags 8] [--repeat 5]
Run with Debian's /usr/bin/python3 (statsmodels 0.13).

Input: a stable VAR(2) in --vars series with --rows rows, simulated from a fixed seed and written
to a temporary CSV. Two workloads:
  select+fit:  lag order by AIC up to --maxlags, then the fit;
  full:        the same plus Granger F tests (every ordered pair and each series against all
               others), impulse responses to 10 periods with asymptotic std. errors (plain and
               orthogonalised), FEVD and a 10-step forecast with MSE.
Each is compared two ways, medians of --repeat runs:
  (a) whole process vs whole process: one `triad var ... --format json` process (start, read the
      CSV, compute, write the JSON: 2 MB for full) against one /usr/bin/python3 process that
      starts, imports numpy and statsmodels, reads the CSV with numpy.loadtxt and computes;
  (b) the fit alone vs the fit alone: triad's computation timed in process by
      bench/triad_fit_timing (built with -DTRIAD_BENCH=ON next to the triad binary's build
      tree; it also runs the residual whiteness and normality tests `triad var` always runs,
      which statsmodels is not asked for; median of 20 runs after a warm-up) against the
      statsmodels calls in this process on an array already read, after one warm-up run.
"""
import argparse
import json
import os
import subprocess
import sys
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


def median_of(repeat, fn):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    times.sort()
    n = len(times)
    return times[n // 2] if n % 2 else (times[n // 2 - 1] + times[n // 2]) / 2


def read_csv(path):
    return np.loadtxt(path, delimiter=",", skiprows=1)[:, 1:]


def statsmodels_run(y, maxlags, full):
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
    # The statsmodels side of comparison (a): this file run as its own process (its imports are
    # numpy and statsmodels' VAR), reading the CSV and computing.
    if len(sys.argv) == 5 and sys.argv[1] == "--statsmodels-process":
        print(statsmodels_run(read_csv(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "full"))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("triad")
    parser.add_argument("--vars", type=int, default=7)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--maxlags", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    fit_timing = os.environ.get("TRIAD_FIT_TIMING", os.path.join(
        os.path.dirname(os.path.abspath(args.triad)), "..", "..", "bench", "triad_fit_timing"))

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
              f"median of {args.repeat}")
        if not os.path.exists(fit_timing):
            print(f"  (b) skipped: {fit_timing} not found; configure with -DTRIAD_BENCH=ON and "
                  "build triad_fit_timing (or set TRIAD_FIT_TIMING)")
        y_read = read_csv(path)
        for label, cmd, is_full in (("select+fit", base, False), ("full", full, True)):
            kind = "full" if is_full else "select"
            process = [sys.executable, os.path.abspath(__file__), "--statsmodels-process", path,
                       str(args.maxlags), kind]
            t_triad = median_of(args.repeat, lambda: subprocess.run(
                cmd, check=True, stdout=subprocess.DEVNULL))
            t_smp = median_of(args.repeat, lambda: subprocess.run(
                process, check=True, stdout=subprocess.DEVNULL))
            statsmodels_run(y_read, args.maxlags, is_full)  # warm-up (lazy imports)
            t_sm = median_of(args.repeat, lambda: statsmodels_run(y_read, args.maxlags, is_full))
            print(f"  {label}")
            print(f"    (a) process  triad {t_triad * 1e3:8.1f} ms   python3 + statsmodels "
                  f"{t_smp * 1e3:8.1f} ms   statsmodels/triad {t_smp / t_triad:6.2f}x")
            if os.path.exists(fit_timing):
                alone = json.loads(subprocess.run(
                    [fit_timing, "var", path, str(args.maxlags), "20", kind], check=True,
                    capture_output=True, text=True).stdout)
                print(f"    (b) fit      triad {alone['median_ms']:8.2f} ms   statsmodels "
                      f"{t_sm * 1e3:8.2f} ms   statsmodels/triad "
                      f"{t_sm * 1e3 / alone['median_ms']:6.2f}x   (lag order {alone['lag_order']})")


if __name__ == "__main__":
    main()
