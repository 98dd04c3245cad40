"""A store is recognised by its SQLite application id: someone else's database given as --store
is refused (exit 4) and left untouched, and a damaged schema version is a clear store error."""
import hashlib
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

TRIAD_APPLICATION_ID = 0x54726961  # "Tria", documented in src/store/event_store.hpp


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class StoreIdentity(unittest.TestCase):
    def setUp(self):
        self.dir = t.tmpdir()

    def test_a_new_store_carries_the_application_id(self):
        store = os.path.join(self.dir, "s.db")
        t.run("ingest", "--quiet", "--store", store, t.triangle_file())
        db = sqlite3.connect(store)
        self.assertEqual(db.execute("PRAGMA application_id").fetchone()[0], TRIAD_APPLICATION_ID)

    def test_someone_elses_database_is_refused_untouched(self):
        other = os.path.join(self.dir, "contacts.db")
        db = sqlite3.connect(other)
        db.execute("CREATE TABLE people(name TEXT)")
        db.execute("INSERT INTO people VALUES('Ada')")
        db.commit()
        db.close()
        before = digest(other)
        for args in (["ingest", "--store", other, t.triangle_file()], ["info", "--store", other]):
            proc = t.run(*args, check=False)
            self.assertEqual(proc.returncode, 4, proc.stderr)
            self.assertIn("not a triad store", proc.stderr)
            self.assertIn("tables: people", proc.stderr)
            self.assertEqual(digest(other), before)  # no tables added, not switched to WAL
            self.assertFalse(os.path.exists(other + "-wal"))
        db = sqlite3.connect(other)
        self.assertEqual(db.execute("PRAGMA journal_mode").fetchone()[0], "delete")
        self.assertEqual([r[0] for r in db.execute("SELECT name FROM sqlite_master")], ["people"])

    def test_another_application_id_is_refused(self):
        other = os.path.join(self.dir, "other.db")
        db = sqlite3.connect(other)
        db.execute("PRAGMA application_id = 1234")
        db.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("CREATE TABLE cells(key INTEGER PRIMARY KEY)")
        db.commit()
        db.close()
        proc = t.run("ingest", "--store", other, t.triangle_file(), check=False)
        self.assertEqual(proc.returncode, 4, proc.stderr)
        self.assertIn("application id 0x4d2", proc.stderr)

    def test_a_schema_version_that_is_not_a_number_is_a_store_error(self):
        store = os.path.join(self.dir, "s.db")
        t.run("ingest", "--quiet", "--store", store, t.triangle_file())
        db = sqlite3.connect(store)
        db.execute("UPDATE meta SET value = 'abc' WHERE key = 'schema_version'")
        db.commit()
        db.close()
        for args in (["info", "--store", store], ["ingest", "--store", store, t.triangle_file()]):
            proc = t.run(*args, check=False)
            self.assertEqual(proc.returncode, 4, proc.stderr)
            self.assertIn("schema version 'abc' is not a number", proc.stderr)
            self.assertNotIn("internal error", proc.stderr)

    def test_a_store_made_before_the_application_id_still_opens(self):
        store = os.path.join(self.dir, "old.db")
        t.run("ingest", "--quiet", "--store", store, t.triangle_file())
        db = sqlite3.connect(store)
        db.execute("PRAGMA application_id = 0")
        db.commit()
        db.close()
        self.assertEqual(t.run("info", "--store", store).returncode, 0)
        t.run("ingest", "--quiet", "--store", store, t.triangle_file())  # marks it
        db = sqlite3.connect(store)
        self.assertEqual(db.execute("PRAGMA application_id").fetchone()[0], TRIAD_APPLICATION_ID)


if __name__ == "__main__":
    unittest.main()
