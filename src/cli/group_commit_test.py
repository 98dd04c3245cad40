"""Group commit: an ingest of many small files (GDELT's 15-minute zips) adds them several per
write transaction. Each file stays all-or-nothing: a bad file in a batch is named (file, line,
field) and nothing of it is stored while the others land; a process killed during a batch loses
that batch only, and a rerun ingests exactly the files that are missing; events shared by files
of one batch count once; a store that cannot be written (a full disk) fails the batch, naming its
files, and leaves the store as it was."""
import json
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import time
import unittest
import zipfile

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

EVENTS = os.path.join(t.TEST_DATA, "events")


def write_rows(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(rows)
    return path


def write_zip(path, name, rows):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(name, "".join(rows))
    return path


def parts(directory, count, rows_each, start=0, zipped=True):
    """`count` GDELT 2.0 files of `rows_each` consecutive sample rows from row `start` on,
    as 15-minute-style zips (or plain files)."""
    rows = t.sample_lines()
    paths = []
    for i in range(count):
        chunk = rows[start + i * rows_each:start + (i + 1) * rows_each]
        name = f"2025{i:04d}0000.export.CSV"
        if zipped:
            paths.append(write_zip(os.path.join(directory, name + ".zip"), name, chunk))
        else:
            paths.append(write_rows(os.path.join(directory, name), chunk))
    return paths


def ingest_json(store, *paths):
    proc = t.run("ingest", "--format", "json", "--store", store, *paths, check=False)
    return proc, json.loads(proc.stdout)


def stored_paths(store):
    db = sqlite3.connect(store)
    try:
        return sorted(os.path.basename(p) for (p,) in db.execute("SELECT path FROM files"))
    finally:
        db.close()


class GroupCommit(unittest.TestCase):
    def test_files_are_committed_together(self):
        d = t.tmpdir()
        files = parts(d, 12, 300)
        store = os.path.join(d, "s.db")
        proc, out = ingest_json(store, *files)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(out["files_added"], 12)
        # Fewer write transactions than files (12 small files take well under the batch's 0.5 s).
        self.assertLess(out["commits"], 12)
        self.assertGreaterEqual(out["commits"], 1)
        clean = os.path.join(d, "one.db")
        # The same rows as one file: the same cells.
        t.run("ingest", "--quiet", "--store", clean,
              write_rows(os.path.join(d, "all.export.CSV"), t.sample_lines()[:3600]))
        self.assertEqual(t.exported_cells(store), t.exported_cells(clean))

    def test_bad_files_in_a_batch_leave_the_others(self):
        d = t.tmpdir()
        good = parts(d, 6, 400)
        # A zip whose deflate data is damaged: CRC or inflate error.
        corrupt = write_zip(os.path.join(d, "20250099000000.export.CSV.zip"), "x.export.CSV",
                            t.sample_lines()[5000:5400])
        with open(corrupt, "r+b") as f:
            f.seek(200)
            byte = f.read(1)
            f.seek(200)
            f.write(bytes([byte[0] ^ 0xFF]))
        # 1,200 rows of which 1,000 have a bad SQLDATE (the first at line 3): not GDELT 2.0.
        rows = t.sample_lines()[6000:7200]
        bad_rows = []
        for i, line in enumerate(rows):
            fields = line.split("\t")
            if 2 <= i < 1002:
                fields[1] = "2025x515"
            bad_rows.append("\t".join(fields))
        mostly_bad = write_rows(os.path.join(d, "20250098000000.export.CSV"), bad_rows)
        # GDELT 1.0 events added on a day the GDELT 2.0 files of the same batch cover: refused
        # inside the batch's transaction (the store already holds the other family's events).
        gdelt1 = os.path.join(d, "20250515.export.CSV")
        with open(os.path.join(EVENTS, "gdelt1_reed9999_mixed_57_58.tsv")) as f, \
                open(gdelt1, "w") as out:
            for line in f:
                r = line.rstrip("\n").split("\t")
                if len(r) == 58 and r[7] and r[17] and r[7] != r[17]:
                    r[1], r[56] = "20250515", "20250515"
                    out.write("\t".join(r) + "\n")
        files = good[:2] + [corrupt] + good[2:4] + [mostly_bad] + [gdelt1] + good[4:]
        store = os.path.join(d, "s.db")
        proc, out = ingest_json(store, *files)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertEqual(out["files_added"], 6)
        self.assertEqual(out["files_failed"], 3)
        self.assertLess(out["commits"], 6)
        status = {os.path.basename(f["path"]): f for f in out["files"]}
        self.assertEqual(status["20250099000000.export.CSV.zip"]["status"], "failed")
        self.assertIn("download it again", status["20250099000000.export.CSV.zip"]["error"])
        self.assertIn("20250098000000.export.CSV:3 (field SQLDATE)", proc.stderr)
        self.assertIn("1000 of its 1200 rows are rejected, so nothing of it is stored",
                      proc.stderr)
        self.assertIn("20250515.export.CSV", proc.stderr)
        self.assertIn("already holds GDELT 2.0 events added on those days", proc.stderr)
        # The good files are stored, and nothing of the bad ones (no manifest row, rejects, keys).
        self.assertEqual(stored_paths(store), sorted(os.path.basename(p) for p in good))
        clean = os.path.join(d, "clean.db")
        t.run("ingest", "--quiet", "--store", clean, *good)
        self.assertEqual(t.exported_cells(store), t.exported_cells(clean))
        self.assertEqual(t.store_totals(store), t.store_totals(clean))
        db = sqlite3.connect(store)
        self.assertEqual(db.execute("SELECT count(*) FROM rejects").fetchone()[0], 0)
        self.assertEqual(db.execute("SELECT sum(count) FROM event_keys").fetchone()[0],
                         db.execute("SELECT sum(rows_accepted) FROM files").fetchone()[0])
        db.close()

    def test_events_shared_by_files_of_one_batch_count_once(self):
        d = t.tmpdir()
        rows = t.sample_lines()
        a = write_rows(os.path.join(d, "a.export.CSV"), rows[0:2000])
        b = write_rows(os.path.join(d, "b.export.CSV"), rows[1000:3000])  # 1,000 rows of a again
        c = write_rows(os.path.join(d, "c.export.CSV"), rows[3000:4000])
        store = os.path.join(d, "s.db")
        proc, out = ingest_json(store, a, b, c)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(out["files_added"], 3)
        by_name = {os.path.basename(f["path"]): f for f in out["files"]}
        # As when b is ingested after a, in a run of its own: a's events in it are duplicates.
        apart = os.path.join(d, "apart.db")
        t.run("ingest", "--quiet", "--store", apart, a)
        _, alone = ingest_json(apart, b)
        self.assertGreater(alone["duplicate"], 900)
        self.assertEqual(by_name["b.export.CSV"]["duplicate"], alone["duplicate"])
        self.assertEqual(by_name["b.export.CSV"]["accepted"], alone["accepted"])
        clean = os.path.join(d, "clean.db")
        t.run("ingest", "--quiet", "--store", clean,
              write_rows(os.path.join(d, "all.export.CSV"), rows[0:4000]))
        self.assertEqual(t.exported_cells(store), t.exported_cells(clean))

    def test_kill_during_a_batch_then_rerun(self):
        d = t.tmpdir()
        # 600 files of 350 rows: more than a batch holds (at most 256 files), so the run commits
        # several batches whatever the machine's speed. The sample twice, the second time with
        # other event ids.
        rows = t.sample_lines()
        again = []
        for line in rows:
            fields = line.split("\t", 1)
            again.append(str(int(fields[0]) + 10**10) + "\t" + fields[1])
        rows = rows + again
        files = []
        for i in range(600):
            files.append(write_rows(os.path.join(d, f"part{i:03d}.export.CSV"),
                                    rows[i * 350:(i + 1) * 350]))
        clean = os.path.join(d, "clean.db")
        t.run("ingest", "--quiet", "--store", clean, *files)
        store = os.path.join(d, "killed.db")
        proc = subprocess.Popen([t.TRIAD, "ingest", "--quiet", "--store", store, *files],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Kill once the first batch is in: the next one is in its transaction by then.
        deadline = time.monotonic() + 60
        committed = 0
        while proc.poll() is None and committed == 0 and time.monotonic() < deadline:
            time.sleep(0.002)
            try:
                db = sqlite3.connect(store, timeout=0.1)
                committed = db.execute("SELECT count(*) FROM files").fetchone()[0]
                db.close()
            except sqlite3.OperationalError:
                pass
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        db = sqlite3.connect(store)
        self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        in_store = db.execute("SELECT count(*) FROM files").fetchone()[0]
        # Each file is whole: cells, manifest and keys agree.
        events, accepted, keys = db.execute(
            "SELECT (SELECT coalesce(sum(events), 0) FROM cells), "
            "(SELECT coalesce(sum(rows_accepted), 0) FROM files), "
            "(SELECT coalesce(sum(count), 0) FROM event_keys)").fetchone()
        db.close()
        self.assertEqual(events, accepted)
        self.assertEqual(keys, accepted)
        self.assertGreater(in_store, 0)
        self.assertLess(in_store, len(files), "killed after the whole run: no batch was lost")
        # The rerun reads exactly the files that are not in the store.
        proc, out = ingest_json(store, *files)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(out["files_added"], len(files) - in_store)
        self.assertEqual(out["files_skipped"], in_store)
        self.assertEqual(t.exported_cells(store), t.exported_cells(clean))
        self.assertEqual(t.store_totals(store), t.store_totals(clean))

    def test_full_disk_during_a_batch_names_its_files_and_keeps_the_store(self):
        d = t.tmpdir()
        files = parts(d, 12, 300)
        store = os.path.join(d, "s.db")
        t.run("ingest", "--quiet", "--store", store, files[0])
        before = t.exported_cells(store)

        def small_files():  # writes past 40 kB fail with EFBIG, as on a full disk
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, resource.RLIM_INFINITY))

        proc = subprocess.run([t.TRIAD, "ingest", "--store", store, *files[1:]],
                              capture_output=True, text=True, timeout=120,
                              preexec_fn=small_files)
        self.assertEqual(proc.returncode, 4, proc.stderr)
        # The failed batch is named (all 11 files when they fit in one batch, as they do on an
        # idle machine; a slow one may have committed a first batch within the limit).
        m = re.search(r"the (\d+ files|file) being written \((\S+?)(?: \.\. (\S+))?\) "
                      r"(?:were|was) not stored", proc.stderr)
        self.assertIsNotNone(m, proc.stderr)
        self.assertIn("run the same command again", proc.stderr)
        named = [os.path.basename(m.group(2)), os.path.basename(m.group(3) or m.group(2))]
        names = [os.path.basename(f) for f in files]
        first, last = names.index(named[0]), names.index(named[1])
        count = 1 if m.group(1) == "file" else int(m.group(1).split()[0])
        self.assertEqual(last - first + 1, count)
        db = sqlite3.connect(store)
        try:
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        finally:
            db.close()
        # Stored: the files before the failed batch, and nothing of it or after it.
        self.assertEqual(stored_paths(store), names[:first])
        if first == 1:
            self.assertEqual(t.exported_cells(store), before)
        else:
            committed = os.path.join(d, "committed.db")
            t.run("ingest", "--quiet", "--store", committed, *files[:first])
            self.assertEqual(t.exported_cells(store), t.exported_cells(committed))
        # With room again, the same command stores exactly the missing files.
        proc, out = ingest_json(store, *files[1:])
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(out["files_added"], 11)
        clean = os.path.join(d, "clean.db")
        t.run("ingest", "--quiet", "--store", clean, *files)
        self.assertEqual(t.exported_cells(store), t.exported_cells(clean))


if __name__ == "__main__":
    unittest.main(verbosity=2)
