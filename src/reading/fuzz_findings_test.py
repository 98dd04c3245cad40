"""Inputs found by the libFuzzer harnesses (fuzz/), fed through the normal binary: each one once
crashed or misread, and must now give the documented result."""
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

GOOD = os.path.join(t.SOURCE_DIR, "tests", "data", "events", "gdelt2_spark_events.tsv")
AVG_TONE = 34  # GDELT 2.0 column


def dyadic_row():
    with open(GOOD, encoding="utf-8", newline="\n") as f:
        for line in f:
            r = line.rstrip("\n").split("\t")
            if r[7] and r[17] and r[7] != r[17]:
                return r
    raise AssertionError("no dyadic row in sample")


class FuzzFindings(unittest.TestCase):
    def test_avg_tone_with_fifteen_integer_digits_is_rejected_not_wrapped(self):
        # gdelt2_row_fuzz: 15 integer digits times 10^6 overflowed int64 (UBSan in
        # fixed_point.cpp). 110680464442258 x 10^6 wraps to 690304, so the row was stored with
        # AvgTone 0.690304; it must be rejected with the field named.
        d = t.tmpdir()
        row = dyadic_row()
        row[AVG_TONE] = "110680464442258"
        path = os.path.join(d, "tone.tsv")
        with open(path, "w", newline="\n") as f:
            f.write("\t".join(row) + "\n")
        store = os.path.join(d, "s.db")
        proc = t.run("ingest", "--store", store, path)
        self.assertEqual(proc.returncode, 3, proc.stderr)
        db = sqlite3.connect(store)
        got = db.execute("SELECT line, field, reason FROM rejects").fetchall()
        self.assertEqual(got, [(1, "AvgTone", "not a number from -100 to 100")])


if __name__ == "__main__":
    unittest.main()
