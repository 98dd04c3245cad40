#pragma once
// Is a fitted VAR adequate? Residual diagnostics as statsmodels 0.13 computes them (Lütkepohl
// 2005, §4.4-4.5):
//
// Whiteness, VARResults.test_whiteness(nlags, adjusted=False): the portmanteau statistic
//   Q_h = T sum_{i=1..h} tr(C_i' C_0^-1 C_i C_0^-1),  C_i = (1/T) sum_{t>i} u_t u_{t-i}'
// on the demeaned residuals u (T = nobs rows), ~ chi2(K^2 (h - p)) under white residuals.
//
// Normality, VARResults.test_normality(): the multivariate Jarque-Bera omnibus test on the
// residuals standardised by the Cholesky factor L of their MLE covariance (w = L^-1 u):
//   skewness b1_k = mean(w_k^3), excess kurtosis b2_k = mean(w_k^4) - 3,
//   lambda = T b1'b1 / 6 + T b2'b2 / 24  ~ chi2(2K) under Gaussian residuals.
//
// A failing test (p < 0.05) means the model's standard errors, Granger tests and intervals
// rest on assumptions the residuals contradict: dynamics left in the residuals (whiteness), or
// fat tails and outliers (normality).
#include <optional>
#include <string>

#include "measures/var_model.hpp"

namespace triad {

// statsmodels' default number of autocovariance lags for the portmanteau test.
inline constexpr int kWhitenessLags = 10;
inline constexpr double kAdequacySignificance = 0.05;

struct ResidualTest {
  double statistic = 0;
  double p_value = 1;
  int df = 0;
  double critical_value = 0;  // the chi-square quantile at 1 - significance
  double significance = kAdequacySignificance;
  bool rejected() const { return p_value < significance; }
};

struct VarAdequacy {
  // Whiteness with `whiteness_lags` (> p); unset when WhitenessLags finds no valid count.
  std::optional<ResidualTest> whiteness;
  int whiteness_lags = 0;
  ResidualTest normality;
};

// The portmanteau test with h lags; compute error when h <= p or h >= nobs.
ResidualTest TestWhiteness(const VarFit& fit, int lags);
// The multivariate Jarque-Bera test; compute error when the residual covariance is singular.
ResidualTest TestNormality(const VarFit& fit);

// The lag count for the whiteness test: kWhitenessLags, or fewer when the residuals are short
// (at most nobs / 2, as Ljung-Box practice asks), never <= p; 0 when no such count exists.
int WhitenessLags(const VarFit& fit);

// Both tests at WhitenessLags(fit).
VarAdequacy CheckVarAdequacy(const VarFit& fit);

// One line per test for tables, e.g. "residual whiteness (portmanteau, 10 lags; H0: no
// autocorrelation up to lag 10): Q = 95.31, df 81, p = 0.1311: not rejected at 5%".
std::string DescribeWhiteness(const ResidualTest& test, int lags);
std::string DescribeNormality(const ResidualTest& test);
// What a rejection means for the analyst; empty when the test passes.
std::string WhitenessWarning(const ResidualTest& test, int lags);
std::string NormalityWarning(const ResidualTest& test);

// P(X >= x) for X ~ chi-square with df degrees of freedom (x >= 0, df > 0); relative accuracy
// about 1e-13.
double ChiSquareSurvival(double x, double df);
// The x with ChiSquareSurvival(x, df) = p, 0 < p < 1.
double ChiSquareQuantileUpper(double p, double df);

}  // namespace triad
