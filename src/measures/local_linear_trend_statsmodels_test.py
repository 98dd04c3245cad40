"""triad momentum agrees with statsmodels 0.13 UnobservedComponents(level='lltrend').

Usage: /usr/bin/python3 local_linear_trend_statsmodels_test.py PATH/TO/triad
(ctest runs it from the source directory with TRIAD_SOURCE_DIR set).

For each series (a real weekly CHN-USA GDELT series with 15 weeks blanked, and a hand-made
daily series with gaps, including one inside the 2-period burn and the last period):
  * fitted model: triad's log-likelihood is at least statsmodels' and within 1e-6 relative
    (the optimum is flat, so the variances only agree to a looser tolerance: 1e-3 of the
    largest variance, against statsmodels' optimiser run to tight tolerances);
  * at triad's parameters: statsmodels .smooth(params) gives the same log-likelihood (1e-10
    relative), predicted, filtered and smoothed level and slope and their (co)variances
    (1e-8, relative to the size of the quantity); the filtered and smoothed variances up to the
    second observation (terms of size 1e12, or the prior's 1e6) are null in triad's output;
  * the same with the exact diffuse initialisation (use_exact_diffuse=True);
  * a damped slope, which UnobservedComponents lacks, against a hand-written statsmodels
    MLEModel with T = [1 1; 0 phi];
  * the momentum summary is slope * 30 / days per period with a 90% normal interval.
"""
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import statsmodels.api as sm
from statsmodels.tsa.statespace.mlemodel import MLEModel

TRIAD = sys.argv[1]
SOURCE = os.environ.get("TRIAD_SOURCE_DIR", os.getcwd())
REAL_CSV = os.path.join(SOURCE, "tests", "data", "series", "chn_usa_weekly_gdelt.csv")

LLF_RTOL_FIT = 1e-6      # fitted optimum: triad vs statsmodels' own fit
PARAM_RTOL = 1e-3        # fitted variances, relative to the largest fitted variance
LLF_RTOL_FIXED = 1e-10   # same parameters, same filter
STATE_RTOL = 1e-8        # same parameters: states and variances
Z90 = 1.6448536269514722  # standard normal 95th percentile

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def close(a, b, rtol, scale):
    """|a - b| <= rtol * max(|b|, scale): relative, but not tighter than rtol * scale."""
    return abs(a - b) <= rtol * max(abs(b), scale)


def run_triad(path, column, *extra):
    out = subprocess.run(
        [TRIAD, "momentum", "--input", path, "--column", column, "--format", "json", *extra],
        capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"triad failed ({out.returncode}): {out.stderr}")
    return json.loads(out.stdout)


def read_column(path, column):
    with open(path) as f:
        return np.array([float(r[column]) if r[column] else np.nan for r in csv.DictReader(f)])


def hand_made_csv(directory):
    """120 days of a trend with a bend, a seasonal wiggle and deterministic pseudo-noise."""
    path = os.path.join(directory, "hand_made.csv")
    blanks = {1, 30, 31, 32, 77, 119}
    with open(path, "w") as f:
        f.write("date,score\n")
        for t in range(120):
            day = np.datetime64("2021-03-01") + t
            value = (20 + 0.4 * t - 0.006 * t * t + 3 * math.sin(t / 6)
                     + 2.5 * (((t * 7919) % 23) - 11) / 11)
            f.write(f"{day},{'' if t in blanks else f'{value:.6f}'}\n")
    return path


def params_vector(result):
    p = result["params"]
    return np.array([p["irregular_var"], p["level_var"], p["slope_var"]])


def second_observed(states):
    """Index of the second observed period."""
    return [t for t, s in enumerate(states) if s["y"] is not None][1]


def compare_states(label, result, sm_res, skip_diffuse=0, approximate_diffuse=True):
    """Compares triad's states with a statsmodels results object at the same parameters."""
    states = result["states"]
    n = len(states)
    scale_level = np.nanstd([s["y"] for s in states if s["y"] is not None])
    # With the approximate diffuse prior P_1 = 1e6 I, the smoothed variances up to the second
    # observation are differences P - P N P of terms of size 1e12, so both programs round them
    # to about 1e12 * 2^-52 = 2e-4 in absolute terms: allow 10 times that there.
    early = second_observed(states) if approximate_diffuse else -1
    cancellation = 10 * 1e12 * 2.0**-52
    # Those variances carry no information, and the first two (burned) periods' filtered slope
    # variance is the prior's 1e6: triad reports the filtered and smoothed (co)variances of the
    # periods up to the second observation (at least the 2 burned ones) as unknown (null).
    unknown = max(2, early + 1) if approximate_diffuse else 0
    check(result["unknown_variance_periods"] == unknown,
          f"{label}: unknown_variance_periods {result['unknown_variance_periods']} vs {unknown}")
    # statsmodels' arrays: state (k, n), cov (k, k, n); predicted_* have n + 1 columns.
    kinds = [("smoothed", sm_res.smoothed_state, sm_res.smoothed_state_cov, 0),
             ("filtered", sm_res.filtered_state, sm_res.filtered_state_cov, skip_diffuse),
             ("predicted", sm_res.predicted_state, sm_res.predicted_state_cov, skip_diffuse)]
    for kind, mean, cov, first in kinds:
        worst = 0.0
        for t in range(first, n):
            s = states[t][kind]
            var_scale = scale_level**2
            if kind == "smoothed" and t <= early:
                var_scale = max(var_scale, cancellation / STATE_RTOL)
            pairs = [(s["level"], mean[0, t], scale_level), (s["slope"], mean[1, t], scale_level)]
            variances = [(s["level_var"], cov[0, 0, t], var_scale),
                         (s["slope_var"], cov[1, 1, t], var_scale),
                         (s["level_slope_cov"], cov[0, 1, t], var_scale)]
            if kind != "predicted" and t < unknown:
                check(all(s[key] is None for key in ("level_var", "slope_var", "level_slope_cov",
                                                     "level_se", "slope_se")),
                      f"{label}: {kind} t={t} variances are not null (unknown): {s}")
            else:
                pairs += variances
            for ours, theirs, scale in pairs:
                if ours is None:
                    check(False, f"{label}: {kind} t={t} is null, statsmodels {theirs}")
                    continue
                worst = max(worst, abs(ours - theirs) / max(abs(theirs), scale))
        check(worst <= STATE_RTOL, f"{label}: {kind} states differ by {worst:.3g} (relative)")
        print(f"  {label}: {kind} level/slope/variances agree to {worst:.2e}")


def compare_fit(label, y, result, exact_diffuse):
    mod = sm.tsa.UnobservedComponents(y, level="lltrend", use_exact_diffuse=exact_diffuse)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sm_fit = mod.fit(disp=False)
    ours = result["loglikelihood"]
    theirs = sm_fit.llf
    print(f"  {label}: llf triad {ours:.10f} statsmodels {theirs:.10f}; params triad "
          f"{params_vector(result)} statsmodels {sm_fit.params}")
    check(ours >= theirs - LLF_RTOL_FIT * abs(theirs),
          f"{label}: triad's optimum {ours} is below statsmodels' {theirs}")
    check(close(ours, theirs, LLF_RTOL_FIT, 1.0),
          f"{label}: llf {ours} vs statsmodels {theirs}")
    # statsmodels stops after 50 L-BFGS-B iterations or a loose gradient test; on a flat
    # optimum its variances can still move by a percent. Compare the variances with its own
    # optimiser run on from there to tight tolerances.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sm_tight = mod.fit(start_params=sm_fit.params, disp=False, maxiter=2000, pgtol=1e-12,
                           factr=1.0)
    check(ours >= sm_tight.llf - LLF_RTOL_FIT * abs(sm_tight.llf),
          f"{label}: triad's optimum {ours} is below statsmodels' tight fit {sm_tight.llf}")
    largest = max(sm_tight.params)
    for name, a, b in zip(["irregular", "level", "slope"], params_vector(result),
                          sm_tight.params):
        check(abs(a - b) <= PARAM_RTOL * largest,
              f"{label}: fitted {name} variance {a} vs statsmodels (tight) {b}")
    if not exact_diffuse:
        check(np.allclose(sm_fit.model.start_params,
                          [result["start_params"][k] for k in
                           ("irregular_var", "level_var", "slope_var")], rtol=1e-9),
              f"{label}: start params {result['start_params']} vs {mod.start_params}")

    # At triad's parameters the two filters must agree to rounding.
    sm_res = mod.smooth(params_vector(result))
    check(close(ours, sm_res.llf, LLF_RTOL_FIXED, 1.0),
          f"{label}: llf at triad's params {ours} vs statsmodels {sm_res.llf}")
    terms = np.array([s["loglikelihood_term"] for s in result["states"]])
    llf_obs = np.array(sm_res.llf_obs)
    if not exact_diffuse:
        llf_obs[:mod.loglikelihood_burn] = 0
    check(np.allclose(terms, llf_obs, rtol=1e-10, atol=1e-10),
          f"{label}: per-period log-likelihood terms differ")
    check(result["loglikelihood_burn"] == (0 if exact_diffuse else mod.loglikelihood_burn),
          f"{label}: burn {result['loglikelihood_burn']}")
    skip = sm_res.nobs_diffuse if exact_diffuse else 0
    if exact_diffuse:
        check(result["diffuse_periods"] == sm_res.nobs_diffuse,
              f"{label}: diffuse periods {result['diffuse_periods']} vs {sm_res.nobs_diffuse}")
    compare_states(label, result, sm_res, skip_diffuse=skip, approximate_diffuse=not exact_diffuse)
    return sm_res


def check_momentum(label, result):
    m = result["momentum"]
    last = result["states"][-1]["smoothed"]
    per_30 = 30 / result["days_per_period"]
    check(close(m["per_30_days"], last["slope"] * per_30, 1e-12, 1e-12),
          f"{label}: momentum {m['per_30_days']} vs slope {last['slope']} * {per_30}")
    half = Z90 * last["slope_se"] * per_30
    check(close(m["upper"] - m["per_30_days"], half, 1e-10, 1e-12)
          and close(m["per_30_days"] - m["lower"], half, 1e-10, 1e-12),
          f"{label}: interval [{m['lower']}, {m['upper']}] is not +-{half}")
    expected = ("improving" if m["lower"] > 0 else
                "deteriorating" if m["upper"] < 0 else "steady")
    check(m["direction"] == expected, f"{label}: direction {m['direction']} vs {expected}")


class DampedLocalLinearTrend(MLEModel):
    """y = level + eps; level' = level + slope + eta; slope' = phi slope + zeta; statsmodels'
    UnobservedComponents initialisation (approximate diffuse 1e6, burn 2)."""

    def __init__(self, y):
        super().__init__(y, k_states=2, k_posdef=2, loglikelihood_burn=2)
        self.ssm.initialize_approximate_diffuse(1e6)
        self["design"] = np.array([[1.0, 0.0]])
        self["selection"] = np.eye(2)
        self["transition"] = np.array([[1.0, 1.0], [0.0, 1.0]])

    def update(self, params, **kwargs):
        params = super().update(params, **kwargs)
        self["obs_cov", 0, 0] = params[0]
        self["state_cov"] = np.diag(params[1:3])
        self["transition", 1, 1] = params[3]


def check_damped(label, path, column, y):
    result = run_triad(path, column, "--damped")
    p = result["params"]
    params = np.array([p["irregular_var"], p["level_var"], p["slope_var"], p["damping"]])
    check(0 < params[3] < 1, f"{label}: damping {params[3]} outside (0, 1)")
    mod = DampedLocalLinearTrend(y)
    sm_res = mod.smooth(params)
    check(close(result["loglikelihood"], sm_res.llf, LLF_RTOL_FIXED, 1.0),
          f"{label}: damped llf {result['loglikelihood']} vs statsmodels {sm_res.llf}")
    compare_states(label + " damped", result, sm_res)
    # A local maximum: no better point along each coordinate nearby.
    best = sm_res.llf
    for i in range(4):
        for factor in (0.98, 1.02):
            q = params.copy()
            q[i] = min(q[i] * factor, 1 - 1e-9) if i == 3 else q[i] * factor
            check(mod.loglike(q) <= best + 1e-6 * abs(best),
                  f"{label}: damped llf improves at {q}: {mod.loglike(q)} > {best}")
    print(f"  {label} damped: phi {params[3]:.4f}, llf {best:.6f}")
    return result


def main():
    with tempfile.TemporaryDirectory() as tmp:
        series = [("chn_usa weekly (blanked)", REAL_CSV, "chn_usa_blanked"),
                  ("chn_usa weekly", REAL_CSV, "chn_usa"),
                  ("hand-made daily", hand_made_csv(tmp), "score")]
        for label, path, column in series:
            y = read_column(path, column)
            for init, exact in (("statsmodels", False), ("diffuse", True)):
                tag = f"{label} [{init}]"
                result = run_triad(path, column, "--init", init)
                check(result["observations"] == int(np.sum(~np.isnan(y))), f"{tag}: observations")
                check(result["convergence"]["converged"], f"{tag}: not converged")
                compare_fit(tag, y, result, exact)
                check_momentum(tag, result)
            check_damped(label, path, column, y)

    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
