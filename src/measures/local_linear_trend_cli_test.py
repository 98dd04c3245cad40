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
