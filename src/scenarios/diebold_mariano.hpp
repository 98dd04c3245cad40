#pragma once
// The Diebold-Mariano test of equal forecast accuracy (Diebold and Mariano 1995, "Comparing
// predictive accuracy", JBES 13(3)) with the small-sample correction of Harvey, Leybourne and
// Newbold (1997, "Testing the equality of prediction mean squared errors", IJF 13(2)).
//
// d_t = loss of model A minus loss of model B at origin t (t = 1..n), for forecasts h periods
// ahead. With d̄ the mean and gamma_k = (1/n) sum_{t>k} (d_t - d̄)(d_{t-k} - d̄):
//   V  = gamma_0 + 2 sum_{k=1}^{h-1} gamma_k   (h-step forecasts from consecutive origins are
//                                               MA(h-1) under optimal forecasting)
//   DM = d̄ / sqrt(V / n)
//   HLN = DM * sqrt((n + 1 - 2h + h (h - 1) / n) / n), compared with Student's t on n - 1 df.
// When V <= 0 (the truncated sum can be negative in short samples) gamma_0 alone is used, and
// `variance_fallback` says so. Negative statistics mean model A had the smaller loss.
#include <span>

namespace triad {

struct DieboldMarianoTest {
  int n = 0;                       // loss differentials used
  int horizon = 1;                 // h: autocovariance lags h - 1
  double mean_differential = 0;    // d̄, in the loss's units
  double long_run_variance = 0;    // V
  double statistic = 0;            // DM
  double corrected_statistic = 0;  // HLN-corrected
  double p_value = 1;              // two-sided, Student t with n - 1 df, of the corrected one
  bool variance_fallback = false;  // V <= 0: gamma_0 used instead
};

// Needs n >= 2 differentials and horizon >= 1 (compute error otherwise). When n is too small for
// the horizon (n + 1 - 2h + h (h - 1) / n <= 0, e.g. n = h = 5) the HLN statistic and the p-value
// are NaN: no test. When every
// differential is equal (V = 0 even with gamma_0) the statistic is 0 and the p-value 1 when d̄ is
// 0; otherwise the statistic is +-infinity with p-value 0.
DieboldMarianoTest DieboldMariano(std::span<const double> differentials, int horizon);

// Two-sided p-value of Student's t with `df` degrees of freedom: P(|T| > |t|).
double StudentTTwoSidedPValue(double t, double df);

}  // namespace triad
