#!/usr/bin/python3
"""Build gdelt_weekly_triangle_drivers.csv from the shared daily GDELT dyad scores: the weekly
triangle (as make_gdelt_weekly_triangle.py) with two of the essay's drivers, built from the same
file's other dyads with the codebook's groups (data/codebook/groups.csv):
  REGIONAL      relations among the ASIA_PACIFIC_REGIONAL members in the file (KOR, AUS, IND, PHL,
                VNM, IDN, SGP, MYS, THA): the mean of their 36 pairs;
  GLOBAL_SOUTH  the triad's relations with the GLOBAL_SOUTH (G77) members in the file (IDN, IND,
                MYS, PHL, PRK, SGP, THA, VNM): the mean of the 24 pairs with CHN, USA or JPN.
Each column is the mean over the days of the ISO week present in the input (Monday start) of the
daily value (for a driver: the mean of its pairs that day), rounded to 6 decimals; units are the
input's (daily sums of Goldstein-based edge scores, see shared/data/README.md). The economic and
security drivers need event codes, which the daily sums do not keep.
Usage: make_gdelt_weekly_drivers.py DAILY.csv > gdelt_weekly_triangle_drivers.csv
"""
import csv
import datetime
import itertools
import sys

TRIANGLE = ["CHN_USA", "CHN_JPN", "USA_JPN"]
ORDER = ["CHN", "USA", "JPN", "TWN", "KOR", "PRK", "RUS", "IND", "AUS", "PHL", "VNM", "IDN", "SGP",
         "MYS", "THA", "GBR", "DEU", "FRA", "CAN", "UKR"]  # the input's column order
REGIONAL = ["KOR", "AUS", "IND", "PHL", "VNM", "IDN", "SGP", "MYS", "THA"]
GLOBAL_SOUTH = ["IDN", "IND", "MYS", "PHL", "PRK", "SGP", "THA", "VNM"]


def pair(a, b):
    return f"{a}_{b}" if ORDER.index(a) < ORDER.index(b) else f"{b}_{a}"


def main(path):
    regional = [pair(a, b) for a, b in itertools.combinations(REGIONAL, 2)]
    global_south = [pair(a, b) for a in ("CHN", "USA", "JPN") for b in GLOBAL_SOUTH]
    assert len(regional) == 36 and len(global_south) == 24
    weeks = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            day = datetime.datetime.strptime(row["date"], "%Y%m%d").date()
            monday = day - datetime.timedelta(days=day.weekday())
            values = [float(row[c]) for c in TRIANGLE]
            values.append(sum(float(row[c]) for c in regional) / len(regional))
            values.append(sum(float(row[c]) for c in global_south) / len(global_south))
            sums = weeks.setdefault(monday, [0.0] * len(values) + [0])
            for i, v in enumerate(values):
                sums[i] += v
            sums[-1] += 1
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["week"] + TRIANGLE + ["REGIONAL", "GLOBAL_SOUTH"])
    for monday in sorted(weeks):
        sums = weeks[monday]
        out.writerow([monday.isoformat()] + ["%.6f" % (s / sums[-1]) for s in sums[:-1]])


if __name__ == "__main__":
    main(sys.argv[1])
