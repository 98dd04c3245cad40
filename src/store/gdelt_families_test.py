"""GDELT 1.0 and 2.0 number their events independently and code the same news: a store that
holds both for the same days would count those events twice. The second family is refused for
days the first covers (store unchanged, both files named); --both-gdelt-families lets it in."""
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

EVENTS = os.path.join(t.TEST_DATA, "events")


def gdelt1_rows(added, id_offset):
    """The dyadic 58-column rows of the real GDELT 1.0 daily file, re-dated to `added`, their
    event ids shifted by `id_offset` (so that two such files hold different events)."""
    out = []
    with open(os.path.join(EVENTS, "gdelt1_reed9999_mixed_57_58.tsv")) as f:
        for line in f:
            r = line.rstrip("\n").split("\t")
            if len(r) == 58 and r[7] and r[17] and r[7] != r[17]:
                r[1], r[56] = added, added
                r[0] = str(int(r[0]) + id_offset)
                out.append("\t".join(r) + "\n")
    return out


class GdeltFamilies(unittest.TestCase):
    def setUp(self):
        self.dir = t.tmpdir()
        self.store = os.path.join(self.dir, "s.db")
        # GDELT 2.0 15-minute file whose events were added on 2025-05-15.
        self.gdelt2 = os.path.join(EVENTS, "gdelt2_15min_head", "20250515204500.export.CSV")
        t.run("ingest", "--quiet", "--store", self.store, self.gdelt2)

    def write_gdelt1(self, added, id_offset=0):
        path = os.path.join(self.dir, f"{added}.export.CSV")
        with open(path, "w") as f:
            f.writelines(gdelt1_rows(added, id_offset))
        return path

    def test_the_other_family_for_the_same_days_is_refused(self):
        before = t.exported_cells(self.store), t.store_totals(self.store)
        path = self.write_gdelt1("20250515")
        proc = t.run("ingest", "--store", self.store, path, check=False)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertIn("GDELT 1.0 events added 2025-05-15..2025-05-15", proc.stderr)
        self.assertIn("already holds GDELT 2.0 events added on those days", proc.stderr)
        self.assertIn("20250515204500.export.CSV", proc.stderr)
        self.assertIn("--both-gdelt-families", proc.stderr)
        self.assertEqual((t.exported_cells(self.store), t.store_totals(self.store)), before)

    def test_other_days_and_the_explicit_option_are_accepted(self):
        other_day = self.write_gdelt1("20250601")
        proc = t.run("ingest", "--store", self.store, other_day)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        same_day = self.write_gdelt1("20250515", id_offset=10**9)
        refused = t.run("ingest", "--store", self.store, same_day, check=False)
        self.assertEqual(refused.returncode, 1)
        proc = t.run("ingest", "--store", self.store, "--both-gdelt-families", same_day)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        db = sqlite3.connect(self.store)
        formats = db.execute("SELECT format, COUNT(*) FROM files GROUP BY format").fetchall()
        self.assertEqual(sorted(formats), [("gdelt1", 2), ("gdelt2", 1)])


if __name__ == "__main__":
    unittest.main()
