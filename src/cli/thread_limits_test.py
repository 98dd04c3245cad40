"""When the system refuses threads, commands go on with the threads they got: `ingest
--threads 16` used to abort ("terminate called without an active exception") and `simulate
--threads 64` to hang forever. Here each thread's stack is made 256 MiB and the address space
2 GiB, so only a few threads can start; the results equal a one-thread run."""
import os
import resource
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

ESSAY = os.path.join(t.SOURCE_DIR, "scenarios", "essay_weekly.toml")


def few_threads():
    resource.setrlimit(resource.RLIMIT_STACK, (256 << 20, 256 << 20))
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def run_limited(*args):
    return subprocess.run([t.TRIAD, *args], capture_output=True, text=True, timeout=120,
                          preexec_fn=few_threads)


@unittest.skipIf(t.SANITIZED, "an address-space limit cannot be set under AddressSanitizer")
class ThreadLimits(unittest.TestCase):
    def setUp(self):
        self.dir = t.tmpdir()

    def test_ingest_with_threads_refused(self):
        limited = os.path.join(self.dir, "limited.db")
        proc = run_limited("ingest", "--threads", "16", "--store", limited, t.triangle_file())
        self.assertEqual(proc.returncode, 0, proc.stderr)
        plain = os.path.join(self.dir, "plain.db")
        t.run("ingest", "--threads", "1", "--store", plain, t.triangle_file())
        self.assertEqual(t.run("export", "cells", "--store", limited).stdout,
                         t.run("export", "cells", "--store", plain).stdout)

    def test_simulate_with_threads_refused(self):
        args = ["simulate", ESSAY, "--paths", "2000", "--format", "json"]
        proc = run_limited(*args, "--threads", "64")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout, t.run(*args, "--threads", "1").stdout)

    def test_more_than_256_threads_is_a_usage_error(self):
        proc = t.run("simulate", ESSAY, "--threads", "1000", check=False)
        self.assertEqual(proc.returncode, 2)
        proc = t.run("simulate", ESSAY, "--paths", "100000000", check=False)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("1000000", proc.stderr)


if __name__ == "__main__":
    unittest.main()
