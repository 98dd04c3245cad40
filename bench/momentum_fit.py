"""Benchmark (not a test): the local linear trend fit of triad momentum vs statsmodels
UnobservedComponents, compared two ways.

Usage: /usr/bin/python3 bench/momentum_fit.py [PATH/TO/triad] [REPEATS]

The series is the daily CHN_USA score 2018-01-01 .. 2024-02-23 from
shared/data/series-gdelt/gzemo-daily-graph (2,245 days, the 96 days absent from that file
left missing). Two comparisons, each the median of REPEATS runs (default 5):
  (a) whole process vs whole process: one `triad momentum --format table` process (start, read
      the CSV, fit with 4 starts, smooth, print) against one `/usr/bin/python3` process that
      starts, imports numpy and statsmodels, reads the same CSV and fits;
  (b) the fit alone vs the fit alone: triad's fit timed in process by bench/triad_fit_timing
      (built with -DTRIAD_BENCH=ON next to the triad binary's build tree; median of 20 runs
      after a warm-up) against statsmodels' model construction plus .fit() (its defaults:
      L-BFGS-B, at most 50 iterations, then the smoother) in this process, imports done, after
      one warm-up fit.
Wall time, and for (a) also CPU time (user + system of the child, steadier on a shared machine).
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
REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
FIT_TIMING = os.environ.get("TRIAD_FIT_TIMING", os.path.join(
    os.path.dirname(os.path.abspath(TRIAD)), "..", "..", "bench", "triad_fit_timing"))
# What the statsmodels process of comparison (a) runs: start, imports, read, fit.
STATSMODELS_PROCESS = """
import sys, warnings
import numpy as np
import statsmodels.api as sm
y = np.genfromtxt(sys.argv[1], delimiter=",", skip_header=1, usecols=1)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print(sm.tsa.UnobservedComponents(y, level="lltrend").fit(disp=False).llf)
"""
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


def median(values):
    values = sorted(values)
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def median_of(function):
    """Median wall and CPU seconds (this process and its children) over REPEATS runs."""
    walls, cpus, result = [], [], None
    for _ in range(REPEATS):
        wall, cpu = time.perf_counter(), cpu_seconds()
        result = function()
        walls.append(time.perf_counter() - wall)
        cpus.append(cpu_seconds() - cpu)
    return median(walls), median(cpus), result


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

        def run_statsmodels_process():
            return subprocess.run(["/usr/bin/python3", "-c", STATSMODELS_PROCESS, path],
                                  capture_output=True, text=True, check=True).stdout

        wall_triad, cpu_triad, _ = median_of(run_triad)
        wall_smp, cpu_smp, their_process_llf = median_of(run_statsmodels_process)
        run_statsmodels()  # warm-up: statsmodels imports some modules on the first fit
        wall_sm, _, theirs = median_of(run_statsmodels)
        ours = json.loads(run_triad("json"))
        fit_alone = None
        if os.path.exists(FIT_TIMING):
            fit_alone = json.loads(subprocess.run(
                [FIT_TIMING, "momentum", path, "chn_usa", "20"], capture_output=True, text=True,
                check=True).stdout)
    print(f"series: {len(y)} days, {int(np.sum(np.isnan(y)))} missing (CHN_USA daily GDELT), "
          f"median of {REPEATS}")
    print(f"triad llf {ours['loglikelihood']:.6f} ({ours['convergence']['starts']} starts, "
          f"{ours['convergence']['evaluations']} likelihood evaluations); statsmodels llf "
          f"{theirs.llf:.6f} ({theirs.mle_retvals['iterations']} iterations, "
          f"{theirs.mle_retvals['fcalls']} calls; its process: {float(their_process_llf):.6f})")
    print("(a) whole process vs whole process")
    print(f"  triad momentum          wall {wall_triad * 1e3:7.1f} ms  cpu {cpu_triad * 1e3:7.1f} ms")
    print(f"  python3 + statsmodels   wall {wall_smp * 1e3:7.1f} ms  cpu {cpu_smp * 1e3:7.1f} ms")
    print(f"  statsmodels / triad: wall {wall_smp / wall_triad:.1f}x, cpu {cpu_smp / cpu_triad:.1f}x")
    print("(b) the fit alone vs the fit alone (wall)")
    if fit_alone is None:
        print(f"  {FIT_TIMING} not found: configure with -DTRIAD_BENCH=ON and build "
              "triad_fit_timing (or set TRIAD_FIT_TIMING)")
        print(f"  statsmodels fit         {wall_sm * 1e3:7.1f} ms")
        return
    print(f"  triad fit (in process)  {fit_alone['median_ms']:7.2f} ms  (fastest "
          f"{fit_alone['min_ms']:.2f}, llf {fit_alone['loglikelihood']:.6f})")
    print(f"  statsmodels fit         {wall_sm * 1e3:7.2f} ms")
    print(f"  statsmodels / triad: {wall_sm * 1e3 / fit_alone['median_ms']:.1f}x")


if __name__ == "__main__":
    main()
