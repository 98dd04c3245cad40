#!/usr/bin/python3
"""Does the relation index measure relations? (issue 10's last check; reads ../shared, not a test)

Usage: bench/index_validation.py [SHARED_DATA_DIR] [--episodes bench/index_episodes.csv]
Run with Debian's /usr/bin/python3 (numpy, scipy).

Data (see SHARED_DATA_DIR/README.md):
- series-gdelt/gzemo-daily-graph/dyads_20_actors_daily_2018-2024.csv: daily GDELT 2.0 dyad
  sums (mostly Goldstein) for the 190 pairs of 20 actors, 2018-01-01 .. 2024-02-23, 96 days absent;
- .../daily_matrix_volume_2018-2024.csv: the day's sum of |cell| over the whole 249x249 matrix.
  Sums scale with news volume (about -40% from 2018 to 2020-22), so each daily value is divided
  by that day's volume and multiplied by the mean volume: "index points at average volume".
- unga-affinity/unvotes: roll calls 2018 and 2019 (2020 holds one): Voeten's agreement
  (same votes + half of those where one abstains) / joint votes, per dyad-year.
- unga-affinity/voeten_idealpoints_july2025.csv: |ideal point A - ideal point B| (final-passage
  votes), per dyad-year, 2018-2023 (2024 is cut off in the GDELT series after February).

Prints:
1. Correlations of the yearly index (mean of the normalised daily values of the year) with UNGA
   agreement and with minus the ideal-point distance, across dyad-years (Pearson and Spearman),
   pooled and within dyads (each dyad's mean removed: do relations that improve also converge in
   votes?), for all pairs with UN data and for the three triangle dyads.
2. Around each dated episode (bench/index_episodes.csv, with sources): the dyad's normalised
   index over days 0..+6 minus days -28..-1, in standard deviations of that dyad's 7-day-minus-
   28-day changes over all days, its percentile among them, and whether its sign is the expected
   one.
"""
import argparse
import csv
import datetime as dt
import math
import os
from collections import defaultdict

import numpy as np
from scipy import stats

ISO2 = {"CHN": "CN", "USA": "US", "JPN": "JP", "TWN": "TW", "KOR": "KR", "PRK": "KP", "RUS": "RU",
        "IND": "IN", "AUS": "AU", "PHL": "PH", "VNM": "VN", "IDN": "ID", "SGP": "SG", "MYS": "MY",
        "THA": "TH", "GBR": "GB", "DEU": "DE", "FRA": "FR", "CAN": "CA", "UKR": "UA"}
TRIANGLE = ("CHN_USA", "CHN_JPN", "USA_JPN")


def read_daily(shared):
    base = os.path.join(shared, "series-gdelt", "gzemo-daily-graph")
    volume = {}
    with open(os.path.join(base, "daily_matrix_volume_2018-2024.csv")) as f:
        for row in csv.DictReader(f):
            volume[row["date"]] = float(row["sum_abs_all_cells"])
    mean_volume = float(np.mean(list(volume.values())))
    days, values = [], defaultdict(list)
    with open(os.path.join(base, "dyads_20_actors_daily_2018-2024.csv")) as f:
        reader = csv.reader(f)
        header = next(reader)
        for row in reader:
            day = dt.datetime.strptime(row[0], "%Y%m%d").date()
            scale = mean_volume / volume[row[0]]
            days.append(day)
            for name, v in zip(header[1:], row[1:]):
                values[name].append(float(v) * scale)
    return days, {k: np.array(v) for k, v in values.items()}, mean_volume


def yearly_index(days, values, years):
    year_of = np.array([d.year for d in days])
    return {(dyad, y): float(v[year_of == y].mean()) for dyad, v in values.items() for y in years}


def unga_agreement(shared, years):
    base = os.path.join(shared, "unga-affinity", "unvotes")
    year_of = {}
    with open(os.path.join(base, "un_roll_calls.csv")) as f:
        for row in csv.DictReader(f):
            year_of[row["rcid"]] = int(row["date"][:4])
    votes = defaultdict(dict)  # rcid -> iso2 -> vote
    with open(os.path.join(base, "un_votes_20_actors.csv")) as f:
        for row in csv.DictReader(f):
            if year_of.get(row["rcid"]) in years:
                votes[row["rcid"]][row["country_code"]] = row["vote"]
    counts = defaultdict(lambda: [0, 0, 0])  # joint, same, one abstains
    codes = list(ISO2)
    for rcid, by in votes.items():
        y = year_of[rcid]
        for i, a in enumerate(codes):
            for b in codes[i + 1:]:
                va, vb = by.get(ISO2[a]), by.get(ISO2[b])
                if va is None or vb is None:
                    continue
                c = counts[(f"{a}_{b}", y)]
                c[0] += 1
                c[1] += va == vb
                c[2] += (va == "abstain") != (vb == "abstain")
    return {k: (s + 0.5 * h) / j for k, (j, s, h) in counts.items() if j >= 10}


def ideal_point_distance(shared, years):
    points = {}
    with open(os.path.join(shared, "unga-affinity", "voeten_idealpoints_july2025.csv")) as f:
        for row in csv.DictReader(f):
            if row["iso3c"] in ISO2 and int(row["year"]) in years and row["idealpointfp"]:
                points[(row["iso3c"], int(row["year"]))] = float(row["idealpointfp"])
    codes = list(ISO2)
    out = {}
    for i, a in enumerate(codes):
        for b in codes[i + 1:]:
            for y in years:
                if (a, y) in points and (b, y) in points:
                    out[(f"{a}_{b}", y)] = abs(points[(a, y)] - points[(b, y)])
    return out


def correlate(index, other, sign, keys):
    keys = [k for k in keys if k in other and k in index and math.isfinite(index[k])]
    x = np.array([index[k] for k in keys])
    y = np.array([sign * other[k] for k in keys])
    pooled = (stats.pearsonr(x, y)[0], stats.spearmanr(x, y)[0])
    # Within dyads: each dyad's mean removed (dyads with at least two years).
    by = defaultdict(list)
    for k, a, b in zip(keys, x, y):
        by[k[0]].append((a, b))
    wx, wy = [], []
    for pairs in by.values():
        if len(pairs) >= 2:
            a, b = np.array(pairs).T
            wx.extend(a - a.mean())
            wy.extend(b - b.mean())
    within = stats.pearsonr(wx, wy)[0] if len(wx) > 2 else float("nan")
    return len(keys), len(by), pooled, within


def episode_moves(days, values, episodes):
    index_of = {d: i for i, d in enumerate(days)}
    day_list = np.array(days)
    rows = []
    for e in episodes:
        v = values[e["dyad"]]
        # 7-day-minus-28-day change at every day with full windows (absent days are skipped).
        def change(i0):
            d0 = days[i0]
            after = [j for j in range(i0, min(i0 + 7, len(days))) if (days[j] - d0).days < 7]
            before = [j for j in range(max(0, i0 - 28), i0) if 0 < (d0 - days[j]).days <= 28]
            if len(after) < 4 or len(before) < 14:
                return float("nan")
            return v[after].mean() - v[before].mean()
        all_changes = np.array([change(i) for i in range(len(days))])
        all_changes = all_changes[np.isfinite(all_changes)]
        day = dt.date.fromisoformat(e["date"])
        i0 = index_of.get(day)
        if i0 is None:  # an absent day: the next present one
            i0 = int(np.searchsorted(day_list, day))
        c = change(i0)
        z = c / all_changes.std()
        pct = 100 * (all_changes < c).mean()
        expected = 1 if e["expected"] == "+" else -1
        rows.append((e, c, z, pct, np.sign(c) == expected))
    return rows


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser()
    p.add_argument("shared", nargs="?", default=os.path.join(here, "..", "..", "shared", "data"))
    p.add_argument("--episodes", default=os.path.join(here, "index_episodes.csv"))
    a = p.parse_args()
    days, values, mean_volume = read_daily(a.shared)
    years = list(range(2018, 2024))
    index = yearly_index(days, values, years)
    agreement = unga_agreement(a.shared, {2018, 2019})
    distance = ideal_point_distance(a.shared, set(years))
    print(f"daily values normalised to the mean volume ({mean_volume:,.0f}); yearly index = mean "
          "over the days present\n")
    print("| measure of UN voting | dyads | dyad-years | Pearson r | Spearman rho | within-dyad r |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, other, sign, years_used in (("agreement (Voeten), 2018-2019", agreement, 1, (2018, 2019)),
                                          ("minus ideal-point distance, 2018-2023", distance, -1,
                                           years)):
        for subset, dyads in (("all pairs", list(values)), ("CHN-USA, CHN-JPN, USA-JPN", TRIANGLE)):
            keys = [(d, y) for d in dyads for y in years_used]
            n, nd, (r, rho), within = correlate(index, other, sign, keys)
            print(f"| {name}, {subset} | {nd} | {n} | {r:+.2f} | {rho:+.2f} | {within:+.2f} |")
    print()
    for dyad in TRIANGLE:
        line = ", ".join(f"{y} {index[(dyad, y)]:+.0f}" for y in years)
        ag = ", ".join(f"{y} {agreement[(dyad, y)]:.3f}" for y in (2018, 2019) if (dyad, y) in agreement)
        dist = ", ".join(f"{y} {distance[(dyad, y)]:.2f}" for y in years if (dyad, y) in distance)
        print(f"{dyad}: yearly index {line}; agreement {ag}; ideal-point distance {dist}")
    print()
    with open(a.episodes) as f:
        episodes = [r for r in csv.DictReader(f) if not r["date"].startswith("#")]
    rows = episode_moves(days, values, episodes)
    print("| date | dyad | episode | expected | change (7 d after - 28 d before) | in s.d. | percentile | as expected |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for e, c, z, pct, ok in rows:
        print(f"| {e['date']} | {e['dyad']} | {e['episode']} | {e['expected']} | {c:+.0f} | "
              f"{z:+.2f} | {pct:.0f} | {'yes' if ok else 'no'} |")
    hits = sum(ok for *_, ok in rows)
    big = sum(ok and abs(z) >= 1 for _, _, z, _, ok in rows)
    print(f"\n{hits} of {len(rows)} episodes move the index in the expected direction; {big} of "
          f"them by at least one s.d. of the dyad's 7-vs-28-day changes "
          f"(binomial p = {stats.binomtest(hits, len(rows), 0.5, alternative='greater').pvalue:.3f}"
          " against a coin flip)")


if __name__ == "__main__":
    main()
