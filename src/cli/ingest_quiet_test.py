"""Re-ingesting a folder is quiet: one line counts the files already ingested; --verbose names
each of them (issue: 61 lines for 61 unchanged files)."""
import os
import shutil
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "pylib"))
import triadtest as tt  # noqa: E402

EVENTS = os.path.join(tt.SOURCE_DIR, "tests", "data", "events", "gdelt2_15min_head")


class QuietReingest(unittest.TestCase):
    def setUp(self):
        self.dir = tt.tmpdir()
        self.store = os.path.join(self.dir, "s.db")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_one_line_counts_the_unchanged_files(self):
        files = sorted(os.listdir(EVENTS))
        self.assertGreaterEqual(len(files), 4)
        tt.run("ingest", "--store", self.store, EVENTS)
        again = tt.run("ingest", "--store", self.store, EVENTS)
        lines = [l for l in again.stderr.splitlines() if "already ingested" in l]
        self.assertEqual(lines, [f"{len(files)} files unchanged (already ingested): --verbose lists them"])
        self.assertIn(f"({len(files)} unchanged, 0 failed)", again.stdout + again.stderr)
        verbose = tt.run("ingest", "--store", self.store, "--verbose", EVENTS)
        named = [l for l in verbose.stderr.splitlines() if "already ingested on" in l]
        self.assertEqual(len(named), len(files))
        quiet = tt.run("ingest", "--store", self.store, "--quiet", EVENTS)
        self.assertEqual(quiet.stderr, "")


if __name__ == "__main__":
    unittest.main()
