"""One answer: status, balance, explain and report show the same state of a triad (the smoothed
level at the as-of date with its 90% interval, the momentum, the triangle's most likely structure
and its probabilities) for the same store and options, and the defects a new user hit stay fixed."""
import json
import math
import os
import shutil
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "pylib"))
import triadtest as tt  # noqa: E402

SAMPLE = os.path.join(tt.SOURCE_DIR, "data", "sample")
WEEKLY = os.path.join(tt.SOURCE_DIR, "tests", "data", "series", "gdelt_weekly_chn_usa_jpn.csv")


def close(a, b, tol=1e-12):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=tol, abs_tol=tol)


class OneAnswer(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tt.tmpdir()
        cls.store = os.path.join(cls.dir, "sample.db")
        tt.run("ingest", "--quiet", "--store", cls.store, SAMPLE)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def json_of(self, *args):
        proc = tt.run(*args, "--store", self.store, "--format", "json")
        return json.loads(proc.stdout)

    def check_same_now(self, *options):
        status = self.json_of("status", *options)
        balance = self.json_of("balance", *options)
        explain = self.json_of("explain", *options)["now"]
        report = self.json_of("report", "--out", "-", *options)
        for view in (balance, explain):
            self.assertEqual(view["asof"], status["asof"])
            self.assertEqual(view["freq"], status["freq"])
            for mine, theirs in zip(status["dyads"], view["dyads"]):
                self.assertEqual(mine["dyad"], theirs["dyad"])
                for key in ("estimate", "se", "lower_90", "upper_90"):
                    self.assertTrue(close(mine["level"][key], theirs["level"][key]), (key, mine, theirs))
                    self.assertTrue(close(mine["momentum_per_30_days"][key],
                                          theirs["momentum_per_30_days"][key]))
                self.assertEqual(mine["latest_index"], theirs["latest_index"])
            self.assertEqual(view["triangle"], status["triangle"])
        # The report draws the same numbers: the last smoothed level and its band, the momentum,
        # the triangle diagram and its type probabilities.
        self.assertEqual(report["frequency"], status["freq"])
        for mine, dyad in zip(status["dyads"], report["dyads"]):
            self.assertEqual(mine["dyad"], dyad["name"])
            self.assertTrue(close(mine["level"]["estimate"], dyad["level"][-1]))
            self.assertTrue(close(mine["level"]["lower_90"], dyad["level_lo"][-1]))
            self.assertTrue(close(mine["level"]["upper_90"], dyad["level_hi"][-1]))
            self.assertTrue(close(mine["momentum_per_30_days"]["estimate"], dyad["momentum"]["value"]))
            self.assertEqual(mine["momentum_per_30_days"]["direction"], dyad["direction"])
        tri = status["triangle"]
        self.assertEqual(report["triangle"]["date"], tri["period"])
        keys = ["menage_a_trois", "romantic_triangle", "stable_marriage", "unit_veto"]
        for k, p in zip(keys, report["triangle"]["type_probability"]):
            self.assertTrue(close(tri["type_probability"][k], p))
        for d, level in enumerate(report["triangle"]["edges"]):
            self.assertTrue(close(status["dyads"][d]["level"]["estimate"], level))
        return status

    def test_default_options(self):
        status = self.check_same_now()
        # The one-month sample is too short for weekly models: days are chosen, visibly.
        self.assertEqual(status["freq"], "day")
        self.assertTrue(any("daily periods" in n for n in status["notes"]), status["notes"])
        self.assertEqual(status["asof"], "2025-06-14")
        for d in status["dyads"]:
            level = d["level"]
            self.assertAlmostEqual(level["upper_90"] - level["estimate"], 1.6448536269514729 * level["se"], 12)

    def test_other_options(self):
        self.check_same_now("--asof", "2025-06-07", "--neutral", "0.2", "--min-events", "3")
        self.check_same_now("--freq", "day", "--baseline", "none", "--window", "3")

    def test_status_text_labels_every_interval(self):
        text = tt.run("status", "--store", self.store).stdout
        self.assertIn("level now [90% interval]", text)
        self.assertIn("momentum /30 days [90% interval]", text)
        self.assertNotIn("±", text)

    def test_asof_past_the_data_uses_the_data_and_says_where_they_end(self):
        status = self.json_of("status", "--asof", "2026-01-01")
        self.assertEqual(status["asof"], "2025-06-14")
        self.assertIn("the data end at 2025-06-14; the answer is as of that day", status["notes"])
        proc = tt.run("status", "--store", self.store, "--asof", "2024-01-01", check=False)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("no data on or before 2024-01-01: the data start at", proc.stderr)

    def test_unknown_actor_codes_are_errors_with_a_suggestion(self):
        for args in (["status", "--actors", "CHN,USA,JAP"], ["balance", "--actors", "CHN,USA,JAP"],
                     ["explain", "--actors", "CHN,USA,JAP"], ["index", "--dyads", "CHN-JAP"],
                     ["network", "--actors", "CHN,USA,JAP"], ["momentum", "--dyad", "CHN-JAP"]):
            proc = tt.run(*args, "--store", self.store, check=False)
            self.assertEqual(proc.returncode, 2, args)
            self.assertIn("'JAP' is not a CAMEO country code; did you mean JPN (Japan)", proc.stderr, args)

    def test_neutral_band_probabilities_are_one_model(self):
        balance = self.json_of("balance", "--neutral", "0.3")
        for period in balance["periods"]:
            probs = period["type_probability"]
            if probs["menage_a_trois"] is None:
                continue
            self.assertAlmostEqual(sum(probs.values()) + period["p_indeterminate"], 1.0, 12)

    def test_read_commands_never_write_to_the_store(self):
        import hashlib

        def digest():
            h = hashlib.sha256()
            for suffix in ("", "-wal"):
                path = self.store + suffix
                if os.path.exists(path):
                    with open(path, "rb") as f:
                        h.update(f.read())
            return h.hexdigest()

        before = digest()
        tt.run("index", "--store", self.store, "--dyads", "CHN-USA,CHN-JPN")
        tt.run("status", "--store", self.store, "--no-drivers")
        tt.run("network", "--store", self.store, "--actors", "CHN,USA,JPN,KOR,RUS")
        self.assertEqual(digest(), before)

    def test_balance_csv_has_tidy_unique_columns(self):
        header = tt.run("balance", "--store", self.store, "--format", "csv").stdout.splitlines()[0].split(",")
        self.assertEqual(len(header), len(set(header)))
        for name in header:
            self.assertRegex(name, r"^[a-z][a-z0-9_]*$")


class ImportedSeriesWithoutStandardErrors(unittest.TestCase):
    """status, balance and report on an imported series that has no standard errors: the noise
    comes from the trend model, said so; no 'nan' anywhere; --drivers is refused when the store
    has no events to build them from."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tt.tmpdir()
        cls.store = os.path.join(cls.dir, "imported.db")
        tt.run("import-series", WEEKLY, "--name", "weekly", "--store", cls.store)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def test_status_balance_report(self):
        common = ["--store", self.store, "--source", "weekly", "--no-drivers"]
        status = json.loads(tt.run("status", *common, "--format", "json").stdout)
        self.assertEqual(status["freq"], "week")  # years of data: the default weekly periods
        for d in status["dyads"]:
            self.assertTrue(d["se_from_model"])
            self.assertIsNotNone(d["level"]["se"])
            self.assertIsNone(d["latest_index"]["se"])
        self.assertIsNotNone(status["triangle"]["probability"])
        self.assertTrue(any("no standard errors of its own" in w for w in status["warnings"]))
        text = tt.run("status", *common).stdout + tt.run("balance", "--store", self.store, "--source", "weekly").stdout
        self.assertNotIn("nan", text)
        self.assertIn("s.e. unknown", text)
        report = json.loads(tt.run("report", *common, "--format", "json", "--out", "-").stdout)
        self.assertTrue(any("imported series 'weekly'" in w for w in report["provenance"]["warnings"]))

    def test_status_says_there_are_no_driver_series(self):
        text = tt.run("status", "--store", self.store, "--source", "weekly").stdout
        self.assertIn("no driver series (the store holds no events to build them from)", text)
        self.assertIn("values 4 weeks", text)
        self.assertNotIn("top driver -", text)

    def test_drivers_with_a_store_of_imported_series_only_are_refused(self):
        proc = tt.run("explain", "--store", self.store, "--source", "weekly", "--drivers", "SECURITY", check=False)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("this store holds none", proc.stderr)

    def test_info_lists_imported_series(self):
        text = tt.run("info", "--store", self.store).stdout
        self.assertIn("weekly", text)
        info = json.loads(tt.run("info", "--store", self.store, "--format", "json").stdout)
        self.assertEqual([s["name"] for s in info["imported_series"]], ["weekly"])


if __name__ == "__main__":
    unittest.main()
