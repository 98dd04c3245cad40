"""Ingests running at the same time into one store never count an event twice: two or three
concurrent ingests of overlapping files leave exactly the cells of one sequential ingest, and
ingests that create a new store together all succeed."""
import os
import sqlite3
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(rows)
    return path


def export(store):
    """`triad export cells` as bytes: concurrent and sequential stores must agree byte for byte."""
    proc = subprocess.run([t.TRIAD, "export", "cells", "--store", store], capture_output=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def at_once(store, paths):
    """Starts one `triad ingest` per path into `store` at the same moment; returns the runs."""
    procs = [subprocess.Popen([t.TRIAD, "ingest", "--max-report-lag", "-1", "--threads", "1", "--store", store, p],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for p in paths]
    return [(p.wait(), *p.communicate()) for p in procs]


class ConcurrentWriters(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # The bundled sample's 106,096 rows (data/sample) cut into three overlapping files:
        # a = rows 0..70k, b = 40k..106k, c = 20k..90k; every pair shares 30k or more events.
        rows = t.sample_lines()
        cls.dir = t.tmpdir()
        cls.a = write(os.path.join(cls.dir, "a.tsv"), rows[:70000])
        cls.b = write(os.path.join(cls.dir, "b.tsv"), rows[40000:])
        cls.c = write(os.path.join(cls.dir, "c.tsv"), rows[20000:90000])
        cls.sequential = os.path.join(cls.dir, "sequential.db")
        t.run("ingest", "--max-report-lag", "-1", "--quiet", "--store", cls.sequential, cls.a, cls.b, cls.c)
        cls.reference = export(cls.sequential)
        cells, files = t.store_totals(cls.sequential)
        assert cells[1] == len(rows), cells  # every sample event once

    def check(self, paths, trials):
        for trial in range(trials):
            store = os.path.join(self.dir, f"{len(paths)}-{trial}.db")
            runs = at_once(store, paths)  # the store does not exist yet: all create it together
            for code, out, err in runs:
                self.assertEqual(code, 0, err)
                self.assertNotIn("locked", err)
            self.assertEqual(export(store), self.reference, f"trial {trial}")
            cells, files = t.store_totals(store)
            self.assertEqual(cells[1], len(t.sample_lines()))
            self.assertEqual(files[0], len(paths))
            # The manifest agrees with the cells: accepted rows sum to the events stored.
            self.assertEqual(files[1], cells[1])

    def test_two_concurrent_ingests_equal_a_sequential_one(self):
        self.check([self.a, self.b], trials=3)

    def test_three_concurrent_ingests_equal_a_sequential_one(self):
        self.check([self.a, self.b, self.c], trials=2)

    def test_second_writer_into_an_existing_store_waits_and_adds_only_new_events(self):
        store = os.path.join(self.dir, "existing.db")
        t.run("ingest", "--max-report-lag", "-1", "--quiet", "--store", store, self.c)
        runs = at_once(store, [self.a, self.b])
        for code, out, err in runs:
            self.assertEqual(code, 0, err)
        self.assertEqual(export(store), self.reference)

    def test_readers_during_concurrent_ingests_neither_fail_nor_block_them(self):
        store = os.path.join(self.dir, "read-while-writing.db")
        t.run("ingest", "--max-report-lag", "-1", "--quiet", "--store", store, self.c)
        procs = [subprocess.Popen([t.TRIAD, "ingest", "--max-report-lag", "-1", "--threads", "1", "--store", store, p],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for p in (self.a, self.b)]
        reads = 0
        while any(p.poll() is None for p in procs) or reads < 3:
            info = t.run("info", "--store", store, check=False)
            self.assertEqual(info.returncode, 0, info.stderr)
            reads += 1
        for p in procs:
            out, err = p.communicate()
            self.assertEqual(p.returncode, 0, err)
        self.assertEqual(export(store), self.reference)

    def test_a_writer_waits_out_a_long_commit_and_says_so(self):
        # Another writer holds the store's write lock for 11 s (longer than SQLite's usual busy
        # timeouts): the ingest waits, says why on stderr, then adds its file.
        store = os.path.join(self.dir, "long.db")
        t.run("ingest", "--max-report-lag", "-1", "--quiet", "--store", store, t.triangle_file())
        holder = sqlite3.connect(store, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        proc = subprocess.Popen([t.TRIAD, "ingest", "--max-report-lag", "-1", "--store", store, self.a],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(11)
        self.assertIsNone(proc.poll(), "the ingest gave up while the lock was held")
        holder.execute("ROLLBACK")
        holder.close()
        out, err = proc.communicate(timeout=60)
        self.assertEqual(proc.returncode, 0, err)
        self.assertIn(f"waiting for another ingest into {store} to finish its commit", err)
        self.assertEqual(t.store_totals(store)[1][0], 2)


if __name__ == "__main__":
    unittest.main()
