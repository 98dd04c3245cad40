"""`triad var --prior minnesota` against an independent numpy computation (statsmodels has no BVAR).

Usage: /usr/bin/python3 bvar_numpy_test.py PATH/TO/triad
On the bundled weekly triangle series (tests/data/series/gdelt_weekly_chn_usa_jpn.csv, first 40
weeks, VAR(2) with constant) and on a short slice where OLS cannot fit:
- the posterior mean equals (Z'Z + Omega^-1)^-1 (Z'Y + Omega^-1 B0) with the prior matrices built
  here from the documented rule (bvar_minnesota.hpp) and triad's reported lambda;
- the log marginal likelihood equals the log density of Y under the prior as a matrix-t
  distribution (a route that never forms the posterior);
- the reported lambda maximises that density (numpy's value is lower at lambda x 0.97 and x 1.03);
- the JSON and the table say what was fitted.
"""
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np

TRIAD = sys.argv[1]
SOURCE = os.environ.get("TRIAD_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SERIES = os.path.join(SOURCE, "tests", "data", "series", "gdelt_weekly_chn_usa_jpn.csv")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def read_series(rows):
    with open(SERIES) as f:
        header = f.readline().strip().split(",")
        lines = [f.readline().strip().split(",") for _ in range(rows)]
    return header, lines


def write_slice(directory, rows):
    header, lines = read_series(rows)
    path = os.path.join(directory, f"slice{rows}.csv")
    with open(path, "w") as f:
        f.write(",".join(header) + "\n")
        for line in lines:
            f.write(",".join(line) + "\n")
    data = np.array([[float(x) for x in line[1:]] for line in lines])
    return path, data


def design(data, lags):
    t, k = data.shape
    z = [np.ones(t - lags)]
    for lag in range(1, lags + 1):
        for v in range(k):
            z.append(data[lags - lag:t - lag, v])
    return np.column_stack(z), data[lags:]


def psi_of(y):
    # AR(1) with constant on the regression rows; divisor rows - 2.
    out = []
    for j in range(y.shape[1]):
        x = np.column_stack([np.ones(len(y) - 1), y[:-1, j]])
        beta, *_ = np.linalg.lstsq(x, y[1:, j], rcond=None)
        r = y[1:, j] - x @ beta
        out.append(r @ r / (len(y) - 1 - 2))
    return np.array(out)


def prior(z, y, lags, lam, psi):
    k = y.shape[1]
    d = k + 2
    omega = [1e7]
    for lag in range(1, lags + 1):
        for j in range(k):
            omega.append(lam ** 2 / (lag ** 2 * psi[j] / (d - k - 1)))
    b0 = np.zeros((z.shape[1], k))  # own first lag centred on 0 (the default)
    return np.array(omega), b0, d


def matrix_t_log_density(z, y, omega, b0, psi, d):
    t, k = y.shape
    rows = np.eye(t) + z @ np.diag(omega) @ z.T
    dev = y - z @ b0
    scale = np.diag(psi) + dev.T @ np.linalg.solve(rows, dev)

    def log_gamma_k(a):
        return k * (k - 1) / 4 * math.log(math.pi) + sum(
            math.lgamma(a + (1 - j) / 2) for j in range(1, k + 1))

    return (log_gamma_k((t + d) / 2) - log_gamma_k(d / 2) - t * k / 2 * math.log(math.pi)
            - k / 2 * np.linalg.slogdet(rows)[1] + d / 2 * np.sum(np.log(psi))
            - (t + d) / 2 * np.linalg.slogdet(scale)[1])


def check_case(directory, rows, lags):
    path, data = write_slice(directory, rows)
    run = subprocess.run([TRIAD, "var", "--input", path, "--lags", str(lags), "--prior", "minnesota",
                          "--format", "json"], capture_output=True, text=True)
    check(run.returncode == 0, f"{rows} rows: exit {run.returncode}: {run.stderr}")
    if run.returncode != 0:
        return
    fit = json.loads(run.stdout)["fit"]
    check(fit["prior"] == "minnesota", "the JSON names the prior")
    m = fit["minnesota"]
    lam = m["lambda"]
    z, y = design(data, lags)
    psi = psi_of(y)
    check(np.allclose(psi, m["psi"], rtol=1e-10), f"{rows} rows: psi {m['psi']} vs {psi}")
    omega, b0, d = prior(z, y, lags, lam, psi)
    mean = np.linalg.solve(z.T @ z + np.diag(1 / omega), z.T @ y + np.diag(1 / omega) @ b0)
    params = np.array(fit["params"])
    check(np.allclose(params, mean, rtol=1e-7, atol=1e-9),
          f"{rows} rows: posterior mean differs by {np.abs(params - mean).max()}")
    log_ml = matrix_t_log_density(z, y, omega, b0, psi, d)
    check(abs(m["log_marginal_likelihood"] - log_ml) < 1e-6 * max(1, abs(log_ml)),
          f"{rows} rows: log ML {m['log_marginal_likelihood']} vs matrix-t {log_ml}")
    for factor in (0.97, 1.03):
        other = matrix_t_log_density(z, y, *prior(z, y, lags, lam * factor, psi)[:2], psi, d)
        check(other < log_ml, f"{rows} rows: lambda x {factor} gives a higher ML ({other} > {log_ml})")
    check(m["posterior_df"] == d + len(y), "posterior df = d + T")
    table = subprocess.run([TRIAD, "var", "--input", path, "--lags", str(lags), "--prior",
                            "minnesota"], capture_output=True, text=True).stdout
    check(f"tightness lambda {lam:.4g} chosen by marginal likelihood" in table,
          f"the table states lambda: {table[:600]}")
    check("post. mean" in table and table.startswith("Bayesian VAR(" + str(lags)),
          "the table says the coefficients are posterior means")
    return lam, m["log_marginal_likelihood"]


with tempfile.TemporaryDirectory() as directory:
    print("40 weeks, VAR(2):", check_case(directory, 40, 2))
    # 12 weeks, VAR(3): 10 coefficients per equation, 9 rows: OLS cannot fit, the prior can.
    print("12 weeks, VAR(3):", check_case(directory, 12, 3))
    path, _ = write_slice(directory, 12)
    ols = subprocess.run([TRIAD, "var", "--input", path, "--lags", "3"], capture_output=True,
                         text=True)
    check(ols.returncode == 5, f"OLS on 12 rows with 3 lags fails (exit {ols.returncode})")
    bad = subprocess.run([TRIAD, "var", "--input", path, "--lambda", "0.2"], capture_output=True,
                         text=True)
    check(bad.returncode == 2 and "--prior minnesota" in bad.stderr,
          f"--lambda without the prior is a usage error: {bad.returncode} {bad.stderr}")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("ok")
