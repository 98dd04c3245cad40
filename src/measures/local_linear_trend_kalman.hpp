#pragma once
// The Kalman filter and smoother behind local_linear_trend.hpp, for the two states
// alpha_t = (level_t, slope_t), in Durbin & Koopman (2012) notation:
//   y_t = Z alpha_t + eps_t,  alpha_{t+1} = T alpha_t + eta_t,  Z = (1 0), T = [1 1; 0 phi],
//   H = irregular_var, Q = diag(level_var, slope_var).
// The predicted covariance is P_t = P*_t + kappa P_inf,t, kappa = +infinity with the exact
// diffuse initialisation and the prior's 1e6 with the approximate one; P_inf becomes zero after
// the diffuse phase. The filter keeps the two parts apart in both cases (see RunFilter); the
// steps it hands the smoother under the approximate prior carry the sum P_t, as statsmodels.
#include <Eigen/Core>

#include <vector>

#include "measures/local_linear_trend.hpp"

namespace triad::llt {

// What the filter did at one period, as the smoother needs it.
enum class StepKind {
  kMissing,  // no observation: prediction only
  kRegular,  // ordinary update (P_inf = 0)
  kDiffuse,  // diffuse phase, F_inf > 0 (DK 2012 §5.2.1)
};
// DK's other diffuse case, F_inf = 0 with P_inf != 0, cannot occur in this model: before the
// first observation P_inf = T^k T^k' has (1,1) element >= 1; after it, P_inf = u u' with
// u = T^j (0, c)', whose first element c (1 + phi + ... + phi^(j-1)) is not zero for j >= 1.

struct KalmanStep {
  StepKind kind = StepKind::kMissing;
  Eigen::Vector2d a;         // predicted state a_t
  Eigen::Matrix2d p_star;    // P*_t (the whole P_t after the diffuse phase)
  Eigen::Matrix2d p_inf;     // P_inf,t
  double v = 0;              // innovation y_t - Z a_t
  double f_star = 0;         // F*_t = Z P*_t Z' + H (F_t when regular)
  double f_inf = 0;          // F_inf,t = Z P_inf,t Z'
  double loglikelihood = 0;  // this period's term (0 when missing or burned)
};

struct KalmanRun {
  std::vector<KalmanStep> steps;  // empty when the caller asked for the likelihood only
  double loglikelihood = 0;
  int diffuse_periods = 0;
};

struct System {
  Eigen::Matrix2d transition;  // T
  Eigen::Matrix2d state_cov;   // Q
  double irregular_var = 0;    // H
};

// Checks params (throws a compute error) and builds the system matrices.
System SystemFromParams(const LltParams& params);

// Runs the filter over y. With keep_steps false only the log-likelihood is computed, without
// allocating (the optimiser calls this thousands of times). A non-positive F_t makes the
// log-likelihood -infinity.
KalmanRun RunFilter(const std::vector<double>& y, const System& system, const LltOptions& options,
                    bool keep_steps);

// Predicted, filtered and smoothed states from a run made with keep_steps = true.
LltStates SmoothRun(const KalmanRun& run, const System& system);

}  // namespace triad::llt
