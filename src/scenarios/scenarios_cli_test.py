#!/usr/bin/python3
"""Command-level checks of `triad simulate`, `optimize` and `backtest`.

Usage: scenarios_cli_test.py PATH/TO/triad   (run by ctest from the source directory)
- The bundled fit scenarios/fit_weekly_triangle.json is what `triad var --lags 2` fits today.
- simulate without levers: mean and s.d. at horizons 1, 5, 20 agree with statsmodels 0.13's
  VARResults.forecast and mse on the same data within 4 Monte Carlo standard errors (with
  --parameter-uncertainty off: statsmodels' mse is the plug-in forecast error).
- Same seed with --threads 1 and 2: identical bytes (json and csv).
- The table format prints the targets' probabilities and no per-step table unless --steps; every
  column with a ± says in its header that it is a Monte Carlo s.e.; json holds the steps anyway.
- A misspelt key: exit code 1, the message names file:line, the key and the suggestion.
- optimize on the essay scenario: best set within budget, the negative lever's marginal value < 0.
- backtest: coverages are shares, the table's numbers are the json's; its errors name its input
  file and options, never scenario keys.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
from statsmodels.tsa.api import VAR

TRIAD = sys.argv[1]
SOURCE = os.environ.get("TRIAD_SOURCE_DIR", os.getcwd())
CSV = os.path.join(SOURCE, "tests/data/series/gdelt_weekly_chn_usa_jpn.csv")
FIT = os.path.join(SOURCE, "scenarios/fit_weekly_triangle.json")
ESSAY = os.path.join(SOURCE, "scenarios/essay_weekly.toml")


def run(*args, check=True):
    p = subprocess.run([TRIAD, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if check and p.returncode != 0:
        raise AssertionError("triad %s failed: %s" % (" ".join(args), p.stderr))
    return p


def check_bundled_fit_is_current(tmp):
    fresh = os.path.join(tmp, "fit.json")
    run("var", "--input", CSV, "--lags", "2", "--save", fresh)
    a, b = json.load(open(fresh)), json.load(open(FIT))
    assert np.allclose(a["params"], b["params"], rtol=1e-12, atol=0), "stale bundled fit"
    assert np.allclose(a["sigma_u"], b["sigma_u"], rtol=1e-12, atol=0)
    assert b["last_label"] == "2024-02-19" and b["frequency"] == "week", b["last_label"]


def check_against_statsmodels(tmp):
    scenario = os.path.join(tmp, "plain.toml")
    with open(scenario, "w") as f:
        f.write('horizon = 20\npaths = 40000\nseed = 5\n[model]\nfit = "%s"\n' % FIT)
    out = json.loads(run("simulate", scenario, "--format", "json", "--parameter-uncertainty", "off").stdout)
    data = np.genfromtxt(CSV, delimiter=",", skip_header=1, usecols=(1, 2, 3))
    res = VAR(data).fit(2, trend="c")
    mean = res.forecast(data[-2:], 20)
    mse = res.mse(20)
    n = out["paths"]
    names = out["variables"]
    assert names == ["CHN_USA", "CHN_JPN", "USA_JPN"], names
    for h in (1, 5, 20):
        step = out["scenario"][h - 1]
        for i, name in enumerate(names):
            sd = np.sqrt(mse[h - 1][i, i])
            got = step["variables"][name]
            assert abs(got["mean"] - mean[h - 1, i]) <= 4 * sd / np.sqrt(n), (h, name, got, mean[h - 1, i])
            assert abs(got["sd"] - sd) <= 4 * sd / np.sqrt(2 * n), (h, name, got["sd"], sd)
            # The normal median and quartiles, within 4 s.e. of a sample quantile.
            q50 = got["q50"]
            assert abs(q50 - mean[h - 1, i]) <= 4 * sd * np.sqrt(np.pi / 2 / n), (h, name, q50)


def check_threads_give_identical_bytes():
    for fmt in ("json", "csv"):
        one = run("simulate", ESSAY, "--paths", "5000", "--threads", "1", "--format", fmt).stdout
        two = run("simulate", ESSAY, "--paths", "5000", "--threads", "2", "--format", fmt).stdout
        assert one == two, "output differs between 1 and 2 threads (%s)" % fmt
    out = json.loads(one if fmt == "json" else run(
        "simulate", ESSAY, "--paths", "5000", "--format", "json").stdout)
    all_targets = out["targets"][-1]
    assert all_targets["target"] == "all targets"
    for t in out["targets"][:-1]:
        assert all_targets["scenario"]["p"] <= t["scenario"]["p"]
    assert out["levers"] and "deterrence over-emphasis" not in out["levers"]  # active = false


def check_table_answers_targets():
    args = ("simulate", ESSAY, "--paths", "2000")
    out = run(*args).stdout
    assert "Probability of keeping the targets" in out, out
    assert "quantiles across paths" not in out and "share of paths by type" not in out, out
    lines = out.splitlines()
    header = next(l for l in lines if l.lstrip().startswith("target "))
    rows = [l for l in lines[lines.index(header) + 1:] if "±" in l]
    assert len(rows) == 3, rows  # two targets and "all targets"
    # Each ± in a row belongs to a column whose header says what it is.
    assert header.count("(± MC s.e.)") == 3 and header.count("±") == 3, header
    for row in rows:
        assert row.count("±") == 3, row
    assert "MC s.e.: the Monte Carlo standard error" in out, out
    with_steps = run(*args, "--steps").stdout
    assert with_steps.startswith(out.split("\nQuantiles per step")[0]), with_steps[:400]
    assert with_steps.count("quantiles across paths") == 2 * 3, with_steps  # levers, baseline
    assert "share of paths by type" in with_steps
    j = json.loads(run(*args, "--format", "json").stdout)
    assert len(j["scenario"]) == j["steps"] and len(j["baseline"]) == j["steps"], j["steps"]
    assert [t["target"] for t in j["targets"]][-1] == "all targets"


def check_bad_file_message(tmp):
    bad = os.path.join(tmp, "bad.toml")
    with open(bad, "w") as f:
        f.write('horizon = 10\n[model]\nfit = "%s"\n\n[[lever]]\nname = "x"\n'
                'variable = "CHN_JNP"\nfrom = 2024-03-04\nsize = 1\nrmap = 3\n' % FIT)
    p = run("simulate", bad, check=False)
    assert p.returncode == 1, p.returncode
    assert "bad.toml:10 (field rmap)" in p.stderr and "did you mean 'ramp'?" in p.stderr, p.stderr
    with open(bad, "w") as f:
        f.write('horizon = 10\n[model]\nfit = "%s"\n\n[[lever]]\nname = "x"\n'
                'variable = "CHN_JNP"\nfrom = 2024-03-04\nsize = 1\n' % FIT)
    p = run("simulate", bad, check=False)
    assert p.returncode == 1 and "bad.toml:7 (field variable)" in p.stderr, p.stderr
    assert "did you mean 'CHN_JPN'?" in p.stderr, p.stderr


def check_optimize():
    out = json.loads(run("optimize", ESSAY, "--budget", "3", "--paths", "5000",
                         "--search-paths", "1000", "--format", "json").stdout)
    assert out["method"] == "exhaustive"
    best = out["best"][0]
    assert best["cost"] <= 3
    assert best["probability"]["p"] >= out["baseline"]["p"]
    probs = [b["probability"]["p"] for b in out["best"]]
    assert probs == sorted(probs, reverse=True), probs
    marginal = {m["lever"]: m for m in out["marginal"]}
    assert marginal["deterrence over-emphasis"]["value"]["difference"] < 0
    assert "deterrence over-emphasis" not in best["levers"]


def check_backtest():
    out = json.loads(run("backtest", "--input", CSV, "--until", "2023-11-20", "--lags", "1",
                         "--paths", "5000", "--format", "json").stdout)
    assert out["train_last"] == "2023-11-20" and out["horizon"] == 13, out["train_last"]
    for key in ("coverage50", "coverage90", "coverage50_random_walk", "coverage90_random_walk"):
        assert 0 <= out["overall"][key] <= 1
    v = out["variables"][0]
    assert v["steps"][0]["period"] == "2023-11-27"
    assert abs(v["crps"] - np.mean([s["crps"] for s in v["steps"]])) < 1e-9


def check_backtest_errors(tmp):
    """backtest's errors speak of backtest's options and its input file, not of scenario keys."""
    rows = open(CSV).read().split("\n")
    # The same weeks dated on Sundays: regular, but not period starts.
    sundays = os.path.join(tmp, "sundays.csv")
    with open(sundays, "w") as f:
        f.write(rows[0] + "\n")
        for row in rows[1:]:
            if row:
                date, rest = row.split(",", 1)
                day = np.datetime64(date) - np.timedelta64(1, "D")
                f.write(f"{day},{rest}\n")
    p = run("backtest", "--input", sundays, "--until", "2023-11-19", "--lags", "1", check=False)
    assert p.returncode == 1, (p.returncode, p.stderr)
    assert f"{sundays}: the dates in the first column (2017-12-31 .. 2023-11-19) are not " \
        "consecutive period starts" in p.stderr, p.stderr
    assert "[model]" not in p.stderr and "last =" not in p.stderr, p.stderr
    # The simulator's limit on the order is told as backtest's option.
    p = run("backtest", "--input", CSV, "--until", "2023-11-20", "--lags", "65", check=False)
    assert p.returncode == 2 and "--lags" in p.stderr and "64" in p.stderr, p.stderr
    assert "scenario" not in p.stderr, p.stderr
    # A missing week names its line and the expected date.
    gapped = os.path.join(tmp, "gapped.csv")
    with open(gapped, "w") as f:
        f.write("\n".join(rows[:11] + rows[12:]))
    p = run("backtest", "--input", gapped, "--until", "2023-11-20", check=False)
    assert p.returncode == 1 and f"{gapped}:12 (field week): gap in the dates: expected " \
        "2018-03-12" in p.stderr, p.stderr


def main():
    with tempfile.TemporaryDirectory() as tmp:
        check_bundled_fit_is_current(tmp)
        check_against_statsmodels(tmp)
        check_threads_give_identical_bytes()
        check_table_answers_targets()
        check_bad_file_message(tmp)
        check_optimize()
        check_backtest()
        check_backtest_errors(tmp)
    print("ok")


if __name__ == "__main__":
    main()
