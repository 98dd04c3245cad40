"""Re-ingesting a folder is quiet: one line counts the files already ingested; --verbose names
each of them (issue: 61 lines for 61 unchanged files)."""
import os
import shutil
import sqlite3
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

    def test_force_reads_a_file_whose_path_size_and_time_are_unchanged(self):
        # A file rewritten in place with the same size and time (a tool that restores mtimes):
        # only --force reads it again; its events already stored still count once.
        lines = tt.triangle_lines()[:100]
        path = os.path.join(self.dir, "day.tsv")
        with open(path, "w") as f:
            f.writelines(lines)
        st = os.stat(path)
        tt.run("ingest", "--store", self.store, path)
        # Same size: the second half gets other event ids of the same length.
        with open(path, "w") as f:
            f.writelines(lines[:50] + ["9" + line[1:] for line in lines[50:]])
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        self.assertEqual(os.stat(path).st_size, st.st_size)
        same = tt.run("ingest", "--store", self.store, path)
        self.assertIn("ingested 0 files (1 unchanged", same.stdout)
        forced = tt.run("ingest", "--store", self.store, "--force", path)
        self.assertIn("ingested 1 file (0 unchanged", forced.stdout)
        self.assertIn("50 duplicates", forced.stdout)
        events = "SELECT SUM(events) FROM cells"
        self.assertEqual(sqlite3.connect(self.store).execute(events).fetchone()[0], 150)
        again = tt.run("ingest", "--store", self.store, "--force", path)
        self.assertIn("same content as", again.stderr)
        self.assertEqual(sqlite3.connect(self.store).execute(events).fetchone()[0], 150)

if __name__ == "__main__":
    unittest.main()
