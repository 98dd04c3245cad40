#pragma once
// Does the model's estimated effect of a lever agree with what the analyst means it to do? A lever
// declared `intent = "cooperative"` should raise the relations it is meant to help, one declared
// "harmful" (deterrence over-emphasis, switched on to see its cost) should lower them. A VAR fitted
// on a month of data can estimate the opposite (the case: one coefficient of +12 from 30
// rows that flips sign on another month); `simulate`, `optimize` and the report then say so
// instead of recommending it quietly.
//
// The effect. For a shift or shock lever, the change of the mean path it causes (ResponseToOffsets,
// scenario_plan.hpp), averaged over the relations it is judged on: the scenario's target variables,
// else its triangle dyads, else every model variable; at the last simulated step, in the variables'
// units (index points). A volatility lever moves no mean: it is not judged.
//
// Its uncertainty. The same effect under kIntentDraws draws of the VAR's parameters
// (parameter_draws.hpp; batch numbers 0.. under the scenario's seed): the share of draws with a
// positive effect, a 90% interval, and p = 2 min(share positive, share negative), the posterior
// two-sided tail probability of the sign.
#include <optional>
#include <string>
#include <vector>

#include "measures/var_model.hpp"
#include "scenarios/scenario.hpp"
#include "scenarios/scenario_plan.hpp"

namespace triad {

inline constexpr int kIntentDraws = 400;

struct LeverEffect {
  std::string lever;
  LeverIntent intent = LeverIntent::kUnstated;
  bool judged = false;        // a shift or shock lever acting on the judged relations
  double effect = 0;          // point estimate (index points, mean over the judged relations)
  int draws = 0;              // 0 without parameter draws
  double low = 0, high = 0;   // 5% and 95% over the draws
  double share_positive = 0;  // share of draws with effect > 0
  double p_value = 1;         // 2 min(share positive, 1 - share positive); 1 without draws
  int observations = 0;       // rows the model was fitted on
  bool contradicts = false;   // the point estimate's sign is against the stated intent
  std::string message;        // the flag, empty when it does not contradict
};

struct LeverEffects {
  std::vector<std::string> judged_on;  // the relations the effects are averaged over
  std::vector<LeverEffect> levers;     // scenario order
};

// `fit` is the fit `plan` was made from (its row count goes into the message). Uses
// plan.parameters for draws when set.
LeverEffects AssessLeverEffects(const Scenario& scenario, const ScenarioPlan& plan,
                                const VarFit& fit);

}  // namespace triad
