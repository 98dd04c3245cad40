"""Fields a source does not have are missing, not zero: ICEWS has neither NumMentions nor AvgTone.

Usage: /usr/bin/python3 icews_fields_test.py PATH/TO/triad
"""
import csv
import io
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "pylib"))
import triadtest as t  # noqa: E402

ICEWS = os.path.join(t.TEST_DATA, "events", "icews_2018_sample.tab")


class IcewsFields(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = t.tmpdir()
        cls.store = os.path.join(cls.dir, "icews.db")
        t.run("ingest", "--quiet", "--store", cls.store, ICEWS)

    def test_series_shows_mentions_and_tone_as_missing(self):
        out = json.loads(t.run("series", "--store", self.store, "--dyad", "CHN-USA", "--freq", "month",
                               "--format", "json").stdout)
        periods = [p for p in out["periods"] if p["events"] > 0]
        self.assertGreater(len(periods), 0)
        for p in periods:
            self.assertIsNone(p["mentions"], p["period"])
            self.assertIsNone(p["mean_tone"], p["period"])
            self.assertIsNotNone(p["mean_goldstein"], p["period"])
        rows = list(csv.DictReader(io.StringIO(t.run(
            "series", "--store", self.store, "--dyad", "CHN-USA", "--freq", "month", "--format",
            "csv").stdout)))
        busy = [r for r in rows if int(r["events"]) > 0]
        self.assertTrue(all(r["mentions"] == "" and r["mean_tone"] == "" for r in busy))

    def test_events_behind_the_index_have_no_mentions(self):
        out = json.loads(t.run("events", "--store", self.store, "--dyad", "CHN-USA", "--from",
                               "2018-06-01", "--to", "2018-06-30", "--format", "json").stdout)
        events = [e for key in out for e in (out[key] if isinstance(out[key], list) else [])
                  if isinstance(e, dict) and "mentions" in e]
        self.assertGreater(len(events), 0)
        self.assertTrue(all(e["mentions"] is None for e in events))

    def test_weighting_by_mentions_is_refused(self):
        for command in (["series", "--dyad", "CHN-USA"], ["index", "--dyads", "CHN-USA"]):
            proc = t.run(*command, "--store", self.store, "--freq", "month", "--weight", "mentions",
                         check=False)
            self.assertEqual(proc.returncode, 2, command)
            self.assertIn("the store holds only ICEWS events, which have no mention counts",
                          proc.stderr)

    def test_a_gdelt_store_keeps_them(self):
        store = os.path.join(self.dir, "gdelt.db")
        t.run("ingest", "--quiet", "--store", store,
              os.path.join(t.TEST_DATA, "events", "gdelt2_15min_head"))
        out = json.loads(t.run("series", "--store", store, "--dyad", "USA-ISR", "--freq", "day",
                               "--format", "json").stdout)
        busy = [p for p in out["periods"] if p["events"] > 0]
        self.assertTrue(all(p["mentions"] >= p["events"] for p in busy))
        self.assertTrue(all(p["mean_tone"] is not None for p in busy))


if __name__ == "__main__":
    unittest.main()
