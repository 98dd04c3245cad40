#pragma once
// A scenario checked against its model, with dates turned into simulation steps. This is what
// the simulator runs: the VAR's matrices, and for any set of levers the per-step adjustments
//
//   y_h = offset_h + sum_j A_j y_{h-j} + scale_h .* (L z_h),   z_h ~ N(0, I_K),  L L' = Sigma_u
//
// where offset_h holds the deterministic terms (constant, trend, exogenous values), window drift,
// shift levers (added to the intercept from their first step on, ramped) and shocks (added at
// one step), and scale_h multiplies each variable's innovation (windows times volatility levers).
// Multiplying row k of L z by s_k scales variable k's innovation s.d. by s_k and keeps its
// correlations with the others.
#include <Eigen/Dense>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "measures/var_model.hpp"
#include "scenarios/scenario.hpp"
#include "scenarios/scenario_model.hpp"

namespace triad {

// Per-step adjustments of one simulated system: both steps x K (row h-1 is step h).
struct SystemAdjustments {
  Eigen::MatrixXd offset;
  Eigen::MatrixXd scale;
};

class ParameterSampler;  // parameter_draws.hpp

struct ScenarioPlan {
  std::vector<std::string> names;             // K model variables
  std::vector<Eigen::MatrixXd> lag_matrices;  // A_1..A_p, K x K
  Eigen::MatrixXd chol;                       // lower Cholesky factor of sigma_u
  Eigen::MatrixXd origin;                     // p x K, last observed rows, oldest first
  ScenarioCalendar calendar;
  int start_step = 1;  // first step reported against targets (1 = the period after the data)
  int steps = 0;       // simulated steps: start_step - 1 + horizon

  // Without levers: deterministic terms plus window drift; window volatility factors.
  SystemAdjustments baseline;
  // The deterministic regressors [const, trend, exog...] at each step (steps x k_det) and their
  // point coefficients (K x k_det): baseline.offset holds their product, and a parameter draw
  // adds (D_draw - D) r_h to it.
  Eigen::MatrixXd deterministic_regressors;
  Eigen::MatrixXd deterministic;
  // Parameter uncertainty (parameter_draws.hpp): when set, each batch of kPathBlock paths runs
  // with its own draw of the coefficients and residual covariance; null = plug-in estimates.
  std::shared_ptr<const ParameterSampler> parameters;
  // Per lever (scenario order): its added offset (steps x K) and its factor on scale (steps x K).
  std::vector<Eigen::MatrixXd> lever_offset;
  std::vector<Eigen::MatrixXd> lever_scale;
  std::vector<int> lever_variable;
  std::vector<bool> lever_changes_volatility;

  // Per variable: modelled as logit(share) (VarFit::logit_shares): its paths are reported as
  // shares, and levers and window drift on it, given in share units, are converted at its last
  // observed share p (divided by p (1 - p)).
  std::vector<bool> logit_share;

  std::vector<int> target_variable;  // per scenario target
  bool has_triangle = false;
  std::array<int, 3> triangle_variable{};  // dyads A–B, A–C, B–C
  std::array<std::string, 3> actors;       // A, B, C
  double neutral = 0.0;

  std::vector<std::string> warnings;  // e.g. a lever that starts after the horizon

  int K() const { return static_cast<int>(names.size()); }
  int lags() const { return static_cast<int>(lag_matrices.size()); }
  Day StepDate(int step) const { return calendar.StepStart(step); }
  // The adjustments with the levers flagged in `active` (size = number of levers) switched on.
  SystemAdjustments WithLevers(const std::vector<bool>& active) const;
};

// Checks every variable name against the model (input errors name the scenario line and the
// key, suggesting the nearest variable), places levers and windows on steps, and collects the
// VAR's matrices. Throws a compute error when sigma_u is not positive definite.
ScenarioPlan PlanScenario(const Scenario& scenario, const VarFit& fit);

// The mean path (steps x K) of a system without innovations: the point forecast with its
// levers. The simulator's mean converges to it; lever effects are differences of mean paths.
Eigen::MatrixXd MeanPath(const ScenarioPlan& plan, const SystemAdjustments& system);

// The response (steps x K) of a VAR with lag matrices `lags` to added intercepts `offset`
// (steps x K), from a zero origin: the effect of a shift or shock lever on the mean path, which
// in a linear model does not depend on the origin or the deterministic terms.
Eigen::MatrixXd ResponseToOffsets(const std::vector<Eigen::MatrixXd>& lags,
                                  const Eigen::MatrixXd& offset);

}  // namespace triad
