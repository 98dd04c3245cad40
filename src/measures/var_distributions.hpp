#pragma once
// Tail probabilities used by the VAR tests. Written here (no Boost in the build) and checked
// against scipy.stats in var_statsmodels_test.py and against closed forms in var_model_test.cpp.
namespace triad {

// P(|Z| >= |z|) for a standard normal Z: statsmodels' VAR coefficient p-values.
double NormalTwoSidedPValue(double z);

// P(F >= x) for F ~ F(d1, d2), d1, d2 > 0; 1 for x <= 0. Relative accuracy ~1e-13 in the tail.
double FDistributionSurvival(double x, double d1, double d2);

// Regularized incomplete beta function I_x(a, b), a, b > 0, 0 <= x <= 1.
double RegularizedIncompleteBeta(double x, double a, double b);

}  // namespace triad
