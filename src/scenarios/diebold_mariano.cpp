#include "scenarios/diebold_mariano.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/error.hpp"
#include "measures/var_distributions.hpp"

namespace triad {

double StudentTTwoSidedPValue(double t, double df) {
  if (std::isnan(t)) return std::numeric_limits<double>::quiet_NaN();
  if (std::isinf(t)) return 0.0;
  // P(|T| > |t|) = I_{df / (df + t^2)}(df / 2, 1 / 2).
  return RegularizedIncompleteBeta(df / (df + t * t), df / 2.0, 0.5);
}

DieboldMarianoTest DieboldMariano(std::span<const double> d, int horizon) {
  const int n = static_cast<int>(d.size());
  if (n < 2) ThrowCompute("the Diebold-Mariano test needs at least 2 loss differentials");
  if (horizon < 1) ThrowCompute("the Diebold-Mariano test needs a horizon >= 1");
  DieboldMarianoTest r;
  r.n = n;
  r.horizon = horizon;
  double mean = 0;
  for (double x : d) mean += x;
  mean /= n;
  r.mean_differential = mean;
  auto autocovariance = [&](int k) {
    double s = 0;
    for (int t = k; t < n; ++t) s += (d[t] - mean) * (d[t - k] - mean);
    return s / n;
  };
  const double gamma0 = autocovariance(0);
  double v = gamma0;
  for (int k = 1; k < horizon && k < n; ++k) v += 2.0 * autocovariance(k);
  if (!(v > 0)) {
    r.variance_fallback = v != gamma0;
    v = gamma0;
  }
  r.long_run_variance = v;
  const double h = horizon;
  const double correction_squared = (n + 1 - 2 * h + h * (h - 1) / n) / n;
  if (v > 0) {
    r.statistic = mean / std::sqrt(v / n);
  } else {
    r.statistic = mean == 0 ? 0.0 : std::copysign(std::numeric_limits<double>::infinity(), mean);
  }
  if (!(correction_squared > 0)) {
    // Too few origins for the horizon (e.g. n = h = 5): the correction is undefined.
    r.corrected_statistic = r.p_value = std::numeric_limits<double>::quiet_NaN();
    return r;
  }
  r.corrected_statistic = r.statistic == 0 ? 0.0 : r.statistic * std::sqrt(correction_squared);
  r.p_value = StudentTTwoSidedPValue(r.corrected_statistic, n - 1);
  return r;
}

}  // namespace triad
