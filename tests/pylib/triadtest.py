"""Shared helpers for triad's Python tests: run the binary, build stores, and compute the
expected dyad-day cells independently, with sqlite3 over the raw rows. Test data come only from
the repository: tests/data/ and the bundled sample in data/sample/."""
import atexit
import csv
import datetime
import decimal
import functools
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

SOURCE_DIR = os.environ.get("TRIAD_SOURCE_DIR", os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
TEST_DATA = os.path.join(SOURCE_DIR, "tests", "data")
# Set by `make test-sanitize` (scripts/test-sanitize.sh): AddressSanitizer reserves terabytes of
# address space for its shadow memory, so an address-space limit (RLIMIT_AS) cannot be tested
# under it.
SANITIZED = "ASAN_OPTIONS" in os.environ
SAMPLE_ZIP = os.path.join(SOURCE_DIR, "data", "sample", "dyads_involving_CHN_USA_JPN.export.tsv.zip")
TRIAD = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else os.environ.get("TRIAD_BIN", "triad")
if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
    del sys.argv[1]  # leave the rest to unittest


def run(*args, check=True, **kwargs):
    """Runs triad with args; returns the CompletedProcess (text mode)."""
    proc = subprocess.run([TRIAD, *map(str, args)], capture_output=True, text=True, **kwargs)
    if check and proc.returncode not in (0, 3):
        raise AssertionError(f"triad {' '.join(map(str, args))} exited {proc.returncode}:\n{proc.stderr}")
    return proc


def tmpdir():
    """A fresh directory, removed with everything in it when the test process exits."""
    path = tempfile.mkdtemp(prefix="triad-test-")
    atexit.register(shutil.rmtree, path, True)
    return path


@functools.cache
def sample_lines():
    """The rows of the bundled sample (data/sample: 106,096 GDELT 2.0 export rows of dyads with
    CHN, USA or JPN, 2025-05-15 .. 2025-06-14), unchanged, each ending in a newline."""
    with zipfile.ZipFile(SAMPLE_ZIP) as z, z.open(z.namelist()[0]) as f:
        return io.TextIOWrapper(f, encoding="utf-8", newline="\n").readlines()


def triangle_lines():
    """The 9,093 sample rows whose two actors are both CHN, USA or JPN. Byte for byte the
    triangle subset described in data/sample/README.md (same rows, same order)."""
    triangle = ("CHN", "USA", "JPN")
    out = []
    for line in sample_lines():
        fields = line.split("\t", 18)
        if fields[7] in triangle and fields[17] in triangle and fields[7] != fields[17]:
            out.append(line)
    return out


@functools.cache
def triangle_file():
    """triangle_lines() written once per test process to a temporary file; returns its path."""
    path = os.path.join(tmpdir(), "triangle_CHN_USA_JPN.export.tsv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(triangle_lines())
    return path


def channel_table():
    """CAMEO code -> (channel, goldstein tenths) from the repo's codebook data file."""
    out = {}
    with open(os.path.join(SOURCE_DIR, "data", "codebook", "cameo_events.tsv"), newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            out[row["code"]] = (row["channel"], int(decimal.Decimal(row["goldstein"]) * 10))
    return out


def fixed(text, scale):
    """Decimal text -> integer x 10^scale, rounded half away from zero (triad's rule)."""
    q = decimal.Decimal(text).scaleb(scale).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP)
    return int(q)


MAX_REPORT_LAG_DAYS = 30  # ingest's default --max-report-lag


def report_lag_days(fields):
    """Days from a GDELT row's event date (SQLDATE) to its news (DATEADDED); None for rows dated
    by event (GDELT 1.0 backfile, DATEADDED before 2013-04-01)."""
    added = fields[59][:8] if len(fields) == 61 else fields[56][:8]
    if len(fields) != 61 and added < "20130401":
        return None
    day = lambda t: datetime.date(int(t[:4]), int(t[4:6]), int(t[6:8]))
    return (day(added) - day(fields[1])).days


def is_stale(fields, lag=MAX_REPORT_LAG_DAYS):
    """An old event reported again: ingest counts it apart and does not store it."""
    days = report_lag_days(fields)
    return lag is not None and days is not None and days > lag


SECTOR_NUMBER = {"unspecified": 0, "government": 1, "military": 2, "business": 3, "civil": 4}


def gdelt_sector_codes():
    """The codebook's GDELT actor type code -> sector class (data/codebook/actor_sectors.csv)."""
    with open(os.path.join(SOURCE_DIR, "data", "codebook", "actor_sectors.csv"), encoding="utf-8") as f:
        return {r["code"]: r["class"] for r in csv.DictReader(f) if r["scheme"] == "gdelt"}


def side_sector(codes, table):
    """The class of a side from its type codes: the strongest one (military > government >
    business > civil), unspecified without any."""
    order = ["military", "government", "business", "civil"]
    found = {table[c] for c in codes if c in table}
    return next((name for name in order if name in found), "unspecified")


def expected_cells_sql(paths, ncols=(61,), lag=MAX_REPORT_LAG_DAYS):
    """The cells of GDELT files computed with sqlite3 GROUP BY from the raw rows: rows with two
    different 3-letter actor country codes and a known event code, reported at most `lag` days
    after the event (None: any), each GLOBALEVENTID once."""
    channels = channel_table()
    db = sqlite3.connect(":memory:")
    sectors = gdelt_sector_codes()
    db.execute("CREATE TABLE raw(id INTEGER, day TEXT, src TEXT, tgt TEXT, ss TEXT, ts TEXT, code TEXT, "
               "quad INTEGER, g INTEGER, m INTEGER, s INTEGER, a INTEGER, tone INTEGER)")
    db.execute("CREATE TABLE sector_numbers(name TEXT PRIMARY KEY, number INTEGER)")
    db.executemany("INSERT INTO sector_numbers VALUES(?,?)", SECTOR_NUMBER.items())
    db.execute("CREATE TABLE codes(code TEXT PRIMARY KEY, channel TEXT)")
    db.executemany("INSERT INTO codes VALUES(?,?)", [(c, ch) for c, (ch, _) in channels.items()])
    rows = []
    for path in paths:
        with open(path, encoding="utf-8", newline="\n") as f:
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if len(fields) not in ncols:
                    continue
                src, tgt, code = fields[7], fields[17], fields[26]
                if not src or not tgt or src == tgt or code not in channels:
                    continue
                if is_stale(fields, lag):
                    continue
                g = fixed(fields[30], 1) if fields[30] else channels[code][1]
                d = fields[1]
                rows.append((int(fields[0]), f"{d[:4]}-{d[4:6]}-{d[6:8]}", src, tgt,
                             side_sector(fields[12:15], sectors), side_sector(fields[22:25], sectors),
                             code, int(fields[29]), g,
                             int(fields[31]), int(fields[32]), int(fields[33]), fixed(fields[34], 6)))
    db.executemany("INSERT INTO raw VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    query = """
      WITH events AS (SELECT * FROM raw GROUP BY id)  -- each event id once
      SELECT e.day, e.src, e.tgt, e.ss, e.ts, c.channel, e.quad, count(*), sum(m), sum(m*m), sum(s),
             sum(a), sum(g), sum(g*g), sum(m*g), sum(m*g*g), sum(tone)
      FROM events e JOIN codes c USING(code)
      JOIN sector_numbers sn ON sn.name = e.ss JOIN sector_numbers tn ON tn.name = e.ts
      GROUP BY e.day, e.src, e.tgt, e.ss, e.ts, c.channel, e.quad
      ORDER BY e.day, e.src, e.tgt, CASE c.channel WHEN 'diplomatic' THEN 0 WHEN 'economic' THEN 1 ELSE 2 END, e.quad,
               sn.number, tn.number"""
    return [tuple(r) for r in db.execute(query)]


def exported_cells(store):
    """triad export cells, parsed back into the integer form of expected_cells_sql."""
    out = run("export", "cells", "--store", store).stdout.splitlines()
    rows = []
    for rec in csv.DictReader(out):
        rows.append((rec["date"], rec["source"], rec["target"], rec["source_sector"], rec["target_sector"],
                     rec["channel"], int(rec["quad_class"]),
                     int(rec["events"]), int(rec["mentions"]), int(rec["mentions_sq"]), int(rec["sources"]),
                     int(rec["articles"]), fixed(rec["goldstein_sum"], 1), fixed(rec["goldstein_sq_sum"], 2),
                     fixed(rec["goldstein_mentions_sum"], 1), fixed(rec["goldstein_mentions_sq_sum"], 2),
                     fixed(rec["tone_sum"], 6)))
    return rows


def store_totals(store):
    db = sqlite3.connect(store)
    cells = db.execute("SELECT count(*), coalesce(sum(events),0), coalesce(sum(goldstein),0), "
                       "coalesce(sum(tone),0) FROM cells").fetchone()
    files = db.execute("SELECT count(*), coalesce(sum(rows_accepted),0) FROM files").fetchone()
    db.close()
    return cells, files


def sample_scenario(directory):
    """A store of the bundled sample in `directory` and scenarios/essay_sample.toml pointed at it
    (the scenario names ../out/demo.db, which `make demo` writes): (store, scenario) paths."""
    store = os.path.join(directory, "demo.db")
    run("ingest", "--quiet", "--store", store, SAMPLE_ZIP)
    with open(os.path.join(SOURCE_DIR, "scenarios", "essay_sample.toml"), encoding="utf-8") as f:
        text = f.read().replace('store = "../out/demo.db"', f'store = "{store}"')
    scenario = os.path.join(directory, "essay.toml")
    with open(scenario, "w", encoding="utf-8") as f:
        f.write(text)
    return store, scenario
