"""`triad var --input` as a user meets it: the dates of the rows, constant columns, lag order 0.

Usage: /usr/bin/python3 var_cli_test.py PATH/TO/triad
- Duplicated, unsorted or gapped dates are input errors (exit 1) naming file:line and, for a gap,
  the expected date; plain labels (1, 2, ...) are not dates and are not checked.
- A (near) constant column makes the fit fail (exit 5) with a message naming that column.
- --lags 0 fits (no crash); --granger and --irf explain that lag order 0 has no lagged terms, and
  --forecast gives the deterministic mean with the residual covariance as its MSE.
"""
import json
import math
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


def var(*args):
    return subprocess.run([TRIAD, "var", *map(str, args)], capture_output=True, text=True)


def write(directory, name, header, labels, columns):
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        f.write(header + "\n")
        for i, label in enumerate(labels):
            f.write(",".join([label] + [f"{c[i]!r}" for c in columns]) + "\n")
    return path


def wiggles(n):
    a = [math.sin(t / 3.0) + 0.4 * math.cos(t * 1.7) for t in range(n)]
    b = [0.5 * math.sin(t / 5.0 + 1) + 0.3 * math.sin(t * 2.3) for t in range(n)]
    return a, b


def mondays(n, start_day=6):
    """n consecutive Mondays in 2020 from January `start_day` (a Monday)."""
    out = []
    lengths = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    for t in range(n):
        month, dom = 1, start_day + 7 * t
        while dom > lengths[month - 1]:
            dom -= lengths[month - 1]
            month += 1
        out.append(f"2020-{month:02d}-{dom:02d}")
    return out


def check_dates(tmp):
    a, b = wiggles(30)
    weeks = mondays(30)
    good = write(tmp, "good.csv", "date,a,b", weeks, (a, b))
    out = var("--input", good, "--format", "json")
    check(out.returncode == 0, f"consecutive weeks: {out.stderr}")

    dup = weeks[:5] + [weeks[4]] + weeks[6:]  # line 7 repeats line 6's date
    path = write(tmp, "dup.csv", "date,a,b", dup, (a, b))
    out = var("--input", path)
    check(out.returncode == 1 and f"{path}:7 (field date): date {weeks[4]} again (also on line 6)"
          in out.stderr, f"duplicated date: {out.returncode} {out.stderr}")

    swapped = weeks[:3] + [weeks[4], weeks[3]] + weeks[5:]  # line 6 goes back a week
    path = write(tmp, "swapped.csv", "date,a,b", swapped, (a, b))
    out = var("--input", path)
    check(out.returncode == 1 and f"{path}:6 (field date): dates must increase: {weeks[3]} "
          f"follows {weeks[4]} (line 5)" in out.stderr, f"unsorted: {out.returncode} {out.stderr}")

    gapped = weeks[:10] + weeks[11:]  # 2020-03-16 missing: line 12 holds 2020-03-23
    path = write(tmp, "gapped.csv", "date,a,b", gapped, (a[:29], b[:29]))
    out = var("--input", path)
    check(out.returncode == 1 and f"{path}:12 (field date): gap in the dates: expected "
          "2020-03-16 (one week after 2020-03-09 on line 11), found 2020-03-23" in out.stderr,
          f"gapped weeks: {out.returncode} {out.stderr}")

    months = [f"{2019 + m // 12}-{m % 12 + 1:02d}" for m in range(30)]
    path = write(tmp, "months.csv", "month,a,b", months[:7] + months[8:], (a[:29], b[:29]))
    out = var("--input", path)
    check(out.returncode == 1 and f"{path}:9 (field month): gap in the dates: expected "
          "2019-08-01 (one month after 2019-07 on line 8), found 2019-09" in out.stderr,
          f"gapped months: {out.returncode} {out.stderr}")
    # Month ends are regular months too.
    ends = ["2019-01-31", "2019-02-28", "2019-03-31", "2019-04-30", "2019-05-31", "2019-06-30",
            "2019-07-31", "2019-08-31", "2019-09-30", "2019-10-31", "2019-11-30", "2019-12-31"]
    path = write(tmp, "ends.csv", "date,a,b", ends, (a[:12], b[:12]))
    out = var("--input", path)
    check(out.returncode == 0, f"month ends: {out.returncode} {out.stderr}")

    path = write(tmp, "irregular.csv", "date,a,b", weeks[:4] + ["2020-02-01", "2020-02-04"],
                 (a[:6], b[:6]))
    out = var("--input", path)
    check(out.returncode == 1 and f"{path}:7 (field date): 2020-02-04 is 3 days after 2020-02-01"
          in out.stderr, f"irregular step: {out.returncode} {out.stderr}")

    # Labels that are not dates are row names, not checked.
    path = write(tmp, "plain.csv", "period,a,b", [str(i) for i in (3, 1, 2)] * 10, (a, b))
    out = var("--input", path)
    check(out.returncode == 0, f"plain labels: {out.returncode} {out.stderr}")
    # A date column that stops holding dates.
    path = write(tmp, "mixed.csv", "date,a,b", weeks[:5] + ["week 6"] + weeks[6:], (a, b))
    out = var("--input", path)
    check(out.returncode == 1 and f"{path}:7 (field date): 'week 6' is not a date" in out.stderr,
          f"not a date: {out.returncode} {out.stderr}")


def check_constant_columns(tmp):
    a, b = wiggles(30)
    weeks = mondays(30)
    flat = [5.0] * 30
    path = write(tmp, "flat.csv", "date,a,flat,b", weeks, (a, flat, b))
    for trend in ("c", "n", "ct"):
        out = var("--input", path, "--trend", trend)
        check(out.returncode == 5 and "series 'flat' is constant (5) over all 30 rows"
              in out.stderr, f"constant column, trend {trend}: {out.returncode} {out.stderr}")
    near = [5.0 + 1e-13 * math.sin(t) for t in range(30)]
    path = write(tmp, "near.csv", "date,a,near,b", weeks, (a, near, b))
    out = var("--input", path)
    check(out.returncode == 5 and "series 'near' is nearly constant" in out.stderr,
          f"nearly constant column: {out.returncode} {out.stderr}")
    # A constant exogenous column duplicates the constant term: named too.
    path = write(tmp, "flat_exog.csv", "date,a,b,x", weeks, (a, b, flat))
    out = var("--input", path, "--exog", "x")
    check(out.returncode == 5 and "regressor 'x' is constant (5)" in out.stderr,
          f"constant exogenous column: {out.returncode} {out.stderr}")


def check_lag_order_zero(tmp):
    a, b = wiggles(40)
    path = write(tmp, "zero.csv", "date,a,b", mondays(40), (a, b))
    for trend in ("n", "c"):
        out = var("--input", path, "--lags", 0, "--trend", trend, "--granger", "--irf", 8,
                  "--forecast", 4)
        check(out.returncode == 0, f"--lags 0 --trend {trend}: exit {out.returncode} {out.stderr}")
        check("lag order 0: there are no lagged terms, so no series can Granger-cause another"
              in out.stdout and "choose --lags N >= 1" in out.stdout,
              f"--granger at lag 0, trend {trend}:\n{out.stdout}")
        check("lag order 0: there are no lagged terms, so a shock moves nothing" in out.stdout,
              f"--irf at lag 0, trend {trend}:\n{out.stdout}")
        check("nan" not in out.stdout.lower(), f"nan in the lag 0 output:\n{out.stdout}")

        out = var("--input", path, "--lags", 0, "--trend", trend, "--granger", "--irf", 8,
                  "--forecast", 4, "--format", "json")
        check(out.returncode == 0, f"--lags 0 json: {out.returncode} {out.stderr}")
        if out.returncode != 0:
            continue
        report = json.loads(out.stdout)
        check(len(report["notes"]) == 2 and "granger" not in report and "irf" not in report,
              f"json notes {report.get('notes')}")
        # VAR(0): the forecast is the deterministic mean (the sample mean with a constant, 0
        # without) and its MSE is sigma_u at every horizon.
        n = len(a)
        mean = [sum(a) / n, sum(b) / n] if trend == "c" else [0.0, 0.0]
        forecast = report["forecast"]
        for h in range(4):
            for i in range(2):
                check(abs(forecast["mean"][h][i] - mean[i]) < 1e-12,
                      f"lag 0 forecast mean h={h + 1}: {forecast['mean'][h][i]} vs {mean[i]}")
        sigma = report["fit"]["sigma_u"]
        check(all(abs(forecast["mse"][3][i][j] - sigma[i][j]) < 1e-12
                  for i in range(2) for j in range(2)), "lag 0 forecast MSE is sigma_u")
        dof = n - (1 if trend == "c" else 0)
        expected_var = sum((x - mean[0]) ** 2 for x in a) / dof
        check(abs(sigma[0][0] - expected_var) < 1e-12 * max(1, expected_var),
              f"lag 0 sigma_u {sigma[0][0]} vs {expected_var}")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        check_dates(tmp)
        check_constant_columns(tmp)
        check_lag_order_zero(tmp)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
