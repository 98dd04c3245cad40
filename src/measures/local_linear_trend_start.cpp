// statsmodels' starting values for the local linear trend variances (statsmodels 0.13,
// structural.py, UnobservedComponents.start_params), from two Hodrick-Prescott filters.
#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>

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
// matrix. The system is pentadiagonal and positive definite.
Eigen::VectorXd HodrickPrescottTrend(const Eigen::VectorXd& x, double lambda) {
  const Eigen::Index n = x.size();
  if (n < 3) return x;  // no second differences: the trend is the data
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(static_cast<std::size_t>(5 * n));
  for (Eigen::Index i = 0; i < n; ++i) entries.emplace_back(i, i, 1.0);
  for (Eigen::Index r = 0; r + 2 < n; ++r) {
    // Row r of D is (1, -2, 1) at columns r, r+1, r+2; add lambda * D_r' D_r.
    const double d[3] = {1, -2, 1};
    for (int i = 0; i < 3; ++i) {
      for (int j = 0; j < 3; ++j) entries.emplace_back(r + i, r + j, lambda * d[i] * d[j]);
    }
  }
  Eigen::SparseMatrix<double> a(n, n);
  a.setFromTriplets(entries.begin(), entries.end());
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> solver(a);
  if (solver.info() != Eigen::Success)
    ThrowCompute("Hodrick-Prescott filter: factorisation failed");
  return solver.solve(x);
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
