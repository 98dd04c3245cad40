// The lever search against brute force on a small case: its score of every set equals a direct
// simulation of that set on the same paths, and its best set is the best of all affordable sets.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>

#include "scenarios/lever_search.hpp"
#include "scenarios/path_simulator.hpp"
#include "scenarios/scenario_plan.hpp"
#include "scenarios/scenario_test_support.hpp"
#include "scenarios/target_tracker.hpp"

namespace triad {
namespace {

// Levers of every kind, costs 1..2, two targets (one every step, one at the end).
const char* kLevers = R"(
[[lever]]
name = "econ"
variable = "CHN_USA"
from = 2024-03-04
ramp = 3
size = 25
cost = 2
[[lever]]
name = "dialogue"
variable = "CHN_JPN"
from = 2024-03-11
size = 12
cost = 1
[[lever]]
name = "calm"
variable = "CHN_JPN"
kind = "volatility"
from = 2024-03-04
size = 0.7
cost = 1
[[lever]]
name = "incident"
variable = "CHN_JPN"
kind = "shock"
at = 2024-03-18
size = -80
cost = 0
[[target]]
variable = "CHN_USA"
floor = -60
[[target]]
variable = "CHN_JPN"
floor = 20
mode = "at_end"
)";

// Share of `paths` paths keeping every target with `active` levers, by direct simulation.
double DirectProbability(const Scenario& s, const ScenarioPlan& plan,
                         const std::vector<bool>& active, int paths, std::uint64_t seed) {
  TargetTracker tracker(s.targets, plan, 1, paths);
  StepFunctionObserver observer([&](const StepValues& v, WorkerPool& p) { tracker.Update(v, p); });
  WorkerPool pool(1);
  SimulatePaths(plan, {plan.WithLevers(active)}, paths, seed, pool, observer);
  double kept = 0;
  for (auto x : tracker.AllKept(0)) kept += x;
  return kept / paths;
}

TEST(LeverSearch, ScoresEqualDirectSimulationAndBestIsTheBruteForceBest) {
  const VarFit fit = testing::WeeklyTriangleFit();
  const Scenario s = testing::InlineScenario("horizon = 10", kLevers);
  const ScenarioPlan plan = PlanScenario(s, fit);
  constexpr int paths = 1500;
  constexpr double budget = 3;
  WorkerPool pool(2);
  LeverSetScorer scorer(s, plan, paths, 31, pool);
  double best_p = -1;
  std::vector<bool> best;
  for (int mask = 0; mask < 16; ++mask) {
    std::vector<bool> active(4);
    double cost = 0;
    for (int l = 0; l < 4; ++l) {
      active[l] = (mask >> l) & 1;
      if (active[l]) cost += s.levers[l].cost;
    }
    const double direct = DirectProbability(s, plan, active, paths, 31);
    // Linear decomposition vs direct simulation: equal up to a path sitting on a floor.
    EXPECT_NEAR(scorer.Probability(active), direct, 1.0 / paths + 1e-12) << "set " << mask;
    if (cost <= budget && direct > best_p) {
      best_p = direct;
      best = active;
    }
  }
  LeverSearchOptions options;
  options.budget = budget;
  options.search_paths = paths;
  options.final_paths = paths;
  options.seed = 31;
  options.top = 16;
  const LeverSearchResult r = SearchLevers(s, plan, options);
  EXPECT_EQ(r.method, "exhaustive");
  // Affordable subsets of costs {2, 1, 1, 0} within 3: 7 without the free lever, 7 with it.
  EXPECT_EQ(r.sets_scored, 14);
  ASSERT_FALSE(r.best.empty());
  std::vector<bool> found(4, false);
  for (int l : r.best.front().levers) found[l] = true;
  EXPECT_EQ(found, best);
  EXPECT_NEAR(r.best.front().probability.p, best_p, 1e-12);
  EXPECT_LE(r.best.front().cost, budget);
  // The shock is harmful: never in the best set, and its marginal value is negative.
  EXPECT_FALSE(found[3]);
  EXPECT_LT(r.marginal[3].value.difference, 0);
  // Marginal values are paired differences: P(best) - P(best without a lever in it).
  for (int l = 0; l < 4; ++l) {
    if (!found[l]) continue;
    std::vector<bool> without = found;
    without[l] = false;
    EXPECT_NEAR(r.marginal[l].value.difference,
                best_p - DirectProbability(s, plan, without, paths, 31), 1e-12);
  }
}

// Two sets with the same effect tie on probability: the cheaper one wins, and at equal cost the
// smaller one. Costs 0.1 + 0.7 add up to 0.7999999999999999 in binary, which must count as equal
// to 0.8, not as cheaper.
TEST(LeverSearch, TiesGoToTheCheaperThenTheSmallerSet) {
  const VarFit fit = testing::WeeklyTriangleFit();
  auto shift = [](const char* name, double size, const char* cost) {
    return fmt::format(
        "[[lever]]\nname = \"{}\"\nvariable = \"CHN_USA\"\nfrom = 2024-03-04\nsize = {}\n"
        "cost = {}\n",
        name, size, cost);
  };
  // "half a" + "half b" has exactly the effect of "whole" (the VAR is linear), at the same cost;
  // "whole, dear" has it too, at a higher cost.
  const std::string levers = shift("half a", 20, "0.1") + shift("half b", 20, "0.7") +
                             shift("whole, dear", 40, "0.85") + shift("whole", 40, "0.8") +
                             "[[target]]\nvariable = \"CHN_USA\"\nfloor = 0\n";
  const Scenario s = testing::InlineScenario("horizon = 6", levers);
  const ScenarioPlan plan = PlanScenario(s, fit);
  LeverSearchOptions options;
  options.budget = 0.85;  // {half a, whole} (0.9) is over budget
  options.search_paths = 2000;
  options.final_paths = 2000;
  options.seed = 12;
  options.top = 3;
  const LeverSearchResult r = SearchLevers(s, plan, options);
  EXPECT_EQ(r.method, "exhaustive");
  ASSERT_EQ(r.best.size(), 3u);
  // The three sets with the full effect, in the order cheaper, then smaller.
  EXPECT_EQ(r.best[0].levers, (std::vector<int>{3}));
  EXPECT_EQ(r.best[1].levers, (std::vector<int>{0, 1}));
  EXPECT_EQ(r.best[2].levers, (std::vector<int>{2}));
  EXPECT_EQ(r.best[0].probability.p, r.best[1].probability.p);
  EXPECT_EQ(r.best[0].probability.p, r.best[2].probability.p);
  EXPECT_GT(r.best[0].gain.difference, 0.05);  // the levers matter: the tie is not at 0 or 1
}

TEST(LeverSearch, HeuristicBeyondSixteenLeversFindsTheClearBest) {
  const VarFit fit = testing::WeeklyTriangleFit();
  // 18 shifts of CHN_USA, sizes 1..18, cost 1 each; budget 2: the best set is the two largest.
  std::string levers;
  for (int i = 1; i <= 18; ++i)
    levers += "[[lever]]\nname = \"l" + std::to_string(i) +
              "\"\nvariable = \"CHN_USA\"\nfrom = 2024-03-04\nsize = " + std::to_string(4 * i) +
              "\ncost = 1\n";
  levers += "[[target]]\nvariable = \"CHN_USA\"\nfloor = 0\n";
  const Scenario s = testing::InlineScenario("horizon = 6", levers);
  const ScenarioPlan plan = PlanScenario(s, fit);
  LeverSearchOptions options;
  options.budget = 2;
  options.search_paths = 2000;
  options.final_paths = 2000;
  options.seed = 4;
  const LeverSearchResult r = SearchLevers(s, plan, options);
  EXPECT_EQ(r.method, "greedy + local swaps");
  EXPECT_EQ(r.best.front().levers, (std::vector<int>{16, 17}));
  EXPECT_LT(r.sets_scored, 1 + 18 + 18 * 17 / 2);  // fewer than every affordable set
}

}  // namespace
}  // namespace triad
