"""`triad event-study` against a direct computation in numpy/scipy on the bundled weekly
2018-2024 triangle series: the mean path around the US midterm elections of 2018 and 2022 (each
measured from its own 4-week pre-event mean), the Student-t 90% interval across events, the
baseline from weeks at least 2k+1 away from any event, the volatility ratio of weekly changes in
the windows and Welch's test of the drift; --calibrate writes a window with those numbers."""
import csv
import datetime as dt
import json
import os
import sys
import unittest

import numpy as np
from scipy import stats

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

WEEKLY = os.path.join(t.TEST_DATA, "series", "gdelt_weekly_chn_usa_jpn.csv")
ELECTIONS = [dt.date(2018, 11, 6), dt.date(2022, 11, 8)]  # data/codebook/calendar.csv
K = 4


def direct(column):
    with open(WEEKLY) as f:
        rows = list(csv.DictReader(f))
    weeks = [dt.date.fromisoformat(r["week"]) for r in rows]
    x = np.array([float(r[column]) for r in rows])
    starts = [weeks.index(e - dt.timedelta(days=e.weekday())) for e in ELECTIONS]
    path = lambda t0: x[t0 - K:t0 + K + 1] - x[t0 - K:t0].mean()  # noqa: E731
    paths = np.array([path(t0) for t0 in starts])
    near = set()
    for t0 in starts:
        near.update(range(t0 - 2 * K, t0 + 2 * K + 1))
    base = np.array([path(t0) for t0 in range(K, len(x) - K) if t0 not in near])
    inside = set()
    for t0 in starts:
        inside.update(range(t0, t0 + K + 1))
    d = np.diff(x)
    win = np.array([d[i - 1] for i in range(1, len(x)) if i in inside])
    other = np.array([d[i - 1] for i in range(1, len(x)) if i not in inside])
    return paths, base, win, other


class EventStudy(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.store = os.path.join(t.tmpdir(), "w.db")
        t.run("import-series", WEEKLY, "--name", "weekly", "--store", cls.store)

    def run_study(self, *extra):
        return t.run("event-study", "--store", self.store, "--source", "weekly", "--kind",
                     "US midterm election", "--dyads", "CHN-USA,USA-JPN", *extra)

    def test_numbers_equal_a_direct_computation(self):
        out = json.loads(self.run_study("--format", "json").stdout)
        self.assertEqual(out["k"], K)
        for dyad, column in (("CHN-USA", "CHN_USA"), ("USA-JPN", "USA_JPN")):
            got = next(d for d in out["dyads"] if d["dyad"] == dyad)
            self.assertEqual(got["events"], ["us-midterm-2018", "us-midterm-2022"])
            self.assertEqual(got["skipped"], ["us-midterm-2026: outside the data"])
            paths, base, win, other = direct(column)
            self.assertEqual(got["baseline_origins"], len(base))
            mean = paths.mean(axis=0)
            half = stats.t.ppf(0.95, 1) * paths.std(axis=0, ddof=1) / np.sqrt(2)
            for j, p in enumerate(got["path"]):
                self.assertEqual(p["offset"], j - K)
                self.assertAlmostEqual(p["mean"], mean[j], delta=1e-9 * (1 + abs(mean[j])))
                self.assertAlmostEqual(p["lower"], mean[j] - half[j], delta=1e-8 * (1 + half[j]))
                self.assertAlmostEqual(p["upper"], mean[j] + half[j], delta=1e-8 * (1 + half[j]))
                self.assertAlmostEqual(p["baseline"], base[:, j].mean(), delta=1e-9)
            self.assertEqual((got["window_changes"], got["other_changes"]), (len(win), len(other)))
            ratio = win.std(ddof=1) / other.std(ddof=1)
            self.assertAlmostEqual(got["volatility_ratio"], ratio, delta=1e-12)
            self.assertAlmostEqual(got["drift_per_period"], win.mean() - other.mean(), delta=1e-9)
            welch = stats.ttest_ind(win, other, equal_var=False).pvalue
            self.assertAlmostEqual(got["drift_p_value"], welch, delta=1e-9)

    def test_calibrate_writes_the_window_and_says_how_little_it_rests_on(self):
        text = self.run_study("--calibrate").stdout
        self.assertIn('calendar = "us-midterm-2026"', text)
        self.assertIn("rests on 2 events", text)
        _, _, win, other = direct("CHN_USA")
        self.assertIn(f"volatility = {win.std(ddof=1) / other.std(ddof=1):.3f}", text)

    def test_an_unknown_kind_is_a_usage_error_with_a_suggestion(self):
        proc = t.run("event-study", "--store", self.store, "--source", "weekly", "--kind",
                     "US midterm elections", "--dyads", "CHN-USA", check=False)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("did you mean 'US midterm election'", proc.stderr)


if __name__ == "__main__":
    unittest.main()
