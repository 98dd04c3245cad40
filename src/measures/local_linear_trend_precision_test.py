"""triad momentum finds the true maximum of the local linear trend likelihood on near-constant
series, checked against a reference likelihood computed with 60 significant digits.

Usage: /usr/bin/python3 local_linear_trend_precision_test.py PATH/TO/triad

A near-constant series (variances near 1e-9) under statsmodels' approximate diffuse prior
P_1 = 1e6 I is where double precision fails: a filter that adds 1e6 and 1e-9 keeps no digit of
the small variance, so its log-likelihood is off by tenths (statsmodels 0.13 itself is off by up
to 1 on these series) and an optimiser chases the rounding noise into false optima. The
reference below is the same Kalman filter in Python's decimal arithmetic at 60 digits, where the
prior's 1e6 cancels exactly. For three series (white noise around a constant, a slow random walk,
and values rounded to three decimals):
  * triad's log-likelihood at its estimate equals the reference at the same variances (1e-9);
  * no start of a Nelder-Mead search on the reference likelihood (from triad's estimate,
    statsmodels' starting values and seven spreads, including faces of the boundary) finds a
    higher value than triad's (tolerance 1e-7);
  * the final slope variance (the momentum's standard error) equals the reference filter's;
  * every optimiser start of triad agrees on the optimum.
"""
import csv
import datetime
import json
import os
import subprocess
import sys
import tempfile
import warnings
from decimal import Decimal, getcontext

import numpy as np
from scipy.optimize import minimize

TRIAD = sys.argv[1]
getcontext().prec = 60
LOG_2PI = (2 * Decimal("3.14159265358979323846264338327950288419716939937510582097494")).ln()
LLF_ATOL = 1e-9         # same variances: triad's filter against the 60-digit one
SEARCH_SLACK = 1e-7     # the reference search may not beat triad's optimum by more than this
SLOPE_VAR_RTOL = 1e-6   # final slope variance at the same variances
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def reference_filter(y, irregular, level, slope, diffuse=Decimal(10) ** 6, burn=2):
    """statsmodels' lltrend filter (a_1 = 0, P_1 = diffuse I, the first `burn` periods left out
    of the log-likelihood) in 60-digit decimal arithmetic: (log-likelihood, last filtered slope
    variance)."""
    a0 = a1 = Decimal(0)
    p00 = p11 = Decimal(diffuse)
    p01 = Decimal(0)
    irregular, level, slope = Decimal(irregular), Decimal(level), Decimal(slope)
    llf = Decimal(0)
    slope_var = None
    for t, value in enumerate(y):
        v = Decimal(value) - a0
        f = p00 + irregular
        if t >= burn:
            llf -= (LOG_2PI + f.ln() + v * v / f) / 2
        k0, k1 = p00 / f, p01 / f
        f0, f1 = a0 + k0 * v, a1 + k1 * v
        q00, q01, q11 = p00 - k0 * p00, p01 - k0 * p01, p11 - k1 * p01
        slope_var = q11
        a0, a1 = f0 + f1, f1
        p00, p01, p11 = q00 + 2 * q01 + q11 + level, q01 + q11, q11 + slope
    return llf, slope_var


def fit(directory, name, y):
    path = os.path.join(directory, name + ".csv")
    start = datetime.date(2020, 1, 6)
    with open(path, "w") as f:
        f.write("date,v\n")
        for i, value in enumerate(y):
            f.write(f"{start + datetime.timedelta(weeks=i)},{value!r}\n")
    out = subprocess.run([TRIAD, "momentum", "--input", path, "--column", "v", "--format", "json"],
                         capture_output=True, text=True)
    check(out.returncode == 0, f"{name}: triad momentum failed: {out.stderr}")
    return json.loads(out.stdout) if out.returncode == 0 else None


def reference_maximum(y, starts):
    """Best reference log-likelihood over Nelder-Mead searches in standard deviations divided by
    the standard deviation of y (the scale triad's optimiser works in)."""
    scale = float(np.std(y))

    def minus_llf(x):
        variances = [Decimal(float(abs(v)) * scale) ** 2 for v in x]
        return -float(reference_filter(y, *variances)[0])

    best = -np.inf
    for start in starts:
        x0 = np.sqrt(np.asarray(start, dtype=float)) / scale
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = minimize(minus_llf, x0, method="Nelder-Mead",
                              options=dict(xatol=1e-9, fatol=1e-12, maxfev=2500))
        best = max(best, -result.fun)
    return best


def main():
    rng = np.random.default_rng(20261130)
    n = 40
    series = {
        "white_noise": 0.3 + 1e-4 * rng.standard_normal(n),
        "slow_walk": 0.3 + 1e-4 * np.cumsum(rng.standard_normal(n)) + 1e-5 * rng.standard_normal(n),
        "rounded": np.round(0.3 + 0.002 * rng.standard_normal(n), 3),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for name, values in series.items():
            y = [float(v) for v in values]
            result = fit(tmp, name, y)
            if result is None:
                continue
            p = result["params"]
            variances = [p["irregular_var"], p["level_var"], p["slope_var"]]
            llf, slope_var = reference_filter(y, *variances)
            check(abs(result["loglikelihood"] - float(llf)) < LLF_ATOL,
                  f"{name}: log-likelihood {result['loglikelihood']!r}, reference {float(llf)!r}")
            got_slope_var = result["states"][-1]["smoothed"]["slope_var"]
            check(abs(got_slope_var - float(slope_var)) <= SLOPE_VAR_RTOL * float(slope_var),
                  f"{name}: final slope variance {got_slope_var!r}, reference {float(slope_var)!r}")
            c = result["convergence"]
            check(c["starts_agreeing"] == c["starts"],
                  f"{name}: {c['starts_agreeing']} of {c['starts']} starts agree")
            s = float(np.var(np.diff(y)))
            sp = result["start_params"]
            starts = [variances, [sp["irregular_var"], sp["level_var"], sp["slope_var"]],
                      [s / 2, s / 10, s / 1e3], [s / 10, s / 2, s / 1e2], [s, s / 1e2, s / 1e4],
                      [0, s, 0], [s, 0, 0], [s / 2, s / 2, 0], [0, s / 2, s / 100]]
            best = reference_maximum(y, starts)
            check(best <= result["loglikelihood"] + SEARCH_SLACK,
                  f"{name}: the reference search found {best!r} > triad's optimum "
                  f"{result['loglikelihood']!r}")
            print(f"{name}: triad {result['loglikelihood']:.10f}, reference at triad's variances "
                  f"{float(llf):.10f}, reference search best {best:.10f}")
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
