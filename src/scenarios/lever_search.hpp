#pragma once
// `triad optimize`: which levers, within a budget, give the highest probability of keeping all the
// scenario's targets together.
//
// Search. Every candidate set is scored on the same `search_paths` paths (common random numbers,
// so comparisons between sets are paired). The VAR is linear, so a shift or shock lever adds the
// same deterministic path to every simulated path: its effect is the difference of two mean paths
// (scenario_plan.hpp), and a set's paths are the paths simulated with the set's volatility levers
// plus the sum of its other levers' effects. Only the distinct subsets of volatility levers are
// simulated; the rest is arithmetic. With up to kExhaustiveLevers candidates every subset within
// the budget is scored (subsets are grown lever by lever and a branch stops once over budget,
// costs being >= 0). Beyond that, a heuristic: greedy forward selection (add the affordable lever
// that raises the probability most, while it does), then local search over single additions,
// removals and swaps within the budget, taking the best improving move until none improves.
//
// Ties. Sets with the same probability (every probability is a share of the same paths, so ties
// are exact) rank cheaper first, then smaller, so that a lever that changes no path's outcome is
// never recommended.
//
// Report. The best `top` sets are re-simulated with `final_paths` paths, together with the
// baseline, the best set without each of its levers and with each other lever (all from the same
// random numbers): probabilities with Monte Carlo s.e. and Wilson 95% intervals, the gain over
// the baseline and each lever's marginal value, all as paired differences.
#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/scenario.hpp"
#include "scenarios/scenario_plan.hpp"
#include "scenarios/simulation.hpp"
#include "scenarios/worker_pool.hpp"

namespace triad {

inline constexpr int kExhaustiveLevers = 16;
inline constexpr int kMaxCandidateLevers = 64;

struct LeverSearchOptions {
  double budget = 0.0;
  int search_paths = 2000;
  int final_paths = 10000;
  std::uint64_t seed = 1;
  int threads = 0;
  int top = 5;
};

struct EvaluatedLeverSet {
  std::vector<int> levers;  // indices into scenario.levers, ascending
  double cost = 0.0;
  double search_probability = 0.0;   // on the search paths
  PathShare probability;             // on the final paths
  std::array<double, 2> interval{};  // Wilson 95%
  PairedDifference gain;             // minus the baseline (no levers), paired
};

// Share of parameter draws in which a lever's marginal value must be positive for `optimize` to
// recommend it.
inline constexpr double kRecommendShare = 0.90;

struct MarginalValue {
  int lever = 0;
  bool in_best = false;       // the value is P(best) - P(best without it)
  bool within_budget = true;  // for a lever outside the best set: whether adding it is affordable
  PairedDifference value;     // otherwise P(best with it) - P(best)
  // The value per batch of kPathBlock paths (each batch one parameter draw when the plan has
  // parameter uncertainty): its 5% and 95% quantiles and the share of batches where it is > 0
  // (a batch where the lever changes no path's outcome counts as not positive).
  int draws = 0;
  double draw_low = 0, draw_high = 0;
  double share_positive = 0;
  // In the best set and positive in at least kRecommendShare of the draws.
  bool recommended = false;
};

struct LeverSearchResult {
  std::string method;  // "exhaustive" or "greedy + local swaps"
  std::vector<std::string> lever_names;
  std::vector<double> lever_costs;
  double budget = 0.0;
  std::string objective;  // what the probability is of, e.g. "all targets"
  int sets_scored = 0;
  int search_paths = 0, final_paths = 0;
  std::uint64_t seed = 0;
  PathShare baseline;
  std::vector<EvaluatedLeverSet> best;  // best first
  std::vector<MarginalValue> marginal;  // one per lever, scenario order
  std::string parameters;               // what the paths' parameters come from
};

// Throws a usage error when the scenario has no targets or no levers, more than
// kMaxCandidateLevers levers, or a negative budget.
LeverSearchResult SearchLevers(const Scenario& scenario, const ScenarioPlan& plan,
                               const LeverSearchOptions& options);

// The search's score of one lever set: the share of `paths` paths (numbered from 0, seed as
// given) keeping every target. Exposed so that tests can compare the search with brute force.
class LeverSetScorer {
 public:
  LeverSetScorer(const Scenario& scenario, const ScenarioPlan& plan, int paths, std::uint64_t seed,
                 WorkerPool& pool);
  double Probability(const std::vector<bool>& active);
  int scored() const { return scored_; }

 private:
  // Paths x slots values of the slots with the volatility levers in `mask` on, simulated once.
  const std::vector<double>& Simulated(std::uint64_t mask);

  const Scenario& scenario_;
  const ScenarioPlan& plan_;
  int paths_;
  std::uint64_t seed_;
  WorkerPool& pool_;
  // The values that decide targets: (target, step) slots, each with its variable and floor.
  std::vector<int> slot_target_, slot_step_;
  std::vector<double> slot_floor_;
  // Per lever: its additive effect per slot, for each batch of kPathBlock paths (one batch of
  // effects without parameter uncertainty; one per parameter draw with it).
  std::vector<std::vector<double>> effect_;
  int effect_batches_ = 1;
  std::vector<std::pair<std::uint64_t, std::vector<double>>> captured_;  // [mask] -> paths x slots
  int scored_ = 0;
};

}  // namespace triad
