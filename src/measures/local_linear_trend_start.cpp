// statsmodels' starting values for the local linear trend variances (statsmodels 0.13,
// structural.py, UnobservedComponents.start_params), from two Hodrick-Prescott filters.
#include <Eigen/Core>

#include <cmath>
#include <vector>

#include "common/error.hpp"
#include "measures/local_linear_trend.hpp"

namespace triad {
namespace {

// statsmodels' hpfilter default smoothing for quarterly data; UnobservedComponents uses it for
// any frequency.
constexpr double kHodrickPrescottLambda = 1600;

// The Hodrick-Prescott trend: the tau minimising sum (x - tau)^2 + lambda sum (second difference
// of tau)^2, i.e. the solution of (I + lambda D'D) tau = x, D the (n-2) x n second-difference
// matrix. The system is pentadiagonal and positive definite: a banded LDL' factorisation solves
// it in O(n) (L unit lower triangular with two subdiagonals l1, l2; D diagonal d).
Eigen::VectorXd HodrickPrescottTrend(const Eigen::VectorXd& x, double lambda) {
  const Eigen::Index n = x.size();
  if (n < 3) return x;  // no second differences: the trend is the data
  // The three upper diagonals of A = I + lambda D'D: a0 (main), a1, a2.
  std::vector<double> a0(static_cast<std::size_t>(n), 1.0), a1(static_cast<std::size_t>(n), 0.0),
      a2(static_cast<std::size_t>(n), 0.0);
  for (Eigen::Index r = 0; r + 2 < n; ++r) {
    // Row r of D is (1, -2, 1) at columns r, r+1, r+2; add lambda * D_r' D_r.
    const auto i = static_cast<std::size_t>(r);
    a0[i] += lambda;
    a0[i + 1] += 4 * lambda;
    a0[i + 2] += lambda;
    a1[i] += -2 * lambda;
    a1[i + 1] += -2 * lambda;
    a2[i] += lambda;
  }
  std::vector<double> d(static_cast<std::size_t>(n)), l1(static_cast<std::size_t>(n), 0.0),
      l2(static_cast<std::size_t>(n), 0.0);
  for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
    double di = a0[i];
    if (i >= 1) di -= l1[i - 1] * l1[i - 1] * d[i - 1];
    if (i >= 2) di -= l2[i - 2] * l2[i - 2] * d[i - 2];
    if (!(di > 0)) ThrowCompute("Hodrick-Prescott filter: factorisation failed");
    d[i] = di;
    double off = a1[i];
    if (i >= 1) off -= l2[i - 1] * l1[i - 1] * d[i - 1];
    l1[i] = off / di;
    l2[i] = a2[i] / di;
  }
  Eigen::VectorXd tau(n);
  for (Eigen::Index i = 0; i < n; ++i) {  // L z = x, then z / d
    double z = x(i);
    if (i >= 1) z -= l1[static_cast<std::size_t>(i - 1)] * tau(i - 1);
    if (i >= 2) z -= l2[static_cast<std::size_t>(i - 2)] * tau(i - 2);
    tau(i) = z;
  }
  for (Eigen::Index i = 0; i < n; ++i) tau(i) /= d[static_cast<std::size_t>(i)];
  for (Eigen::Index i = n; i-- > 0;) {  // L' tau = z / d
    if (i + 1 < n) tau(i) -= l1[static_cast<std::size_t>(i)] * tau(i + 1);
    if (i + 2 < n) tau(i) -= l2[static_cast<std::size_t>(i)] * tau(i + 2);
  }
  return tau;
}

// numpy's var: the mean squared deviation (divides by n).
double PopulationVariance(const Eigen::VectorXd& x) {
  return (x.array() - x.mean()).square().mean();
}

}  // namespace

LltParams StatsmodelsStartParams(const std::vector<double>& y) {
  std::vector<double> observed;
  for (double v : y) {
    if (!std::isnan(v)) observed.push_back(v);
  }
  if (observed.empty()) ThrowCompute("local linear trend: the series has no observed values");
  const Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(
      observed.data(), static_cast<Eigen::Index>(observed.size()));
  const Eigen::VectorXd trend1 = HodrickPrescottTrend(x, kHodrickPrescottLambda);
  const Eigen::VectorXd trend2 = HodrickPrescottTrend(trend1, kHodrickPrescottLambda);
  LltParams start;
  start.irregular_var = PopulationVariance(x - trend1);
  start.level_var = PopulationVariance(trend1 - trend2);
  start.slope_var = PopulationVariance(trend2);
  return start;
}

}  // namespace triad
