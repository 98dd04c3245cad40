#include "measures/var_adequacy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/error.hpp"

namespace triad {
namespace {

// Regularised lower incomplete gamma P(a, x) by its series (for x < a + 1).
double GammaSeries(double a, double x) {
  double term = 1.0 / a, sum = term;
  for (int n = 1; n < 10000; ++n) {
    term *= x / (a + n);
    sum += term;
    if (std::abs(term) < std::abs(sum) * 1e-16) break;
  }
  return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// Regularised upper incomplete gamma Q(a, x) by its continued fraction (for x >= a + 1),
// modified Lentz.
double GammaContinuedFraction(double a, double x) {
  constexpr double kTiny = 1e-300;
  double b = x + 1 - a, c = 1 / kTiny, d = 1 / b, h = d;
  for (int i = 1; i < 10000; ++i) {
    const double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (std::abs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1) < 1e-16) break;
  }
  return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

Eigen::MatrixXd DemeanedResiduals(const VarFit& fit) {
  const Eigen::MatrixXd& u = fit.residuals;
  return u.rowwise() - u.colwise().mean();
}

ResidualTest ChiSquareTest(double statistic, int df) {
  ResidualTest t;
  t.statistic = statistic;
  t.df = df;
  t.p_value = ChiSquareSurvival(statistic, df);
  t.critical_value = ChiSquareQuantileUpper(t.significance, df);
  return t;
}

}  // namespace

double ChiSquareSurvival(double x, double df) {
  if (!(df > 0)) ThrowCompute("chi-square: degrees of freedom must be > 0");
  if (std::isnan(x)) return std::numeric_limits<double>::quiet_NaN();
  if (x <= 0) return 1;
  const double a = df / 2, h = x / 2;
  return h < a + 1 ? 1 - GammaSeries(a, h) : GammaContinuedFraction(a, h);
}

double ChiSquareQuantileUpper(double p, double df) {
  double lo = 0, hi = std::max(1.0, df);
  while (ChiSquareSurvival(hi, df) > p) hi *= 2;
  for (int i = 0; i < 200 && hi - lo > 1e-14 * hi; ++i) {
    const double mid = (lo + hi) / 2;
    (ChiSquareSurvival(mid, df) > p ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

ResidualTest TestWhiteness(const VarFit& fit, int lags) {
  const int n = static_cast<int>(fit.residuals.rows());
  if (lags <= fit.lags || lags >= n)
    ThrowCompute(
        fmt::format("the whiteness test needs more lags than the VAR ({}) and fewer than "
                    "its {} residual rows; got {}",
                    fit.lags, n, lags));
  const Eigen::MatrixXd u = DemeanedResiduals(fit);
  const Eigen::MatrixXd c0 = u.transpose() * u / n;
  const Eigen::MatrixXd c0_inv = c0.inverse();
  double statistic = 0;
  for (int i = 1; i <= lags; ++i) {
    // C_i = (1/T) sum_t u_t u_{t-i}': rows i.. against rows ..n-i.
    const Eigen::MatrixXd ci = u.bottomRows(n - i).transpose() * u.topRows(n - i) / n;
    statistic += (ci.transpose() * c0_inv * ci * c0_inv).trace();
  }
  statistic *= n;
  ResidualTest t = ChiSquareTest(statistic, fit.K() * fit.K() * (lags - fit.lags));
  return t;
}

ResidualTest TestNormality(const VarFit& fit) {
  const int n = static_cast<int>(fit.residuals.rows());
  const Eigen::MatrixXd u = DemeanedResiduals(fit);
  const Eigen::MatrixXd sigma = u.transpose() * u / n;
  const Eigen::LLT<Eigen::MatrixXd> llt(sigma);
  if (llt.info() != Eigen::Success)
    ThrowCompute("the normality test needs a positive definite residual covariance");
  // w = L^-1 u' (K x T): residuals standardised and decorrelated.
  const Eigen::MatrixXd w = llt.matrixL().solve(u.transpose());
  const Eigen::VectorXd b1 = w.array().cube().rowwise().sum() / n;
  const Eigen::VectorXd b2 = (w.array().square().square().rowwise().sum() / n) - 3.0;
  const double lambda = n * b1.squaredNorm() / 6 + n * b2.squaredNorm() / 24;
  return ChiSquareTest(lambda, 2 * fit.K());
}

int WhitenessLags(const VarFit& fit) {
  const int n = static_cast<int>(fit.residuals.rows());
  const int lags = std::min(kWhitenessLags, n / 2);
  return lags > fit.lags ? lags : 0;
}

VarAdequacy CheckVarAdequacy(const VarFit& fit) {
  VarAdequacy a;
  a.whiteness_lags = WhitenessLags(fit);
  if (a.whiteness_lags > 0) a.whiteness = TestWhiteness(fit, a.whiteness_lags);
  a.normality = TestNormality(fit);
  return a;
}

namespace {

std::string Verdict(const ResidualTest& t) {
  return fmt::format("{} at {:g}%", t.rejected() ? "REJECTED" : "not rejected",
                     100 * t.significance);
}

}  // namespace

std::string DescribeWhiteness(const ResidualTest& t, int lags) {
  return fmt::format(
      "residual whiteness (portmanteau, {} lags; H0: no autocorrelation up to lag {}): Q = {:.4g}, "
      "df {}, p = {:.4f}: {}",
      lags, lags, t.statistic, t.df, t.p_value, Verdict(t));
}

std::string DescribeNormality(const ResidualTest& t) {
  return fmt::format(
      "residual normality (multivariate Jarque-Bera; H0: Gaussian residuals): lambda = {:.4g}, "
      "df {}, p = {:.4f}: {}",
      t.statistic, t.df, t.p_value, Verdict(t));
}

std::string WhitenessWarning(const ResidualTest& t, int lags) {
  if (!t.rejected()) return "";
  return fmt::format(
      "the VAR's residuals are autocorrelated (portmanteau Q = {:.4g} over {} lags, p = {:.4f}): "
      "dynamics are left out of the model (too few lags, or a missing driver), so its Granger "
      "tests, responses and intervals rest on an assumption the data contradict",
      t.statistic, lags, t.p_value);
}

std::string NormalityWarning(const ResidualTest& t) {
  if (!t.rejected()) return "";
  return fmt::format(
      "the VAR's residuals are not Gaussian (multivariate Jarque-Bera lambda = {:.4g}, p = "
      "{:.4f}): outliers or fat tails, so standard errors and Gaussian scenario fans understate "
      "the extremes",
      t.statistic, t.p_value);
}

}  // namespace triad
