#!/usr/bin/python3
"""The anchor of bench/evaluate.sh: the rolling-origin evaluation that `triad evaluate --input CSV`
runs, done with statsmodels 0.13 (a benchmark helper, not a test).

Usage: bench/evaluate_anchor.py CSV MIN_TRAIN HORIZON {var,all}
At every origin o = MIN_TRAIN - 1 .. rows - 2 it refits, on rows 0..o:
  var: the VAR of every column, the order by BIC among 1..min(4, data budget) (statsmodels'
       select_order, then fit, forecast and mse: what triad's VAR model does);
  all: the same plus the local linear trend per column (UnobservedComponents(level='lltrend'),
       default fit, get_forecast) and the no-change forecast,
and scores CRPS (closed form) of every forecast. Prints the seconds spent and the mean CRPS of
the VAR at h = 1 (to check it computed what triad computes)."""
import math
import sys
import time
import warnings

import numpy as np
from scipy import stats
from statsmodels.tsa.api import VAR
from statsmodels.tsa.statespace.structural import UnobservedComponents


def crps(mean, sd, y):
    z = (y - mean) / sd
    return sd * (z * (2 * stats.norm.cdf(z) - 1) + 2 * stats.norm.pdf(z) - 1 / math.sqrt(math.pi))


def budget(rows, k):
    p = 0
    while (rows - (p + 1)) / (k * (p + 1) + 1) >= 5:
        p += 1
    return max(p, 1)


def main():
    path, min_train, horizon, what = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    y = np.loadtxt(path, delimiter=",", skiprows=1, usecols=None, dtype=str)[:, 1:].astype(float)
    rows, k = y.shape
    warnings.simplefilter("ignore")
    start = time.perf_counter()
    var_h1 = []
    for o in range(min_train - 1, rows - 1):
        train = y[:o + 1]
        h = min(horizon, rows - 1 - o)
        model = VAR(train)
        maxlags = min(4, budget(o + 1, k))
        p = 1 if maxlags == 1 else max(1, model.select_order(maxlags, trend="c").bic)
        res = model.fit(p, trend="c")
        mean = res.forecast(train[-p:], h)
        mse = res.mse(h)
        var_h1.append(np.mean([crps(mean[0, j], math.sqrt(mse[0][j, j]), y[o + 1, j])
                               for j in range(k)]))
        for s in range(h):
            for j in range(k):
                crps(mean[s, j], math.sqrt(mse[s][j, j]), y[o + 1 + s, j])
        if what == "all":
            d = np.diff(train, axis=0)
            for j in range(k):
                sd = d[:, j].std(ddof=1)
                for s in range(h):
                    crps(train[-1, j], sd * math.sqrt(s + 1), y[o + 1 + s, j])
                uc = UnobservedComponents(train[:, j], level="lltrend").fit(disp=False)
                f = uc.get_forecast(h)
                for s in range(h):
                    crps(f.predicted_mean[s], math.sqrt(f.var_pred_mean[s]), y[o + 1 + s, j])
    print(f"{time.perf_counter() - start:.3f} {np.mean(var_h1):.6f}")


if __name__ == "__main__":
    main()
