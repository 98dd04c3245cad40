"""ICEWS headers as real files have them: longer than a block (it used to be split into a bogus
rejected row), after a UTF-8 byte order mark (it gave a misleading format error), and with the
columns in another order (it needed --input-format icews although the header names them). Each
gives the same cells as the file itself."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

SAMPLE = os.path.join(t.TEST_DATA, "events", "icews_2018_sample.tab")


class IcewsHeader(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = t.tmpdir()
        with open(SAMPLE, encoding="utf-8", newline="") as f:
            cls.rows = [line.rstrip("\n").split("\t") for line in f]
        cls.reference = cls().cells(SAMPLE)

    def cells(self, path):
        store = os.path.join(self.dir, f"{len(os.listdir(self.dir))}.db")
        proc = t.run("ingest", "--store", store, path)
        self.assertIn(" 0 rejected", proc.stdout)
        return t.run("export", "cells", "--store", store).stdout

    def write(self, name, rows, prefix=b""):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(prefix + "".join("\t".join(r) + "\n" for r in rows).encode("utf-8"))
        return path

    def test_a_header_longer_than_a_block(self):
        # An extra column whose name is 100 KiB long, with an empty value in every row.
        rows = [r + [""] for r in self.rows]
        rows[0][-1] = "Note " + "x" * (100 << 10)
        self.assertEqual(self.cells(self.write("long.tab", rows)), self.reference)

    def test_a_byte_order_mark(self):
        path = self.write("bom.tab", self.rows, prefix=b"\xef\xbb\xbf")
        self.assertEqual(self.cells(path), self.reference)

    def test_shuffled_columns_are_found_by_name(self):
        order = list(reversed(range(len(self.rows[0]))))
        rows = [[r[i] for i in order] for r in self.rows]
        self.assertNotEqual(rows[0][0], "Event ID")
        self.assertEqual(self.cells(self.write("shuffled.tab", rows)), self.reference)


if __name__ == "__main__":
    unittest.main()
