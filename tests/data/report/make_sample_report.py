#!/usr/bin/python3
"""Build sample_report.json, a realistic report model for the HTML renderer's tests and demo.

Input: shared/data/series-gdelt/gzemo-daily-graph/dyads_20_actors_daily_2018-2024.csv (daily
GDELT 2.0 dyad edge scores, see shared/data/README.md). Everything is computed here with
numpy and Debian's statsmodels 0.13, independently of triad's C++ code:

- index: per ISO week (Monday start), the mean of the days present, standardised to the
  2018-2024 mean and s.d. of that dyad's weekly means (a z-score: 0 = the dyad's average week);
  s.e. = s.d. of the days of the week / sqrt(days) / the same s.d.
- level and momentum: UnobservedComponents(index, "lltrend") smoothed states; slopes are per
  week in the model and reported per 30 days (x 30/7); bands are +-1.645 smoothed s.d. (90%).
  The maximum-likelihood slope variance is 0 on these series (a constant slope), which makes a
  dull picture: the sample refits with the slope variance fixed at 1/100 of the irregular
  variance (level and irregular variances re-estimated). Illustrative, not triad's estimate.
- triangle: CHN, USA, JPN; each week P(dyad > 0) = Phi(level / s.d.) from the smoothed level,
  independent across dyads (two-sign model); the four Dittmer type probabilities follow.
- drivers: VAR on the five weekly z-scores (the three dyads, CHN-TWN, CHN-RUS), lag order by
  BIC up to 8; orthogonalised IRFs to 12 weeks with asymptotic s.e.; FEVD at 12 weeks.
- scenario: 4,000 Monte Carlo paths of the fitted VAR from the last week to the end of 2024,
  residuals drawn from N(0, sigma_u); levers shift equation intercepts over date ranges;
  windows scale the shocks. Baseline and levers use the same random draws.

This is sample data for the renderer, not an analysis. Rebuild:
  make_sample_report.py DAILY.csv > sample_report.json
"""
import csv
import datetime
import json
import math
import sys

import numpy as np
from scipy.stats import norm
from statsmodels.tsa.api import VAR
from statsmodels.tsa.statespace.structural import UnobservedComponents

DYADS = [("CHN_USA", "CHN-USA"), ("CHN_JPN", "CHN-JPN"), ("USA_JPN", "USA-JPN")]
DRIVERS = [("CHN_TWN", "CHN-TWN"), ("CHN_RUS", "CHN-RUS")]
FLOORS = {"CHN-USA": -1.0, "CHN-JPN": -1.0}
Z90 = norm.ppf(0.95)
TYPES = ["ménage à trois", "romantic triangle", "stable marriage", "unit veto"]
# JSON keys of the types (measures/triangle.hpp TriangleTypeKey): the report model stores keys.
TYPE_KEYS = ["menage_a_trois", "romantic_triangle", "stable_marriage", "unit_veto"]
ACTORS = ["CHN", "USA", "JPN"]
DYAD_ENDS = [(0, 1), (0, 2), (1, 2)]  # A-B, A-C, B-C
PER_30_DAYS = 30.0 / 7.0
RNG_SEED = 20240226
PATHS = 4000


def read_weeks(path, columns):
    weeks = {}
    days = 0
    first = last = None
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            day = datetime.datetime.strptime(row["date"], "%Y%m%d").date()
            first = first or day
            last = day
            days += 1
            monday = day - datetime.timedelta(days=day.weekday())
            weeks.setdefault(monday, []).append([float(row[c]) for c in columns])
    mondays = sorted(weeks)
    mean = np.array([np.mean(weeks[m], axis=0) for m in mondays])
    sd = np.array([np.std(weeks[m], axis=0, ddof=1) for m in mondays])
    n = np.array([len(weeks[m]) for m in mondays])
    return mondays, mean, sd, n, days, first, last


def nan_to_none(x):
    return None if x is None or not math.isfinite(x) else round(float(x), 4)


def nums(xs):
    return [nan_to_none(x) for x in xs]


def roles_of(signs):
    """(type index, role description) of three nonzero signs for dyads A-B, A-C, B-C."""
    neg = [d for d in range(3) if signs[d] < 0]
    if not neg:
        return 0, ""
    if len(neg) == 3:
        return 3, ""
    if len(neg) == 1:
        pivot = 2 - neg[0]
        wings = [ACTORS[a] for a in range(3) if a != pivot]
        return 1, f"pivot {ACTORS[pivot]}, wings {wings[0]} and {wings[1]}"
    pos = [d for d in range(3) if signs[d] > 0][0]
    outcast = 2 - pos
    pair = [ACTORS[a] for a in DYAD_ENDS[pos]]
    return 2, f"married pair {pair[0]}–{pair[1]}, outcast {ACTORS[outcast]}"


def describe(type_index, roles):
    return TYPES[type_index] + (", " + roles if roles else "")


def triangle_probabilities(p_pos):
    """Type probabilities and the most likely of the 8 sign patterns, dyads independent."""
    types = [0.0] * 4
    best, best_p = None, -1.0
    for pattern in range(8):
        signs = [1 if pattern & (1 << d) == 0 else -1 for d in range(3)]
        p = 1.0
        for d in range(3):
            p *= p_pos[d] if signs[d] > 0 else 1 - p_pos[d]
        t, _ = roles_of(signs)
        types[t] += p
        if p > best_p:
            best, best_p = signs, p
    return types, best


def fit_llt(z):
    # On this data the maximum-likelihood slope variance is 0 (a constant slope); the sample
    # fixes it at 1/100 of the irregular variance so that the momentum moves (see the header).
    model = UnobservedComponents(z, "lltrend")
    first = model.fit(disp=False, maxiter=500)
    irregular = first.params[model.param_names.index("sigma2.irregular")]
    res = model.fit_constrained({"sigma2.trend": irregular / 100.0}, disp=False, maxiter=500)
    level, slope = res.smoothed_state[0], res.smoothed_state[1]
    level_sd = np.sqrt(res.smoothed_state_cov[0, 0, :])
    slope_sd = np.sqrt(res.smoothed_state_cov[1, 1, :])
    return level, level_sd, slope * PER_30_DAYS, slope_sd * PER_30_DAYS


def simulate(res, start_values, steps, dates, shifts, scales, rng_draws):
    """VAR paths: y_t = c + shift_t + sum_i A_i y_{t-i} + scale_t * u_t, u ~ N(0, sigma_u)."""
    k, p = res.neqs, res.k_ar
    c = res.intercept
    coefs = res.coefs
    chol = np.linalg.cholesky(res.sigma_u)
    paths = np.empty((rng_draws.shape[0], steps, k))
    hist = np.repeat(start_values[None, -p:, :], rng_draws.shape[0], axis=0)
    for t in range(steps):
        mean = c + shifts[t]
        for i in range(p):
            mean = mean + hist[:, -1 - i, :] @ coefs[i].T
        shock = (rng_draws[:, t, :] @ chol.T) * scales[t]
        y = mean + shock
        paths[:, t, :] = y
        hist = np.concatenate([hist[:, 1:, :], y[:, None, :]], axis=1)
    return paths


def main(path):
    columns = [c for c, _ in DYADS + DRIVERS]
    names = [n for _, n in DYADS + DRIVERS]
    mondays, mean, sd, n, days, first, last = read_weeks(path, columns)
    mu, scale = mean.mean(axis=0), mean.std(axis=0, ddof=1)
    z = (mean - mu) / scale
    se = sd / np.sqrt(n)[:, None] / scale
    dates = [m.isoformat() for m in mondays]

    model = {
        "title": "China–United States–Japan: relations, triangle and momentum",
        "actors": ACTORS,
        "generated_at": "2024-02-26T09:00:00Z",
        "triad_version": "0.1.0",
        "command_line": "tests/data/report/make_sample_report.py "
        "shared/data/series-gdelt/gzemo-daily-graph/dyads_20_actors_daily_2018-2024.csv",
        "index_units": "z-score of the weekly mean GDELT dyad score (2018–2024)",
        "frequency": "week",
        "dyads": [],
    }
    levels = {}
    for j, (_, name) in enumerate(DYADS):
        level, level_sd, slope, slope_sd = fit_llt(z[:, j])
        levels[name] = (level, level_sd)
        m, m_sd = slope[-1], slope_sd[-1]
        lo, hi = m - Z90 * m_sd, m + Z90 * m_sd
        model["dyads"].append({
            "name": name, "dates": dates,
            "index": nums(z[:, j]), "index_se": nums(se[:, j]),
            "level": nums(level), "level_lo": nums(level - Z90 * level_sd),
            "level_hi": nums(level + Z90 * level_sd),
            "slope": nums(slope), "slope_lo": nums(slope - Z90 * slope_sd),
            "slope_hi": nums(slope + Z90 * slope_sd),
            "momentum": {"value": nan_to_none(m), "lo": nan_to_none(lo), "hi": nan_to_none(hi)},
            "direction": "improving" if lo > 0 else "deteriorating" if hi < 0 else "steady",
            "floor": FLOORS.get(name),
        })

    # Triangle timeline from the smoothed levels.
    probs, most_likely, changes = [], [], []
    previous = None
    for t in range(len(dates)):
        p_pos = [norm.cdf(levels[name][0][t] / levels[name][1][t]) for _, name in DYADS]
        types, signs = triangle_probabilities(p_pos)
        probs.append([round(p, 4) for p in types])
        type_index, roles = roles_of(signs)
        most_likely.append(TYPE_KEYS[type_index])
        current = describe(type_index, roles)
        if previous is not None and current != previous:
            changes.append({"date": dates[t], "from": previous, "to": current})
        previous = current
    model["timeline"] = {"dates": dates, "type_probability": probs,
                         "most_likely": most_likely, "changes": changes}
    edges = [levels[name][0][-1] for _, name in DYADS]
    signs = [1 if e > 0 else -1 for e in edges]
    type_index, roles = roles_of(signs)
    model["triangle"] = {"date": dates[-1], "actors": ACTORS, "edges": nums(edges),
                         "signs": signs, "type": TYPE_KEYS[type_index], "roles": roles,
                         "type_probability": probs[-1]}

    # Drivers: VAR on the five z-scores.
    var = VAR(z, dates=None)
    order = var.select_order(8).selected_orders["bic"]
    res = var.fit(max(order, 1))
    horizon = 12
    irf = res.irf(horizon)
    orth, orth_se = irf.orth_irfs, irf.stderr(orth=True)
    responses = []
    for r, (_, rname) in enumerate(DYADS):
        for s, sname in enumerate(names):
            responses.append({"response": rname, "shock": sname,
                              "value": nums(orth[:, r, s]), "se": nums(orth_se[:, r, s])})
    decomp = res.fevd(horizon).decomp  # (response, horizon, shock); [:, h-1, :] = h steps
    sources = ["own", "other dyads"] + [n for _, n in DRIVERS]
    fevd = []
    for r, (_, rname) in enumerate(DYADS):
        row = decomp[r, horizon - 1, :]
        other = sum(row[s] for s in range(len(DYADS)) if s != r)
        fevd.append({"dyad": rname, "shares": nums([row[r], other] +
                                                    [row[len(DYADS) + d] for d in range(len(DRIVERS))])})
    model["drivers"] = {"variables": names, "period_name": "week", "responses": responses,
                        "fevd_horizon": horizon, "share_sources": sources, "fevd": fevd,
                        "lag_order": int(res.k_ar)}

    # Scenario: weekly steps to the end of 2024.
    start = mondays[-1] + datetime.timedelta(days=7)
    future = []
    d = start
    while d <= datetime.date(2024, 12, 30):
        future.append(d)
        d += datetime.timedelta(days=7)
    steps, k = len(future), res.neqs
    levers = [
        {"name": "High-level economic dialogue (CHN–USA)",
         "description": "+0.15 s.d. per week to CHN-USA from 2024-04-01 to 2024-09-30",
         "target": 0, "shift": 0.15, "from": datetime.date(2024, 4, 1),
         "to": datetime.date(2024, 9, 30)},
        {"name": "CHN–JPN–KOR trilateral summit follow-up",
         "description": "+0.2 s.d. per week to CHN-JPN from 2024-05-27 to 2024-08-26",
         "target": 1, "shift": 0.2, "from": datetime.date(2024, 5, 27),
         "to": datetime.date(2024, 8, 26)},
    ]
    windows = [
        {"name": "US election campaign", "start": datetime.date(2024, 9, 2),
         "end": datetime.date(2024, 11, 5), "effect": "shocks × 1.5",
         "targets": [0], "scale": 1.5},
        {"name": "LDP presidential election", "start": datetime.date(2024, 9, 12),
         "end": datetime.date(2024, 9, 27), "effect": "shocks × 1.3",
         "targets": [1, 2], "scale": 1.3},
    ]
    base_shift = np.zeros((steps, k))
    lever_shift = np.zeros((steps, k))
    scales = np.ones((steps, k))
    for t, day in enumerate(future):
        for lv in levers:
            if lv["from"] <= day <= lv["to"]:
                lever_shift[t, lv["target"]] += lv["shift"]
        for w in windows:
            if w["start"] <= day + datetime.timedelta(days=6) and day <= w["end"]:
                for j in w["targets"]:
                    scales[t, j] = w["scale"]
    rng = np.random.default_rng(RNG_SEED)
    draws = rng.standard_normal((PATHS, steps, k))
    base = simulate(res, z, steps, future, base_shift, scales, draws)
    with_levers = simulate(res, z, steps, future, lever_shift, scales, draws)
    fdates = [d.isoformat() for d in future]
    fans = []
    for j, (_, name) in enumerate(DYADS):
        q = np.percentile(with_levers[:, :, j], [5, 25, 50, 75, 95], axis=0).T
        fans.append({"dyad": name, "history_dates": dates[-52:], "history": nums(z[-52:, j]),
                     "dates": fdates, "quantiles": [nums(row) for row in q],
                     "baseline_median": nums(np.median(base[:, :, j], axis=0)),
                     "floor": FLOORS.get(name),
                     # the targets apply from the first simulated week
                     "floor_from": fdates[0] if name in FLOORS else None})

    def on_track(paths):
        # The 4-week moving average of both dyads stays above its floor through 2024.
        ok = np.ones(PATHS, dtype=bool)
        per = {}
        for j, (_, name) in enumerate(DYADS):
            if name not in FLOORS:
                continue
            x = paths[:, :, j]
            ma = np.stack([x[:, t - 3:t + 1].mean(axis=1) for t in range(3, steps)], axis=1)
            per[name] = (ma >= FLOORS[name]).all(axis=1)
            ok &= per[name]
        return per, ok

    def p_se(flags):
        p = float(flags.mean())
        return round(p, 4), round(math.sqrt(p * (1 - p) / PATHS), 4)

    base_per, base_ok = on_track(base)
    lev_per, lev_ok = on_track(with_levers)
    targets = []
    for name in FLOORS:
        (pl, sl), (pb, sb) = p_se(lev_per[name]), p_se(base_per[name])
        targets.append({"target": f"{name} 4-week mean above {FLOORS[name]:+.1f} through 2024",
                        "with_levers": pl, "with_levers_se": sl, "baseline": pb,
                        "baseline_se": sb})
    (pl, sl), (pb, sb) = p_se(lev_ok), p_se(base_ok)
    targets.append({"target": "both ties on track through 2024", "with_levers": pl,
                    "with_levers_se": sl, "baseline": pb, "baseline_se": sb})
    model["scenario"] = {
        "name": "Keep both ties on track",
        "description": "The essay's 'momentum formulation': economic dialogue with the United "
        "States and summit follow-up with Japan, through the US and LDP election windows.",
        "paths": PATHS,
        "levers": [{"name": lv["name"], "description": lv["description"]} for lv in levers],
        "windows": [{"name": w["name"], "start": w["start"].isoformat(),
                     "end": w["end"].isoformat(), "effect": w["effect"],
                     "variables": [DYADS[j][1] for j in w["targets"]]} for w in windows],
        "fans": fans, "on_track": targets, "warnings": [],
    }
    missing = (last - first).days + 1 - days
    model["provenance"] = {
        "files": [{"name": "series-gdelt/gzemo-daily-graph/dyads_20_actors_daily_2018-2024.csv",
                   "rows": days, "accepted": days, "rejected": 0,
                   "first": first.isoformat(), "last": last.isoformat()}],
        "store_path": "(none: computed by tests/data/report/make_sample_report.py)",
        "warnings": [
            f"{missing} days are missing from the daily file; weekly means use the days present.",
            f"The last week ({dates[-1]}) has {n[-1]} days of data.",
        ],
    }
    json.dump(model, sys.stdout, ensure_ascii=False, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
