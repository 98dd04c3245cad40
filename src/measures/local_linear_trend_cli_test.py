"""triad momentum as a user meets it: the CSV reader, the output formats, the errors.

Usage: /usr/bin/python3 local_linear_trend_cli_test.py PATH/TO/triad
"""
import json
import os
import subprocess
import sys
import tempfile

TRIAD = sys.argv[1]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def triad(*args):
    return subprocess.run([TRIAD, "momentum", *args], capture_output=True, text=True)


def write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def main():
    with tempfile.TemporaryDirectory() as tmp:
        # Monthly rows with one month absent (2020-04) and one empty cell (2020-07).
        rows = ["date,other,score"]
        for month in range(1, 25):
            year, m = 2020 + (month - 1) // 12, (month - 1) % 12 + 1
            if (year, m) == (2020, 4):
                continue
            value = "" if (year, m) == (2020, 7) else f"{10 + 1.5 * month + (month % 3) * 0.4:.3f}"
            rows.append(f"{year}-{m:02d}-01,x,{value}")
        monthly = write(tmp, "monthly.csv", "\n".join(rows) + "\n")

        out = triad("--input", monthly, "--column", "score", "--format", "json")
        check(out.returncode == 0, f"monthly fit failed: {out.stderr}")
        result = json.loads(out.stdout)
        check(result["frequency"] == "month", f"frequency {result['frequency']}")
        check(result["periods"] == 24 and result["observations"] == 22,
              f"periods {result['periods']} observations {result['observations']}")
        check(result["absent_rows"] == 1, f"absent rows {result['absent_rows']}")
        check(result["states"][3]["date"] == "2020-04-01" and result["states"][3]["y"] is None,
              "the absent month is a missing period")
        check(abs(result["days_per_period"] - 365.2425 / 12) < 1e-12, "days per month")
        m = result["momentum"]
        # About 1.5 per month, i.e. 1.5 * 30 / 30.44 per 30 days.
        check(abs(m["per_30_days"] - 1.5 * 30 / (365.2425 / 12)) < 0.1, f"momentum {m}")
        check(m["direction"] == "improving", f"direction {m['direction']}")

        out = triad("--input", monthly, "--column", "score", "--format", "csv")
        lines = out.stdout.strip().split("\n")
        check(lines[0].startswith("date,y,filtered_level,filtered_level_se,filtered_slope"),
              f"csv header {lines[0]}")
        check(len(lines) == 25, f"csv has {len(lines)} lines")
        check(lines[4].startswith("2020-04-01,,"), f"missing period row {lines[4]}")

        out = triad("--input", monthly, "--column", "score", "--tail", "3")
        check(out.returncode == 0 and "momentum at 2021-12-01" in out.stdout
              and "improving" in out.stdout, f"table output:\n{out.stdout}")

        # The table says which columns are filtered and which smoothed, and shows the variances
        # the approximate diffuse prior (1e6) leaves unidentified as blank, never -nan or
        # numbers of rounding error (the first two periods here: both observed).
        out = triad("--input", monthly, "--column", "score", "--tail", "0")
        lines = out.stdout.split("\n")
        head = next(i for i, line in enumerate(lines) if line.startswith("period"))
        check("filtered (rows up to the period)" in lines[head - 1]
              and "smoothed (all rows)" in lines[head - 1]
              and lines[head - 1].index("smoothed") > lines[head].index("slope"),
              f"table header:\n{lines[head - 1]}\n{lines[head]}")
        check("filtered: the state given the rows up to each period; smoothed: given all rows"
              in out.stdout, f"table note:\n{out.stdout}")
        check("se blank in the first 2 periods: unknown" in out.stdout, f"note:\n{out.stdout}")
        first, second, third = lines[head + 1], lines[head + 2], lines[head + 3]
        check(first.startswith("2020-01-01") and len(first.split()) == 5
              and second.startswith("2020-02-01") and len(second.split()) == 5,
              f"first periods show y, level, slope and the smoothed slope only:\n{first}\n{second}")
        check(len(third.split()) == 8, f"third period has every column:\n{third}")
        check("nan" not in out.stdout.lower(), f"nan in the table:\n{out.stdout}")
        # 2020-04 is absent and 2020-07 empty: y is blank there.
        april = next(line for line in lines if line.startswith("2020-04-01"))
        check(april[10:23].strip() == "" and len(april.split()) == 7, f"absent month:\n{april}")

        result = json.loads(triad("--input", monthly, "--column", "score", "--format",
                                  "json").stdout)
        check(result["unknown_variance_periods"] == 2, "json: 2 periods with unknown variances")
        for t in range(3):
            for kind in ("filtered", "smoothed"):
                state = result["states"][t][kind]
                unknown = [state[k] is None for k in ("level_var", "slope_var", "level_slope_cov",
                                                      "level_se", "slope_se")]
                check(all(unknown) if t < 2 else not any(unknown),
                      f"json {kind} t={t}: {state}")
            check(result["states"][t]["smoothed"]["slope"] is not None, "json: slopes are known")
        rows = triad("--input", monthly, "--column", "score", "--format", "csv").stdout.split("\n")
        cells = rows[1].split(",")
        check(cells[3] == "" and cells[5] == "" and cells[7] == "" and cells[9] == ""
              and cells[2] != "" and cells[8] != "", f"csv first period: {rows[1]}")
        check(all(c != "" for c in rows[3].split(",")), f"csv third period: {rows[3]}")
        # With a missing value in the first periods, the unknown periods run to the second
        # observation.
        gap = write(tmp, "early_gap.csv", "date,v\n" + "".join(
            f"2021-01-{d:02d},{'' if d in (2, 3) else f'{d * 0.7 + (d % 4) * 0.3:.2f}'}\n"
            for d in range(1, 29)))
        result = json.loads(triad("--input", gap, "--column", "v", "--format", "json").stdout)
        check(result["unknown_variance_periods"] == 4
              and result["states"][3]["smoothed"]["slope_se"] is None
              and result["states"][4]["smoothed"]["slope_se"] is not None,
              f"unknown periods with an early gap: {result['unknown_variance_periods']}")
        result = json.loads(triad("--input", monthly, "--column", "score", "--format", "json",
                                  "--init", "diffuse").stdout)
        check(result["unknown_variance_periods"] == 0, "exact diffuse: no masked periods")

        # Errors name the file, the line and the field.
        out = triad("--input", monthly, "--column", "nope")
        check(out.returncode == 1 and "no column 'nope'" in out.stderr
              and "other, score" in out.stderr, f"unknown column: {out.stderr}")
        bad = write(tmp, "bad.csv", "date,score\n2020-01-06,1\n2020-01-13,1.5x\n")
        out = triad("--input", bad, "--column", "score", "--freq", "week")
        check(out.returncode == 1 and "bad.csv:3 (field score)" in out.stderr
              and "'1.5x' is not a number" in out.stderr, f"bad number: {out.stderr}")
        unordered = write(tmp, "unordered.csv", "date,score\n2020-01-02,1\n2020-01-01,2\n")
        out = triad("--input", unordered, "--column", "score")
        check(out.returncode == 1 and "unordered.csv:3" in out.stderr
              and "dates must increase" in out.stderr, f"unordered: {out.stderr}")
        same_week = write(tmp, "same_week.csv", "date,score\n2020-01-06,1\n2020-01-07,2\n")
        out = triad("--input", same_week, "--column", "score", "--freq", "week")
        check(out.returncode == 1 and "two rows in the week starting 2020-01-06" in out.stderr,
              f"same week: {out.stderr}")
        short = write(tmp, "short.csv", "date,score\n2020-01-01,1\n2020-01-02,\n2020-01-03,2\n")
        out = triad("--input", short, "--column", "score")
        check(out.returncode == 5 and "at least 3 observed values" in out.stderr,
              f"too short: {out.returncode} {out.stderr}")
        out = triad("--input", monthly, "--column", "score", "--init", "exact")
        check(out.returncode != 0 and "exact" in out.stderr, f"bad --init accepted: {out.stderr}")
        out = triad("--help")
        check("Example:" in out.stdout and "--damped" in out.stdout, "help has an example")

    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
