"""Actor sectors: `--sector` on the commands that read cells. Each side's class comes from
GDELT's actor type codes (data/codebook/actor_sectors.csv); the index of a sector is computed
here again from the raw rows of the bundled sample (an independent aggregation in sqlite3 and
Python), and an older store says how to get sectors instead of answering without them."""
import collections
import csv
import json
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402


FIRST_NEWS_DAY = "2025-05-15"


def monthly_means(cells, keep):
    """Mean Goldstein (events weighted) per month of the cells `keep` selects, from the raw-row
    aggregation of triadtest.expected_cells_sql: {month: (events, mean)}."""
    sums = collections.defaultdict(lambda: [0, 0])
    for c in cells:
        if c[0] >= FIRST_NEWS_DAY and keep(c):
            sums[c[0][:7]][0] += c[7]
            sums[c[0][:7]][1] += c[12]
    return {m: (n, g / 10 / n) for m, (n, g) in sums.items()}


class Sectors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = t.tmpdir()
        cls.store = os.path.join(cls.dir, "s.db")
        cls.file = t.triangle_file()
        t.run("ingest", "--quiet", "--store", cls.store, cls.file)
        cls.cells = t.expected_cells_sql([cls.file])

    def index(self, *extra, store=None):
        # From the first news day of the sample: events dated earlier are old events reported again,
        # outside the store's coverage.
        out = t.run("index", "--store", store or self.store, "--dyads", "CHN-USA", "--freq", "month",
                    "--from", FIRST_NEWS_DAY, "--min-events", "1", "--format", "json", *extra).stdout
        return {p["period"][:7]: p for p in json.loads(out)["dyads"][0]["periods"]}

    def test_the_raw_rows_carry_the_sectors_triad_stores(self):
        # The exported cells equal the raw-row aggregation with the sectors as columns.
        self.assertEqual(t.exported_cells(self.store), self.cells)
        sectors = collections.Counter((c[3], c[4]) for c in self.cells for _ in range(c[7]))
        # Most sides of GDELT's triangle rows name only a country; government is the next.
        self.assertGreater(sectors[("unspecified", "unspecified")], sum(sectors.values()) / 2)
        self.assertGreater(sectors[("government", "government")], 50)
        self.assertGreater(sectors[("military", "unspecified")] + sectors[("unspecified", "military")], 10)

    def test_government_index_equals_the_raw_rows(self):
        dyad = {"CHN", "USA"}
        for spec, classes in (("government", {"government"}),
                              ("government,unspecified", {"government", "unspecified"}),
                              ("military,government", {"military", "government"})):
            want = monthly_means(self.cells, lambda c: {c[1], c[2]} == dyad and c[3] in classes and c[4] in classes)
            got = self.index("--sector", spec, "--baseline", "none")
            self.assertEqual(sorted(m for m, p in got.items() if p["value"] is not None), sorted(want), spec)
            for month, (events, mean) in want.items():
                self.assertEqual(got[month]["events"], events, (spec, month))
                self.assertAlmostEqual(got[month]["value"], mean, places=12, msg=(spec, month))
        # And "any" is every cell, the default.
        self.assertEqual(self.index("--sector", "any"), self.index())

    def test_world_baseline_is_the_world_of_the_same_sectors(self):
        dyad = {"CHN", "USA"}
        keep = lambda c: c[3] == "government" and c[4] == "government"  # noqa: E731
        own = monthly_means(self.cells, lambda c: {c[1], c[2]} == dyad and keep(c))
        world = monthly_means(self.cells, keep)
        got = self.index("--sector", "government", "--baseline", "world")
        for month, (_, mean) in own.items():
            self.assertAlmostEqual(got[month]["value"], mean - world[month][1], places=12, msg=month)
        out = json.loads(t.run("index", "--store", self.store, "--dyads", "CHN-USA", "--sector", "government",
                               "--format", "json").stdout)
        self.assertEqual(out["sector"], "government")
        self.assertIn("government actors on both sides", out["units"])

    def test_status_and_momentum_take_the_filter(self):
        common = ("--store", self.store, "--freq", "week", "--min-events", "1")
        status = json.loads(t.run("status", *common, "--actors", "CHN,USA,JPN", "--sector", "government",
                                  "--format", "json", "--no-drivers").stdout)
        self.assertEqual(status["sector"], "government")
        index = json.loads(t.run("index", *common, "--dyads", "CHN-USA", "--sector", "government", "--format",
                                 "json").stdout)
        by_period = {p["period"]: p["value"] for p in index["dyads"][0]["periods"]}
        chn_usa = next(d for d in status["dyads"] if set(d["dyad"].split("-")) == {"CHN", "USA"})
        latest = chn_usa["latest_index"]
        # The same question, the same number: status's latest index value is index's.
        self.assertIsNotNone(latest["value"])
        self.assertAlmostEqual(latest["value"], by_period[latest["period"]], places=12)

    def test_icews_sectors(self):
        # Real ICEWS rows (tests/data/events/icews_2018_sample.tab): each side's class from its
        # Source/Target Sectors, counted here from the file with the codebook's table.
        path = os.path.join(t.TEST_DATA, "events", "icews_2018_sample.tab")
        table = {}
        with open(os.path.join(t.SOURCE_DIR, "data", "codebook", "actor_sectors.csv"), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if r["scheme"] == "icews":
                    table[r["code"]] = r["class"]
        store = os.path.join(self.dir, "icews.db")
        t.run("ingest", "--quiet", "--store", store, path)
        got = collections.Counter()
        for c in t.exported_cells(store):
            got[(c[3], c[4])] += c[7]
        # The file's dyadic rows with both countries named, by the sides' classes.
        want = collections.Counter()
        with open(path, encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                if r["Source Country"] in ("", "NA") or r["Target Country"] in ("", "NA"):
                    continue
                if r["Source Country"] == r["Target Country"]:
                    continue
                want[(t.side_sector(r["Source Sectors"].split(","), table),
                      t.side_sector(r["Target Sectors"].split(","), table))] += 1
        self.assertEqual(sum(got.values()), sum(want.values()))
        self.assertEqual(got, want)
        self.assertGreater(got[("government", "government")], 100)
        self.assertGreater(sum(n for (a, b), n in got.items() if "military" in (a, b)), 10)

    def test_the_events_behind_a_government_index(self):
        ev = json.loads(t.run("events", "--store", self.store, "--dyad", "CHN-USA", "--from", "2025-05-15", "--to",
                              "2025-06-14", "--sector", "government", "--top", "5", "--format", "json").stdout)
        self.assertEqual(ev["sector"], "government")
        want = sum(c[7] for c in self.cells if {c[1], c[2]} == {"CHN", "USA"} and c[3] == c[4] == "government"
                   and "2025-05-15" <= c[0] <= "2025-06-14")
        self.assertGreater(want, 10)
        self.assertEqual(ev["events"], want)
        self.assertEqual(len(ev["top"]), 5)
        for e in ev["top"]:
            self.assertEqual((e["source_sector"], e["target_sector"]), ("government", "government"))

    def test_a_bad_class_is_a_usage_error(self):
        bad = t.run("index", "--store", self.store, "--dyads", "CHN-USA", "--sector", "army", check=False)
        self.assertEqual(bad.returncode, 2)
        self.assertIn("'army' is not a sector class", bad.stderr)
        # An imported series has no actors: a sector filter on it is refused, not ignored.
        imported = t.run("index", "--store", self.store, "--dyads", "CHN-USA", "--source", "gzemo", "--sector",
                         "government", check=False)
        self.assertEqual(imported.returncode, 2)
        self.assertIn("the imported series 'gzemo' has none", imported.stderr)

    def test_an_older_store_says_how_to_get_sectors(self):
        store = os.path.join(self.dir, "old.db")
        t.run("ingest", "--quiet", "--store", store, self.file)
        before = self.index(store=store)
        # The store as schema 5 wrote it: cells keyed without sectors, summed over them.
        db = sqlite3.connect(store)
        sums = ", ".join(f"sum({c})" for c in ("events", "mentions", "mentions_sq", "sources", "articles", "goldstein",
                                                 "goldstein_sq", "goldstein_w", "goldstein_w_sq", "tone"))
        db.executescript(f"""
          DROP VIEW cells_readable; DROP INDEX IF EXISTS cells_by_dyad;
          CREATE TABLE cells5(key INTEGER PRIMARY KEY, day INTEGER NOT NULL, source TEXT NOT NULL,
            target TEXT NOT NULL, channel INTEGER NOT NULL, quad_class INTEGER NOT NULL,
            events INTEGER NOT NULL, mentions INTEGER NOT NULL, mentions_sq INTEGER NOT NULL,
            sources INTEGER NOT NULL, articles INTEGER NOT NULL, goldstein INTEGER NOT NULL,
            goldstein_sq INTEGER NOT NULL, goldstein_w INTEGER NOT NULL, goldstein_w_sq INTEGER NOT NULL,
            tone INTEGER NOT NULL);
          INSERT INTO cells5 SELECT key >> 6, day, source, target, channel, quad_class, {sums}
            FROM cells GROUP BY key >> 6;
          DROP TABLE cells; ALTER TABLE cells5 RENAME TO cells;
          CREATE INDEX cells_by_dyad ON cells(source, target, day);
          UPDATE meta SET value = '5' WHERE key = 'schema_version';""")
        db.close()
        old = t.run("index", "--store", store, "--dyads", "CHN-USA", check=False)
        self.assertEqual(old.returncode, 4)
        self.assertIn("schema version 5, older than this triad's (6)", old.stderr)
        t.run("ingest", "--quiet", "--store", store, self.file)  # a no-op that upgrades
        self.assertEqual(self.index(store=store), before)
        exported = t.exported_cells(store)
        self.assertEqual({(c[3], c[4]) for c in exported}, {("not recorded", "not recorded")})
        self.assertEqual(sum(c[7] for c in exported), sum(c[7] for c in self.cells))
        refused = t.run("index", "--store", store, "--dyads", "CHN-USA", "--sector", "government", check=False)
        self.assertEqual(refused.returncode, 4)
        self.assertIn("ingested before triad recorded actor sectors", refused.stderr)
        self.assertIn("triad ingest --store NEW.db", refused.stderr)
        db = sqlite3.connect(store)
        self.assertEqual(db.execute("SELECT count(*) FROM cells WHERE source_sector = 7 AND target_sector = 7")
                         .fetchone()[0], len(exported))
        db.close()

if __name__ == "__main__":
    unittest.main(verbosity=2)
