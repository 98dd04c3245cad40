"""Paths that hang or vanish: a FIFO is skipped with a message (it used to block forever), a
missing path, an unmatched glob and an unreadable directory are failures named at the end while
every valid file is still ingested (they used to stop the whole call before any file)."""
import json
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402


class InputPaths(unittest.TestCase):
    def setUp(self):
        self.dir = t.tmpdir()
        self.store = os.path.join(self.dir, "s.db")
        self.data = os.path.join(self.dir, "data")
        os.mkdir(self.data)
        lines = t.triangle_lines()
        self.first = os.path.join(self.data, "a.tsv")
        with open(self.first, "w") as f:
            f.writelines(lines[:300])
        self.second = os.path.join(self.data, "b.tsv")
        with open(self.second, "w") as f:
            f.writelines(lines[300:500])

    def events(self):
        return sqlite3.connect(self.store).execute("SELECT SUM(events) FROM cells").fetchone()[0]

    def ingest_json(self, *paths):
        proc = t.run("ingest", "--max-report-lag", "-1", "--output", "json", "--store", self.store, *paths, check=False,
                     timeout=60)
        return proc, json.loads(proc.stdout) if proc.stdout else None

    def test_a_fifo_is_skipped_not_waited_on(self):
        fifo = os.path.join(self.data, "live.tsv")
        os.mkfifo(fifo)
        named = os.path.join(self.dir, "named.fifo")
        os.mkfifo(named)
        proc, out = self.ingest_json(self.data, named)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        status = {os.path.basename(f["path"]): f["status"] for f in out["files"]}
        self.assertEqual(status, {"live.tsv": "skipped", "named.fifo": "skipped", "a.tsv": "added",
                                  "b.tsv": "added"})
        self.assertEqual(self.events(), 500)
        text = t.run("ingest", "--max-report-lag", "-1", "--store", self.store, named, check=False, timeout=60)
        self.assertIn("a FIFO, not a regular file: skipped", text.stderr)

    def test_missing_paths_fail_at_the_end_after_the_valid_files(self):
        missing = os.path.join(self.dir, "nope.tsv")
        glob = os.path.join(self.dir, "*.nothing")
        proc = t.run("ingest", "--max-report-lag", "-1", "--store", self.store, missing, self.first, glob, self.second,
                     check=False)
        self.assertEqual(proc.returncode, 1, proc.stderr)  # input error, after the good files
        self.assertEqual(self.events(), 500)
        self.assertIn(f"{missing}: no such file or directory", proc.stderr)
        self.assertIn(f"{glob}: matches no file", proc.stderr)
        self.assertIn("ingested 2 files (0 unchanged, 2 failed)", proc.stdout)

    def test_nothing_valid_leaves_no_store_behind(self):
        proc = t.run("ingest", "--max-report-lag", "-1", "--store", self.store, os.path.join(self.dir, "nope"), check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("no event file to ingest", proc.stderr)
        self.assertFalse(os.path.exists(self.store))

    def test_an_unreadable_entry_is_a_failure_not_silence(self):
        # A symbolic link that points at itself cannot be read by anyone (root included).
        os.symlink("loop.tsv", os.path.join(self.data, "loop.tsv"))
        proc, out = self.ingest_json(self.data)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertEqual(out["files_failed"], 1)
        failed = [f for f in out["files"] if f["status"] == "failed"]
        self.assertEqual(len(failed), 1)
        self.assertIn("loop.tsv", failed[0]["path"])
        self.assertIn("cannot read", failed[0]["error"])
        self.assertEqual(self.events(), 500)

    @unittest.skipIf(os.geteuid() == 0, "root reads a directory whatever its mode")
    def test_an_unreadable_directory_is_a_failure(self):
        locked = os.path.join(self.data, "locked")
        os.mkdir(locked)
        os.chmod(locked, 0)
        try:
            proc, out = self.ingest_json(self.data)
        finally:
            os.chmod(locked, 0o755)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("cannot read the directory", json.dumps(out["files"]))


if __name__ == "__main__":
    unittest.main()
