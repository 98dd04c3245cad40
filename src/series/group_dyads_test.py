"""Groups as actors: a dyad side may be a codebook group (GLOBAL_SOUTH, ASEAN, BRICS, ...), whose
members on each event's day stand for it. Checked against an independent computation from the
exported cells and the codebook's membership table: the events and the mean Goldstein of
CHN-GLOBAL_SOUTH and USA-ASEAN per week equal those of the cells between the country and the
members (membership by date), both directions."""
import csv
import datetime
import json
import os
import shutil
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "pylib"))
import triadtest as tt  # noqa: E402

SAMPLE = os.path.join(tt.SOURCE_DIR, "data", "sample")
GROUPS = os.path.join(tt.SOURCE_DIR, "data", "codebook", "groups.csv")


def members(group):
    """country -> list of (from, to) dates (to None = still a member)."""
    out = {}
    with open(GROUPS, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["group"] == group:
                out.setdefault(row["country"], []).append((row["from"], row["to"] or None))
    return out


def member_on(table, country, day):
    return any(f <= day and (t is None or day <= t) for f, t in table.get(country, []))


def monday(day):
    d = datetime.date.fromisoformat(day)
    return (d - datetime.timedelta(days=d.weekday())).isoformat()


class GroupDyads(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tt.tmpdir()
        cls.store = os.path.join(cls.dir, "s.db")
        tt.run("ingest", "--quiet", "--store", cls.store, SAMPLE)
        cls.cells = list(csv.DictReader(tt.run("export", "cells", "--store", cls.store).stdout.splitlines()))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def expected(self, country, group):
        table = members(group)
        weeks = {}
        for c in self.cells:
            day, s, t = c["date"], c["source"], c["target"]
            if not "2025-05-15" <= day <= "2025-06-14":  # the store's news coverage
                continue
            if (s == country and member_on(table, t, day)) or (t == country and member_on(table, s, day)):
                n, g = weeks.get(monday(day), (0, 0.0))
                weeks[monday(day)] = (n + int(c["events"]), g + float(c["goldstein_sum"]))
        return weeks

    def test_group_dyads_pool_the_members_of_the_day(self):
        for country, group in (("CHN", "GLOBAL_SOUTH"), ("USA", "ASEAN")):
            out = json.loads(tt.run("index", "--store", self.store, "--dyads", f"{country}-{group}", "--freq", "week",
                                    "--baseline", "none", "--min-events", "1", "--from", "2025-05-15", "--format",
                                    "json").stdout)
            expected = self.expected(country, group)
            periods = out["dyads"][0]["periods"]
            self.assertEqual(out["dyads"][0]["dyad"], f"{country}-{group}")
            self.assertGreater(sum(p["events"] for p in periods), 1000)
            for p in periods:
                n, g = expected.get(p["period"], (0, 0.0))
                self.assertEqual(p["events"], n, (country, group, p["period"]))
                if n:
                    self.assertAlmostEqual(p["value"], g / n, places=9)

    def test_the_dominant_member_is_the_member_with_most_events(self):
        table = members("GLOBAL_SOUTH")
        by_week = {}
        for c in self.cells:
            day, s, t = c["date"], c["source"], c["target"]
            if not "2025-05-15" <= day <= "2025-06-14":
                continue
            for country, other in ((s, t), (t, s)):
                if country == "CHN" and member_on(table, other, day):
                    w = by_week.setdefault(monday(day), {})
                    w[other] = w.get(other, 0) + int(c["events"])
        out = json.loads(tt.run("index", "--store", self.store, "--dyads", "CHN-GLOBAL_SOUTH", "--freq", "week",
                                "--from", "2025-05-15", "--format", "json").stdout)
        checked = 0
        for p in out["dyads"][0]["periods"]:
            weights = by_week.get(p["period"])
            if not weights:
                self.assertIsNone(p["dominant_member"])
                continue
            top = max(sorted(weights), key=lambda k: weights[k])  # ties: the first code
            self.assertEqual(p["dominant_member"], top, p["period"])
            self.assertAlmostEqual(p["dominant_share"], weights[top] / sum(weights.values()), places=12)
            checked += 1
        self.assertGreaterEqual(checked, 4)
        # Country dyads have none; the table names the top member with its share.
        plain = json.loads(tt.run("index", "--store", self.store, "--dyads", "CHN-USA", "--format", "json").stdout)
        self.assertTrue(all(p["dominant_member"] is None for p in plain["dyads"][0]["periods"]))
        text = tt.run("index", "--store", self.store, "--dyads", "CHN-GLOBAL_SOUTH", "--freq", "week").stdout
        self.assertIn("top member", text)
        self.assertRegex(text, r"[A-Z]{3} \d+%")

    def test_a_triangle_with_a_group_vertex(self):
        status = json.loads(tt.run("status", "--store", self.store, "--actors", "CHN,USA,ASEAN", "--format",
                                   "json").stdout)
        self.assertEqual([d["dyad"] for d in status["dyads"]], ["CHN-USA", "CHN-ASEAN", "USA-ASEAN"])
        self.assertIsNotNone(status["triangle"]["probability"])
        text = tt.run("status", "--store", self.store, "--actors", "CHN,USA,ASEAN").stdout
        self.assertIn("a vertex is a group", text)
        bad = tt.run("index", "--store", self.store, "--dyads", "CHN-GLOBAL_SOTH", check=False)
        self.assertEqual(bad.returncode, 2)
        self.assertIn("did you mean 'GLOBAL_SOUTH'?", bad.stderr)


if __name__ == "__main__":
    unittest.main()
