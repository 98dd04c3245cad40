"""Bad input: every kind of bad row goes to the store's rejects with file, line, field and the
raw line; --strict stops at the first; broken files fail alone and leave the store unchanged."""
import json
import os
import sqlite3
import sys
import unittest
import zipfile

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

GOOD = os.path.join(t.SOURCE_DIR, "tests", "data", "events", "gdelt2_spark_events.tsv")


def good_rows():
    with open(GOOD, encoding="utf-8", newline="\n") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def dyadic_row():
    for r in good_rows():
        if r[7] and r[17] and r[7] != r[17]:
            return r
    raise AssertionError("no dyadic row in sample")


class BadRows(unittest.TestCase):
    def setUp(self):
        self.dir = t.tmpdir()
        self.store = os.path.join(self.dir, "s.db")

    def write(self, name, rows):
        path = os.path.join(self.dir, name)
        with open(path, "w", newline="\n") as f:
            for r in rows:
                f.write(("\t".join(r) if isinstance(r, list) else r) + "\n")
        return path

    def variants(self):
        base = dyadic_row()

        def with_field(i, value):
            r = list(base)
            r[i] = value
            return r

        # (row, expected field, words in the reason)
        return [
            (base[:60], "", "expected 61"),
            (base + ["extra"], "", "expected 61"),
            (with_field(0, "12x"), "GLOBALEVENTID", "integer"),
            (with_field(1, "20250231"), "SQLDATE", "calendar date"),
            (with_field(7, "CH"), "Actor1CountryCode", "3-letter"),
            (with_field(17, "us1"), "Actor2CountryCode", "3-letter"),
            (with_field(26, "999"), "EventCode", "not a CAMEO event code"),
            (with_field(26, "0100"), "EventCode", "not a CAMEO event code"),  # 010 exists, 0100 not
            (with_field(29, "5"), "QuadClass", "1, 2, 3 or 4"),
            (with_field(30, "abc"), "GoldsteinScale", "number"),
            (with_field(30, "12.0"), "GoldsteinScale", "-10 to 10"),
            (with_field(31, "-3"), "NumMentions", "integer"),
            (with_field(34, "1e5"), "AvgTone", "number"),
            (with_field(59, "x"), "DATEADDED", "date"),
            # Dates and numbers outside the documented plausible range (found by fuzzing: one
            # 9999 row used to move the store's last day and stall every command).
            (with_field(1, "99991231"), "SQLDATE", "plausible range from 1979-01-01"),
            (with_field(1, "-9990101"), "SQLDATE", "plausible range"),  # year -999
            (with_field(1, "19781231"), "SQLDATE", "plausible range"),
            (with_field(31, "2000000000"), "NumMentions", "0 to 1000000"),
            (with_field(33, "1000001"), "NumArticles", "0 to 1000000"),
            (with_field(34, "18446744073709.551616"), "AvgTone", "number"),
            (with_field(59, "99991231000000"), "DATEADDED", "date"),
        ]

    def test_every_kind_of_bad_row_is_kept_with_line_and_field(self):
        good = good_rows()
        rows = [good[0]]
        variants = self.variants()
        for bad, _, _ in variants:
            rows.append(bad)
            rows.append(good[1])
        path = self.write("bad.tsv", rows)
        proc = t.run("ingest", "--store", self.store, path)
        self.assertEqual(proc.returncode, 3, proc.stderr)  # exit code says rows were rejected
        db = sqlite3.connect(self.store)
        got = db.execute("SELECT line, field, reason, raw FROM rejects ORDER BY line").fetchall()
        self.assertEqual(len(got), len(variants))
        for (line, field, reason, raw), (bad, want_field, words), i in zip(got, variants, range(len(variants))):
            self.assertEqual(line, 2 + 2 * i)
            self.assertEqual(field, want_field)
            self.assertIn(words, reason)
            self.assertEqual(raw, "\t".join(bad))
        files = db.execute("SELECT rows_read, rows_rejected FROM files").fetchone()
        self.assertEqual(files, (len(rows), len(variants)))

    def test_strict_stops_at_the_first_bad_row_and_stores_nothing(self):
        good = good_rows()
        path = self.write("bad.tsv", [good[0], good[1], self.variants()[6][0], good[2]])
        proc = t.run("ingest", "--strict", "--store", self.store, path, check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn(f"{path}:3 (field EventCode)", proc.stderr)
        _, files = t.store_totals(self.store)
        self.assertEqual(files[0], 0)

    def test_rows_without_dyad_are_counted_not_stored(self):
        rows = good_rows()
        path = self.write("all.tsv", rows)
        report = json.loads(t.run("ingest", "--format", "json", "--store", self.store, path).stdout)
        with_dyad = [r for r in rows if r[7] and r[17] and r[7] != r[17]]
        stale = sum(1 for r in with_dyad if t.is_stale(r))
        self.assertGreater(stale, 0)  # the real rows include old events reported again
        self.assertEqual(report["accepted"], len(with_dyad) - stale)
        self.assertEqual(report["stale"], stale)
        self.assertEqual(report["without_dyad"], len(rows) - len(with_dyad))


class BrokenFiles(unittest.TestCase):
    def setUp(self):
        self.dir = t.tmpdir()
        self.store = os.path.join(self.dir, "s.db")
        t.run("ingest", "--quiet", "--store", self.store, GOOD)
        self.before = t.exported_cells(self.store)

    def assert_unchanged(self):
        self.assertEqual(t.exported_cells(self.store), self.before)
        _, files = t.store_totals(self.store)
        self.assertEqual(files[0], 1)

    def test_truncated_zip_fails_alone_and_names_the_file(self):
        # A real raw export file zipped the way GDELT ships them (one DEFLATE member), then cut.
        src = os.path.join(t.TEST_DATA, "events", "gdelt2_15min_head", "20250515204500.export.CSV")
        whole = os.path.join(self.dir, "20250515204500.export.CSV.zip")
        with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(src, os.path.basename(src))
        with open(whole, "rb") as f:
            data = f.read()
        cut = os.path.join(self.dir, "cut.export.CSV.zip")
        with open(cut, "wb") as f:
            f.write(data[: len(data) // 2])
        proc = t.run("ingest", "--store", self.store, cut, check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn(cut, proc.stderr)
        self.assertIn("zip", proc.stderr)
        self.assert_unchanged()

    def test_corrupt_zip_member_fails_on_crc(self):
        member = os.path.join(self.dir, "20250101000000.export.CSV")
        with open(GOOD, "rb") as f:
            data = f.read()
        path = os.path.join(self.dir, "crc.zip")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
            z.writestr(os.path.basename(member), data)
        with open(path, "rb") as f:
            raw = bytearray(f.read())
        pos = raw.find(data[:40])
        raw[pos + 1000] ^= 0x01  # flip one bit of the stored data
        with open(path, "wb") as f:
            f.write(bytes(raw))
        proc = t.run("ingest", "--store", self.store, path, check=False)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertIn(path, proc.stderr)
        self.assert_unchanged()

    def test_binary_empty_and_unknown_files(self):
        binary = os.path.join(self.dir, "x.bin")
        with open(binary, "wb") as f:
            f.write(bytes(range(256)) * 10)
        empty = os.path.join(self.dir, "empty.tsv")
        open(empty, "w").close()
        commas = os.path.join(self.dir, "commas.csv")
        with open(commas, "w") as f:
            f.write("a,b,c\n1,2,3\n")
        for path, words in ((binary, "binary"), (empty, "empty"), (commas, "comma-separated")):
            proc = t.run("ingest", "--store", self.store, path, check=False)
            self.assertEqual(proc.returncode, 1)
            self.assertIn(path, proc.stderr)
            self.assertIn(words, proc.stderr)
        missing = t.run("ingest", "--store", self.store, os.path.join(self.dir, "nope.tsv"), check=False)
        self.assertEqual(missing.returncode, 1)  # an input error, like a bad file
        self.assertIn("nope.tsv: no such file or directory", missing.stderr)
        self.assert_unchanged()

    def test_a_bad_file_does_not_stop_the_good_ones(self):
        binary = os.path.join(self.dir, "x.bin")
        with open(binary, "wb") as f:
            f.write(b"\0\1\2" * 100)
        other = os.path.join(t.SOURCE_DIR, "tests", "data", "events", "gdelt2_20161013151500_country_rows.tsv")
        proc = t.run("ingest", "--store", self.store, binary, other, check=False)
        self.assertEqual(proc.returncode, 1)
        _, files = t.store_totals(self.store)
        self.assertEqual(files[0], 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
