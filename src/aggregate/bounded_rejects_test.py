"""Rejected rows cost bounded memory and store space: every one is counted by reason, only the
first 100 of each reason are kept with their raw text (kKeptRejectsPerReason), and a file whose
rows are mostly rejected (more than half of at least 1,000) fails as a whole with the store
unchanged: it is not the format it was read as."""
import json
import os
import resource
import sqlite3
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

# Address space for the child: a normal ingest of the bundled sample with 2 threads needs about
# 80 MiB; triad before bounded rejects needed about 200 MiB to reject all of its rows.
LIMIT_MIB = 120


def limited(*args):
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT_MIB << 20, LIMIT_MIB << 20))
    # One malloc arena: the limit then measures allocations, not per-thread arena reservations.
    env = dict(os.environ, MALLOC_ARENA_MAX="1")
    return subprocess.run([t.TRIAD, *args], capture_output=True, text=True, preexec_fn=limit, env=env)


def contents(store):
    db = sqlite3.connect(store)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    out = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
           for table in ("files", "cells", "rejects", "reject_counts", "event_keys") if table in tables}
    out["events"] = db.execute("SELECT coalesce(sum(events), 0) FROM cells").fetchone()[0]
    db.close()
    return out


class BoundedRejects(unittest.TestCase):
    def setUp(self):
        self.dir = t.tmpdir()
        self.store = os.path.join(self.dir, "s.db")

    @unittest.skipIf(t.SANITIZED, "an address-space limit cannot be set under AddressSanitizer")
    def test_a_file_read_as_the_wrong_format_fails_whole_within_bounded_memory(self):
        t.run("ingest", "--quiet", "--store", self.store, t.triangle_file())
        before = contents(self.store)
        # The calibration: the same file read as what it is fits under the same limit.
        other = os.path.join(self.dir, "other.db")
        ok = limited("ingest", "--quiet", "--threads", "2", "--store", other, t.SAMPLE_ZIP)
        self.assertEqual(ok.returncode, 0, ok.stderr)
        # The bundled sample is GDELT 2.0 (61 columns): read as GDELT 1.0 every row is bad.
        proc = limited("ingest", "--threads", "2", "--input-format", "gdelt1", "--store", self.store,
                       t.SAMPLE_ZIP)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertIn("this does not look like gdelt1: first bad line 1 (expected 57 or 58 "
                      "tab-separated columns (GDELT 1.0), found 61)", proc.stderr)
        self.assertIn("106096 of its 106096 rows are rejected", proc.stderr)
        self.assertIn("the store is unchanged for this file", proc.stderr)
        self.assertNotIn("bad_alloc", proc.stderr)
        self.assertEqual(contents(self.store), before)

    def test_rejects_are_counted_by_reason_and_the_first_100_of_each_kept(self):
        # 9,093 good rows; every 30th made a day that does not exist (300 rows spread over the
        # whole file, so over every parsing block) and the row after each of the first 200 a quad
        # class out of range.
        rows = list(t.triangle_lines())
        for i in range(300):
            f = rows[30 * i].split("\t")
            f[1] = "20250231"
            rows[30 * i] = "\t".join(f)
        for i in range(200):
            f = rows[30 * i + 1].split("\t")
            f[29] = "5"
            rows[30 * i + 1] = "\t".join(f)
        path = os.path.join(self.dir, "mixed.tsv")
        with open(path, "w", newline="\n") as f:
            f.writelines(rows)
        for threads in (1, 3):
            store = os.path.join(self.dir, f"mixed-{threads}.db")
            proc = t.run("ingest", "--max-report-lag", "-1", "--threads", threads, "--store", store, path)
            self.assertEqual(proc.returncode, 3, proc.stderr)
            self.assertIn("500 rows rejected, first at line 1", proc.stderr)
            info = json.loads(t.run("info", "--format", "json", "--rejects", "1000", "--store", store).stdout)
            self.assertEqual(info["rejected"], 500)
            self.assertEqual(info["reject_reasons"], [
                {"reason": "SQLDATE: not a calendar date in YYYYMMDD form", "rows": 300},
                {"reason": "QuadClass: not 1, 2, 3 or 4", "rows": 200}])
            kept = [(r["line"], r["field"]) for r in info["reject_rows"]]
            self.assertEqual(kept, sorted([(30 * i + 1, "SQLDATE") for i in range(100)] +
                                          [(30 * i + 2, "QuadClass") for i in range(100)]))
            self.assertEqual(info["accepted"], 9093 - 500)

    def test_at_most_100_reasons_are_told_apart_and_the_rest_counted_together(self):
        # 150 rows each with its own unknown event code ("'X12' is not a CAMEO event code"),
        # spread over the file: 100 reasons kept apart, the other 50 rows counted together.
        rows = list(t.triangle_lines())
        for i in range(150):
            f = rows[60 * i].split("\t")
            f[26] = f"X{i:03d}"
            rows[60 * i] = "\t".join(f)
        path = os.path.join(self.dir, "codes.tsv")
        with open(path, "w", newline="\n") as f:
            f.writelines(rows)
        for threads in (1, 3):
            store = os.path.join(self.dir, f"codes-{threads}.db")
            proc = t.run("ingest", "--max-report-lag", "-1", "--threads", threads, "--store", store, path, timeout=60)
            self.assertEqual(proc.returncode, 3, proc.stderr)
            db = sqlite3.connect(store)
            counts = db.execute("SELECT field, reason, rows FROM reject_counts ORDER BY rowid").fetchall()
            self.assertEqual(len(counts), 101)
            self.assertEqual(counts[0], ("EventCode", "'X000' is not a CAMEO event code", 1))
            self.assertEqual(counts[99], ("EventCode", "'X099' is not a CAMEO event code", 1))
            self.assertEqual(counts[100], ("", "other reasons (too many different ones)", 50))
            self.assertEqual(db.execute("SELECT count(*) FROM rejects").fetchone()[0], 150)

    def test_a_store_of_schema_1_is_upgraded_with_its_rejects_counted(self):
        rows = t.triangle_lines()
        f = rows[0].split("\t")
        f[29] = "5"
        path = os.path.join(self.dir, "one_bad.tsv")
        with open(path, "w", newline="\n") as out:
            out.writelines(["\t".join(f)] + rows[1:])
        t.run("ingest", "--quiet", "--store", self.store, path)
        db = sqlite3.connect(self.store)  # as a store written before reject_counts existed
        db.execute("DROP TABLE reject_counts")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        db.commit()
        db.close()
        # A read command never writes: it asks for an ingest, which upgrades the store.
        read = t.run("info", "--format", "json", "--store", self.store, check=False)
        self.assertEqual(read.returncode, 4)
        self.assertIn("schema version 1, older than this triad's (6)", read.stderr)
        t.run("ingest", "--quiet", "--store", self.store, path)  # already ingested: a no-op
        info = json.loads(t.run("info", "--format", "json", "--store", self.store).stdout)
        self.assertEqual(info["reject_reasons"], [{"reason": "QuadClass: not 1, 2, 3 or 4", "rows": 1}])


if __name__ == "__main__":
    unittest.main()
