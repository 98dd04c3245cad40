"""triad events: the events behind an index, read back from the ingested files. Their count and
their weighted mean Goldstein equal the index the store gives for the same dyad and days (events
and mentions weights), the list is ordered by pull, and a file that has moved is named."""
import json
import os
import shutil
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "pylib"))
import triadtest as tt  # noqa: E402

SAMPLE_ZIP = os.path.join(tt.SOURCE_DIR, "data", "sample", "dyads_involving_CHN_USA_JPN.export.tsv.zip")


class EventsBehind(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tt.tmpdir()
        cls.zip = os.path.join(cls.dir, "sample.zip")
        shutil.copy(SAMPLE_ZIP, cls.zip)
        cls.store = os.path.join(cls.dir, "s.db")
        tt.run("ingest", "--quiet", "--store", cls.store, cls.zip)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def events(self, *args):
        return json.loads(tt.run("events", "--store", self.store, "--format", "json", *args).stdout)

    def index(self, dyad, day, *args):
        out = json.loads(tt.run("index", "--store", self.store, "--dyads", dyad, "--from", day, "--to", day,
                                "--freq", "day", "--baseline", "none", "--min-events", "1", "--format", "json",
                                *args).stdout)
        return out["dyads"][0]["periods"][0]

    def test_events_agree_with_the_index(self):
        for dyad, day in (("CHN-JPN", "2025-06-14"), ("CHN-USA", "2025-06-01"), ("USA-JPN", "2025-05-20")):
            for weight in ("events", "mentions"):
                got = self.events("--dyad", dyad, "--from", day, "--weight", weight, "--top", "1000")
                ref = self.index(dyad, day, "--weight", weight)
                self.assertEqual(got["events"], ref["events"], (dyad, day))
                self.assertAlmostEqual(got["mean_goldstein"], ref["value"], places=9, msg=(dyad, day, weight))
                self.assertEqual(len(got["top"]), got["events"])

    def test_ranked_by_pull_with_descriptions_and_urls(self):
        got = self.events("--dyad", "CHN-USA", "--from", "2025-06-09", "--to", "2025-06-15", "--top", "10")
        pulls = [abs(e["pull"]) for e in got["top"]]
        self.assertEqual(len(pulls), 10)
        self.assertEqual(pulls, sorted(pulls, reverse=True))
        for e in got["top"]:
            self.assertEqual({e["source"], e["target"]}, {"CHN", "USA"})
            self.assertTrue(e["url"].startswith("http"), e)
            self.assertTrue(e["description"])
        up = [e["pull"] for e in self.events("--dyad", "CHN-USA", "--from", "2025-06-09", "--rank", "up")["top"]]
        self.assertEqual(up, sorted(up, reverse=True))
        self.assertGreater(up[0], 0)
        economic = self.events("--dyad", "CHN-USA", "--from", "2025-06-09", "--to", "2025-06-15",
                               "--channel", "economic")
        self.assertTrue(all(e["channel"] == "economic" for e in economic["top"]))
        self.assertLess(economic["events"], got["events"])

    def test_the_report_lists_the_same_events_behind_its_largest_moves(self):
        report = json.loads(tt.run("report", "--store", self.store, "--no-drivers", "--format", "json", "--out",
                                   "-").stdout)
        for dyad in report["dyads"]:
            self.assertEqual(len(dyad["moves"]), 2, dyad["name"])
            changes = [abs(m["change"]) for m in dyad["moves"]]
            self.assertEqual(changes, sorted(changes, reverse=True))
            for move in dyad["moves"]:
                rank = "up" if move["change"] >= 0 else "down"  # the events behind a rise or a fall
                got = self.events("--dyad", dyad["name"], "--from", move["period"], "--top", "3", "--rank", rank)
                pulls = [e["pull"] for e in got["top"]]
                self.assertEqual(pulls, sorted(pulls, reverse=move["change"] >= 0))
                self.assertEqual([e["url"] for e in move["events"]], [e["url"] for e in got["top"]])

    def test_a_moved_file_is_named(self):
        moved = os.path.join(self.dir, "moved.zip")
        os.rename(self.zip, moved)
        try:
            proc = tt.run("events", "--store", self.store, "--dyad", "CHN-JPN", "--from", "2025-06-14", check=False)
            self.assertEqual(proc.returncode, 1)
            self.assertIn(self.zip + " has moved or changed since it was ingested", proc.stderr)
        finally:
            os.rename(moved, self.zip)
        proc = tt.run("events", "--store", self.store, "--dyad", "CHN-JAP", "--from", "2025-06-14", check=False)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("did you mean JPN", proc.stderr)


if __name__ == "__main__":
    unittest.main()
