#!/usr/bin/python3
"""Rebuild gdelt_weekly_chn_usa_jpn.csv from the shared daily GDELT dyad scores.

Input: shared/data/series-gdelt/gzemo-daily-graph/dyads_20_actors_daily_2018-2024.csv
(daily sums of Goldstein-based edge scores per undirected dyad; see shared/data/README.md).
Output: one row per ISO week (Monday start) that has at least one day in the input, with the
mean of the days present for CHN_USA, CHN_JPN and USA_JPN, rounded to 6 decimals. Missing days
are absent rows in the input, so a week's mean is over the days present, never over zeros.
Usage: make_gdelt_weekly_triangle.py DAILY.csv > gdelt_weekly_chn_usa_jpn.csv
"""
import csv
import datetime
import sys

COLUMNS = ["CHN_USA", "CHN_JPN", "USA_JPN"]


def main(path):
    weeks = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            day = datetime.datetime.strptime(row["date"], "%Y%m%d").date()
            monday = day - datetime.timedelta(days=day.weekday())
            sums = weeks.setdefault(monday, [0.0] * len(COLUMNS) + [0])
            for i, name in enumerate(COLUMNS):
                sums[i] += float(row[name])
            sums[-1] += 1
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["week"] + COLUMNS)
    for monday in sorted(weeks):
        sums = weeks[monday]
        out.writerow([monday.isoformat()] + ["%.6f" % (s / sums[-1]) for s in sums[:-1]])


if __name__ == "__main__":
    main(sys.argv[1])
