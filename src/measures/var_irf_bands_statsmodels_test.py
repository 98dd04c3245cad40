#!/usr/bin/python3
"""Cumulative impulse responses and Monte Carlo bands of `triad var` against statsmodels 0.13.

Usage: var_irf_bands_statsmodels_test.py PATH/TO/triad
- `--irf 8 --cumulative`: the cumulative plain and orthogonalised responses equal statsmodels'
  irf.cum_effects and irf.orth_cum_effects to 1e-8 (relative) on the bundled weekly triangle
  series (VAR(2), constant);
- the companion matrix's largest eigenvalue modulus and the stability flag equal statsmodels'
  (1 / min |roots|, is_stable());
- `--irf-bands mc --repl N --seed S` cannot match numpy's random numbers, so the bands are tested
  statistically: they contain the point estimate at every horizon after 0 (plain responses), they
  widen when the model is fitted on fewer rows, and on the long series they are within a loose
  tolerance of statsmodels' irf_errband_mc and cum_errband_mc bands (each band edge within
  25% of the band's width plus 1% of the response scale). statsmodels 0.13's irf_resim passes
  the same `seed` to varsim in every replication, so with a seed all its replications are one
  and its bands collapse to a line; the comparison therefore lets statsmodels draw unseeded.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
from statsmodels.tsa.api import VAR

TRIAD = sys.argv[1]
SOURCE = os.environ.get("TRIAD_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SERIES = os.path.join(SOURCE, "tests", "data", "series", "gdelt_weekly_chn_usa_jpn.csv")
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def triad_json(*args):
    out = subprocess.run([TRIAD, "var", "--format", "json", *map(str, args)], capture_output=True,
                         text=True)
    if out.returncode != 0:
        sys.exit(f"triad var failed ({out.returncode}): {out.stderr}")
    return json.loads(out.stdout)


def load(rows=None):
    data = np.genfromtxt(SERIES, delimiter=",", skip_header=1)[:, 1:]
    return data if rows is None else data[:rows]


def write(directory, rows):
    with open(SERIES) as f:
        lines = f.read().splitlines()
    path = os.path.join(directory, f"first{rows}.csv")
    with open(path, "w") as f:
        f.write("\n".join(lines[:rows + 1]) + "\n")
    return path


data = load()
res = VAR(data).fit(2, trend="c")
irf = res.irf(8)
out = triad_json("--input", SERIES, "--lags", 2, "--irf", 8, "--cumulative")
for key, ref in (("plain", irf.cum_effects), ("orthogonalised", irf.orth_cum_effects)):
    ours = np.array(out["irf"]["cumulative"][key])
    if ours.shape != ref.shape or not np.allclose(ours, ref, rtol=1e-8, atol=1e-10 * np.abs(ref).max()):
        fail(f"cumulative {key} responses differ from statsmodels: max |diff| "
             f"{np.abs(ours - ref).max() if ours.shape == ref.shape else ours.shape}")
modulus = 1 / np.abs(res.roots).min()
if abs(out["fit"]["max_eigenvalue_modulus"] - modulus) > 1e-9 * modulus:
    fail(f"max modulus {out['fit']['max_eigenvalue_modulus']} vs statsmodels {modulus}")
if out["fit"]["stable"] != bool(res.is_stable()):
    fail("stability flag differs from statsmodels")

repl = 400
with tempfile.TemporaryDirectory() as directory:
    long = triad_json("--input", SERIES, "--lags", 2, "--irf", 8, "--cumulative", "--irf-bands",
                      "mc", "--repl", repl, "--seed", 3)
    short = triad_json("--input", write(directory, 60), "--lags", 2, "--irf", 8, "--irf-bands",
                       "mc", "--repl", repl, "--seed", 3)
    again = triad_json("--input", SERIES, "--lags", 2, "--irf", 8, "--irf-bands", "mc", "--repl",
                       repl, "--seed", 3)

bands = long["irf"]["bands"]
lower, upper = np.array(bands["lower"]), np.array(bands["upper"])
point = np.array(long["irf"]["plain"]["response"])
if not np.all((lower[1:] <= point[1:]) & (point[1:] <= upper[1:])):
    fail("the Monte Carlo band does not contain the point estimate")
if again["irf"]["bands"] != bands:
    fail("the same seed gives different bands")
short_width = np.array(short["irf"]["bands"]["upper"]) - np.array(short["irf"]["bands"]["lower"])
long_width = upper - lower
if not np.mean(short_width[1:]) > 1.5 * np.mean(long_width[1:]):
    fail(f"bands from 60 rows ({np.mean(short_width[1:]):.4g}) are not wider than from 321 "
         f"({np.mean(long_width[1:]):.4g})")

# statsmodels' bands on the same model, with its own random numbers.
for label, ours_bands, ref in (
        ("irf_errband_mc", bands, res.irf_errband_mc(orth=False, repl=repl, steps=8, seed=None)),
        ("cum_errband_mc", long["irf"]["cumulative_bands"],
         irf.cum_errband_mc(orth=False, repl=repl, seed=None))):
    ref_low, ref_high = np.asarray(ref[0]), np.asarray(ref[1])
    low, high = np.array(ours_bands["lower"]), np.array(ours_bands["upper"])
    scale = np.abs(ref_high).max()
    tolerance = 0.25 * (ref_high - ref_low) + 0.01 * scale
    for name, ours, theirs in (("lower", low, ref_low), ("upper", high, ref_high)):
        worst = np.max(np.abs(ours[1:] - theirs[1:]) - tolerance[1:])
        if worst > 0:
            fail(f"{label} {name} edge differs from statsmodels by more than the tolerance "
                 f"(excess {worst:.4g}, scale {scale:.4g})")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("ok")
