"""A process killed at any moment never leaves a half-ingested file: the store stays consistent
(integrity check, cells agree with the manifest) and a re-run completes with exact totals."""
import os
import signal
import sqlite3
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402


def write_files(directory, count=30):
    """The bundled sample's 106,096 rows (data/sample), unchanged and in order, cut into `count`
    files of about 3,500 rows: enough work per file that kills land between commits."""
    rows = t.sample_lines()
    size = -(-len(rows) // count)
    paths = []
    for i in range(count):
        path = os.path.join(directory, f"part{i:02d}.export.tsv")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.writelines(rows[i * size:(i + 1) * size])
        paths.append(path)
    return paths


def files_in(store):
    """Files committed so far (0 while the store or its schema does not exist yet)."""
    if not os.path.exists(store):
        return 0
    db = sqlite3.connect(store, timeout=1)
    try:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'files'").fetchone():
            return 0
        return db.execute("SELECT count(*) FROM files").fetchone()[0]
    except sqlite3.OperationalError:  # busy
        return 0
    finally:
        db.close()


def consistent(store):
    db = sqlite3.connect(store)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'cells'").fetchone():
            return True, "killed before the schema was committed"
        cell_events = db.execute("SELECT coalesce(sum(events),0) FROM cells").fetchone()[0]
        accepted = db.execute("SELECT coalesce(sum(rows_accepted),0) FROM files").fetchone()[0]
        keys = db.execute("SELECT coalesce(sum(count),0) FROM event_keys").fetchone()[0]
        orphans = db.execute("SELECT count(*) FROM rejects WHERE file_id NOT IN (SELECT id FROM files)").fetchone()[0]
        return cell_events == accepted == keys and orphans == 0, (cell_events, accepted, keys, orphans)
    finally:
        db.close()


class KillMidIngest(unittest.TestCase):
    def test_kill_at_many_moments_then_rerun(self):
        d = t.tmpdir()
        files = write_files(d)
        self.assertEqual(len(files), 30)
        clean = os.path.join(d, "clean.db")
        t.run("ingest", "--quiet", "--store", clean, *files)
        reference = t.exported_cells(clean)
        store = os.path.join(d, "killed.db")
        killed_with_files = set()
        # Kill at once, then each time after a few more files are in (progress, not the clock,
        # decides when, so a loaded machine kills at the same points), then after fixed delays.
        for after_files in (0, 2, 5, 9, 14, 20):
            proc = subprocess.Popen([t.TRIAD, "ingest", "--quiet", "--store", store, *files],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 60
            while proc.poll() is None and files_in(store) < after_files and time.monotonic() < deadline:
                time.sleep(0.002)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            if os.path.exists(store):
                ok, detail = consistent(store)
                self.assertTrue(ok, f"inconsistent after a kill with {after_files} files in: {detail}")
                db = sqlite3.connect(store)
                killed_with_files.add(db.execute("SELECT count(*) FROM files").fetchone()[0])
                db.close()
        # The kills landed at different points (some files in, not all).
        self.assertTrue(any(0 < n < len(files) for n in killed_with_files), killed_with_files)
        t.run("ingest", "--quiet", "--store", store, *files)
        ok, detail = consistent(store)
        self.assertTrue(ok, detail)
        self.assertEqual(t.exported_cells(store), reference)


if __name__ == "__main__":
    unittest.main(verbosity=2)
