"""Every command's output is checked: printed results that cannot be written (/dev/full, a file
that cannot grow) and files named by --out, --save and --data-out that cannot be written are
exit 1 with a message naming where and why, never exit 0 with a cut or lost output. A device
named as the output stays a device; a failed write leaves no temporary file and the old file as
it was; '-' is standard output; a reader closing the pipe early is no error."""
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

SAMPLE = os.path.join(t.SOURCE_DIR, "data", "sample", "dyads_involving_CHN_USA_JPN.export.tsv.zip")
WEEKLY = os.path.join(t.SOURCE_DIR, "tests", "data", "series", "gdelt_weekly_chn_usa_jpn.csv")
SCENARIO = os.path.join(t.SOURCE_DIR, "scenarios", "essay_weekly.toml")
REPORT_MODEL = os.path.join(t.SOURCE_DIR, "tests", "data", "report", "sample_report.json")
FULL_DISK = "No space left on device"


def limit_file_size(limit):
    """A preexec_fn: files this process writes cannot grow past `limit` bytes (write fails with
    EFBIG, as on a full disk) instead of the process being killed by SIGXFSZ."""
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    return apply


def run_to(stdout, *args, **kwargs):
    """Runs triad with standard output going to the open file `stdout`."""
    return subprocess.run([t.TRIAD, *map(str, args)], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, timeout=300, **kwargs)


def is_character_device(path):
    return stat.S_ISCHR(os.stat(path).st_mode)


class OutputFile(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = t.tmpdir()
        cls.store = os.path.join(cls.dir, "s.db")
        t.run("ingest", "--quiet", "--store", cls.store, SAMPLE)
        cls.edges = os.path.join(cls.dir, "edges.csv")
        with open(cls.edges, "w", encoding="utf-8") as f:
            f.write("from,to,sign\nA,B,1\nB,C,-1\nA,C,1\n")

    def commands(self):
        """One invocation of every command that prints results, on small inputs."""
        store = ("--store", self.store)
        triad = ("--actors", "CHN,USA,JPN")
        return {
            "ingest": ("ingest", "--store", os.path.join(self.dir, "again.db"), SAMPLE),
            "import-series": ("import-series", WEEKLY, "--name", "weekly", "--store",
                              os.path.join(self.dir, "imported.db")),
            "info": ("info", *store),
            "export": ("export", "cells", *store),
            "series": ("series", *store, "--dyad", "CHN-USA", "--freq", "week"),
            "index": ("index", *store, "--dyads", "CHN-USA,CHN-JPN", "--freq", "week"),
            "balance": ("balance", *store, *triad, "--freq", "week"),
            "network": ("network", *store, *triad),
            "frustration": ("frustration", "--edges", self.edges),
            "momentum": ("momentum", *store, "--dyad", "CHN-USA", "--freq", "day"),
            "var": ("var", "--input", WEEKLY, "--lags", "1"),
            "explain": ("explain", *store, *triad, "--freq", "day", "--lags", "1"),
            "status": ("status", *store, *triad, "--asof", "2025-06-14"),
            "simulate": ("simulate", SCENARIO, "--paths", "200"),
            "optimize": ("optimize", SCENARIO, "--budget", "1", "--paths", "200"),
            "backtest": ("backtest", "--input", WEEKLY, "--until", "2023-11-20", "--paths", "200"),
            "report": ("report", *store, *triad, "--asof", "2025-06-14", "--out", "-"),
            "render": ("render", REPORT_MODEL, "--out", "-"),
        }

    def test_printed_results_to_a_full_device_are_exit_1_with_a_message(self):
        for name, args in self.commands().items():
            with self.subTest(command=name):
                with open("/dev/null", "w") as sink:
                    ok = run_to(sink, *args)
                self.assertIn(ok.returncode, (0, 3), f"{name} fails even on /dev/null: {ok.stderr}")
                with open("/dev/full", "w") as full:
                    r = run_to(full, *args)
                self.assertEqual(r.returncode, 1, f"{name} to /dev/full: {r.stderr}")
                self.assertIn("standard output", r.stderr)
                self.assertIn(FULL_DISK, r.stderr)
                self.assertTrue(is_character_device("/dev/full"))

    def test_files_named_full_device_are_exit_1_and_the_device_stays(self):
        store = ("--store", self.store)
        triad = ("--actors", "CHN,USA,JPN")
        cases = {
            "report --out": ("report", *store, *triad, "--asof", "2025-06-14", "--out", "/dev/full"),
            "render --out": ("render", REPORT_MODEL, "--out", "/dev/full"),
            "explain --save": ("explain", *store, *triad, "--freq", "day", "--lags", "1",
                               "--save", "/dev/full"),
            "explain --data-out": ("explain", *store, *triad, "--freq", "day", "--lags", "1",
                                   "--data-out", "/dev/full"),
            "var --save": ("var", "--input", WEEKLY, "--lags", "1", "--save", "/dev/full"),
        }
        for name, args in cases.items():
            with self.subTest(option=name):
                r = t.run(*args, check=False)
                self.assertEqual(r.returncode, 1, f"{name}: {r.stderr}")
                self.assertIn("/dev/full", r.stderr)
                self.assertIn(FULL_DISK, r.stderr)
                self.assertTrue(is_character_device("/dev/full"), f"{name} replaced /dev/full")

    def test_dev_null_is_written_in_place(self):
        r = t.run("render", REPORT_MODEL, "--out", "/dev/null")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(is_character_device("/dev/null"))

    def test_out_dash_is_standard_output(self):
        r = t.run("report", "--store", self.store, "--actors", "CHN,USA,JPN", "--asof", "2025-06-14",
                  "--out", "-")
        self.assertTrue(r.stdout.startswith("<!DOCTYPE html>"), r.stdout[:80])
        self.assertTrue(r.stdout.rstrip().endswith("</html>"))
        out = os.path.join(self.dir, "rendered.html")
        t.run("render", REPORT_MODEL, "--out", out)
        with open(out, encoding="utf-8") as f:
            self.assertEqual(t.run("render", REPORT_MODEL, "--out", "-").stdout, f.read())

    def test_out_into_a_missing_directory_is_exit_1_and_leaves_nothing(self):
        missing = os.path.join(self.dir, "no such dir", "report.html")
        under_a_file = os.path.join(self.edges, "report.html")
        for out, reason in ((missing, "No such file or directory"), (under_a_file, "Not a directory")):
            for args in (("report", "--store", self.store, "--actors", "CHN,USA,JPN",
                          "--asof", "2025-06-14", "--out", out),
                         ("render", REPORT_MODEL, "--out", out)):
                with self.subTest(command=args[0], out=out):
                    before = sorted(os.listdir(self.dir))
                    r = t.run(*args, check=False)
                    self.assertEqual(r.returncode, 1, r.stderr)
                    self.assertIn(out, r.stderr)
                    self.assertIn(reason, r.stderr)
                    self.assertEqual(sorted(os.listdir(self.dir)), before)
                    self.assertFalse(os.path.exists(out))

    def test_failed_write_leaves_the_old_report_and_no_temporary_file(self):
        # No file can grow past 40 kB (the store's reader needs about 32 kB of shared memory
        # file): the report (90 kB), the rendered sample (360 kB) and a VAR(8) fit (54 kB)
        # fail half-way, as on a disk that fills up.
        folder = os.path.join(self.dir, "reports")
        os.makedirs(folder, exist_ok=True)
        cases = {
            "report": ("report", "--store", self.store, "--actors", "CHN,USA,JPN",
                       "--asof", "2025-06-14"),
            "render": ("render", REPORT_MODEL),
            "var --save": ("var", "--input", WEEKLY, "--lags", "8"),
        }
        for name, args in cases.items():
            with self.subTest(command=name):
                out = os.path.join(folder, "old.html")
                with open(out, "w", encoding="utf-8") as f:
                    f.write("the old report\n")
                option = "--save" if name.startswith("var") else "--out"
                r = t.run(*args, option, out, check=False, preexec_fn=limit_file_size(40_000))
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn(out, r.stderr)
                self.assertIn("File too large", r.stderr)
                with open(out, encoding="utf-8") as f:
                    self.assertEqual(f.read(), "the old report\n")
                self.assertEqual(os.listdir(folder), ["old.html"])

    def test_printed_results_on_a_full_disk_are_exit_1(self):
        # `export cells > cells.csv` when the disk fills up: today's cells are 2 MB of CSV.
        out = os.path.join(self.dir, "cells.csv")
        with open(out, "w") as f:
            r = run_to(f, "export", "cells", "--store", self.store,
                       preexec_fn=limit_file_size(100_000))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("standard output", r.stderr)
        self.assertIn("File too large", r.stderr)

    def test_reader_closing_the_pipe_early_is_no_error(self):
        # With SIGPIPE ignored (as some callers leave it), writes fail with EPIPE: triad stops
        # quietly, as `| head` expects.
        def ignore_sigpipe():
            signal.signal(signal.SIGPIPE, signal.SIG_IGN)
        p = subprocess.Popen([t.TRIAD, "export", "cells", "--store", self.store],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=ignore_sigpipe)
        self.assertEqual(p.stdout.readline().decode().split(",")[0], "date")
        p.stdout.close()
        err = p.stderr.read().decode()
        p.stderr.close()
        self.assertEqual(p.wait(timeout=60), 0, err)
        self.assertEqual(err, "")


class IngestFormats(unittest.TestCase):
    """ingest: --format is the summary's format as in every command; --input-format the files'."""

    def setUp(self):
        self.dir = t.tmpdir()
        self.store = os.path.join(self.dir, "s.db")

    def test_format_json_and_input_format(self):
        r = t.run("ingest", "--max-report-lag", "-1", "--store", self.store, "--format", "json", "--input-format", "gdelt2", SAMPLE)
        summary = json.loads(r.stdout)
        self.assertEqual(summary["accepted"], 106096)

    def test_input_format_is_forced(self):
        # The sample is GDELT 2.0: read as ICEWS, every file fails.
        r = t.run("ingest", "--store", self.store, "--input-format", "icews", SAMPLE, check=False)
        self.assertEqual(r.returncode, 1, r.stderr)

    def test_old_output_option_still_works(self):
        r = t.run("ingest", "--max-report-lag", "-1", "--store", self.store, "--output", "json", SAMPLE)
        self.assertEqual(json.loads(r.stdout)["accepted"], 106096)
        self.assertNotIn("--output", t.run("ingest", "--help").stdout)

    def test_an_input_format_given_to_format_points_to_input_format(self):
        r = t.run("ingest", "--store", self.store, "--format", "icews", SAMPLE, check=False)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--input-format icews", r.stderr)


if __name__ == "__main__":
    unittest.main()
