"""The dyad index: cells are read pair by pair through cells_by_pair, an index on the key's
(source, target) bits. A store made before it, with the (source, target, day) text index
cells_by_dyad, answers with the same numbers until its next ingest replaces that index."""
import json
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

# Commands that read cells through the index: the triangle's countries (index, explain) and a
# group's member pairs (GLOBAL_SOUTH as a side, and explain's drivers).
READS = [
    ["index", "--dyads", "CHN-USA,CHN-JPN,USA-JPN", "--freq", "week", "--format", "json"],
    ["index", "--dyads", "CHN-GLOBAL_SOUTH,USA-ASEAN", "--freq", "week", "--format", "json"],
    ["explain", "--actors", "CHN,USA,JPN", "--freq", "day", "--format", "json"],
]


def indexes(store):
    db = sqlite3.connect(store)
    try:
        return sorted(n for (n,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cells'"))
    finally:
        db.close()


def without_store(value):
    """JSON output with the store's path taken out (the stores compared have different paths)."""
    if isinstance(value, dict):
        return {k: without_store(v) for k, v in value.items() if k != "store"}
    if isinstance(value, list):
        return [without_store(v) for v in value]
    return value


def answers(store):
    return [without_store(json.loads(t.run(*args, "--store", store).stdout)) for args in READS]


def write_rows(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(rows)
    return path


class DyadIndex(unittest.TestCase):
    def test_an_older_index_reads_the_same_until_the_next_ingest_replaces_it(self):
        d = t.tmpdir()
        rows = t.sample_lines()
        first = write_rows(os.path.join(d, "a.export.CSV"), rows[:len(rows) // 2])
        second = write_rows(os.path.join(d, "b.export.CSV"), rows[len(rows) // 2:])
        new = os.path.join(d, "new.db")
        t.run("ingest", "--quiet", "--store", new, first)
        self.assertEqual(indexes(new), ["cells_by_pair"])
        # A store as triad made it before cells_by_pair: the text index in its place.
        old = os.path.join(d, "old.db")
        src, dst = sqlite3.connect(new), sqlite3.connect(old)
        src.backup(dst)
        src.close()
        dst.executescript("DROP INDEX cells_by_pair; "
                          "CREATE INDEX cells_by_dyad ON cells(source, target, day);")
        dst.close()
        self.assertEqual(indexes(old), ["cells_by_dyad"])
        expected = answers(new)
        self.assertTrue(expected[0]["dyads"], "the index read nothing")
        self.assertEqual(answers(old), expected)
        self.assertEqual(indexes(old), ["cells_by_dyad"])  # reading never writes
        # The next ingest that adds a file replaces the older index; both stores stay equal.
        t.run("ingest", "--quiet", "--store", old, second)
        t.run("ingest", "--quiet", "--store", new, second)
        self.assertEqual(indexes(old), ["cells_by_pair"])
        self.assertEqual(t.exported_cells(old), t.exported_cells(new))
        self.assertEqual(answers(old), answers(new))


if __name__ == "__main__":
    unittest.main(verbosity=2)
