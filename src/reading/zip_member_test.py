"""Zips read whole with libdeflate, and many small zips aggregated several at a time: the cells are
those of the plain rows (stored, deflated, data-descriptor and ZIP64-extra zips alike), a damaged
member fails alone, and an event repeated in a later file counts once, from the first file, as when
the files are ingested one by one."""
import io
import json
import os
import sys
import unittest
import zipfile

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

HEAD = os.path.join(t.TEST_DATA, "events", "gdelt2_15min_head")


def write_zip(path, name, data, method=zipfile.ZIP_DEFLATED, stream=False, zip64=False):
    if stream:  # an unseekable stream: sizes and CRC follow the data (a data descriptor)
        buffer = io.BytesIO()

        class Unseekable(io.RawIOBase):
            def writable(self):
                return True

            def write(self, b):
                return buffer.write(b)

        with zipfile.ZipFile(Unseekable(), "w", method) as z:
            with z.open(zipfile.ZipInfo(name, (2025, 5, 15, 20, 45, 0)), "w") as f:
                f.write(data)
        with open(path, "wb") as f:
            f.write(buffer.getvalue())
        return
    with zipfile.ZipFile(path, "w", method) as z:
        info = zipfile.ZipInfo(name, (2025, 5, 15, 20, 45, 0))
        info.compress_type = method
        with z.open(info, "w", force_zip64=zip64) as f:
            f.write(data)


def ingest_json(store, *paths, check=True):
    proc = t.run("ingest", "--format", "json", "--store", store, *paths, check=check)
    return proc, json.loads(proc.stdout) if proc.stdout else None


class ZipMembers(unittest.TestCase):
    def setUp(self):
        self.dir = t.tmpdir()
        self.names = sorted(os.listdir(HEAD))
        self.data = {}
        for n in self.names:
            with open(os.path.join(HEAD, n), "rb") as f:
                self.data[n] = f.read()

    def test_every_packaging_gives_the_cells_of_the_plain_rows(self):
        n = self.names[0]
        plain = t.exported_cells(self._ingest([os.path.join(HEAD, n)]))
        self.assertEqual(plain, t.expected_cells_sql([os.path.join(HEAD, n)]))
        self.assertGreater(len(plain), 30)
        for label, kwargs in [("deflate", {}), ("stored", {"method": zipfile.ZIP_STORED}),
                              ("descriptor", {"stream": True}), ("zip64", {"zip64": True})]:
            path = os.path.join(self.dir, f"{label}.zip")
            write_zip(path, n, self.data[n], **kwargs)
            self.assertEqual(t.exported_cells(self._ingest([path])), plain, label)

    def test_a_damaged_member_fails_alone_and_names_the_file(self):
        good = []
        for n in self.names:
            path = os.path.join(self.dir, n + ".zip")
            write_zip(path, n, self.data[n])
            good.append(path)
        with open(good[1], "rb") as f:
            raw = bytearray(f.read())
        raw[len(raw) // 2] ^= 0x55  # inside the deflate stream
        with open(good[1], "wb") as f:
            f.write(bytes(raw))
        store = os.path.join(self.dir, "s.db")
        proc, report = ingest_json(store, *good, check=False)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertIn(good[1], proc.stderr)
        self.assertIn("corrupt zip member", proc.stderr)
        self.assertEqual([f["status"] for f in report["files"]], ["added", "failed", "added", "added"])
        others = [os.path.join(HEAD, n) for i, n in enumerate(self.names) if i != 1]
        self.assertEqual(t.exported_cells(store), t.expected_cells_sql(others))

    def test_two_members_and_encryption_are_refused(self):
        two = os.path.join(self.dir, "two.zip")
        with zipfile.ZipFile(two, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("a.CSV", self.data[self.names[0]])
            z.writestr("b.CSV", self.data[self.names[1]])
        proc = t.run("ingest", "--store", os.path.join(self.dir, "s.db"), two, check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("exactly one member; this one holds 2", proc.stderr)
        locked = os.path.join(self.dir, "locked.zip")
        write_zip(locked, self.names[0], self.data[self.names[0]], method=zipfile.ZIP_STORED)
        with open(locked, "rb") as f:
            raw = bytearray(f.read())
        for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set the encrypted bit
            at = raw.find(signature)
            raw[at + flag_at] |= 1
        with open(locked, "wb") as f:
            f.write(bytes(raw))
        proc = t.run("ingest", "--store", os.path.join(self.dir, "s.db"), locked, check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("encrypted", proc.stderr)

    def test_an_event_repeated_in_a_later_file_counts_once_from_the_first(self):
        # Eight small zips aggregated several at a time: the last rows of each file come again,
        # with another Goldstein value, a few files later. The first copy (file order) counts.
        files, lines = [], []
        for n in self.names:
            lines.append(self.data[n].decode().splitlines(keepends=True))
        chunks = []
        for i in range(8):
            part = lines[i % 4][i // 4 * 200:(i // 4 + 1) * 200]
            if i >= 3:
                repeated = [row.split("\t") for row in chunks[i - 3][-20:]]
                for r in repeated:
                    r[30] = "-10.0"
                part = part + ["\t".join(r) for r in repeated]
            chunks.append(part)
        for i, part in enumerate(chunks):
            path = os.path.join(self.dir, f"2025051{i}000000.export.CSV.zip")
            write_zip(path, os.path.basename(path)[:-4], "".join(part).encode())
            files.append(path)
        together = self._ingest(files, "together.db")
        one_by_one = os.path.join(self.dir, "one_by_one.db")
        for path in files:
            t.run("ingest", "--quiet", "--store", one_by_one, path)
        self.assertEqual(t.exported_cells(together), t.exported_cells(one_by_one))
        first_copies = os.path.join(self.dir, "first_copies.tsv")
        with open(first_copies, "w") as f:
            f.write("".join("".join(lines[i % 4][i // 4 * 200:(i // 4 + 1) * 200]) for i in range(8)))
        self.assertEqual(t.exported_cells(together), t.expected_cells_sql([first_copies]))
        _, report = ingest_json(os.path.join(self.dir, "again.db"), *files)
        _, alone = ingest_json(os.path.join(self.dir, "first.db"), first_copies)
        self.assertEqual(report["files_added"], 8)
        self.assertEqual(report["accepted"], alone["accepted"])
        self.assertEqual(report["rows"], alone["rows"] + 5 * 20)
        self.assertEqual(report["duplicate"] + report["without_dyad"], alone["without_dyad"] + 5 * 20)

    def _ingest(self, paths, name=None):
        store = os.path.join(self.dir, name or f"s{len(os.listdir(self.dir))}.db")
        t.run("ingest", "--quiet", "--store", store, *paths)
        return store


if __name__ == "__main__":
    unittest.main()
