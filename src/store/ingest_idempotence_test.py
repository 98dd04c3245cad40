"""An event is never counted twice: re-ingesting a file, the same content under another name,
overlapping files, and events repeated inside one file."""
import os
import shutil
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

TRIANGLE = t.triangle_file()  # the 9,093 CHN/USA/JPN rows of the bundled sample


def lines():
    return t.triangle_lines()


class Idempotence(unittest.TestCase):
    def setUp(self):
        self.dir = t.tmpdir()
        self.store = os.path.join(self.dir, "s.db")
        whole = os.path.join(self.dir, "whole.db")
        t.run("ingest", "--max-report-lag", "-1", "--quiet", "--store", whole, TRIANGLE)
        self.reference = t.exported_cells(whole)

    def test_reingest_is_a_noop_that_says_so(self):
        t.run("ingest", "--max-report-lag", "-1", "--quiet", "--store", self.store, TRIANGLE)
        again = t.run("ingest", "--max-report-lag", "-1", "--store", self.store, TRIANGLE)
        self.assertEqual(again.returncode, 0)
        self.assertIn("already ingested", again.stderr)
        self.assertIn("0 files", again.stdout.replace("ingested 0 files", "0 files"))
        self.assertEqual(t.exported_cells(self.store), self.reference)

    def test_same_content_under_another_name(self):
        copy = os.path.join(self.dir, "renamed.tsv")
        shutil.copy(TRIANGLE, copy)
        t.run("ingest", "--max-report-lag", "-1", "--quiet", "--store", self.store, TRIANGLE)
        proc = t.run("ingest", "--max-report-lag", "-1", "--store", self.store, copy)
        self.assertIn("same content as", proc.stderr)
        self.assertEqual(t.exported_cells(self.store), self.reference)
        cells, files = t.store_totals(self.store)
        self.assertEqual(files[0], 1)

    def test_overlapping_files_add_each_event_once(self):
        rows = lines()
        self.assertEqual(len(rows), 9093)
        a, b = os.path.join(self.dir, "a.tsv"), os.path.join(self.dir, "b.tsv")
        with open(a, "w", newline="\n") as f:
            f.writelines(rows[:6000])
        with open(b, "w", newline="\n") as f:
            f.writelines(rows[4000:])
        out = t.run("ingest", "--max-report-lag", "-1", "--format", "json", "--store", self.store, a, b)
        import json
        report = json.loads(out.stdout)
        self.assertEqual(report["accepted"], 9093)
        self.assertEqual(report["duplicate"], 2000)
        self.assertEqual(t.exported_cells(self.store), self.reference)

    def test_events_repeated_inside_one_file_count_once(self):
        rows = lines()
        doubled = os.path.join(self.dir, "doubled.tsv")
        with open(doubled, "w", newline="\n") as f:
            f.writelines(rows)
            f.writelines(rows[:1000])
        out = t.run("ingest", "--max-report-lag", "-1", "--format", "json", "--store", self.store, doubled)
        import json
        report = json.loads(out.stdout)
        self.assertEqual(report["accepted"], 9093)
        self.assertEqual(report["duplicate"], 1000)
        self.assertEqual(t.exported_cells(self.store), self.reference)

    def test_thread_count_does_not_change_cells(self):
        for threads in (1, 2, 3):
            store = os.path.join(self.dir, f"t{threads}.db")
            t.run("ingest", "--max-report-lag", "-1", "--quiet", "--threads", threads, "--store", store, TRIANGLE)
            self.assertEqual(t.exported_cells(store), self.reference)

    def test_a_repeated_event_id_with_other_values_counts_its_first_copy_whatever_the_threads(self):
        # 20,000 sample rows, then the same event ids again in reverse order with other
        # NumMentions: the repeats nearest the middle sit in blocks parsed at the same time as
        # the blocks of their first copies, so "first come" would depend on thread timing.
        first = t.sample_lines()[:20000]
        again = []
        for line in reversed(first):
            fields = line.split("\t")
            fields[31] = str(int(fields[31]) + 7)  # NumMentions
            again.append("\t".join(fields))
        originals = os.path.join(self.dir, "originals.tsv")
        with open(originals, "w", newline="\n") as f:
            f.writelines(first)
        repeated = os.path.join(self.dir, "repeated.tsv")
        with open(repeated, "w", newline="\n") as f:
            f.writelines(first + again)
        reference = os.path.join(self.dir, "originals.db")
        t.run("ingest", "--max-report-lag", "-1", "--quiet", "--store", reference, originals)
        expected = t.run("export", "cells", "--store", reference).stdout
        for threads in (1, 2, 3):
            for trial in range(3):
                store = os.path.join(self.dir, f"repeated-{threads}-{trial}.db")
                import json
                report = json.loads(t.run("ingest", "--max-report-lag", "-1", "--format", "json", "--threads", threads,
                                          "--store", store, repeated).stdout)
                self.assertEqual((report["accepted"], report["duplicate"]), (20000, 20000))
                got = t.run("export", "cells", "--store", store).stdout
                self.assertTrue(got == expected, f"--threads {threads}, trial {trial}: the later copies counted")


if __name__ == "__main__":
    unittest.main(verbosity=2)
