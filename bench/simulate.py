#!/usr/bin/python3
"""Times `triad simulate` against the same Monte Carlo written as a vectorised numpy loop
(a benchmark, not a test).

Usage: bench/simulate.py PATH/TO/triad [--paths 100000] [--steps 365] [--vars 7] [--threads 2]
       [--repeat 5]
Run with Debian's /usr/bin/python3 (numpy).

Model: a stable VAR(2) in --vars series, fitted by `triad var --lags 2` to 600 weekly rows
simulated from a fixed seed. Workload: --paths paths of --steps steps from the fit's origin with
its residual covariance (Cholesky factor times standard normals), no levers, and at every step the
5/25/50/75/95% quantiles, mean and s.d. of every variable across paths (what `triad simulate`
reports). numpy does the same step by step over all paths at once (arrays of vars x paths),
with numpy.quantile; it keeps only the last two steps, as triad does. triad's time is end to end
(process start, reading the scenario and fit, writing JSON), the median of --repeat runs, with
the fitted coefficients (--parameter-uncertainty off, the workload numpy does) and with a draw of
the coefficients and residual covariance per batch of 256 paths (on, triad's default), the two
interleaved; also the median CPU time (user + system) of those runs.
numpy runs once. Prints variable-steps per second (paths x steps x vars / seconds) and ratios.
"""
import argparse
import json
import os
import resource
import subprocess
import tempfile
import time

import numpy as np


def simulate_data(k, rows, seed=12345):
    rng = np.random.RandomState(seed)
    a1 = 0.4 * np.eye(k) + 0.05 * rng.uniform(-1, 1, (k, k))
    a2 = -0.15 * np.eye(k) + 0.03 * rng.uniform(-1, 1, (k, k))
    y = np.zeros((rows + 100, k))
    for t in range(2, rows + 100):
        y[t] = 0.5 + a1 @ y[t - 1] + a2 @ y[t - 2] + rng.standard_normal(k)
    return y[100:]


def median(values):
    values = sorted(values)
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def children_cpu():
    """User + system CPU seconds of the finished child processes (steadier than wall time on a
    shared machine; with --threads 2 up to twice the wall time)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def numpy_simulation(fit, paths, steps, seed):
    a1, a2 = (np.array(m) for m in fit["lag_matrices"])
    c = np.array(fit["deterministic_coefficients"])[:, 0]
    chol = np.linalg.cholesky(np.array(fit["sigma_u"]))
    last = np.array(fit["last_values"])
    k = len(c)
    rng = np.random.default_rng(seed)
    y2 = np.repeat(last[0][:, None], paths, axis=1)
    y1 = np.repeat(last[1][:, None], paths, axis=1)
    levels = [0.05, 0.25, 0.5, 0.75, 0.95]
    summaries = []
    for _ in range(steps):
        y = c[:, None] + a1 @ y1 + a2 @ y2 + chol @ rng.standard_normal((k, paths))
        summaries.append((np.quantile(y, levels, axis=1), y.mean(axis=1), y.std(axis=1, ddof=1)))
        y2, y1 = y1, y
    return summaries


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("triad")
    parser.add_argument("--paths", type=int, default=100000)
    parser.add_argument("--steps", type=int, default=365)
    parser.add_argument("--vars", type=int, default=7)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data = simulate_data(args.vars, 600)
        names = ["V%d" % i for i in range(args.vars)]
        csv = os.path.join(tmp, "series.csv")
        start = np.datetime64("2012-01-02")
        with open(csv, "w") as f:
            f.write("week," + ",".join(names) + "\n")
            for t, row in enumerate(data):
                f.write(str(start + np.timedelta64(7 * t, "D")) + "," +
                        ",".join("%.10g" % x for x in row) + "\n")
        fit_path = os.path.join(tmp, "fit.json")
        subprocess.run([args.triad, "var", "--input", csv, "--lags", "2", "--save", fit_path],
                       check=True, stdout=subprocess.DEVNULL)
        scenario = os.path.join(tmp, "bench.toml")
        with open(scenario, "w") as f:
            f.write('horizon = %d\npaths = %d\nseed = 1\n[model]\nfit = "fit.json"\n' %
                    (args.steps, args.paths))
        command = [args.triad, "simulate", scenario, "--format", "json",
                   "--threads", str(args.threads), "--parameter-uncertainty"]
        medians, cpu_medians = {}, {}
        times = {"off": [], "on": []}
        cpus = {"off": [], "on": []}
        for _ in range(args.repeat):  # the two modes interleaved, so that load changes hit both
            for mode in ("off", "on"):
                t0, c0 = time.perf_counter(), children_cpu()
                out = subprocess.run(command + [mode], check=True, stdout=subprocess.PIPE).stdout
                times[mode].append(time.perf_counter() - t0)
                cpus[mode].append(children_cpu() - c0)
                if mode == "off":
                    report = json.loads(out)
        for mode in ("off", "on"):
            medians[mode] = median(times[mode])
            cpu_medians[mode] = median(cpus[mode])
        with open(fit_path) as f:
            fit = json.load(f)

    t0 = time.perf_counter()
    summaries = numpy_simulation(fit, args.paths, args.steps, 1)
    numpy_time = time.perf_counter() - t0

    work = args.paths * args.steps * args.vars
    print("%d paths x %d steps x %d variables, VAR(2), quantiles at every step; median of %d" %
          (args.paths, args.steps, args.vars, args.repeat))
    for mode, label in (("off", "fitted coefficients"), ("on", "parameter draws")):
        print("  triad simulate, %-19s (%d threads): %8.3f s  %12.4g variable-steps/s"
              "  (cpu %.3f s)" % (label, args.threads, medians[mode], work / medians[mode],
                                  cpu_medians[mode]))
    print("  numpy (vectorised loop, fitted coefficients):   %8.3f s  %12.4g variable-steps/s" %
          (numpy_time, work / numpy_time))
    print("  ratio numpy / triad (fitted coefficients): %.1f" % (numpy_time / medians["off"]))
    print("  parameter draws / fitted coefficients: %.2f" % (medians["on"] / medians["off"]))
    # Same model, different random numbers: the last step's medians agree within MC error.
    last = report["scenario"][-1]["variables"]
    for i, name in enumerate(names[:3]):
        print("  last-step median %s: triad %.4f, numpy %.4f, sd %.4f" %
              (name, last[name]["q50"], summaries[-1][0][2][i], summaries[-1][2][i]))


if __name__ == "__main__":
    main()
