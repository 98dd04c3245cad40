#!/usr/bin/python3
"""`triad var --format json` must agree with statsmodels 0.13's VAR on the same input.

Usage: var_statsmodels_test.py PATH/TO/triad   (ctest passes the binary; run with Debian's
/usr/bin/python3, which has statsmodels 0.13). Inputs:
  (a) tests/data/series/gdelt_weekly_chn_usa_jpn.csv: weekly GDELT dyad scores CHN_USA, CHN_JPN,
      USA_JPN (321 weeks, origin in tests/data/series/README.md), fitted with trends c, ct and n;
  (b) a hand-made VARX: a known VAR(2) in three series with two exogenous regressors, driven by
      seeded Gaussian noise, generated here.
Compared: residual whiteness (test_whiteness, adjusted=False) and normality (test_normality)
statistics, p-values and critical values; coefficients, std. errors, t and p values, sigma_u, sigma_u_mle, llf, AIC/BIC/HQIC/FPE,
df_resid, roots, stability, residuals, the select_order table and choices, Granger F tests
(statistic, p-value, df), impulse responses plain and orthogonalised with their asymptotic std.
errors and covariances, FEVD, forecasts and forecast MSE matrices.
Tolerance: |ours - ref| <= RTOL |ref| + ATOL_SCALE max|ref| elementwise, with RTOL = 1e-8 and
ATOL_SCALE = 1e-10 (the absolute floor only matters for entries that are ~0 by construction).
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
from statsmodels.tsa.api import VAR

RTOL = 1e-8
ATOL_SCALE = 1e-10

TRIAD = sys.argv[1]
SOURCE = os.environ.get("TRIAD_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
failures = []
checked = [0]


def check(label, ours, ref, rtol=RTOL):
    ours = np.asarray(ours, dtype=float)
    ref = np.asarray(ref, dtype=float)
    checked[0] += 1
    if ours.shape != ref.shape:
        failures.append(f"{label}: shape {ours.shape} != statsmodels {ref.shape}")
        return
    scale = np.max(np.abs(ref)) if ref.size else 0.0
    tol = rtol * np.abs(ref) + ATOL_SCALE * scale
    err = np.abs(ours - ref)
    if not np.all(err <= tol):
        i = np.unravel_index(np.argmax(err - tol), err.shape)
        failures.append(f"{label}: worst at {i}: triad {ours[i]!r} vs statsmodels {ref[i]!r}")


def check_equal(label, ours, ref):
    checked[0] += 1
    if ours != ref:
        failures.append(f"{label}: triad {ours!r} vs statsmodels {ref!r}")


def run_triad(args):
    out = subprocess.run([TRIAD, "var", "--format", "json"] + args, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"triad var {' '.join(args)} failed ({out.returncode}): {out.stderr}")
    return json.loads(out.stdout)


def read_csv(path, columns):
    with open(path) as f:
        header = f.readline().strip().split(",")
    table = np.loadtxt(path, delimiter=",", skiprows=1, usecols=range(1, len(header)))
    return table[:, [header.index(c) - 1 for c in columns]]


def compare_fit(label, fit, res):
    k = res.neqs
    check(f"{label} params", fit["params"], res.params)
    check(f"{label} std_errors", fit["std_errors"], res.stderr)
    check(f"{label} t_values", fit["t_values"], res.tvalues)
    check(f"{label} p_values", fit["p_values"], res.pvalues)
    check(f"{label} sigma_u", fit["sigma_u"], res.sigma_u)
    check(f"{label} sigma_u_mle", fit["sigma_u_mle"], res.sigma_u_mle)
    check(f"{label} residuals", fit["residuals"], res.resid)
    for name in ("llf", "aic", "bic", "hqic", "fpe"):
        check(f"{label} {name}", fit[name], getattr(res, name))
    check_equal(f"{label} df_resid", fit["df_resid"], int(res.df_resid))
    check_equal(f"{label} nobs", fit["nobs"], int(res.nobs))
    check_equal(f"{label} stable", fit["stable"], bool(res.is_stable()))
    ours = np.array([complex(r[0], r[1]) for r in fit["roots"]])
    ref = np.asarray(res.roots)
    # Conjugate pairs tie in modulus, so compare as sorted sets (modulus, then imaginary part).
    key = lambda z: (round(abs(z), 10), z.imag)  # noqa: E731
    ours, ref = sorted(ours, key=key), sorted(ref, key=key)
    check(f"{label} roots", np.array([[z.real, z.imag] for z in ours]),
          np.array([[z.real, z.imag] for z in ref]), rtol=1e-7)
    check(f"{label} lag matrices", fit["lag_matrices"], res.coefs)
    check_equal(f"{label} K", len(fit["names"]), k)


def compare_selection(label, sel, model, maxlags, trend):
    ref = model.select_order(maxlags=maxlags, trend=trend)
    for name in ("aic", "bic", "hqic", "fpe"):
        check(f"{label} select_order {name}", sel[name], ref.ics[name])
        check_equal(f"{label} selected {name}", sel["selected"][name], int(ref.selected_orders[name]))


def compare_granger(label, tests, res, names):
    for g in tests:
        ref = res.test_causality([names.index(c) for c in g["caused"]],
                                 [names.index(c) for c in g["causing"]], kind="f")
        what = f"{label} granger {'+'.join(g['causing'])}->{'+'.join(g['caused'])}"
        check(f"{what} F", g["statistic"], ref.test_statistic)
        check(f"{what} p", g["p_value"], ref.pvalue)
        check_equal(f"{what} df", (g["df_num"], g["df_den"]), tuple(int(d) for d in ref.df))


def compare_irf(label, report, res):
    periods = report["irf"]["periods"]
    irf = res.irf(periods)
    plain, orth = report["irf"]["plain"], report["irf"]["orthogonalised"]
    check(f"{label} irf", plain["response"], irf.irfs)
    check(f"{label} irf stderr", plain["std_errors"], irf.stderr(orth=False))
    check(f"{label} irf cov", plain["covariance"], irf.cov(orth=False))
    check(f"{label} orth irf", orth["response"], irf.orth_irfs)
    check(f"{label} orth irf stderr", orth["std_errors"], irf.stderr(orth=True))
    check(f"{label} orth irf cov", orth["covariance"], irf.cov(orth=True))
    # statsmodels' decomp is equation x horizon x shock; ours is horizon x equation x shock.
    decomp = res.fevd(periods).decomp
    check(f"{label} fevd", np.swapaxes(np.array(report["fevd"]["share"]), 0, 1), decomp)


def compare_forecast(label, report, res, endog, steps, exog_future=None):
    ref = res.forecast(endog[-res.k_ar:], steps, exog_future=exog_future)
    check(f"{label} forecast", report["forecast"]["mean"], ref)
    check(f"{label} forecast mse", report["forecast"]["mse"], res.mse(steps))


def compare_adequacy(label, report, res, nlags):
    """Model adequacy as statsmodels computes it: test_whiteness(nlags, adjusted=False) and
    test_normality(); p-values and critical values against scipy's chi-square."""
    a = report["adequacy"]
    white = res.test_whiteness(nlags=nlags, adjusted=False)
    check_equal(f"{label} whiteness lags", a["whiteness"]["lags"], nlags)
    check_equal(f"{label} whiteness df", a["whiteness"]["df"], int(white.df))
    check(f"{label} whiteness statistic", a["whiteness"]["statistic"], white.test_statistic)
    check(f"{label} whiteness p", a["whiteness"]["p_value"], white.pvalue, rtol=1e-9)
    check(f"{label} whiteness critical", a["whiteness"]["critical_value"], white.crit_value)
    check_equal(f"{label} whiteness rejected", a["whiteness"]["rejected"],
                bool(white.pvalue < 0.05))
    normal = res.test_normality()
    check_equal(f"{label} normality df", a["normality"]["df"], int(normal.df))
    check(f"{label} normality statistic", a["normality"]["statistic"], normal.test_statistic)
    check(f"{label} normality p", a["normality"]["p_value"], normal.pvalue, rtol=1e-9)
    check(f"{label} normality critical", a["normality"]["critical_value"], normal.crit_value)
    check_equal(f"{label} normality rejected", a["normality"]["rejected"],
                bool(normal.pvalue < 0.05))


def real_series():
    path = os.path.join(SOURCE, "tests", "data", "series", "gdelt_weekly_chn_usa_jpn.csv")
    names = ["CHN_USA", "CHN_JPN", "USA_JPN"]
    endog = read_csv(path, names)
    model = VAR(endog)
    # Lag order chosen by AIC up to 8 with a constant, then everything on that fit.
    report = run_triad(["--input", path, "--maxlags", "8", "--ic", "aic", "--granger", "--irf",
                        "10", "--forecast", "6"])
    compare_selection("gdelt c", report["lag_selection"], model, 8, "c")
    p = report["fit"]["lags"]
    check_equal("gdelt chosen order", p, int(model.select_order(8, trend="c").aic))
    res = model.fit(p, trend="c")
    compare_fit("gdelt c", report["fit"], res)
    compare_granger("gdelt c", report["granger"], res, names)
    compare_irf("gdelt c", report, res)
    compare_forecast("gdelt c", report, res, endog, 6)
    compare_adequacy("gdelt c", report, res, 10)  # statsmodels' default nlags
    # The analyst's table shows the same choice and the same log-likelihood.
    table = subprocess.run([TRIAD, "var", "--input", path, "--maxlags", "8", "--granger"],
                           capture_output=True, text=True, check=True).stdout
    white = res.test_whiteness(10)
    for expected in (f"chosen by aic: {p} lags", f"Log-likelihood {res.llf:.6g}",
                     "Granger causality",
                     f"residual whiteness (portmanteau, 10 lags; H0: no autocorrelation up to lag "
                     f"10): Q = {white.test_statistic:.4g}, df {white.df}, p = {white.pvalue:.4f}",
                     "residual normality (multivariate Jarque-Bera; H0: Gaussian residuals): "
                     f"lambda = {res.test_normality().test_statistic:.4g}"):
        check_equal(f"table shows '{expected}'", expected in table, True)
    # Constant and trend, and no deterministic terms; a different variable order.
    for trend, lags, order in (("ct", 2, [2, 0, 1]), ("n", 1, [0, 1, 2])):
        cols = [names[i] for i in order]
        report = run_triad(["--input", path, "--columns", ",".join(cols), "--lags", str(lags),
                            "--trend", trend, "--granger", "--irf", "6", "--forecast", "4"])
        res = VAR(endog[:, order]).fit(lags, trend=trend)
        compare_fit(f"gdelt {trend}", report["fit"], res)
        compare_granger(f"gdelt {trend}", report["granger"], res, cols)
        compare_irf(f"gdelt {trend}", report, res)
        compare_forecast(f"gdelt {trend}", report, res, endog[:, order], 4)
        # A chosen number of whiteness lags.
        nlags = 4 + lags
        white = run_triad(["--input", path, "--columns", ",".join(cols), "--lags", str(lags),
                           "--trend", trend, "--whiteness-lags", str(nlags)])
        compare_adequacy(f"gdelt {trend}", white, res, nlags)
        sel = run_triad(["--input", path, "--columns", ",".join(cols), "--maxlags", "5", "--trend",
                         trend, "--ic", "bic"])["lag_selection"]
        compare_selection(f"gdelt {trend}", sel, VAR(endog[:, order]), 5, trend)


def hand_made_varx(tmp):
    """A stable VAR(2) in three series with a constant and two exogenous regressors."""
    rng = np.random.RandomState(20240229)
    t_total, steps = 400, 5
    a1 = np.array([[0.5, 0.1, 0.0], [0.2, 0.3, -0.1], [0.0, 0.25, 0.4]])
    a2 = np.array([[-0.2, 0.0, 0.1], [0.0, 0.1, 0.0], [0.1, -0.1, 0.15]])
    c = np.array([1.0, -0.5, 2.0])
    b = np.array([[0.8, -1.0], [0.0, 0.5], [-0.3, 1.2]])  # equation x exog
    chol = np.array([[1.0, 0.0, 0.0], [0.3, 0.8, 0.0], [-0.2, 0.4, 0.6]])
    t = np.arange(t_total + steps)
    exog = np.column_stack([np.sin(t / 7.0), (t >= 150).astype(float)])  # cycle, step dummy
    y = np.zeros((t_total, 3))
    for i in range(2, t_total):
        y[i] = c + b @ exog[i] + a1 @ y[i - 1] + a2 @ y[i - 2] + chol @ rng.standard_normal(3)
    names = ["alpha", "beta", "gamma"]
    path = os.path.join(tmp, "varx.csv")
    future = os.path.join(tmp, "varx_future.csv")
    with open(path, "w") as f:
        f.write("period,alpha,cycle,beta,gamma,step\n")
        for i in range(t_total):
            f.write(f"{i},{y[i, 0]!r},{exog[i, 0]!r},{y[i, 1]!r},{y[i, 2]!r},{exog[i, 1]!r}\n")
    with open(future, "w") as f:
        f.write("period,cycle,step\n")
        for i in range(t_total, t_total + steps):
            f.write(f"{i},{exog[i, 0]!r},{exog[i, 1]!r}\n")
    common = ["--input", path, "--columns", "alpha,beta,gamma", "--exog", "cycle,step"]
    report = run_triad(common + ["--lags", "2", "--granger", "--irf", "8", "--forecast",
                                 str(steps), "--exog-future", future])
    model = VAR(y, exog=exog[:t_total])
    res = model.fit(2, trend="c")
    compare_fit("varx", report["fit"], res)
    compare_granger("varx", report["granger"], res, names)
    compare_irf("varx", report, res)
    compare_forecast("varx", report, res, y, steps, exog_future=exog[t_total:])
    compare_adequacy("varx", report, res, 10)
    sel = run_triad(common + ["--maxlags", "6"])["lag_selection"]
    compare_selection("varx", sel, model, 6, "c")
    # Sanity on the known process: the estimates are near the truth (400 rows, loose bound).
    fit = report["fit"]
    worst = np.max(np.abs(np.array(fit["lag_matrices"]) - np.array([a1, a2])))
    if worst > 0.2:
        failures.append(f"varx lag matrices are {worst:.3f} from the generating process")
    # --save writes the same fit that the report shows.
    saved = os.path.join(tmp, "fit.json")
    run_triad(common + ["--lags", "2", "--save", saved])
    with open(saved) as f:
        check("varx saved params", json.load(f)["params"], res.params)


def main():
    real_series()
    with tempfile.TemporaryDirectory() as tmp:
        hand_made_varx(tmp)
    if failures:
        print("\n".join(failures))
        sys.exit(f"{len(failures)} of {checked[0]} comparisons with statsmodels failed")
    print(f"all {checked[0]} comparisons with statsmodels agree (rtol {RTOL})")


if __name__ == "__main__":
    main()
