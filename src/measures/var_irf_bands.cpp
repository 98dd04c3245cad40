#include "measures/var_irf_bands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

#include "common/error.hpp"

namespace triad {
namespace {

// Standard normals by Box-Muller from a 64-bit Mersenne Twister (its output sequence is fixed
// by the C++ standard; std::normal_distribution's is not).
class Normals {
 public:
  explicit Normals(std::uint64_t seed) : engine_(seed) {}
  double Next() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double u1 = (static_cast<double>(engine_() >> 11) + 0.5) * 0x1.0p-53;
    const double u2 = static_cast<double>(engine_() >> 11) * 0x1.0p-53;
    const double r = std::sqrt(-2.0 * std::log(u1));
    spare_ = r * std::sin(2.0 * std::numbers::pi * u2);
    has_spare_ = true;
    return r * std::cos(2.0 * std::numbers::pi * u2);
  }

 private:
  std::mt19937_64 engine_;
  double spare_ = 0;
  bool has_spare_ = false;
};

// statsmodels' util.varsim: rows 0..p-1 hold the intercept, then
// y_t = intercept + sum_j A_j y_{t-j} + u_t.
Eigen::MatrixXd SimulateVar(const VarFit& fit, const Eigen::VectorXd& intercept,
                            const Eigen::MatrixXd& chol, int rows, Normals& normals) {
  const int k = fit.K(), p = fit.lags;
  Eigen::MatrixXd y(rows, k);
  for (int t = 0; t < rows; ++t) {
    Eigen::VectorXd v = intercept;
    if (t >= p) {
      Eigen::VectorXd z(k);
      for (int i = 0; i < k; ++i) z(i) = normals.Next();
      v += chol * z;
      for (int j = 1; j <= p; ++j) v += fit.LagMatrix(j) * y.row(t - j).transpose();
    }
    y.row(t) = v.transpose();
  }
  return y;
}

}  // namespace

std::vector<Eigen::MatrixXd> CumulativeResponses(const std::vector<Eigen::MatrixXd>& response) {
  std::vector<Eigen::MatrixXd> cum;
  for (const auto& r : response) cum.push_back(cum.empty() ? r : Eigen::MatrixXd(cum.back() + r));
  return cum;
}

IrfBands MonteCarloIrfBands(const VarFit& fit, int steps, bool orthogonalised, bool cumulative,
                            int replications, std::uint64_t seed, double signif) {
  if (replications < 2) ThrowUsage("Monte Carlo bands need at least 2 replications (--repl)");
  if (!(signif > 0 && signif < 1)) ThrowUsage("the band significance must be in (0, 1)");
  if (fit.lags < 1) ThrowCompute("Monte Carlo bands need a VAR with at least one lag");
  if (fit.ExogTerms() > 0 || fit.trend == VarTrend::kConstantTrend)
    ThrowCompute(
        "Monte Carlo bands simulate the fitted VAR: they support the trends n and c without "
        "exogenous series");
  if (fit.minnesota) ThrowCompute("Monte Carlo bands refit by OLS: use them with --prior none");
  const int k = fit.K();
  Eigen::VectorXd intercept = Eigen::VectorXd::Zero(k);
  if (fit.trend == VarTrend::kConstant) intercept = fit.DeterministicCoefficients().col(0);
  Eigen::LLT<Eigen::MatrixXd> llt(fit.sigma_u);
  if (llt.info() != Eigen::Success) ThrowCompute("sigma_u is not positive definite");
  const Eigen::MatrixXd chol = llt.matrixL();

  IrfBands bands;
  bands.orthogonalised = orthogonalised;
  bands.cumulative = cumulative;
  bands.replications = replications;
  bands.signif = signif;
  bands.seed = seed;
  Normals normals(seed);
  // collected[h][element] over replications.
  std::vector<std::vector<std::vector<double>>> collected(
      static_cast<std::size_t>(steps + 1),
      std::vector<std::vector<double>>(static_cast<std::size_t>(k * k)));
  const int rows = fit.nobs + fit.lags + kIrfBandBurn;
  for (int rep = 0; rep < replications; ++rep) {
    const Eigen::MatrixXd sim = SimulateVar(fit, intercept, chol, rows, normals);
    VarData data;
    data.names = fit.names;
    data.values = sim.bottomRows(rows - kIrfBandBurn);
    std::vector<Eigen::MatrixXd> ma;
    try {
      const VarFit refit = FitVar(data, VarSpec{fit.lags, fit.trend});
      ma = ImpulseResponses(refit, steps, orthogonalised).response;
    } catch (const Error&) {
      ++bands.failed;
      continue;
    }
    if (cumulative) ma = CumulativeResponses(ma);
    for (int h = 0; h <= steps; ++h)
      for (int e = 0; e < k * k; ++e)
        collected[static_cast<std::size_t>(h)][static_cast<std::size_t>(e)].push_back(
            ma[static_cast<std::size_t>(h)](e % k, e / k));
  }
  const int n = replications - bands.failed;
  if (n < 2) ThrowCompute("fewer than 2 Monte Carlo replications could be refitted");
  const auto low_index = static_cast<std::size_t>(
      std::clamp(static_cast<int>(std::lround(signif / 2 * n)) - 1, 0, n - 1));
  const auto high_index = static_cast<std::size_t>(
      std::clamp(static_cast<int>(std::lround((1 - signif / 2) * n)) - 1, 0, n - 1));
  for (int h = 0; h <= steps; ++h) {
    Eigen::MatrixXd lo(k, k), hi(k, k);
    for (int e = 0; e < k * k; ++e) {
      std::vector<double>& v = collected[static_cast<std::size_t>(h)][static_cast<std::size_t>(e)];
      std::sort(v.begin(), v.end());
      lo(e % k, e / k) = v[low_index];
      hi(e % k, e / k) = v[high_index];
    }
    bands.lower.push_back(lo);
    bands.upper.push_back(hi);
  }
  return bands;
}

}  // namespace triad
