"""`triad index`, `import-series`, `balance` and `network` on real data, cross-checked against
SQL over the store's cells and against the imported files themselves.

Usage: python3 relations_cli_test.py PATH/TO/triad   (env TRIAD_SOURCE_DIR)

* The store: the bundled 2025 GDELT 2.0 subset (106,096 dyadic rows with CHN, USA or JPN).
* index: weekly raw means, standard errors, counts and net cooperation equal the same GROUP BY in
  sqlite3 (1e-9); the world baseline equals the dyad mean minus the all-cells mean; --min-events
  blanks periods (null, counts kept); --channel economic equals SQL on channel 1.
* balance: the same output twice; the four type probabilities sum to 1 in every period.
* import-series: the bundled monthly file read back at month (exact to 1e-9) and year (the mean
  of the months); --freq week refused; a bad re-import leaves the old series; a good one
  replaces it; the UN voting affinity file converted to long format; the daily GDELT file
  (2018-2020 slice) aggregated to months equals the published monthly values
  (tests/data/series/README.md).
* network: an Asia-Pacific group network; edges, triangles and the frustration index consistent
  with the listed dyads; the range index of a pair equals SQL over the whole period.
"""
import csv
import json
import math
import os
import sqlite3
import subprocess
import sys
import tempfile

TRIAD = sys.argv[1]
SOURCE = os.environ["TRIAD_SOURCE_DIR"]
ZIP = os.path.join(SOURCE, "data", "sample", "dyads_involving_CHN_USA_JPN.export.tsv.zip")
SERIES = os.path.join(SOURCE, "tests", "data", "series")
MONTHLY = os.path.join(SERIES, "gzemo_monthly_chn_usa_jpn.csv")
DAILY = os.path.join(SERIES, "gzemo_daily_chn_usa_jpn_2018-2020.csv")
UNGA = os.path.join(SERIES, "unga_affinity_triangle_by_year.csv")
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def triad(*args, ok=True):
    r = subprocess.run([TRIAD, *args], capture_output=True, text=True)
    if ok and r.returncode != 0:
        raise SystemExit(f"triad {' '.join(args)} failed: {r.stderr}")
    return r


def close(a, b, tol):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tol


def day_number(text):
    import datetime
    return (datetime.date.fromisoformat(text) - datetime.date(1970, 1, 1)).days


def week_start(day):
    return day - (day + 3) % 7  # day 0 (1970-01-01) is a Thursday


def sql_week_stats(db, pair, first, last, channel=None):
    """Per week: events, sum, sum of squares and cooperation minus conflict, from cells."""
    where = "day BETWEEN ? AND ?"
    params = [first, last]
    if pair:
        where += " AND ((source = ? AND target = ?) OR (source = ? AND target = ?))"
        params += [pair[0], pair[1], pair[1], pair[0]]
    if channel is not None:
        where += " AND channel = ?"
        params.append(channel)
    rows = db.execute(
        f"SELECT day - (day + 3) % 7, sum(events), sum(goldstein) / 10.0, "
        f"sum(goldstein_sq) / 100.0, sum(CASE WHEN quad_class <= 2 THEN events ELSE -events END) "
        f"FROM cells WHERE {where} GROUP BY 1", params).fetchall()
    return {r[0]: r[1:] for r in rows}


def mean_se(n, s, ss):
    mean = s / n
    var = max(0.0, ss / n - mean * mean) * n / (n - 1)
    return mean, math.sqrt(var / n)


def check_index(store, db):
    # Weekly periods, named: on one month of data the default would be daily (with a note).
    out = json.loads(triad("index", "--store", store, "--freq", "week", "--dyads", "CHN-USA,USA-JPN", "--baseline",
                           "none", "--min-events", "2", "--format", "json").stdout)
    first, last = day_number(out["from"]), day_number(out["to"])
    check(out["baseline"] == "none" and out["freq"] == "week", "index header")
    for entry, pair in zip(out["dyads"], [("CHN", "USA"), ("USA", "JPN")]):
        sql = sql_week_stats(db, pair, first, last)
        check(len(entry["periods"]) == 5, f"{entry['dyad']}: 5 weeks, got {len(entry['periods'])}")
        for p in entry["periods"]:
            n, s, ss, coop = sql.get(week_start(day_number(p["period"])), (0, 0, 0, 0))
            check(p["events"] == n, f"{entry['dyad']} {p['period']}: events {p['events']} vs {n}")
            mean, se = mean_se(n, s, ss)
            check(close(p["value"], mean, 1e-9), f"{entry['dyad']} {p['period']}: mean")
            check(close(p["se"], se, 1e-9), f"{entry['dyad']} {p['period']}: se")
            check(close(p["net_cooperation"], coop / n, 1e-9), f"{entry['dyad']} {p['period']}: net")

    # World baseline: the dyad's mean minus the mean of every cell of the week.
    world = json.loads(triad("index", "--store", store, "--freq", "week", "--dyads", "CHN-JPN", "--format",
                             "json").stdout)
    check(world["baseline"] == "world", "the default baseline for events is world")
    raw = json.loads(triad("index", "--store", store, "--freq", "week", "--dyads", "CHN-JPN", "--baseline", "none",
                           "--format", "json").stdout)
    all_cells = sql_week_stats(db, None, first, last)
    for w, r in zip(world["dyads"][0]["periods"], raw["dyads"][0]["periods"]):
        n, s, _, _ = all_cells[week_start(day_number(w["period"]))]
        check(close(w["value"], r["value"] - s / n, 1e-9), f"world baseline {w['period']}")
        check(w["se"] is not None and w["se"] < r["se"], f"world se {w['period']} below raw se")

    # --min-events: a period below it is missing (null), its count kept.
    high = json.loads(triad("index", "--store", store, "--freq", "week", "--dyads", "CHN-JPN", "--min-events",
                            "200", "--format", "json").stdout)["dyads"][0]["periods"]
    for p in high:
        check((p["value"] is None) == (p["events"] < 200), f"min events {p['period']}")
    check(any(p["value"] is None for p in high) and any(p["value"] is not None for p in high),
          "min events 200 blanks some CHN-JPN weeks and keeps others")

    # --channel economic: the same GROUP BY on channel 1.
    econ = json.loads(triad("index", "--store", store, "--freq", "week", "--dyads", "CHN-USA", "--baseline", "none",
                            "--channel", "economic", "--format", "json").stdout)
    sql = sql_week_stats(db, ("CHN", "USA"), first, last, channel=1)
    for p in econ["dyads"][0]["periods"]:
        n, s, ss, _ = sql.get(week_start(day_number(p["period"])), (0, 0, 0, 0))
        check(p["events"] == n, f"economic events {p['period']}")
        if n >= 5:
            check(close(p["value"], s / n, 1e-9), f"economic mean {p['period']}")

    csv_out = triad("index", "--store", store, "--freq", "week", "--dyads", "CHN-USA", "--format", "csv").stdout
    check(csv_out.splitlines()[0] == "period,dyad,value,se,events,net_cooperation,coverage,coverage_flag,dominant_member,dominant_share", "index csv header")
    table = triad("index", "--store", store, "--freq", "week", "--dyads", "CHN-USA,CHN-JPN,USA-JPN").stdout
    check("baseline world" in table and "CHN-JPN" in table, "index table")


def check_balance(store):
    args = ["balance", "--store", store, "--actors", "CHN,USA,JPN", "--format", "json"]
    first, second = triad(*args).stdout, triad(*args).stdout
    check(first == second, "balance: the same input gives the same output")
    out = json.loads(first)
    check([d["dyad"] for d in out["dyads"]] == ["CHN-USA", "CHN-JPN", "USA-JPN"],
          "balance dyad order A-B, A-C, B-C")
    known = 0
    for p in out["periods"]:
        probs = p["type_probability"]
        if any(v is None for v in probs.values()):
            continue
        known += 1
        check(abs(sum(probs.values()) - 1.0) < 1e-9, f"balance {p['period']}: sum of types")
        check(abs(p["p_balanced"] - probs["menage_a_trois"] - probs["stable_marriage"]) < 1e-12,
              f"balance {p['period']}: P(balanced)")
        signs = [i["sign"] for i in p["dyads"]]
        check(all(math.copysign(1, i["level"]) == s for i, s in zip(p["dyads"], signs)),
              f"balance {p['period']}: signs of the smoothed levels")
    # The periods of the trend model's diffuse start (the first two, or up to each dyad's second
    # observation) have no known level variance: unknown periods are leading ones only, and on
    # this store (no events on the first day) there are three.
    unknown = [i for i, p in enumerate(out["periods"]) if p["type_probability"]["menage_a_trois"] is None]
    check(unknown == list(range(len(unknown))) and len(unknown) <= 3 and known >= 4,
          f"balance: {known} periods with types, unknown {unknown}")
    periods = [p["period"] for p in out["periods"]]
    check(out["triangle"] is not None and out["triangle"]["since"] in periods, "balance: since")
    for c in out["changes"]:
        check(c["date"] in periods and c["from"] != c["to"], f"balance change {c}")
    table = triad(*args[:-2]).stdout
    check("persistent structure:" in table and " since " in table,
          "balance table ends with the persistent structure and since when")
    csv_out = triad(*args[:-1], "csv").stdout.splitlines()
    check(len(csv_out) == len(periods) + 1, "balance csv: one row per period")
    bad = triad("balance", "--store", store, "--actors", "CHN,USA", ok=False)
    check(bad.returncode == 2 and "exactly three" in bad.stderr, "balance needs three actors")


def monthly_rows():
    with open(MONTHLY) as f:
        return list(csv.DictReader(f))


def index_values(store, source, dyad, freq, extra=()):
    out = json.loads(triad("index", "--store", store, "--dyads", dyad, "--source", source,
                           "--freq", freq, "--format", "json", *extra).stdout)
    return {p["period"]: p for p in out["dyads"][0]["periods"]}


def check_import(store, tmp):
    r = json.loads(triad("import-series", MONTHLY, "--name", "gz", "--store", store,
                         "--format", "json").stdout)
    check(r["layout"] == "wide" and r["resolution"] == "month" and r["dyads"] == 3
          and r["values"] == 66 * 3 and not r["replaced"], f"import monthly: {r}")
    rows = monthly_rows()
    months = index_values(store, "gz", "USA-CHN", "month")
    for row in rows:
        p = months[row["month"] + "-01"]
        check(close(p["value"], float(row["CHN_USA"]), 1e-9), f"monthly {row['month']}")
    years = index_values(store, "gz", "CHN-JPN", "year")
    for year in ("2018", "2022"):
        vals = [float(r["CHN_JPN"]) for r in rows if r["month"].startswith(year)]
        p = years[year + "-01-01"]
        check(close(p["value"], sum(vals) / len(vals), 1e-9) and p["events"] == 12,
              f"yearly mean {year}")
    finer = triad("index", "--store", store, "--dyads", "CHN-USA", "--source", "gz", "--freq",
                  "week", ok=False)
    check(finer.returncode == 2 and "coarser than --freq week" in finer.stderr,
          f"finer --freq refused: {finer.stderr}")

    # A bad re-import changes nothing; the error names file, line and column.
    bad = os.path.join(tmp, "bad.csv")
    with open(MONTHLY) as f, open(bad, "w") as out:
        lines = f.read().splitlines()
        lines[40] = lines[40].rsplit(",", 1)[0] + ",1.2.3"
        out.write("\n".join(lines) + "\n")
    r = triad("import-series", bad, "--name", "gz", "--store", store, ok=False)
    check(r.returncode == 1 and "bad.csv:41" in r.stderr and "USA_JPN" in r.stderr,
          f"bad cell error: {r.stderr}")
    check(index_values(store, "gz", "CHN-USA", "month")["2018-01-01"]["value"] is not None,
          "the old series survives a failed import")

    # UN voting affinity (long: date = year), replacing the monthly series under the same name.
    long_file = os.path.join(tmp, "unga_long.csv")
    expected = {}
    with open(UNGA) as f, open(long_file, "w") as out:
        out.write("date,source,target,value\n")
        for row in csv.DictReader(f):
            if row["agree_voeten"]:
                a, b = row["dyad"].split("_")
                out.write(f"{row['year']},{a},{b},{row['agree_voeten']}\n")
                expected[(row["dyad"], row["year"])] = float(row["agree_voeten"])
    r = json.loads(triad("import-series", long_file, "--name", "gz", "--store", store,
                         "--format", "json").stdout)
    check(r["replaced"] and r["layout"] == "long" and r["resolution"] == "year"
          and r["values"] == len(expected), f"import UNGA: {r}")
    unga = index_values(store, "gz", "CHN-USA", "year")
    check(close(unga["2019-01-01"]["value"], expected[("USA_CHN", "2019")], 1e-12)
          and close(unga["2019-01-01"]["value"], 0.2045, 1e-12), "UNGA USA-CHN 2019 = 0.2045")
    db = sqlite3.connect(store)
    n = db.execute("SELECT count(*) FROM imported_values v JOIN imported_series s "
                   "ON s.id = v.series_id WHERE s.name = 'gz'").fetchone()[0]
    check(n == len(expected), f"replaced series holds only the new values ({n})")
    db.close()

    # The daily file (2018-2020 of the 2018-2024 series): its monthly means are the published
    # monthly values (tests/data/series/README.md: CHN_USA 2018-01 = 346.960442, 2020-05 =
    # 120.929111; the monthly file gzemo_monthly_chn_usa_jpn.csv has the same two values).
    triad("import-series", DAILY, "--name", "daily", "--store", store)
    daily = index_values(store, "daily", "CHN-USA", "month", ("--from", "2018-01-01", "--to",
                                                             "2020-12-31"))
    check(close(daily["2018-01-01"]["value"], 346.960442, 1e-6), "daily -> 2018-01")
    check(close(daily["2020-05-01"]["value"], 120.929111, 1e-6), "daily -> 2020-05")
    check(daily["2020-05-01"]["events"] == 31, "31 daily values in May 2020")
    own = index_values(store, "daily", "CHN-USA", "month", ("--baseline", "own", "--from",
                                                           "2018-01-01", "--to", "2020-12-31"))
    check(own["2018-06-01"]["value"] is None and own["2019-01-01"]["value"] is not None,
          "own baseline: missing before 6 months of history, known after")


def check_network(store, db):
    out = json.loads(triad("network", "--store", store, "--group", "ASIA_PACIFIC_REGIONAL",
                           "--actors", "CHN,USA,JPN", "--format", "json").stdout)
    edges = [d for d in out["dyads"] if d["sign"] != 0]
    # 14 members, but Timor-Leste (TMP) joins on 2025-10-26, after the sample; plus CHN USA JPN.
    check(len(out["actors"]) == 16 and "TMP" not in out["actors"],
          f"group members in the period plus CHN, USA, JPN: {out['actors']}")
    check(out["edges"] == len(edges) and out["edges"] > 20, f"network edges {out['edges']}")
    for d in out["dyads"]:
        if d["sign"] == 0:
            check(d["value"] is None and d["events"] < 5, f"dropped dyad {d['dyad']}")
    check(out["positive_edges"] == sum(d["sign"] > 0 for d in edges), "positive edges")
    f = out["frustration"]
    check(f["status"] == "exact" and f["index"] == len(f["frustrated_edges"]), "frustration")
    check(close(out["fraction_balanced"], out["balanced_triangles"] / out["triangles"], 1e-12),
          "fraction of balanced triangles")
    check(0 < out["walk_balance_index"] <= 1, "walk index in (0, 1]")
    # One index over the whole period, checked against SQL.
    raw = json.loads(triad("network", "--store", store, "--actors", "CHN,USA,JPN", "--baseline",
                           "none", "--format", "json").stdout)
    first, last = day_number(raw["from"]), day_number(raw["to"])
    n, s = db.execute("SELECT sum(events), sum(goldstein) / 10.0 FROM cells WHERE day BETWEEN ? "
                      "AND ? AND source IN ('CHN','JPN') AND target IN ('CHN','JPN')",
                      (first, last)).fetchone()
    chn_jpn = [d for d in raw["dyads"] if d["dyad"] == "CHN-JPN"][0]
    check(chn_jpn["events"] == n and close(chn_jpn["value"], s / n, 1e-9), "network CHN-JPN")
    check(raw["triangles"] == 1, "three actors: one triangle")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        store = os.path.join(tmp, "rel.db")
        triad("ingest", "--store", store, "--quiet", ZIP)
        db = sqlite3.connect(store)
        check_index(store, db)
        check_balance(store)
        check_network(store, db)
        db.close()
        check_import(store, tmp)
    if FAILURES:
        print(f"{len(FAILURES)} failures")
        sys.exit(1)
    print("ok")


main()
