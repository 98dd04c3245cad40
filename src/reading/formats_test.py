"""Every supported packaging and format on real files: GDELT 1.0 (mixed 57/58 columns),
GDELT 2.0 plain/zip/gz, ICEWS (names mapped to CAMEO codes, NA = no country)."""
import csv
import gzip
import json
import os
import shutil
import sqlite3
import sys
import unittest
import zipfile

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

EVENTS = os.path.join(t.SOURCE_DIR, "tests", "data", "events")


def ingest_json(store, *paths):
    return json.loads(t.run("ingest", "--format", "json", "--store", store, *paths).stdout)


class Formats(unittest.TestCase):
    def setUp(self):
        self.dir = t.tmpdir()

    def test_gdelt1_mixed_widths_detected_and_counted(self):
        path = os.path.join(EVENTS, "gdelt1_reed9999_mixed_57_58.tsv")
        report = ingest_json(os.path.join(self.dir, "a.db"), path)
        self.assertEqual(report["files"][0]["format"], "gdelt1")
        self.assertEqual(report["rows"], 710)
        self.assertEqual(report["rejected"], 0)

    def test_zip_and_gzip_give_the_same_cells_as_plain(self):
        plain = os.path.join(EVENTS, "gdelt2_spark_events.tsv")
        z = os.path.join(self.dir, "20150218230000.export.CSV.zip")
        with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as f:
            f.write(plain, "20150218230000.export.CSV")
        g = os.path.join(self.dir, "events.tsv.gz")
        with open(plain, "rb") as src, gzip.open(g, "wb") as dst:
            shutil.copyfileobj(src, dst)
        cells = []
        for p in (plain, z, g):
            store = os.path.join(self.dir, os.path.basename(p) + ".db")
            t.run("ingest", "--quiet", "--store", store, p)
            cells.append(t.exported_cells(store))
        self.assertGreaterEqual(len(cells[0]), 7)
        self.assertEqual(cells[0], cells[1])
        self.assertEqual(cells[0], cells[2])
        # The second and third are the same content as the first: one store keeps one copy.
        store = os.path.join(self.dir, "all.db")
        report = ingest_json(store, plain, z, g)
        self.assertEqual(report["files_added"], 1)
        self.assertEqual(report["files_skipped"], 2)

    def test_icews_counts_match_an_independent_count(self):
        path = os.path.join(EVENTS, "icews_2018_sample.tab")
        names = {}
        with open(os.path.join(t.SOURCE_DIR, "data", "codebook", "icews_countries.tsv"), newline="") as f:
            reader = csv.reader(f, delimiter="\t")
            header = next(reader)
            for row in reader:
                names[row[0].lower()] = row[1]
        expected = {}
        rejected = 0
        without = 0
        seen = set()
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                s, g = row["Source Country"], row["Target Country"]
                if s in ("", "NA") or g in ("", "NA"):
                    without += 1
                    continue
                if s.lower() not in names or g.lower() not in names:
                    rejected += 1
                    continue
                s, g = names[s.lower()], names[g.lower()]
                if s == g:
                    without += 1
                    continue
                key = (row["Event ID"], row["Event Date"])
                if key in seen:
                    continue
                seen.add(key)
                expected[(s, g)] = expected.get((s, g), 0) + 1
        store = os.path.join(self.dir, "icews.db")
        report = ingest_json(store, path)
        self.assertEqual(report["files"][0]["format"], "icews")
        self.assertEqual(report["rows"], 3705)
        self.assertEqual(report["rejected"], rejected)
        self.assertEqual(report["without_dyad"], without)
        db = sqlite3.connect(store)
        got = dict(((s, g), n) for s, g, n in db.execute(
            "SELECT source, target, sum(events) FROM cells GROUP BY 1, 2"))
        self.assertEqual(got, expected)
        self.assertEqual(got[("USA", "CHN")], 71)  # the data README's count of US->China events
        self.assertEqual(got[("CHN", "USA")], 30)


if __name__ == "__main__":
    unittest.main(verbosity=2)
