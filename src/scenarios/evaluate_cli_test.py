"""`triad evaluate` checked independently of its C++:
- CRPS against a numerical integral of (F(x) - 1{x >= y})^2 for each Gaussian forecast, and the
  50% and 90% coverage against scipy's normal quantiles, recomputed from the forecasts the JSON
  lists (--forecasts) and the observed values of the CSV;
- the Diebold-Mariano statistic (HLN-corrected, h - 1 lags) and p-value computed directly with
  numpy and scipy from the per-origin CRPS differentials;
- the rolling fits equal fresh fits on the data cut at the origin: `triad var --lags p
  --forecast H` for the VARs (and the order by BIC), `triad momentum` for the trend, the no-change
  forecast by hand;
- on a store built from the bundled sample: the dyads are forecast with the drivers;
- usage errors name the option and what to do."""
import csv
import json
import math
import os
import sys
import unittest

import numpy as np
from scipy import integrate, stats

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "pylib"))
import triadtest as tt  # noqa: E402

WEEKLY = os.path.join(tt.SOURCE_DIR, "tests", "data", "series",
                      "gdelt_weekly_triangle_drivers.csv")
TARGETS = ["CHN_USA", "CHN_JPN", "USA_JPN"]
K = len(TARGETS)
ROWS = 90  # the first 90 weeks keep the test quick
MIN_TRAIN = 60
H = 4


def read_rows(path, rows):
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        return header, [r for _, r in zip(range(rows), reader)]


def write_csv(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def crps_by_integration(mean, sd, y):
    """The integral of (F(x) - 1{x >= y})^2 over x, by Simpson's rule on each side of the jump at y
    (the integrand is smooth there), out to 14 standard deviations beyond y and the mean."""
    lo, hi = min(y, mean) - 14 * sd, max(y, mean) + 14 * sd
    below = np.linspace(lo, y, 4001)
    above = np.linspace(y, hi, 4001)
    return (integrate.simpson(stats.norm.cdf(below, mean, sd) ** 2, x=below)
            + integrate.simpson((1 - stats.norm.cdf(above, mean, sd)) ** 2, x=above))


def diebold_mariano(d, h):
    d = np.asarray(d)
    n = len(d)
    m = d.mean()
    gamma = [((d[k:] - m) * (d[:n - k] - m)).sum() / n for k in range(h)]
    v = gamma[0] + 2 * sum(gamma[1:])
    if v <= 0:
        v = gamma[0]
    dm = m / math.sqrt(v / n)
    hln = dm * math.sqrt((n + 1 - 2 * h + h * (h - 1) / n) / n)
    return hln, 2 * stats.t.sf(abs(hln), n - 1)


class Evaluate(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tt.tmpdir()
        cls.header, cls.rows = read_rows(WEEKLY, ROWS)
        cls.csv = os.path.join(cls.dir, "weekly.csv")
        write_csv(cls.csv, cls.header, cls.rows)
        cls.values = np.array([[float(x) for x in r[1:]] for r in cls.rows])
        # The triangle forecast, with the regional and Global South drivers: every model runs.
        cls.out = json.loads(tt.run("evaluate", "--input", cls.csv, "--driver-columns",
                                    "REGIONAL,GLOBAL_SOUTH", "--min-train", MIN_TRAIN,
                                    "--horizon", H, "--forecasts", "--format", "json").stdout)

    def forecasts(self, model):
        return {f["origin"]: f for f in self.out["forecasts"] if f["model"] == model}

    def test_origins_and_models(self):
        o = self.out
        self.assertEqual((o["rows"], o["min_train"], o["origins"], o["horizon"]), (90, 60, 30, 4))
        self.assertEqual((o["first_origin"], o["last_origin"]), (self.rows[59][0], self.rows[88][0]))
        self.assertEqual([m["model"] for m in o["models"]],
                         ["no_change", "local_linear_trend", "var", "var_drivers", "bvar"])
        self.assertEqual(o["targets"], TARGETS)
        self.assertEqual(o["drivers"], ["REGIONAL", "GLOBAL_SOUTH"])
        for m in o["models"]:
            self.assertEqual(m["failed_origins"], 0)
            # Origins are rows 59..88; horizon h is scored where row o + h exists: 30, 29, 28, 27.
            self.assertEqual([s["origins"] for s in m["horizons"]], [30, 29, 28, 27])

    def test_crps_coverage_and_diebold_mariano_against_direct_computation(self):
        z50, z90 = stats.norm.ppf(0.75), stats.norm.ppf(0.95)
        base = self.forecasts("no_change")
        for m in self.out["models"]:
            fc = self.forecasts(m["model"])
            for s in m["horizons"]:
                h = s["horizon"]
                crps, crps0, in50, in90, diffs = [], [], 0, 0, []
                for origin in sorted(fc):
                    if origin + h >= ROWS:
                        continue
                    d = 0.0
                    for j in range(K):
                        y = self.values[origin + h, j]
                        mean, sd = fc[origin]["mean"][h - 1][j], fc[origin]["sd"][h - 1][j]
                        c = crps_by_integration(mean, sd, y)
                        c0 = crps_by_integration(base[origin]["mean"][h - 1][j],
                                                 base[origin]["sd"][h - 1][j], y)
                        crps.append(c)
                        crps0.append(c0)
                        in50 += abs(y - mean) <= z50 * sd
                        in90 += abs(y - mean) <= z90 * sd
                        d += (c - c0) / K
                    diffs.append(d)
                n = len(crps)
                self.assertEqual(s["forecasts"], n)
                self.assertAlmostEqual(s["crps"], np.mean(crps), delta=1e-7 * np.mean(crps))
                self.assertAlmostEqual(s["crps_no_change"], np.mean(crps0),
                                       delta=1e-7 * np.mean(crps0))
                self.assertEqual(s["coverage50"], in50 / n)
                self.assertEqual(s["coverage90"], in90 / n)
                dm = s["diebold_mariano"]
                if m["model"] == "no_change":
                    self.assertIsNone(dm)
                    continue
                hln, p = diebold_mariano(diffs, h)
                self.assertEqual((dm["n"], dm["lags"]), (len(diffs), h - 1))
                self.assertAlmostEqual(dm["hln_statistic"], hln, delta=1e-6 * max(1, abs(hln)))
                self.assertAlmostEqual(dm["p_value"], p, delta=1e-6)
                if m["model"] != "var_drivers":
                    self.assertNotIn("versus_var", s)
                    continue
                # The drivers' contribution: the same test against the VAR without them.
                var = self.forecasts("var")
                diffs = []
                for origin in sorted(fc):
                    if origin + h < ROWS:
                        diffs.append(np.mean([
                            crps_by_integration(fc[origin]["mean"][h - 1][j],
                                                fc[origin]["sd"][h - 1][j], self.values[origin + h, j])
                            - crps_by_integration(var[origin]["mean"][h - 1][j],
                                                  var[origin]["sd"][h - 1][j],
                                                  self.values[origin + h, j]) for j in range(K)]))
                hln, p = diebold_mariano(diffs, h)
                self.assertAlmostEqual(s["versus_var"]["hln_statistic"], hln,
                                       delta=1e-6 * max(1, abs(hln)))
                self.assertAlmostEqual(s["versus_var"]["p_value"], p, delta=1e-6)

    def test_rolling_fits_equal_fresh_fits_on_the_data_cut_at_the_origin(self):
        var, drivers, bvar = (self.forecasts("var"), self.forecasts("var_drivers"),
                              self.forecasts("bvar"))
        trend, base = self.forecasts("local_linear_trend"), self.forecasts("no_change")
        for origin in (59, 73, 88):
            cut = os.path.join(self.dir, f"cut{origin}.csv")
            write_csv(cut, self.header, self.rows[:origin + 1])
            h_max = min(H, ROWS - 1 - origin)
            # VAR of the targets: the order by BIC within the data budget, as triad var picks it.
            p = var[origin]["lags"]
            rows = origin + 1
            budget = max(q for q in range(1, 10) if (rows - q) / (K * q + 1) >= 5)
            picked = json.loads(tt.run("var", "--input", cut, "--columns", ",".join(TARGETS),
                                       "--maxlags", min(4, budget), "--ic", "bic", "--format",
                                       "json").stdout)
            self.assertEqual(picked["fit"]["lags"], p)
            # The drivers kept by the data budget at this origin (all of them here).
            self.assertEqual(drivers[origin]["drivers"], ["REGIONAL", "GLOBAL_SOUTH"])
            # The shrinkage VAR: every driver, lag 1, Minnesota prior (triad var --prior minnesota).
            self.assertEqual((bvar[origin]["lags"], bvar[origin]["drivers"]),
                             (1, ["REGIONAL", "GLOBAL_SOUTH"]))
            for fc, prior in ((var[origin], "none"), (drivers[origin], "none"),
                              (bvar[origin], "minnesota")):
                columns = ",".join(TARGETS + fc["drivers"])
                fit = json.loads(tt.run("var", "--input", cut, "--columns", columns, "--lags",
                                        fc["lags"], "--prior", prior, "--forecast", h_max,
                                        "--format", "json").stdout)
                fresh = fit["forecast"]
                if prior == "minnesota":
                    self.assertAlmostEqual(fc["lambda"], fit["fit"]["minnesota"]["lambda"],
                                           delta=1e-12)
                for h in range(h_max):
                    for j in range(K):
                        self.assertAlmostEqual(fc["mean"][h][j], fresh["mean"][h][j], delta=1e-9)
                        self.assertAlmostEqual(fc["sd"][h][j], math.sqrt(fresh["mse"][h][j][j]),
                                               delta=1e-9)
            for j, column in enumerate(TARGETS):
                m = json.loads(tt.run("momentum", "--input", cut, "--column", column, "--format",
                                      "json").stdout)
                last = m["states"][-1]["filtered"]
                prm = m["params"]
                a = np.array([last["level"], last["slope"]])
                P = np.array([[last["level_var"], last["level_slope_cov"]],
                              [last["level_slope_cov"], last["slope_var"]]])
                T = np.array([[1.0, 1.0], [0.0, 1.0]])
                Q = np.diag([prm["level_var"], prm["slope_var"]])
                y = self.values[:origin + 1, j]
                diffs = np.diff(y)
                for h in range(1, h_max + 1):
                    a, P = T @ a, T @ P @ T.T + Q
                    self.assertAlmostEqual(trend[origin]["mean"][h - 1][j], a[0],
                                           delta=1e-6 * abs(a[0]))
                    sd = math.sqrt(P[0, 0] + prm["irregular_var"])
                    self.assertAlmostEqual(trend[origin]["sd"][h - 1][j], sd, delta=1e-6 * sd)
                    self.assertEqual(base[origin]["mean"][h - 1][j], y[-1])
                    self.assertAlmostEqual(base[origin]["sd"][h - 1][j],
                                           diffs.std(ddof=1) * math.sqrt(h), delta=1e-9)

    def test_table_shows_the_json_numbers(self):
        table = tt.run("evaluate", "--input", self.csv, "--columns", ",".join(TARGETS),
                       "--min-train", MIN_TRAIN, "--horizon", H).stdout
        self.assertIn(f"origins: 30 ({self.rows[59][0]} .. {self.rows[88][0]}, every 1 week; the "
                      "first trains on 60 weeks), horizons 1..4", table)
        self.assertIn("note: VAR + drivers left out: the data have no driver series", table)
        out = json.loads(tt.run("evaluate", "--input", self.csv, "--columns", ",".join(TARGETS),
                                "--min-train", MIN_TRAIN, "--horizon", H, "--format",
                                "json").stdout)
        var1 = out["models"][2]["horizons"][0]
        line = next(l for l in table.splitlines() if l.split()[:2] == ["1", "VAR"])
        self.assertIn(f"{var1['crps']:.3f}", line)
        self.assertIn(f"{var1['diebold_mariano']['hln_statistic']:.2f}", line)

    def test_usage_errors(self):
        p = tt.run("evaluate", "--input", self.csv, "--min-train", 90, check=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("90 rows leave no forecast origin after 90 training rows (--min-train)",
                      p.stderr)
        p = tt.run("evaluate", "--input", self.csv, "--models", "arima", check=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("--models: unknown model 'arima'", p.stderr)


class EvaluateStore(unittest.TestCase):
    def test_the_bundled_sample_with_drivers(self):
        d = tt.tmpdir()
        store = os.path.join(d, "sample.db")
        tt.run("ingest", "--quiet", "--store", store, os.path.join(tt.SOURCE_DIR, "data", "sample"))
        out = json.loads(tt.run("evaluate", "--store", store, "--actors", "CHN,USA,JPN",
                                "--horizon", 3, "--forecasts", "--format", "json").stdout)
        self.assertEqual(out["targets"], ["CHN_USA", "CHN_JPN", "USA_JPN"])
        self.assertIn("GLOBAL_SOUTH", out["drivers"])
        self.assertEqual(out["frequency"], "day")
        self.assertEqual([m["model"] for m in out["models"]],
                         ["no_change", "local_linear_trend", "var", "var_drivers", "bvar"])
        # 20 training days for the first origin: the data budget keeps at most one driver.
        first = next(f for f in out["forecasts"] if f["model"] == "var_drivers")
        self.assertEqual(first["origin"], 19)
        self.assertLessEqual(len(first["drivers"]), 1)
        self.assertTrue(any(n.startswith("daily periods") for n in out["data_notes"]))
        # The report's forecast-skill section shows the same numbers.
        report = json.loads(tt.run("report", "--store", store, "--actors", "CHN,USA,JPN",
                                   "--evaluate", 3, "--format", "json", "--out", "-").stdout)
        rows = report["evaluation"]["rows"]
        self.assertEqual(len(rows), 3 * 5)
        var2 = next(r for r in rows if r["horizon"] == 2 and r["model"] == "VAR + drivers")
        expected = out["models"][3]["horizons"][1]
        self.assertAlmostEqual(var2["crps"], expected["crps"], places=12)
        self.assertAlmostEqual(var2["dm_p_value"], expected["diebold_mariano"]["p_value"],
                               places=12)
        self.assertIn("CHN-USA-JPN, daily: 29 periods (2025-05-16 .. 2025-06-13); 9 forecast origins", report["evaluation"]["summary"])
        html = tt.run("report", "--store", store, "--actors", "CHN,USA,JPN", "--evaluate", 3,
                      "--out", "-").stdout
        self.assertIn('<section id="evaluation">', html)
        self.assertIn("<td>VAR + drivers</td>", html)


if __name__ == "__main__":
    unittest.main()
