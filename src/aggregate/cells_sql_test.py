"""Proof of `triad sql` and `triad ingest-cells`: the DuckDB query, run by DuckDB over real GDELT
files, read back with ingest-cells, gives `triad export cells` byte-identical to `triad ingest`
of the same files (and the same news coverage); the BigQuery text parses as BigQuery SQL and
differs from the DuckDB text only in the documented places (the reading of the rows and the
exact decimal type). Also: replace semantics, refusal over event files, bad rows, NDJSON.

DuckDB and the parser are npm packages pinned in tests/sql/package-lock.json, installed with
`npm ci` into the build tree (next to the triad binary); the test skips only when npm is absent.
"""
import csv
import fcntl
import filecmp
import glob
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.environ.get("TRIAD_SOURCE_DIR", "."), "tests", "pylib"))
import triadtest as t  # noqa: E402

NODE_TOOLS = os.path.join(t.SOURCE_DIR, "tests", "sql")
HEAD_DIR = os.path.join(t.TEST_DATA, "events", "gdelt2_15min_head")
GDELT1_FILE = os.path.join(t.TEST_DATA, "events", "gdelt1_reed9999_mixed_57_58.tsv")


def node_dir():
    """The pinned npm packages, installed once per build tree (npm ci from the committed lock)."""
    target = os.path.join(os.path.dirname(os.path.abspath(t.TRIAD)), "sql-proof-node")
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(target, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # ctest -j: one install at a time
        lock_file = os.path.join(NODE_TOOLS, "package-lock.json")
        installed = os.path.join(target, "package-lock.json")
        ready = os.path.isdir(os.path.join(target, "node_modules")) and os.path.exists(installed) \
            and filecmp.cmp(lock_file, installed, shallow=False)
        if not ready:
            for name in ("package.json", "package-lock.json"):
                shutil.copy(os.path.join(NODE_TOOLS, name), target)
            proc = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=target,
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                raise AssertionError(f"npm ci in {target} failed:\n{proc.stderr}")
        for name in ("run_duckdb.mjs", "parse_bigquery.mjs"):
            shutil.copy(os.path.join(NODE_TOOLS, name), target)
    return target


def node(script, *args):
    proc = subprocess.run(["node", os.path.join(NODE, script), *map(str, args)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise AssertionError(f"node {script} failed:\n{proc.stderr}")
    return proc.stdout


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return path


def duckdb_result(directory, files_glob, *sql_args):
    """Runs `triad sql --engine duckdb` over the files with DuckDB: (query path, result CSV path)."""
    query = write(os.path.join(directory, "cells.sql"),
                  t.run("sql", "--engine", "duckdb", "--files", files_glob, *sql_args).stdout)
    out = os.path.join(directory, "result.csv")
    node("run_duckdb.mjs", query, out)
    return query, out


def coverage(store):
    """The store's news coverage: day -> (slots per day, union of the slot bits)."""
    db = sqlite3.connect(store)
    out = {}
    for day, per_day, blob in db.execute("SELECT day, slots_per_day, slots FROM coverage"):
        bits = int.from_bytes(blob, "little")
        old = out.get(day, (per_day, 0))
        out[day] = (per_day, old[1] | bits)
    db.close()
    return out


def export(store):
    return t.run("export", "cells", "--store", store).stdout


NODE = None


@unittest.skipIf(shutil.which("npm") is None or shutil.which("node") is None,
                 "npm and node are not installed (Debian: apt-get install nodejs npm); CI has them")
class DuckDbEqualsIngest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        global NODE
        NODE = node_dir()

    def check_equal(self, files, files_glob, *sql_args, ingest_args=(), min_cells=50):
        d = t.tmpdir()
        _, result = duckdb_result(d, files_glob, *sql_args)
        imported = os.path.join(d, "imported.db")
        ingested = os.path.join(d, "ingested.db")
        t.run("ingest-cells", "--store", imported, result)
        t.run("ingest", "--quiet", "--store", ingested, *ingest_args, *files)
        got, expected = export(imported), export(ingested)
        self.assertGreater(len(expected.splitlines()), min_cells)
        self.assertEqual(got, expected)
        self.assertEqual(coverage(imported), coverage(ingested))
        return d, result

    def test_four_raw_15_minute_files(self):
        files = sorted(glob.glob(os.path.join(HEAD_DIR, "*.export.CSV")))
        self.assertEqual(len(files), 4)
        d, result = self.check_equal(files, os.path.join(HEAD_DIR, "*.export.CSV"))
        with open(result, newline="") as f:
            rows = list(csv.DictReader(f))
        news = [r for r in rows if r["channel"] == "news"]
        # One 15-minute file per slot: 20:45 on 05-15, 02:00 and 11:45 on 05-16, 01:45 on 05-17.
        self.assertEqual(sorted((r["date"], int(r["events"])) for r in news),
                         [("2025-05-15", 83), ("2025-05-16", 8), ("2025-05-16", 47), ("2025-05-17", 7)])

    def test_triangle_subset_of_the_sample(self):
        path = t.triangle_file()
        self.check_equal([path], path)

    def test_no_report_lag_limit(self):
        path = t.triangle_file()
        d, _ = self.check_equal([path], path, "--max-report-lag", "-1", ingest_args=("--max-report-lag", "-1"))
        # 90 rows of the subset are stale at 30 days: the limit changes the cells.
        default = os.path.join(d, "default.db")
        t.run("ingest", "--quiet", "--store", default, path)
        self.assertNotEqual(export(default), export(os.path.join(d, "ingested.db")))

    def test_a_news_day_range(self):
        files = sorted(glob.glob(os.path.join(HEAD_DIR, "*.export.CSV")))
        d = t.tmpdir()
        _, result = duckdb_result(d, os.path.join(HEAD_DIR, "*.export.CSV"), "--from", "2025-05-16", "--to",
                                  "2025-05-16")
        imported = os.path.join(d, "imported.db")
        ingested = os.path.join(d, "ingested.db")
        t.run("ingest-cells", "--store", imported, result)
        t.run("ingest", "--quiet", "--store", ingested, *[f for f in files if "20250516" in f])
        self.assertEqual(export(imported), export(ingested))

    def test_edge_rows_counted_like_the_reader(self):
        """Real rows edited into every case the reader decides: rejected fields, rounding at the
        half, the codebook's Goldstein for an empty one, stale and just-fresh rows, a row dated
        by event, copies of an event in one file and across files, CRLF and blank lines."""
        def dyadic(path, n):
            out = []
            with open(path, encoding="utf-8", newline="\n") as f:
                for line in f:
                    fields = line.rstrip("\n").split("\t")
                    if fields[7] and fields[17] and fields[7] != fields[17]:
                        out.append(fields)
                    if len(out) == n:
                        break
            return out

        heads = sorted(glob.glob(os.path.join(HEAD_DIR, "*.export.CSV")))
        a = dyadic(heads[0], 40)
        b = dyadic(heads[1], 10)
        edits = {
            1: {26: "190", 30: ""},  # empty Goldstein: the codebook's value (-10.0)
            2: {34: "1.2345675"}, 3: {34: "-1.2345675"}, 4: {34: "+3.5"}, 5: {34: ".5"},
            6: {30: "2.85"}, 7: {30: "-2.85"},
            8: {7: "chn"}, 9: {29: "5"}, 10: {34: "abc"}, 11: {30: "11"}, 12: {31: "-1"},
            13: {31: "1.0"}, 14: {1: "20250230"}, 15: {0: "-5"}, 16: {26: "999"}, 17: {59: "2025"},
            18: {31: " 12"}, 19: {34: "1e2"}, 20: {33: "1000001"}, 21: {1: "19000101"}, 22: {17: "US"},
            23: {1: "20250401"},  # 44 days before its news: stale
            24: {1: "20250415"},  # 30 days: kept
            31: {1: "20250414"},  # 31 days: stale
            25: {59: "20250515256000", 1: "20250101"},  # no valid time of day: dated by event
            28: {17: a[28][7]},  # a self-dyad
        }
        for i in range(1, 8):  # accepted rows, not stale: dated the day before their news
            edits[i][1] = "20250514"
        for i, e in edits.items():
            for col, value in e.items():
                a[i][col] = value
        lines = ["\t".join(f) + "\n" for f in a]
        lines[16] = "\t".join(a[16][:60]) + "\n"  # 60 columns
        lines[27] = lines[27][:-1] + "\r\n"
        lines.insert(5, "\n")
        later_copy = list(a[26])
        later_copy[26], later_copy[29] = "190", "4"  # a later copy of the same event: not counted
        lines.append("\t".join(later_copy) + "\n")
        stale_copy = list(b[0])
        stale_copy[1], stale_copy[59] = "20250101", a[0][59]  # stale here, fresh in the next file
        lines.append("\t".join(stale_copy) + "\n")
        other = ["\t".join(f) + "\n" for f in b]
        across = list(a[29])
        across[59], across[29] = b[0][59], "4"  # a copy in a later file: not counted
        other.append("\t".join(across) + "\n")
        d = t.tmpdir()
        files = [write(os.path.join(d, "a.export.CSV"), "".join(lines)),
                 write(os.path.join(d, "b.export.CSV"), "".join(other))]
        self.check_equal(files, os.path.join(d, "*.export.CSV"), min_cells=15)

    def test_gdelt1_mixed_57_and_58_columns(self):
        d = t.tmpdir()
        _, result = duckdb_result(d, GDELT1_FILE, "--gdelt", "1")
        imported = os.path.join(d, "imported.db")
        ingested = os.path.join(d, "ingested.db")
        t.run("ingest-cells", "--store", imported, result)
        t.run("ingest", "--quiet", "--store", ingested, GDELT1_FILE)
        self.assertEqual(export(imported), export(ingested))


@unittest.skipIf(shutil.which("npm") is None or shutil.which("node") is None,
                 "npm and node are not installed (Debian: apt-get install nodejs npm); CI has them")
class BigQueryText(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        global NODE
        NODE = node_dir()

    def test_parses_as_bigquery_sql(self):
        d = t.tmpdir()
        for args in (("--from", "2025-05-15", "--to", "2025-06-14"), ("--gdelt", "1", "--from", "2015-01-01"), ()):
            text = t.run("sql", "--engine", "bigquery", *args).stdout
            # node-sql-parser 5.4 does not know BigQuery's BIGNUMERIC type, which the query uses
            # only to read the two FLOAT64 columns exactly: parsed as NUMERIC, its sibling type.
            self.assertEqual(text.count("AS BIGNUMERIC)"), 2)
            query = write(os.path.join(d, "bq.sql"), text.replace("BIGNUMERIC", "NUMERIC"))
            self.assertEqual(node("parse_bigquery.mjs", query).strip(), "select")

    def test_a_broken_query_does_not_parse(self):
        """The parser check can fail: a misspelt keyword is an error."""
        d = t.tmpdir()
        text = t.run("sql", "--engine", "bigquery").stdout.replace("BIGNUMERIC", "NUMERIC")
        query = write(os.path.join(d, "bad.sql"), text.replace("GROUP BY day", "GROUP day", 1))
        proc = subprocess.run(["node", os.path.join(NODE, "parse_bigquery.mjs"), query], capture_output=True,
                              text=True)
        self.assertEqual(proc.returncode, 1)

    def test_partitioned_table_for_a_range(self):
        text = t.run("sql", "--engine", "bigquery", "--from", "2025-05-15", "--to", "2025-06-14").stdout
        self.assertIn("FROM `gdelt-bq.gdeltv2.events_partitioned`", text)
        self.assertIn("_PARTITIONTIME BETWEEN TIMESTAMP('2025-05-14') AND TIMESTAMP('2025-06-15')", text)
        self.assertIn("DATEADDED BETWEEN 20250515000000 AND 20250614235959", text)
        text1 = t.run("sql", "--engine", "bigquery", "--gdelt", "1", "--from", "2015-01-01", "--to",
                      "2015-01-31").stdout
        self.assertIn("FROM `gdelt-bq.full.events`", text1)
        self.assertIn("DATEADDED >= 20150101", text1)

    def test_differs_from_duckdb_only_in_the_documented_places(self):
        """Outside the reading of the rows ([engine] begin..end) and the first comment lines, the
        texts differ only in the exact decimal type: DECIMAL(38, k) in DuckDB, NUMERIC."""
        args = ("--from", "2025-05-15", "--to", "2025-06-14")
        bq = t.run("sql", "--engine", "bigquery", *args).stdout
        duck = t.run("sql", "--engine", "duckdb", "--files", "x/*.CSV", *args).stdout

        def parts(text):
            head, rest = text.split("-- [engine] begin\n", 1)
            engine, common = rest.split("-- [engine] end\n", 1)
            return head, engine, common

        bq_head, bq_engine, bq_common = parts(bq)
        duck_head, duck_engine, duck_common = parts(duck)
        self.assertNotEqual(bq_engine, duck_engine)
        self.assertIn("read_text('x/*.CSV')", duck_engine)
        self.assertGreater(len(bq_common), 10000)  # the codebook table and the cells
        for k in range(7):
            duck_common = duck_common.replace(f"DECIMAL(38, {k})", "NUMERIC")
        self.assertEqual(duck_common, bq_common)
        self.assertEqual(duck_head.replace("DuckDB", "BigQuery"), bq_head)


def split_news(result):
    with open(result, newline="") as f:
        rows = list(csv.DictReader(f))
    return rows


@unittest.skipIf(shutil.which("npm") is None or shutil.which("node") is None,
                 "npm and node are not installed (Debian: apt-get install nodejs npm); CI has them")
class IngestCells(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        global NODE
        NODE = node_dir()
        cls.dir = t.tmpdir()
        cls.files = sorted(glob.glob(os.path.join(HEAD_DIR, "*.export.CSV")))
        cls.query, cls.result = duckdb_result(cls.dir, os.path.join(HEAD_DIR, "*.export.CSV"))
        with open(cls.result, newline="") as f:
            cls.rows = list(csv.DictReader(f))
        cls.ingested = os.path.join(cls.dir, "ingested.db")
        t.run("ingest", "--quiet", "--store", cls.ingested, *cls.files)

    def fresh_store(self):
        return os.path.join(t.tmpdir(), "s.db")

    def write_csv(self, rows, name="r.csv"):
        path = os.path.join(t.tmpdir(), name)
        with open(path, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            w.writeheader()
            w.writerows(rows)
        return path

    def test_ndjson_with_numbers_as_strings_as_bigquery_exports_them(self):
        path = os.path.join(t.tmpdir(), "r.json")
        with open(path, "w") as f:
            for r in self.rows:
                # BigQuery's JSON export: INT64 and NUMERIC as strings, empty strings as "".
                f.write(json.dumps(r) + "\n")
        store = self.fresh_store()
        t.run("ingest-cells", "--store", store, path)
        self.assertEqual(export(store), export(self.ingested))
        self.assertEqual(coverage(store), coverage(self.ingested))

    def test_ndjson_with_json_integers(self):
        path = os.path.join(t.tmpdir(), "r.json")
        ints = ("quad_class", "events", "mentions", "mentions_sq", "sources", "articles")
        with open(path, "w") as f:
            for r in self.rows:
                f.write(json.dumps({k: int(v) if k in ints else v for k, v in r.items()}) + "\n")
        store = self.fresh_store()
        t.run("ingest-cells", "--store", store, path)
        self.assertEqual(export(store), export(self.ingested))

    def test_the_same_range_again_replaces_never_adds(self):
        store = self.fresh_store()
        t.run("ingest-cells", "--store", store, self.result)
        once = export(store)
        # Another export of the same news days (the rows in another order, as another engine
        # run would give): replaces the first import.
        again = self.write_csv(list(reversed(self.rows)))
        proc = t.run("ingest-cells", "--store", store, again)
        self.assertIn("replaced 1 earlier import", proc.stdout)
        self.assertEqual(export(store), once)
        self.assertEqual(export(store), export(self.ingested))
        db = sqlite3.connect(store)
        self.assertEqual(db.execute("SELECT count(*), min(format), max(format) FROM files").fetchone(), (1, "cells", "cells"))
        self.assertEqual(db.execute("SELECT count(*) FROM cell_imports").fetchone(), (1,))
        db.close()
        # The identical file once more: nothing changes.
        proc = t.run("ingest-cells", "--store", store, again)
        self.assertIn("already imported", proc.stdout)
        self.assertEqual(export(store), once)

    def test_adjacent_ranges_add(self):
        store = self.fresh_store()
        d = t.tmpdir()
        glob_ = os.path.join(HEAD_DIR, "*.export.CSV")
        for first, last in (("2025-05-15", "2025-05-15"), ("2025-05-16", "2025-05-17")):
            sub = os.path.join(d, first)
            os.makedirs(sub)
            _, result = duckdb_result(sub, glob_, "--from", first, "--to", last)
            t.run("ingest-cells", "--store", store, result)
        self.assertEqual(export(store), export(self.ingested))

    def test_an_import_reaching_beyond_an_earlier_one_is_refused(self):
        store = self.fresh_store()
        t.run("ingest-cells", "--store", store, self.result)
        before = export(store)
        d = t.tmpdir()
        _, part = duckdb_result(d, os.path.join(HEAD_DIR, "*.export.CSV"), "--from", "2025-05-16")
        proc = t.run("ingest-cells", "--store", store, part, check=False)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertIn("covers news days 2025-05-15..2025-05-17, partly outside them", proc.stderr)
        self.assertEqual(export(store), before)

    def test_news_days_of_event_files_are_refused_without_replace(self):
        store = os.path.join(t.tmpdir(), "s.db")
        t.run("ingest", "--quiet", "--store", store, *self.files)
        before = export(store)
        proc = t.run("ingest-cells", "--store", store, self.result, check=False)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertIn("which the store already holds from event files", proc.stderr)
        self.assertIn("count those events twice", proc.stderr)
        self.assertIn("--replace", proc.stderr)
        self.assertEqual(export(store), before)
        # With --replace the cells of those days are the import's: here the same numbers.
        proc = t.run("ingest-cells", "--replace", "--store", store, self.result)
        self.assertIn("--replace deleted", proc.stdout)
        self.assertEqual(export(store), before)

    def test_ingest_refuses_event_files_of_imported_news_days(self):
        store = self.fresh_store()
        t.run("ingest-cells", "--store", store, self.result)
        before = export(store)
        proc = t.run("ingest", "--store", store, self.files[1], check=False)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertIn("the store holds cells imported from a query for news days 2025-05-15..2025-05-17",
                      proc.stderr)
        self.assertIn("the same events would count twice", proc.stderr)
        self.assertEqual(export(store), before)

    def test_a_store_of_schema_3_is_upgraded_by_ingest_cells(self):
        store = os.path.join(t.tmpdir(), "old.db")
        t.run("ingest", "--quiet", "--store", store, self.files[0])
        db = sqlite3.connect(store)  # as a store written before cells could be imported
        db.execute("DROP TABLE imported_cells")
        db.execute("DROP TABLE cell_imports")
        db.execute("DROP TABLE world_days")
        db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        db.commit()
        db.close()
        d = t.tmpdir()
        _, later = duckdb_result(d, os.path.join(HEAD_DIR, "*.export.CSV"), "--from", "2025-05-16")
        t.run("ingest-cells", "--store", store, later)
        db = sqlite3.connect(store)
        self.assertEqual(db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone(), ("6",))
        self.assertEqual(db.execute("SELECT count(*) FROM cell_imports").fetchone(), (1,))
        db.close()
        self.assertEqual(export(store), export(self.ingested))

    def check_bad(self, line_index, column, value, field, message):
        rows = [dict(r) for r in self.rows]
        rows[line_index][column] = value
        path = self.write_csv(rows)
        store = self.fresh_store()
        t.run("ingest-cells", "--store", store, self.result)
        before = export(store)
        proc = t.run("ingest-cells", "--store", store, path, check=False)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertIn(f"{path}:{line_index + 2} (field {field}): {message}", proc.stderr)
        self.assertEqual(export(store), before)

    def test_bad_rows_name_file_line_and_field_and_change_nothing(self):
        cell = next(i for i, r in enumerate(self.rows) if r["channel"] != "news" and i > 3)
        self.check_bad(cell, "tone_sum", "1.0000005", "tone_sum", "'1.0000005' is not a decimal number with at most 6 decimals")
        self.check_bad(cell, "source", "chn", "source", "'chn' is not a 3-letter country code")
        self.check_bad(cell, "channel", "military", "channel", "'military' is not diplomatic, economic, security or news")
        self.check_bad(cell, "events", "x", "events", "'x' is not an integer")
        self.check_bad(cell, "date", "2025-02-30", "date", "not a date in YYYY-MM-DD form")

    def test_a_result_without_its_news_rows_is_refused(self):
        path = self.write_csv([r for r in self.rows if r["channel"] != "news"])
        proc = t.run("ingest-cells", "--store", self.fresh_store(), path, check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("holds no news rows", proc.stderr)

    def test_a_file_that_is_not_a_result(self):
        proc = t.run("ingest-cells", "--store", self.fresh_store(), self.files[0], check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn(":1 (field ", proc.stderr)
        self.assertIn("is not a column of `triad sql`'s result", proc.stderr)

    def test_query_recorded(self):
        store = self.fresh_store()
        t.run("ingest-cells", "--store", store, "--query", self.query, self.result)
        db = sqlite3.connect(store)
        first, last, query, qhash = db.execute(
            "SELECT date(first_news_day * 86400, 'unixepoch'), date(last_news_day * 86400, 'unixepoch'), query, "
            "query_hash FROM cell_imports").fetchone()
        db.close()
        self.assertEqual((first, last), ("2025-05-15", "2025-05-17"))
        with open(self.query) as f:
            self.assertEqual(query, f.read())
        self.assertEqual(len(qhash), 32)


if __name__ == "__main__":
    unittest.main(verbosity=2)
