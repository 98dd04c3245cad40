"""Independent cross-check: triad's exported cells equal the same aggregation done with sqlite3
GROUP BY straight from the raw rows of real GDELT 2.0 files, to the last digit.

Data: the triangle rows of the bundled sample (data/sample) and the first 500 rows of four raw
15-minute files (tests/data/events/gdelt2_15min_head, every row kept, dyadic or not)."""
import glob
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402


class CellsMatchSql(unittest.TestCase):
    def check(self, paths, ncols=(61,)):
        store = os.path.join(t.tmpdir(), "x.db")
        t.run("ingest", "--quiet", "--store", store, *paths)
        expected = t.expected_cells_sql(paths, ncols)
        got = t.exported_cells(store)
        self.assertGreater(len(expected), 100)
        self.assertEqual(len(got), len(expected))
        for g, e in zip(got, expected):
            self.assertEqual(g, e)

    def test_triangle_subset_all_9093_rows(self):
        self.check([t.triangle_file()])

    def test_four_raw_15_minute_files(self):
        paths = sorted(glob.glob(os.path.join(t.TEST_DATA, "events", "gdelt2_15min_head", "*.export.CSV")))
        self.assertEqual(len(paths), 4)
        self.check(paths)

    def test_gdelt1_mixed_57_and_58_columns(self):
        path = os.path.join(t.TEST_DATA, "events", "gdelt1_reed9999_mixed_57_58.tsv")
        store = os.path.join(t.tmpdir(), "g1.db")
        t.run("ingest", "--quiet", "--store", store, path)
        self.assertEqual(t.exported_cells(store), t.expected_cells_sql([path], ncols=(57, 58)))


if __name__ == "__main__":
    unittest.main(verbosity=2)
