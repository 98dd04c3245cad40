"""triad fetch against a local GDELT file server (tests/pylib/gdelt_server.py) serving 41 real
GDELT 2.0 export zips (tests/data/gdelt_server) with faults injected: every fault ends in a retry
or a clear per-file error, nothing half-downloaded is left under a final name, and what is
ingested equals a clean `triad ingest` of the same files."""
import glob
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import unittest
import zipfile

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402
from gdelt_server import GdeltServer  # noqa: E402

SERVED = os.path.join(t.TEST_DATA, "gdelt_server")
NAMES = sorted(os.listdir(os.path.join(SERVED, "gdeltv2")))
NAMES = [n for n in NAMES if n.endswith(".zip")]


def md5(path):
    with open(path, "rb") as f:
        return hashlib.md5(f.read()).hexdigest()


class Fetch(unittest.TestCase):
    def setUp(self):
        self.server = GdeltServer(SERVED)
        self.dir = t.tmpdir()
        self.mirror = os.path.join(self.dir, "mirror")

    def tearDown(self):
        self.server.stop()

    def fetch(self, *extra, check=True, **kwargs):
        args = ["fetch", "--from", "2025-05-25", "--to", "2025-05-25", "--base-url", self.server.url,
                "--mirror", self.mirror, "--retry-wait", "0.1", "--timeout", "2", "--format", "json",
                *extra]
        proc = t.run(*args, check=check, **kwargs)
        return proc, (json.loads(proc.stdout) if proc.stdout.strip() else None)

    def mirror_files(self):
        folder = os.path.join(self.mirror, "gdeltv2")
        return sorted(os.listdir(folder)) if os.path.isdir(folder) else []

    def assert_mirror_verified(self, expected_names):
        """Exactly the expected zips under final names, each byte-identical to the served file;
        hidden .part files are all that may be left besides (and the list itself)."""
        listed = [n for n in self.mirror_files() if not n.startswith(".")]
        self.assertEqual(sorted(listed), sorted(expected_names + ["masterfilelist.txt"]))
        for n in expected_names:
            self.assertEqual(md5(os.path.join(self.mirror, "gdeltv2", n)),
                             md5(os.path.join(SERVED, "gdeltv2", n)), n)

    def clean_cells(self, names):
        store = os.path.join(t.tmpdir(), "clean.db")
        t.run("ingest", "--quiet", "--store", store, *[os.path.join(SERVED, "gdeltv2", n) for n in names])
        return t.exported_cells(store)

    def test_every_fault_retried_then_verified_and_ingested(self):
        f = self.server.faults
        f[NAMES[0]] = ["503:1", "truncate", "corrupt"]  # 4 attempts
        f[NAMES[1]] = ["reset", "500"]                  # 3 attempts
        f[NAMES[2]] = ["stall:6"]                       # stalls past --timeout 2: retried
        store = os.path.join(self.dir, "f.db")
        proc, out = self.fetch("--ingest", store, "--jobs", "3")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual((out["files_listed"], out["downloaded"], out["failed"]), (41, 41, 0))
        by_name = {os.path.basename(x["path"]): x for x in out["files"]}
        self.assertEqual(by_name[NAMES[0]]["attempts"], 4)
        self.assertEqual(by_name[NAMES[1]]["attempts"], 3)
        self.assertEqual(by_name[NAMES[2]]["attempts"], 2)
        self.assertEqual(by_name[NAMES[3]]["attempts"], 1)
        # Retry-After: 1 second at least between the 503 and the next request for that file.
        reqs = self.server.requests_for(NAMES[0])
        self.assertEqual([r[2] for r in reqs], [503, "truncate", "corrupt", 206 if reqs[3][3] else 200])
        self.assertGreaterEqual(reqs[1][0] - reqs[0][0], 0.95)
        # The truncated body was resumed with a Range request (its first half was kept).
        self.assertIsNotNone(reqs[2][3])
        self.assertTrue(reqs[2][3].startswith("bytes="))
        self.assert_mirror_verified(NAMES)
        self.assertEqual(out["ingest"]["files_added"], 41)
        self.assertEqual(t.exported_cells(store), self.clean_cells(NAMES))

    def test_permanent_and_exhausted_failures_are_per_file_and_leave_nothing(self):
        self.server.faults[NAMES[5]] = ["404"]
        self.server.faults[NAMES[6]] = ["500"] * 3
        self.server.faults[NAMES[7]] = ["corrupt"] * 3
        store = os.path.join(self.dir, "f.db")
        proc, out = self.fetch("--ingest", store, "--attempts", "3", check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertEqual((out["downloaded"], out["failed"]), (38, 3))
        self.assertIn(NAMES[5] + ": HTTP 404 (nothing of it kept)", proc.stderr)
        self.assertIn(NAMES[6] + ": HTTP 500 (gave up after 3 attempts)", proc.stderr)
        self.assertRegex(proc.stderr, NAMES[7] + r": MD5 [0-9a-f]{32} differs from the listed [0-9a-f]{32} "
                         r"\(gave up after 3 attempts\)")
        self.assertEqual(len(self.server.requests_for(NAMES[5])), 1)  # a 404 is not retried
        good = [n for n in NAMES if n not in NAMES[5:8]]
        self.assert_mirror_verified(good)
        self.assertEqual(t.exported_cells(store), self.clean_cells(good))
        # The server is well again: the next run gets the three, and re-reads nothing else.
        proc, out = self.fetch("--ingest", store)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual((out["downloaded"], out["present"], out["failed"]), (3, 38, 0))
        self.assertEqual(out["ingest"]["files_added"], 3)
        self.assert_mirror_verified(NAMES)
        self.assertEqual(t.exported_cells(store), self.clean_cells(NAMES))

    def test_interrupted_download_resumes_from_its_part_file(self):
        name = NAMES[10]
        src = os.path.join(SERVED, "gdeltv2", name)
        os.makedirs(os.path.join(self.mirror, "gdeltv2"))
        with open(src, "rb") as f:
            data = f.read()
        with open(os.path.join(self.mirror, "gdeltv2", "." + name + ".part"), "wb") as f:
            f.write(data[:5000])
        # A stale file under a final name with wrong bytes is not trusted either.
        with open(os.path.join(self.mirror, "gdeltv2", NAMES[11]), "wb") as f:
            f.write(b"x" * os.path.getsize(os.path.join(SERVED, "gdeltv2", NAMES[11])))
        proc, out = self.fetch()
        self.assertEqual(proc.returncode, 0, proc.stderr)
        reqs = self.server.requests_for(name)
        self.assertEqual([(r[2], r[3]) for r in reqs], [(206, "bytes=5000-")])
        self.assert_mirror_verified(NAMES)
        self.assertFalse(os.path.exists(os.path.join(self.mirror, "gdeltv2", "." + name + ".part")))
        # Everything verified now: a second run downloads nothing.
        before = len(self.server.requests)
        proc, out = self.fetch()
        self.assertEqual((out["downloaded"], out["present"]), (0, 41))
        self.assertEqual(len(self.server.requests), before + 1)  # the list only

    def test_two_fetches_into_one_mirror_and_store_at_once(self):
        store = os.path.join(self.dir, "f.db")
        args = [t.TRIAD, "fetch", "--from", "2025-05-25", "--to", "2025-05-25", "--base-url",
                self.server.url, "--mirror", self.mirror, "--ingest", store, "--quiet"]
        procs = [subprocess.Popen(args, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        for p in procs:
            _, err = p.communicate(timeout=120)
            self.assertEqual(p.returncode, 0, err)
        self.assert_mirror_verified(NAMES)
        self.assertEqual(t.exported_cells(store), self.clean_cells(NAMES))

    def test_kill_9_then_rerun_equals_a_clean_ingest(self):
        store = os.path.join(self.dir, "f.db")
        for i in range(0, 41, 3):
            self.server.faults[NAMES[i]] = ["stall:0.3"]  # slow some files down
        args = [t.TRIAD, "fetch", "--from", "2025-05-25", "--to", "2025-05-25", "--base-url",
                self.server.url, "--mirror", self.mirror, "--ingest", store, "--quiet", "--timeout", "5",
                "--jobs", "2"]
        for delay in (0.4, 0.9):
            p = subprocess.Popen(args, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            p.send_signal(signal.SIGKILL)
            p.wait()
            for n in [n for n in self.mirror_files() if not n.startswith(".") and n.endswith(".zip")]:
                self.assertEqual(md5(os.path.join(self.mirror, "gdeltv2", n)),
                                 md5(os.path.join(SERVED, "gdeltv2", n)), "unverified " + n)
        self.server.faults.clear()
        proc, out = self.fetch("--ingest", store)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertGreater(out["present"], 0)
        self.assert_mirror_verified(NAMES)
        self.assertEqual(t.exported_cells(store), self.clean_cells(NAMES))

    def test_date_range_dry_run_and_bad_list(self):
        self.server.until = 20250525054500
        proc = t.run("fetch", "--from", "2025-05-25", "--to", "2025-05-25", "--base-url", self.server.url,
                     "--mirror", self.mirror, "--dry-run")
        urls = proc.stdout.split()
        self.assertEqual(urls, [self.server.url + "/gdeltv2/" + n for n in NAMES if int(n[:14]) <= 20250525054500])
        self.assertIn("%d files" % len(urls), proc.stderr)
        self.assertEqual(self.mirror_files(), ["masterfilelist.txt"])  # the list only
        proc = t.run("fetch", "--from", "2025-05-26", "--to", "2025-05-30", "--base-url", self.server.url,
                     "--mirror", self.mirror, "--format", "json")
        self.assertEqual(json.loads(proc.stdout)["files_listed"], 0)
        # A list line with a broken MD5: the error names the list, its line and the field.
        os.makedirs(os.path.join(self.dir, "bad", "gdeltv2"))
        bad = GdeltServer(os.path.join(self.dir, "bad"))
        try:
            bad.masterfilelist = lambda: ("10 0123456789abcdef0123456789abcdef %s/gdeltv2/20250525000000.export.CSV.zip\n"
                                          "10 nothex %s/gdeltv2/20250525001500.export.CSV.zip\n"
                                          % ("http://x", "http://x"))
            proc = t.run("fetch", "--from", "2025-05-25", "--to", "2025-05-25", "--base-url", bad.url,
                         "--mirror", self.mirror, check=False)
            self.assertEqual(proc.returncode, 1)
            self.assertIn("masterfilelist.txt:2 (field md5): 'nothex' is not an MD5", proc.stderr)
        finally:
            bad.stop()
        proc = t.run("fetch", "--from", "2025-05-25", "--to", "2025-05-25", "--base-url", "http://127.0.0.1:9",
                     "--mirror", self.mirror, "--attempts", "1", check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("cannot download the file list", proc.stderr)

    def test_follow_takes_the_next_slot_from_lastupdate_and_catches_up_from_the_master_list(self):
        """Real 15-minute files, one new slot at a time: the slot right after the last one comes
        from lastupdate.txt alone; after a gap (the mirroring bot skipped slots) follow reads
        masterfilelist.txt. Either way the store ends equal to a clean ingest."""
        store = os.path.join(self.dir, "follow.db")
        def seconds(name):
            return int(name[8:10]) * 3600 + int(name[10:12]) * 60
        expected_list_reads = 1  # the first run catches up from --since
        for i, name in enumerate(NAMES):
            self.server.until = int(name[:14])
            t.run("follow", "--once", "--quiet", "--freq", "day", "--store", store, "--since", "2025-05-25",
                  "--base-url", self.server.url, "--mirror", self.mirror, "--alerts",
                  os.path.join(self.dir, "alerts.jsonl"))
            if i > 0 and seconds(name) - seconds(NAMES[i - 1]) != 900:
                expected_list_reads += 1
        list_reads = [r for r in self.server.requests if r[1] == "/gdeltv2/masterfilelist.txt"]
        self.assertEqual(len(list_reads), expected_list_reads)
        self.assertGreaterEqual(len(NAMES) - expected_list_reads, 5)  # slots from lastupdate alone
        self.assertEqual(t.exported_cells(store), self.clean_cells(NAMES))

    def test_gdelt1_daily_files_from_md5sums_and_filesizes(self):
        root = os.path.join(self.dir, "g1")
        os.makedirs(os.path.join(root, "events"))
        src = os.path.join(t.TEST_DATA, "events", "gdelt1_spark_events1.tsv")
        for name in ("20200702.export.CSV.zip", "20150608.export.CSV.zip"):
            with zipfile.ZipFile(os.path.join(root, "events", name), "w", zipfile.ZIP_DEFLATED) as z:
                z.write(src, name[:-4])
        server = GdeltServer(root)
        try:
            store = os.path.join(self.dir, "g1.db")
            proc = t.run("fetch", "--gdelt", "1", "--from", "2020-07-01", "--to", "2020-07-31", "--base-url",
                         server.url, "--mirror", self.mirror, "--ingest", store, "--format", "json")
            out = json.loads(proc.stdout)
            self.assertEqual((out["files_listed"], out["downloaded"]), (1, 1))
            self.assertTrue(os.path.exists(os.path.join(self.mirror, "events", "20200702.export.CSV.zip")))
            self.assertTrue(os.path.exists(os.path.join(self.mirror, "events", "md5sums")))
            clean = os.path.join(self.dir, "g1clean.db")
            t.run("ingest", "--quiet", "--store", clean, os.path.join(root, "events", "20200702.export.CSV.zip"))
            self.assertEqual(t.exported_cells(store), t.exported_cells(clean))
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main(verbosity=2)
