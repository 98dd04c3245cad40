"""Read commands read one consistent snapshot and never write: `info` during a running ingest
agrees with itself (events = accepted rows of the files it lists; it used to print 5,676 events
beside 5,973 accepted), and every read command works on a store in a read-only directory (a
read-only bind mount where this machine allows one)."""
import json
import os
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402


def write_parts(directory, parts):
    lines = t.sample_lines()
    step = len(lines) // parts
    paths = []
    for i in range(parts):
        path = os.path.join(directory, f"part{i:02d}.tsv")
        with open(path, "w") as f:
            f.writelines(lines[i * step:(i + 1) * step])
        paths.append(path)
    return paths


class ReadSnapshot(unittest.TestCase):
    def setUp(self):
        self.dir = t.tmpdir()
        self.store = os.path.join(self.dir, "s.db")

    def test_info_during_an_ingest_is_one_snapshot(self):
        parts = write_parts(self.dir, 24)
        t.run("ingest", "--quiet", "--store", self.store, parts[0])
        writer = subprocess.Popen([t.TRIAD, "ingest", "--quiet", "--threads", "1", "--store",
                                   self.store, *parts[1:]])
        seen = set()
        try:
            while writer.poll() is None or len(seen) < 2:
                proc = t.run("info", "--store", self.store, "--format", "json")
                info = json.loads(proc.stdout)
                self.assertEqual(info["events"], info["accepted"], info)
                seen.add(info["files"])
                if writer.poll() is not None:
                    break
        finally:
            writer.wait()
        self.assertEqual(writer.returncode, 0)
        self.assertGreater(len(seen), 1, "info never ran while the ingest was committing")

    def test_read_commands_work_in_a_read_only_directory(self):
        ro_dir = os.path.join(self.dir, "ro")
        os.mkdir(ro_dir)
        store = os.path.join(ro_dir, "s.db")
        t.run("ingest", "--quiet", "--store", store, t.triangle_file())
        self.assertFalse(os.path.exists(store + "-wal"))  # the ingest's close checkpointed
        mount = os.path.join(self.dir, "mnt")
        os.mkdir(mount)
        bound = subprocess.run(["mount", "--bind", "-o", "ro", ro_dir, mount],
                               capture_output=True).returncode == 0
        if not bound:
            self.skipTest("no read-only bind mount on this machine (needs root)")
        try:
            ro_store = os.path.join(mount, "s.db")
            with self.assertRaises(OSError):  # truly read-only, root included
                open(os.path.join(mount, "probe"), "w")
            before = sorted(os.listdir(mount))
            for args in (["info"], ["index", "--dyads", "CHN-USA,CHN-JPN,USA-JPN"],
                         ["status", "--actors", "CHN,USA,JPN"],
                         ["export", "cells"], ["series", "--dyad", "CHN-USA"]):
                proc = t.run(*args, "--store", ro_store, check=False)
                self.assertEqual(proc.returncode, 0, f"{args}: {proc.stderr}")
            self.assertEqual(sorted(os.listdir(mount)), before)
            # A writer is refused by the mount, with the store named.
            proc = t.run("ingest", "--store", ro_store, t.triangle_file(), "--force",
                         check=False)
            self.assertNotEqual(proc.returncode, 0)
            self.assertIn(ro_store, proc.stderr)
        finally:
            subprocess.run(["umount", mount])


if __name__ == "__main__":
    unittest.main()
