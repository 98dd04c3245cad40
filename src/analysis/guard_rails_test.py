"""Guard rails on the bundled sample (data/sample, 2025-05-15 .. 2025-06-14, daily): the triangle
changes only when the evidence persists, and a trend fit on its boundary says so, in balance,
status, the report and momentum."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "pylib"))
import triadtest as tt  # noqa: E402

SAMPLE = os.path.join(tt.SOURCE_DIR, "data", "sample")


class GuardRails(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tt.tmpdir()
        cls.store = os.path.join(cls.dir, "sample.db")
        tt.run("ingest", "--quiet", "--store", cls.store, SAMPLE)

    def json_of(self, *args):
        return json.loads(tt.run(*args, "--store", self.store, "--format", "json").stdout)

    def test_triangle_changes_only_when_the_evidence_persists(self):
        # Period to period, the most likely structure changes twice (romantic -> stable marriage
        # on 05-23, back on 06-05); the mid-May romantic triangle reaches P > 0.5 on one day only.
        # Under the default rule (3 days above 0.5) the stable marriage holds from 05-28 and the
        # one change is to the romantic triangle on 06-06.
        out = self.json_of("balance")
        self.assertEqual([c["date"] for c in out["changes"]], ["2025-06-06"])
        self.assertEqual(out["changes"][0]["from"], "stable marriage USA–JPN, outcast CHN")
        self.assertEqual(out["changes"][0]["to"], "romantic triangle, pivot USA, wings CHN and JPN")
        t = out["triangle"]
        self.assertEqual((t["persist"], t["changes_in_range"], t["period_to_period_changes"]),
                         (3, 1, 2))
        self.assertEqual(t["since"], "2025-06-06")
        self.assertEqual(t["persistent_structure"], "romantic triangle, pivot USA, wings CHN and JPN")
        # --persist 1: one period above 0.5 suffices, so the one-day romantic triangle of 05-19
        # is the first structure and both changes count.
        one = self.json_of("balance", "--persist", "1")
        self.assertEqual([c["date"] for c in one["changes"]], ["2025-05-28", "2025-06-06"])
        # A rule longer than every spell (8 and 9 days): nothing has persisted, no "since", and
        # the romantic triangle is pending.
        long = self.json_of("balance", "--persist", "10")["triangle"]
        self.assertEqual((long["changes_in_range"], long["since"]), (0, None))
        self.assertEqual(long["pending_structure"], "romantic triangle, pivot USA, wings CHN and JPN")
        self.assertEqual(long["pending_periods"], 9)
        self.assertIn("no structure has persisted in the range (most likely with P > 0.5 for 10 "
                      "periods in a row); not yet a change: romantic triangle, pivot USA, wings CHN "
                      "and JPN, most likely for 9 of 10 periods, since 2025-06-06",
                      tt.run("balance", "--store", self.store, "--persist", "10").stdout)
        table = tt.run("balance", "--store", self.store).stdout
        self.assertIn("that persisted: most likely with P > 0.5 in 3 periods in a row (--persist)",
                      table)
        self.assertIn("(2 period-to-period changes of the most likely structure without the rule)",
                      table)
        status = tt.run("status", "--store", self.store, "--no-drivers").stdout
        self.assertIn("persistent structure: romantic triangle, pivot USA, wings CHN and JPN since "
                      "2025-06-06 (most likely with P > 0.5 for 3 periods in a row)", status)
        self.assertIn("changes of the persistent structure in the range: 1 (2 period to period)",
                      status)
        bad = tt.run("balance", "--store", self.store, "--persist", "-1", check=False)
        self.assertEqual(bad.returncode, 2)
        self.assertIn("--persist", bad.stderr)
        report = os.path.join(self.dir, "r.html")
        tt.run("report", "--store", self.store, "--no-drivers", "--out", report)
        with open(report, encoding="utf-8") as f:
            html = f.read()
        self.assertIn("Changes count only when they persist: persistent structure: romantic "
                      "triangle", html)

    def test_boundary_variances_are_flagged(self):
        # On 30 days the trend fits put variances on zero: CHN-USA's and USA-JPN's slope (a
        # straight line), CHN-JPN's and USA-JPN's level.
        out = self.json_of("status", "--no-drivers")
        keys = {d["dyad"]: [w["key"] for w in d["trend_fit_warnings"]] for d in out["dyads"]}
        self.assertEqual(keys, {"CHN-USA": ["slope_constant_over_sample"],
                                "CHN-JPN": ["level_variance_at_zero"],
                                "USA-JPN": ["level_variance_at_zero", "slope_constant_over_sample"]})
        straight = ("CHN-USA: the slope variance is estimated at zero: the slope is one constant "
                    "over all 30 observed periods, so momentum is the slope of a straight line "
                    "through the whole sample")
        self.assertTrue(any(w.startswith(straight) for w in out["warnings"]), out["warnings"])
        self.assertIn("warning: " + straight, tt.run("balance", "--store", self.store).stdout)
        report = os.path.join(self.dir, "w.html")
        tt.run("report", "--store", self.store, "--no-drivers", "--out", report)
        with open(report, encoding="utf-8") as f:
            self.assertIn("slope of a straight line through the whole sample", f.read())
        # momentum on the same dyad: table and JSON.
        m = tt.run("momentum", "--store", self.store, "--dyad", "CHN-USA", "--freq", "day",
                   "--format", "json")
        self.assertEqual([w["key"] for w in json.loads(m.stdout)["warnings"]],
                         ["slope_constant_over_sample"])
        m = tt.run("momentum", "--store", self.store, "--dyad", "CHN-USA", "--freq", "day").stdout
        self.assertIn("warning: the slope variance is estimated at zero", m)


    def test_driver_model_stays_within_the_data_budget(self):
        # 29 daily rows after trimming: the three dyads with GLOBAL_SOUTH, ECON_CHN_USA and SECURITY
        # at lag 1 would be 7 coefficients per equation (4.0 rows each); the two weakest drivers
        # go, and 28 rows for 5 coefficients (5.6) remain.
        out = json.loads(tt.run("explain", "--store", self.store, "--freq", "day", "--format",
                                "json").stdout)
        self.assertEqual([d["name"] for d in out["dropped_drivers"]], ["ECON_CHN_USA", "SECURITY"])
        self.assertEqual(out["model_variables"], ["CHN_USA", "CHN_JPN", "USA_JPN", "GLOBAL_SOUTH"])
        self.assertAlmostEqual(out["observations_per_coefficient"], 28 / 5, places=12)
        self.assertEqual(out["min_observations_per_coefficient"], 5)
        self.assertTrue(out["warnings"][0].startswith(
            "ECON_CHN_USA left out of the VAR: 29 periods cannot carry every driver at 5 rows per "
            "coefficient (the minimum); it was the weakest driver left"), out["warnings"])
        table = tt.run("explain", "--store", self.store, "--freq", "day").stdout
        self.assertIn("data budget: 5.6 rows per coefficient in each equation (the minimum is 5",
                      table)
        self.assertIn("(left out: too little data, see below)", table)
        self.assertIn("residual whiteness (portmanteau, 10 lags;", table)
        # An explicit --lags above the budget is reduced, visibly.
        reduced = json.loads(tt.run("explain", "--store", self.store, "--freq", "day", "--lags",
                                    "3", "--format", "json").stdout)
        self.assertEqual(reduced["lags"], 1)
        self.assertIn("--lags 3 reduced to 1: 29 periods give 2.0 rows per coefficient at 3 lags, "
                      "below the minimum of 5", reduced["warnings"])
        # status carries the same warnings.
        status = tt.run("status", "--store", self.store).stdout
        self.assertIn("warning: drivers: ECON_CHN_USA left out of the VAR", status)


if __name__ == "__main__":
    unittest.main()
