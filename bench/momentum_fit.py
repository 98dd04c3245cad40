"""Benchmark (not a test): fit time of triad momentum vs statsmodels UnobservedComponents.

Usage: /usr/bin/python3 bench/momentum_fit.py [PATH/TO/triad] [REPEATS]

The series is the daily CHN_USA score 2018-01-01 .. 2024-02-23 from
shared/data/series-gdelt/gzemo-daily-graph (2,245 days, the 96 days absent from that file
left missing). triad's time is one `triad momentum --format table` process: start, read the
CSV, fit (4 starts), smooth, print; statsmodels' time is model construction plus .fit() (its
defaults: L-BFGS-B, at most 50 iterations), without importing it. Each is timed REPEATS times
(default 3) and the fastest run is kept, both as wall time and as CPU time (user + system,
steadier on a shared machine).
"""
import csv
import datetime
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))
TRIAD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build", "src", "cli", "triad")
REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
SHARED = os.environ.get("TRIAD_SHARED_DATA", os.path.join(HERE, "..", "..", "shared", "data"))
DAILY = os.path.join(SHARED, "series-gdelt", "gzemo-daily-graph",
                     "dyads_20_actors_daily_2018-2024.csv")


def daily_series():
    values = {}
    with open(DAILY) as f:
        for row in csv.DictReader(f):
            values[datetime.datetime.strptime(row["date"], "%Y%m%d").date()] = float(row["CHN_USA"])
    day, last = min(values), max(values)
    dates, y = [], []
    while day <= last:
        dates.append(day)
        y.append(values.get(day, np.nan))
        day += datetime.timedelta(days=1)
    return dates, np.array(y)


def cpu_seconds():
    """CPU time of this process and of its finished children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def best_of(function):
    walls, cpus, result = [], [], None
    for _ in range(REPEATS):
        wall, cpu = time.perf_counter(), cpu_seconds()
        result = function()
        walls.append(time.perf_counter() - wall)
        cpus.append(cpu_seconds() - cpu)
    return min(walls), min(cpus), result


def main():
    dates, y = daily_series()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "chn_usa_daily.csv")
        with open(path, "w") as f:
            f.write("date,chn_usa\n")
            for d, v in zip(dates, y):
                f.write(f"{d},{'' if np.isnan(v) else repr(v)}\n")

        def run_triad(output_format="table"):
            return subprocess.run([TRIAD, "momentum", "--input", path, "--column", "chn_usa",
                                   "--format", output_format], capture_output=True, text=True,
                                  check=True).stdout

        def run_statsmodels():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return sm.tsa.UnobservedComponents(y, level="lltrend").fit(disp=False)

        wall_triad, cpu_triad, _ = best_of(run_triad)
        wall_sm, cpu_sm, theirs = best_of(run_statsmodels)
        ours = json.loads(run_triad("json"))
    print(f"series: {len(y)} days, {int(np.sum(np.isnan(y)))} missing (CHN_USA daily GDELT)")
    print(f"triad       wall {wall_triad * 1e3:7.1f} ms  cpu {cpu_triad * 1e3:7.1f} ms  "
          f"llf {ours['loglikelihood']:.6f}  {ours['convergence']['starts']} starts, "
          f"{ours['convergence']['evaluations']} likelihood evaluations")
    print(f"statsmodels wall {wall_sm * 1e3:7.1f} ms  cpu {cpu_sm * 1e3:7.1f} ms  "
          f"llf {theirs.llf:.6f}  {theirs.mle_retvals['iterations']} iterations, "
          f"{theirs.mle_retvals['fcalls']} calls")
    print(f"statsmodels / triad: wall {wall_sm / wall_triad:.1f}x, cpu {cpu_sm / cpu_triad:.1f}x")


if __name__ == "__main__":
    main()
