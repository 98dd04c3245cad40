"""explain and momentum --dyad on the bundled real sample: the VAR that explain fits equals
statsmodels' VAR on the very series explain reports (--data-out), the driver shares add up, the
output is stable, and momentum --dyad equals momentum on the same index read from a CSV."""
import csv
import json
import os
import sys
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402
from statsmodels.tsa.api import VAR  # noqa: E402

SAMPLE = os.path.join(t.SOURCE_DIR, "data", "sample", "dyads_involving_CHN_USA_JPN.export.tsv.zip")


class Explain(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = t.tmpdir()
        cls.store = os.path.join(cls.dir, "s.db")
        t.run("ingest", "--quiet", "--store", cls.store, SAMPLE)

    def explain(self, *extra):
        data = os.path.join(self.dir, "data.csv")
        out = t.run("explain", "--store", self.store, "--actors", "CHN,USA,JPN", "--freq", "day",
                    "--format", "json", "--data-out", data, *extra)
        return json.loads(out.stdout), data

    def test_var_matches_statsmodels_on_the_reported_series(self):
        result, data = self.explain("--lags", "1")
        with open(data) as f:
            rows = list(csv.reader(f))
        names = rows[0][1:]
        # The data budget (5 rows per coefficient) leaves out drivers on 29 daily rows; --data-out
        # holds the series the VAR was fitted on.
        self.assertEqual(names, result["model_variables"])
        dropped = [d["name"] for d in result["dropped_drivers"]]
        self.assertEqual(sorted(names + dropped), sorted(result["variables"]))
        self.assertEqual(names[:3], ["CHN_USA", "CHN_JPN", "USA_JPN"])
        self.assertGreaterEqual(result["observations_per_coefficient"], 5)
        y = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
        ref = VAR(y).fit(1, trend="c")
        fit = result["fit"]
        params = np.array(fit["params"])
        np.testing.assert_allclose(params, ref.params, rtol=1e-8, atol=1e-10)
        np.testing.assert_allclose(np.array(fit["sigma_u"]), ref.sigma_u, rtol=1e-8, atol=1e-12)
        for g in result["granger"]:
            test = ref.test_causality(names.index(g["dyad"]), [names.index(g["driver"])], kind="f")
            self.assertAlmostEqual(g["statistic"], test.test_statistic, delta=1e-8 * max(1, abs(test.test_statistic)))
            self.assertAlmostEqual(g["p_value"], test.pvalue, delta=1e-8)
        fevd = ref.fevd(8).decomp  # (K, periods, K)
        for s in result["variance_shares"]:
            i = names.index(s["dyad"])
            self.assertAlmostEqual(s["own"], fevd[i, -1, i], delta=1e-9)
            total = s["own"] + s["other_dyads"] + sum(s["drivers"].values())
            self.assertAlmostEqual(total, 1.0, delta=1e-12)
        # Model adequacy as statsmodels computes it.
        adequacy = result["adequacy"]
        white = ref.test_whiteness(nlags=adequacy["whiteness"]["lags"], adjusted=False)
        self.assertEqual(adequacy["whiteness"]["lags"], 10)
        self.assertAlmostEqual(adequacy["whiteness"]["statistic"], white.test_statistic,
                               delta=1e-9 * white.test_statistic)
        self.assertAlmostEqual(adequacy["whiteness"]["p_value"], white.pvalue, delta=1e-10)
        self.assertEqual(adequacy["whiteness"]["df"], white.df)
        normal = ref.test_normality()
        self.assertAlmostEqual(adequacy["normality"]["statistic"], normal.test_statistic,
                               delta=1e-9 * normal.test_statistic)
        self.assertAlmostEqual(adequacy["normality"]["p_value"], normal.pvalue, delta=1e-10)
        irf = ref.irf(8).orth_irfs
        for r in result["responses"]:
            i, j = names.index(r["dyad"]), names.index(r["driver"])
            np.testing.assert_allclose(r["response"], irf[:, i, j], rtol=1e-8, atol=1e-12)

    def test_same_input_same_output(self):
        a, _ = self.explain()
        b, _ = self.explain()
        self.assertEqual(a, b)
        self.assertEqual(len(a["findings"]), 3)

    def test_momentum_from_the_store_equals_momentum_from_csv(self):
        out = json.loads(t.run("momentum", "--store", self.store, "--dyad", "CHN-USA", "--freq", "day",
                               "--format", "json").stdout)
        index = t.run("index", "--store", self.store, "--dyads", "CHN-USA", "--freq", "day", "--format",
                      "csv").stdout.splitlines()
        reader = list(csv.DictReader(index))
        path = os.path.join(self.dir, "index.csv")
        value_key = [k for k in reader[0] if k in ("value", "index")][0]
        with open(path, "w") as f:
            f.write("date,CHN_USA\n")
            for r in reader:
                f.write(f"{r.get('period') or r.get('date')},{r[value_key]}\n")
        ref = json.loads(t.run("momentum", "--input", path, "--column", "CHN_USA", "--freq", "day",
                               "--format", "json").stdout)
        self.assertAlmostEqual(out["loglikelihood"], ref["loglikelihood"], delta=1e-6)
        self.assertAlmostEqual(out["momentum"]["per_30_days"], ref["momentum"]["per_30_days"], delta=1e-6)


if __name__ == "__main__":
    unittest.main(verbosity=2)
