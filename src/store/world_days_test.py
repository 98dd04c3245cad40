"""The world's day totals (table world_days, schema 5) are the sums of every cell of each day,
channel and QuadClass, kept with the cells by ingest, by ingest-cells (also when it replaces),
and made from the cells when an older store is upgraded; the world baseline reads them, so the
index equals one computed from all cells."""
import json
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

SUMS = ("events", "mentions", "mentions_sq", "sources", "articles", "goldstein", "goldstein_sq", "goldstein_w",
        "goldstein_w_sq", "tone")


def world_days(store):
    db = sqlite3.connect(store)
    rows = db.execute("SELECT day, channel, quad_class, %s FROM world_days ORDER BY 1, 2, 3" % ", ".join(SUMS)).fetchall()
    db.close()
    return rows


def from_cells(store):
    db = sqlite3.connect(store)
    rows = db.execute("SELECT day, channel, quad_class, %s FROM cells GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
                      % ", ".join("sum(%s)" % c for c in SUMS)).fetchall()
    db.close()
    return rows


class WorldDays(unittest.TestCase):
    def test_kept_by_ingest_file_by_file(self):
        store = os.path.join(t.tmpdir(), "w.db")
        head = sorted(os.path.join(t.TEST_DATA, "events", "gdelt2_15min_head", n)
                      for n in os.listdir(os.path.join(t.TEST_DATA, "events", "gdelt2_15min_head")) if n.endswith(".CSV"))
        for path in head[:2]:
            t.run("ingest", "--quiet", "--store", store, path)
        t.run("ingest", "--quiet", "--store", store, t.SAMPLE_ZIP, *head[2:])
        rows = world_days(store)
        self.assertGreater(len(rows), 100)
        self.assertEqual(rows, from_cells(store))

    def test_made_from_the_cells_on_upgrade_and_the_index_is_unchanged(self):
        store = os.path.join(t.tmpdir(), "u.db")
        t.run("ingest", "--quiet", "--store", store, t.SAMPLE_ZIP)
        args = ("index", "--store", store, "--dyads", "CHN-USA,CHN-JPN,USA-JPN", "--freq", "day", "--format", "json")
        before = json.loads(t.run(*args).stdout)
        db = sqlite3.connect(store)  # as a store of schema 4, before the day totals were kept
        db.execute("DROP TABLE world_days")
        db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
        db.commit()
        db.close()
        old = t.run(*args, check=False)
        self.assertEqual(old.returncode, 4)
        self.assertIn("schema version 4, older than this triad's (6)", old.stderr)
        t.run("ingest", "--quiet", "--store", store, t.SAMPLE_ZIP)  # a no-op that upgrades
        self.assertEqual(world_days(store), from_cells(store))
        self.assertEqual(json.loads(t.run(*args).stdout), before)

    def test_world_baseline_equals_the_mean_over_all_cells(self):
        store = os.path.join(t.tmpdir(), "b.db")
        t.run("ingest", "--quiet", "--store", store, t.SAMPLE_ZIP)
        out = json.loads(t.run("index", "--store", store, "--dyads", "CHN-JPN", "--freq", "week", "--channel",
                               "economic", "--min-events", "1", "--format", "json").stdout)
        db = sqlite3.connect(store)
        day = lambda iso: int(db.execute("SELECT julianday(?) - 2440587.5", (iso,)).fetchone()[0])
        first, last = day(out["from"]), day(out["to"])  # a week cut by the range counts its days inside
        checked = 0
        for p in out["dyads"][0]["periods"]:
            if p["value"] is None:
                continue
            lo, hi = max(day(p["period"]), first), min(day(p["period"]) + 6, last)
            w = db.execute("SELECT sum(goldstein) / 10.0 / sum(events) FROM cells WHERE day BETWEEN ? AND ? "
                           "AND channel = 1", (lo, hi)).fetchone()[0]
            d = db.execute("SELECT sum(goldstein) / 10.0 / sum(events) FROM cells WHERE day BETWEEN ? AND ? "
                           "AND channel = 1 AND ((source = 'CHN' AND target = 'JPN') OR (source = 'JPN' AND "
                           "target = 'CHN'))", (lo, hi)).fetchone()[0]
            self.assertAlmostEqual(p["value"], d - w, places=9)
            checked += 1
        db.close()
        self.assertGreaterEqual(checked, 4)


if __name__ == "__main__":
    unittest.main(verbosity=2)
