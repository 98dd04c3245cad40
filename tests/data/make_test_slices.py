#!/usr/bin/python3
"""Cuts the small real slices under tests/data/ from the project's shared data folder.

Usage: /usr/bin/python3 tests/data/make_test_slices.py [SHARED_DATA_DIR]
       (default SHARED_DATA_DIR: the shared/data folder beside the repository)

This is a generator run by hand, like scripts/codebook/build_cameo.py: it is the only place that
reads that folder, and no test runs it. A user's clone has no such folder; the tests read only the
files this script wrote (and data/sample, which is bundled). Re-running it gives the same bytes.
Each folder's README.md names the origin (repository, path, commit) and licence of each slice.
"""
import csv
import glob
import io
import os
import shutil
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(REPO, "tests", "data")

# Rows kept from the head of each raw 15-minute file: enough dyadic rows (about 220 over the
# four files) that the SQL cross-check compares more than 100 cells (119).
RAW_ROWS = 500
# The Correlates-of-War windows the tests use: the smallest (46-49) and the largest (90-93).
COW_WINDOWS = ("46-49", "90-93")
# The daily GDELT dyad file: the three triangle columns over the period the test reads.
DAILY_COLUMNS = ("date", "CHN_USA", "CHN_JPN", "USA_JPN")
DAILY_LAST = "20201231"
# cameo-codes.csv without its three long text columns (description, usage_notes, example).
CAMEO_MANUAL_DROPPED = ("description", "usage_notes", "example")


def read_lines(path):
    with open(path, encoding="utf-8", newline="\n") as f:
        return f.readlines()


def write_lines(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)


def copy(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copyfile(src, dst)


def first_row_per_key(lines, keys_of):
    """The rows that bring at least one key not seen in an earlier row, in file order."""
    seen, kept = set(), []
    for line in lines:
        new = {k for k in keys_of(line.rstrip("\n").split("\t")) if k and k not in seen}
        if new:
            kept.append(line)
            seen |= new
    return kept


def events(shared):
    mirror = os.path.join(shared, "gdelt2", "shouldiflee-mirror-2025")
    for path in sorted(glob.glob(os.path.join(mirror, "15min", "202505*.export.CSV")))[:4]:
        write_lines(os.path.join(OUT, "events", "gdelt2_15min_head", os.path.basename(path)),
                    read_lines(path)[:RAW_ROWS])
    # Every actor country code of one complete 15-minute file, each in the first row using it.
    write_lines(os.path.join(OUT, "events", "gdelt2_20161013151500_country_rows.tsv"),
                first_row_per_key(read_lines(os.path.join(shared, "gdelt2", "20161013151500.export.CSV")),
                                  lambda f: (f[7], f[17])))
    # Every CAMEO event code of the 2025 triangle subset, each in the first row using it.
    write_lines(os.path.join(OUT, "events", "gdelt2_triangle_event_code_rows.tsv"),
                first_row_per_key(read_lines(os.path.join(mirror, "subsets", "triangle_CHN_USA_JPN.export.tsv")),
                                  lambda f: (f[26],)))


def cameo(shared):
    src = os.path.join(shared, "cameo")
    copy(os.path.join(src, "spark-gdelt", "cameoEvent.txt"), os.path.join(OUT, "cameo", "cameoEvent.txt"))
    copy(os.path.join(src, "spark-gdelt", "cameoCountry.txt"), os.path.join(OUT, "cameo", "cameoCountry.txt"))
    copy(os.path.join(src, "gdelt-lookups", "CAMEO.goldsteinscale.txt"),
         os.path.join(OUT, "cameo", "CAMEO.goldsteinscale.txt"))
    # R's write.csv layout kept: text columns quoted, numbers bare. The dropped columns hold the
    # only bytes that are not UTF-8, so the slice is plain ASCII/UTF-8.
    with open(os.path.join(src, "icews-r", "cameo-codes.csv"), encoding="latin-1", newline="") as f:
        rows = list(csv.reader(f))
    keep = [i for i, name in enumerate(rows[0]) if name not in CAMEO_MANUAL_DROPPED]
    quoted = {i for i, name in enumerate(rows[0]) if name in ("", "name", "code", "root_code")}
    out = io.StringIO()
    for n, row in enumerate(rows):
        fields = []
        for i in keep:
            text = row[i]
            if n == 0 or (i in quoted and text != "NA"):
                text = '"' + text.replace('"', '""') + '"'
            fields.append(text)
        out.write(",".join(fields) + "\n")
    write_lines(os.path.join(OUT, "cameo", "cameo-codes.csv"), [out.getvalue()])


def signed(shared):
    src = os.path.join(shared, "signed-networks", "signnet")
    copy(os.path.join(src, "tribes_edges.csv"), os.path.join(OUT, "signed", "tribes_edges.csv"))
    lines = read_lines(os.path.join(src, "cow_signed_networks_edges.csv"))
    write_lines(os.path.join(OUT, "signed", "cow_signed_networks_edges_46-49_90-93.csv"),
                lines[:1] + [line for line in lines[1:] if line.split(",", 1)[0] in COW_WINDOWS])


def series(shared):
    daily = os.path.join(shared, "series-gdelt", "gzemo-daily-graph", "dyads_20_actors_daily_2018-2024.csv")
    lines = read_lines(daily)
    header = lines[0].rstrip("\n").split(",")
    columns = [header.index(name) for name in DAILY_COLUMNS]
    out = []
    for line in lines:
        fields = line.rstrip("\n").split(",")
        if fields[0] == "date" or fields[0] <= DAILY_LAST:
            out.append(",".join(fields[i] for i in columns) + "\n")
    write_lines(os.path.join(OUT, "series", "gzemo_daily_chn_usa_jpn_2018-2020.csv"), out)
    copy(os.path.join(shared, "unga-affinity", "derived_triangle_unga_affinity_by_year.csv"),
         os.path.join(OUT, "series", "unga_affinity_triangle_by_year.csv"))


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(REPO), "shared", "data")
    events(shared)
    cameo(shared)
    signed(shared)
    series(shared)


if __name__ == "__main__":
    main()
