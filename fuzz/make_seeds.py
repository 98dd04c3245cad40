#!/usr/bin/env python3
"""Writes the seed corpora for the libFuzzer harnesses from the repository's own test data.

Usage: fuzz/make_seeds.py SOURCE_DIR BUILD_DIR
Writes BUILD_DIR/seeds/HARNESS/ (rewritten on every call) and BUILD_DIR/cli.dict (the option
names of every subcommand, from `triad CMD --help`, for the command-line harness). Seeds are small
slices of tests/data (a few lines each), so the fuzzer starts from real rows and tables."""
import gzip
import io
import pathlib
import re
import shutil
import subprocess
import sys
import zipfile

src = pathlib.Path(sys.argv[1])
build = pathlib.Path(sys.argv[2])
data = src / "tests" / "data"
seeds = build / "seeds"
shutil.rmtree(seeds, ignore_errors=True)


def lines(path, n=None, start=0):
    text = (data / path).read_bytes().split(b"\n")
    return text[start:] if n is None else text[start:start + n]


def put(harness, name, content):
    d = seeds / harness
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(content if isinstance(content, bytes) else content.encode())


# Event rows: single rows, and a few rows together (the 57/58-column mix of GDELT 1.0 too).
for harness, files in {
        "gdelt1_row_fuzz": ["events/gdelt1_spark_events1.tsv",
                            "events/gdelt1_reed9999_mixed_57_58.tsv"],
        "gdelt2_row_fuzz": ["events/gdelt2_spark_events.tsv",
                            "events/gdelt2_triangle_event_code_rows.tsv",
                            "events/gdelt2_20161013151500_country_rows.tsv"]}.items():
    for f in files:
        rows = lines(f, 40)
        for i, row in enumerate(rows[:12]):
            put(harness, f"{pathlib.Path(f).stem}_{i}", row + b"\n")
        put(harness, f"{pathlib.Path(f).stem}_block", b"\n".join(rows[12:40]) + b"\n")
icews = lines("events/icews_2018_sample.tab", 40)
for i in range(1, 13):
    put("icews_row_fuzz", f"row_{i}", icews[0] + b"\n" + icews[i] + b"\n")
put("icews_row_fuzz", "block", b"\n".join(icews) + b"\n")

# Packaging: plain, gzip, zip with one member, zip with two (an error), empty.
rows = b"\n".join(lines("events/gdelt2_spark_events.tsv", 5)) + b"\n"
put("byte_source_fuzz", "plain", rows)
put("byte_source_fuzz", "empty", b"")
put("byte_source_fuzz", "gz", gzip.compress(rows, mtime=0))
for name, members in {"zip": ["a.export.CSV"], "zip2": ["a.CSV", "b.CSV"]}.items():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for m in members:
            z.writestr(zipfile.ZipInfo(m, (1980, 1, 1, 0, 0, 0)), rows,
                       compress_type=zipfile.ZIP_DEFLATED)
    put("byte_source_fuzz", name, buf.getvalue())
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
    z.writestr("stored.CSV", rows)
put("byte_source_fuzz", "zip_stored", buf.getvalue())

# Tables: each series file's first rows, long-layout series, edge lists.
long_series = ("date,source,target,value,weight,se\n2024-01,CHN,USA,1.5,3,0.2\n"
               "2024-02,CHN,USA,-0.5,1,\n2024-03,USA,CHN,NA,2,0.1\n")
for f in sorted((data / "series").glob("*.csv")):
    head = b"\n".join(lines(f"series/{f.name}", 25)) + b"\n"
    for harness in ("csv_table_fuzz", "series_import_fuzz"):
        put(harness, f.stem, head)
for harness in ("csv_table_fuzz", "series_import_fuzz"):
    put(harness, "long", long_series)
    put(harness, "wide_days", "day,chn-usa,USA_JPN\n20240101,1,2\n20240102,,3\n")
    put(harness, "weekly", "date,CHN_USA\n2024-01-01,1\n2024-01-08,2\n2024-01-22,3\n")
    put(harness, "years", "year,CHN_USA\n2001,1\n2002,\"2.5\"\n")
put("csv_table_fuzz", "quoted", '\ufeffa,"b ""q""",c\r\n1,"x,\ny",3\r\n\r\n4,5,6')
put("signed_edges_fuzz", "tribes", (data / "signed/tribes_edges.csv").read_bytes())
put("signed_edges_fuzz", "cow", b"\n".join(lines("signed/cow_signed_networks_edges_46-49_90-93.csv", 40)) + b"\n")
put("signed_edges_fuzz", "weights", "from,to,weight\nA,B,0.5\nB,C,-2\nA,C,1e-3\n\"D\",A,-1\n")

# Scenarios and saved fits, report models.
for f in sorted((src / "scenarios").glob("*.toml")):
    put("scenario_toml_fuzz", f.stem, f.read_bytes())
put("var_fit_json_fuzz", "fit_weekly_triangle", (src / "scenarios/fit_weekly_triangle.json").read_bytes())
put("report_model_json_fuzz", "sample_report", (data / "report/sample_report.json").read_bytes())

# Small fits from the harness build's own triad (lags 0 and 1, each trend).
triad = build / "src/cli/triad"
series = seeds / "series.csv"
series.write_bytes(b"\n".join(lines("series/gzemo_monthly_chn_usa_jpn.csv", 30)) + b"\n")
for lags, trend in ((1, "c"), (0, "n"), (2, "ct")) if triad.exists() else ():
    out = seeds / f"fit_{lags}{trend}.json"
    subprocess.run([str(triad), "var", "--input", str(series), "--lags", str(lags), "--trend", trend,
                    "--save", str(out)], check=True, stdout=subprocess.DEVNULL)
    put("var_fit_json_fuzz", out.stem, out.read_bytes())
    out.unlink()
series.unlink()

# The command line: one argument per line, every subcommand with the sandbox's inputs (see
# cli_fuzz.cpp), including the crash the issue reports (`var ... --lags 0 --trend n --granger`).
cli = {
    "ingest": "ingest\nevents.tsv\nicews.tab\nevents1.tsv",
    "ingest_format": "ingest\n--format\ngdelt1\nevents1.tsv\n--store\nnew.db",
    "info": "info\n--files\n--rejects",
    "status": "status\n--actors\nCHN,USA,JPN",
    "index": "index\n--dyads\nCHN-USA,USA-JPN\n--freq\nday\n--format\njson",
    "series": "series\n--dyad\nCHN-USA\n--freq\nday",
    "export": "export\ncells\n--format\ncsv",
    "events": "events\n--dyad\nCHN-USA\n--top\n5",
    "balance": "balance\n--actors\nCHN,USA,JPN\n--freq\nday",
    "network": "network\n--actors\nCHN,USA,JPN,RUS",
    "momentum": "momentum\n--input\nseries.csv\n--format\njson",
    "momentum_store": "momentum\n--dyad\nCHN-USA\n--freq\nday",
    "explain": "explain\nscenario.toml",
    "frustration": "frustration\n--edges\nedges.csv",
    "import": "import-series\nmonthly.csv\n--name\ngz",
    "var": "var\n--input\nmonthly.csv\n--lags\n1\n--irf\n4\n--forecast\n3\n--granger",
    "var_lags0": "var\n--input\nmonthly.csv\n--lags\n0\n--trend\nn\n--granger",
    "var_save": "var\n--input\nseries.csv\n--maxlags\n3\n--save\nfit2.json",
    "backtest": "backtest\n--input\nseries.csv",
    "simulate": "simulate\nscenario.toml\n--paths\n50",
    "optimize": "optimize\nscenario.toml\n--budget\n1",
    "report": "report\n--actors\nCHN,USA,JPN\n--out\nr.html",
    "report_json": "report\n--actors\nCHN,USA,JPN\n--format\njson\n--out\nr.json",
    "render": "render\nmodel.json\n--out\nr.html",
    "help": "--help",
}
for name, args in cli.items():
    put("cli_fuzz", name, args)
options = set()
commands = ["--help"] + [re.match(r"\w[\w-]*", v).group(0) for v in cli.values() if v[0] != "-"]
for cmd in sorted(set(commands)) if triad.exists() else ():
    args = [str(triad)] + ([cmd, "--help"] if cmd != "--help" else ["--help"])
    text = subprocess.run(args, capture_output=True, text=True).stdout
    options.update(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", text))
    options.add(cmd)
words = options | {"events.tsv", "icews.tab", "series.csv", "monthly.csv", "edges.csv",
                   "scenario.toml", "fit.json", "model.json", "triad.db", "-", "0", "-1", "1e308",
                   "nan", "CHN-USA", "CHN,USA,JPN", "day", "week", "month", "year", "json", "n"}
(build / "cli.dict").write_text("".join(f'"{w}"\n' for w in sorted(words)))
print(f"seeds: {sum(1 for _ in seeds.rglob('*') if _.is_file())} files in {seeds}; "
      f"{len(words)} words in {build / 'cli.dict'}")
