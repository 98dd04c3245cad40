"""News coverage on real GDELT 2.0 files: old events reported again are counted apart, every
period carries the share of its news slots, and thin periods or periods without news are flagged
and left out of the index (and so of the models) unless --include-partial.

Usage: /usr/bin/python3 news_coverage_test.py PATH/TO/triad

The store is the bundled sample (106,096 rows from 1,183 of the 15-minute slots of 2025-05-15 ..
06-14) plus the first 500 rows of four raw 15-minute files of the same weeks (tests/data/events/
gdelt2_15min_head). Every expected number is computed here from the raw rows.
"""
import collections
import datetime
import io
import json
import os
import sys
import unittest
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "pylib"))
import triadtest as t  # noqa: E402

HEAD = os.path.join(t.TEST_DATA, "events", "gdelt2_15min_head")
HEAD_FILES = sorted(os.path.join(HEAD, n) for n in os.listdir(HEAD))


def sample_rows():
    with zipfile.ZipFile(t.SAMPLE_ZIP) as z:
        name = z.namelist()[0]
        text = io.TextIOWrapper(z.open(name), encoding="utf-8", newline="\n")
        return [line.rstrip("\n").split("\t") for line in text]


def file_rows(path):
    with open(path, encoding="utf-8", newline="\n") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def has_dyad(r):
    return r[7] and r[17] and r[7] != r[17]


def slot_of(r):
    """(day, 15-minute slot) of a GDELT 2.0 row's DATEADDED."""
    a = r[59]
    day = datetime.date(int(a[:4]), int(a[4:6]), int(a[6:8]))
    return day, int(a[8:10]) * 4 + int(a[10:12]) // 15


class NewsCoverage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = t.tmpdir()
        cls.store = os.path.join(cls.dir, "s.db")
        cls.report = json.loads(t.run("ingest", "--format", "json", "--store", cls.store,
                                      t.SAMPLE_ZIP, *HEAD_FILES).stdout)
        cls.files = [sample_rows()] + [file_rows(p) for p in HEAD_FILES]
        slots = collections.defaultdict(set)
        for rows in cls.files:
            for r in rows:
                if has_dyad(r):
                    day, slot = slot_of(r)
                    slots[day].add(slot)
        cls.slots = slots  # day -> slots with an accepted row, over all files

    def test_old_events_reported_again_are_counted_apart(self):
        # Counted per file (a stale row is never stored, so never a duplicate).
        stale = sum(1 for rows in self.files for r in rows if has_dyad(r) and t.is_stale(r))
        self.assertGreater(stale, 800)
        self.assertEqual(self.report["stale"], stale)
        info = json.loads(t.run("info", "--format", "json", "--store", self.store).stdout)
        self.assertEqual(info["stale"], stale)
        self.assertEqual(info["max_report_lag_days"], 30)
        # No stored event lies more than 30 days before the first news day.
        self.assertGreaterEqual(info["first_day"], "2025-04-15")
        text = t.run("info", "--store", self.store).stdout
        self.assertIn(f"old       {stale:,} events reported over 30 days after they happened", text)

    def test_info_counts_the_news_slots(self):
        info = json.loads(t.run("info", "--format", "json", "--store", self.store).stdout)
        news = info["news"]
        self.assertEqual(news["first_day"], "2025-05-15")
        self.assertEqual(news["last_day"], "2025-06-14")
        self.assertEqual(news["slots_per_day"], 96)
        self.assertEqual(news["slots"], sum(len(s) for s in self.slots.values()))
        self.assertEqual(news["slots"], 1183)  # the sample's README: 1,183 slots
        self.assertEqual(news["slots_possible"], 31 * 96)
        thin = {d["day"]: d["slots"] for d in news["thin_days"]}
        expected = {str(day): len(s) for day, s in self.slots.items() if len(s) < 0.1 * 96}
        self.assertEqual(thin, expected)
        self.assertIn("2025-05-15", thin)

    def test_daily_index_flags_the_thin_first_day_and_leaves_it_out(self):
        out = json.loads(t.run("index", "--store", self.store, "--dyads", "CHN-USA,CHN-JPN",
                               "--freq", "day", "--format", "json").stdout)
        self.assertFalse(out["include_partial"])
        for dyad in out["dyads"]:
            periods = {p["period"]: p for p in dyad["periods"]}
            self.assertEqual(min(periods), "2025-05-15")  # nothing before the news starts
            for day, p in periods.items():
                n = len(self.slots[datetime.date.fromisoformat(day)])
                self.assertAlmostEqual(p["coverage"], n / 96, places=12, msg=day)
                flag = "thin" if n < 0.1 * 96 else "covered"
                self.assertEqual(p["coverage_flag"], flag, day)
                if flag == "thin":
                    self.assertIsNone(p["value"], day)
            self.assertEqual(periods["2025-05-15"]["coverage_flag"], "thin")
        kept = json.loads(t.run("index", "--store", self.store, "--dyads", "CHN-USA", "--freq", "day",
                                "--include-partial", "--format", "json").stdout)
        first = kept["dyads"][0]["periods"][0]
        self.assertEqual((first["period"], first["coverage_flag"]), ("2025-05-15", "thin"))
        self.assertEqual(first["events"], 4)
        text = t.run("index", "--store", self.store, "--dyads", "CHN-USA", "--freq", "day").stdout
        self.assertIn("news coverage: 1 period thin (below 10% of its news slots: 2025-05-15); "
                      "left out of the index and the models", text)

    def test_series_carries_the_coverage_of_each_period(self):
        out = json.loads(t.run("series", "--store", self.store, "--dyad", "CHN-USA", "--freq", "day",
                               "--format", "json").stdout)
        for p in out["periods"]:
            n = len(self.slots[datetime.date.fromisoformat(p["period"])])
            self.assertAlmostEqual(p["coverage"], n / 96, places=12, msg=p["period"])
            self.assertEqual(p["coverage_flag"], "thin" if n < 0.1 * 96 else "covered")

    def test_no_phantom_years(self):
        out = json.loads(t.run("index", "--store", self.store, "--dyads", "CHN-USA", "--freq", "year",
                               "--from", "2015-01-01", "--format", "json").stdout)
        periods = [p["period"] for p in out["dyads"][0]["periods"]]
        self.assertEqual(periods, ["2025-01-01"])

    def test_status_says_which_periods_were_left_out(self):
        proc = t.run("status", "--store", self.store, "--actors", "CHN,USA,JPN", "--freq", "day",
                     check=False)
        self.assertIn("news coverage: 1 period thin (below 10% of its news slots: 2025-05-15)",
                      proc.stdout + proc.stderr)

    def test_a_model_refuses_a_dyad_with_a_long_gap(self):
        # CHN-JPN per day with --min-events 15: the days below 15 events are missing; a run of
        # more than 2 of them inside the sample may not be filled.
        counts = collections.Counter()
        seen = set()
        for rows in self.files:
            for r in rows:
                if {r[7], r[17]} == {"CHN", "JPN"} and not t.is_stale(r) and r[0] not in seen:
                    seen.add(r[0])
                    counts[r[1]] += 1
        proc = t.run("explain", "--store", self.store, "--actors", "CHN,USA,JPN", "--freq", "day",
                     "--min-events", "15", "--drivers", "none", check=False)
        self.assertEqual(proc.returncode, 5, proc.stderr)
        self.assertIn("CHN_JPN: 3 consecutive periods missing (2025-06-06 .. 2025-06-08), more than "
                      "the 2 triad fills", proc.stderr)
        for day in ("20250606", "20250607", "20250608"):
            self.assertLess(counts[day], 15, day)
        self.assertGreaterEqual(counts["20250605"], 15)
        self.assertGreaterEqual(counts["20250609"], 15)
        ok = t.run("explain", "--store", self.store, "--actors", "CHN,USA,JPN", "--freq", "day",
                   "--min-events", "10", "--drivers", "none")
        self.assertIn("CHN_JPN: 2 missing periods filled with the previous value", ok.stdout + ok.stderr)

    def test_a_day_without_news_is_outside_the_coverage(self):
        # Two 15-minute files, of 2025-05-15 and 2025-05-17: nothing was published on 05-16, so
        # the events dated that day are only those the news of 05-17 reported late.
        store = os.path.join(self.dir, "gap.db")
        t.run("ingest", "--quiet", "--store", store, HEAD_FILES[0], HEAD_FILES[3])
        out = json.loads(t.run("index", "--store", store, "--dyads", "USA-ISR", "--freq", "day",
                               "--min-events", "1", "--min-coverage", "0", "--include-partial",
                               "--format", "json").stdout)
        periods = {p["period"]: p for p in out["dyads"][0]["periods"]}
        self.assertEqual(periods["2025-05-16"]["coverage_flag"], "outside")
        self.assertEqual(periods["2025-05-16"]["coverage"], 0)
        self.assertEqual(periods["2025-05-17"]["coverage_flag"], "covered")
        self.assertAlmostEqual(periods["2025-05-17"]["coverage"], 1 / 96, places=12)
        out = json.loads(t.run("index", "--store", store, "--dyads", "USA-ISR", "--freq", "day",
                               "--min-events", "1", "--min-coverage", "0", "--format", "json").stdout)
        gap = {p["period"]: p for p in out["dyads"][0]["periods"]}["2025-05-16"]
        self.assertIsNone(gap["value"])


if __name__ == "__main__":
    unittest.main()
