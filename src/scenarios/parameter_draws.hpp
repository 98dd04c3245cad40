#pragma once
// Parameter uncertainty for scenario paths. A VAR estimated from 30 rows and one estimated from
// 30 years give point estimates of the same kind; only their sampling distributions differ. Each
// batch of kPathBlock paths therefore runs with its own draw of the coefficients B and residual
// covariance Sigma_u from the normal-inverse-Wishart distribution
//
//   Sigma_u ~ IW(S, nu),   vec(B) | Sigma_u ~ N(vec(B_mean), Sigma_u kron Omega)
//
// which is, for an OLS fit, the posterior under the flat (Jeffreys) prior
// p(B, Sigma_u) ~ |Sigma_u|^-(K+1)/2: B_mean the OLS estimate, Omega = (Z'Z)^-1, S the residual
// SSCP and nu = nobs - regressors (Zellner 1971, ch. 8; Karlsson 2013, §3.1), and for a
// Minnesota fit the Minnesota posterior itself (bvar_minnesota.hpp).
//
// Draws: Sigma_u by Bartlett's decomposition of a Wishart(S^-1, nu) draw (chi-square variates
// from Marsaglia and Tsang's gamma method), B = B_mean + chol(Omega) Z chol(Sigma_u)' with Z
// standard normal. Draws whose companion matrix has an eigenvalue of modulus >= 1 are redrawn
// (the usual stationarity truncation: an explosive draw would dominate fans over long horizons),
// up to kMaxStationarityTries times; then the point estimate is used for that batch.
//
// Draw b under seed s comes from its own NormalStream keyed by (s, b), separate from the paths'
// streams: results do not depend on the thread count, and a batch keeps its draw when the number
// of paths changes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "measures/var_model.hpp"
#include "scenarios/scenario_plan.hpp"

namespace triad {

inline constexpr int kMaxStationarityTries = 100;

// One draw of the VAR's parameters in the simulator's terms.
struct ParameterDraw {
  std::vector<Eigen::MatrixXd> lag_matrices;  // A_1..A_p, K x K
  Eigen::MatrixXd deterministic;              // K x k_det
  Eigen::MatrixXd chol;                       // lower Cholesky factor of the drawn Sigma_u
  bool point_estimate = false;                // no stationary draw found: the point estimate
};

class ParameterSampler {
 public:
  // Throws a compute error when the fit has no proper distribution to draw from (nu <= K - 1,
  // e.g. an OLS fit with almost as many coefficients as rows), saying to use the Minnesota prior
  // or --parameter-uncertainty off.
  explicit ParameterSampler(const VarFit& fit);

  ParameterDraw Draw(std::uint64_t seed, std::uint64_t batch) const;
  // The point estimates, as a draw.
  ParameterDraw PointEstimate() const;
  // "the flat-prior posterior of the OLS fit (normal-inverse-Wishart, 29 rows)" or "the
  // Minnesota posterior (lambda 0.21)".
  const std::string& Description() const { return description_; }
  int K() const { return k_; }
  int lags() const { return p_; }

 private:
  ParameterDraw FromCoefficients(const Eigen::MatrixXd& b, const Eigen::MatrixXd& chol) const;

  int k_ = 0, p_ = 0, det_ = 0;
  Eigen::MatrixXd mean_;            // regressors x K
  Eigen::MatrixXd row_chol_;        // lower Cholesky factor of Omega
  Eigen::MatrixXd scale_inv_chol_;  // lower Cholesky factor of S^-1
  Eigen::MatrixXd point_chol_;      // Cholesky factor of the fit's sigma_u
  double df_ = 0;
  std::string description_;
};

// Sets plan.parameters to a sampler for `fit` (the fit the plan was made from).
void AttachParameterUncertainty(ScenarioPlan& plan, const VarFit& fit);

// A gamma(shape, 1) variate from the stream (Marsaglia and Tsang 2000), shape > 0.
class NormalStream;
double GammaVariate(NormalStream& stream, double shape);

}  // namespace triad
