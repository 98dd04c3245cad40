"""Text from data never breaks an output: a Latin-1 file name or reject reason is written as
U+FFFD in JSON (which used to throw after the data were committed), and escape sequences in
data reach the terminal escaped, not acting on it."""
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402


def run_bytes(*args):
    return subprocess.run([t.TRIAD, *args], capture_output=True)


class SafeText(unittest.TestCase):
    def setUp(self):
        self.dir = t.tmpdir()
        self.store = os.path.join(self.dir, "s.db")
        lines = t.triangle_lines()[:50]
        # A Latin-1 file name (b"\xe9" alone is not UTF-8), with a row whose event code carries
        # an escape sequence that clears the screen and sets the window title.
        self.name = os.path.join(self.dir.encode(), b"caf\xe9_\x1b[2J.tsv")
        bad = lines[1].split("\t")
        bad[26] = "\x1b]0;pwned\x07"
        with open(self.name, "wb") as f:
            f.write("".join(lines[:1] + ["\t".join(bad)] + lines[2:]).encode())

    def test_json_outputs_hold_the_replacement_character(self):
        proc = subprocess.run([t.TRIAD.encode(), b"ingest", b"--output", b"json", b"--store",
                               self.store.encode(), self.name], capture_output=True)
        self.assertEqual(proc.returncode, 3, proc.stderr)  # one row rejected
        out = json.loads(proc.stdout.decode("utf-8"))
        self.assertEqual(out["files_added"], 1)
        self.assertIn("caf\ufffd_\x1b[2J.tsv", out["files"][0]["path"])
        info = run_bytes("info", "--store", self.store, "--format", "json", "--rejects", "5")
        self.assertEqual(info.returncode, 0, info.stderr)
        doc = json.loads(info.stdout.decode("utf-8"))
        self.assertEqual(doc["events"], 49)
        self.assertIn("\x1b]0;pwned\x07", doc["reject_rows"][0]["raw"])  # JSON escapes it

    def test_terminal_text_shows_escapes_instead_of_running_them(self):
        proc = subprocess.run([t.TRIAD.encode(), b"ingest", b"--store", self.store.encode(),
                               self.name], capture_output=True)
        self.assertEqual(proc.returncode, 3)
        info = run_bytes("info", "--store", self.store, "--rejects", "5", "--files")
        self.assertEqual(info.returncode, 0, info.stderr)
        text = info.stdout.decode("utf-8")  # valid UTF-8 although the name is Latin-1
        self.assertNotIn("\x1b", text)
        self.assertNotIn("\x07", text)
        self.assertIn("caf\ufffd_\\x1b[2J.tsv", text)
        self.assertIn("\\x1b]0;pwned\\x07", text)


if __name__ == "__main__":
    unittest.main()
