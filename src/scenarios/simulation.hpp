#pragma once
// `triad simulate`: Monte Carlo outcomes of a scenario against its baseline. The scenario (all
// levers on) and the baseline (no levers; windows stay, they are the calendar, not choices) are
// simulated together from the same innovations, so that differences between them are paired.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "scenarios/scenario.hpp"
#include "scenarios/scenario_plan.hpp"

namespace triad {

inline constexpr std::array<double, 5> kReportedQuantiles = {0.05, 0.25, 0.50, 0.75, 0.95};

// A probability estimated as a share of paths, with its Monte Carlo standard error
// sqrt(p (1 - p) / n).
struct PathShare {
  double p = 0.0;
  double se = 0.0;
};
PathShare ShareOfPaths(std::int64_t hits, std::int64_t paths);
// Wilson score interval for a share of paths at normal quantile z (1.96 for 95%).
std::array<double, 2> WilsonInterval(std::int64_t hits, std::int64_t paths,
                                     double z = 1.959963984540054);

// A paired difference of two path indicators (a - b per path): its mean and the standard error of
// the mean, from the counts of paths where only a holds and where only b holds.
struct PairedDifference {
  double difference = 0.0;
  double se = 0.0;
};
PairedDifference PairedShareDifference(std::int64_t only_a, std::int64_t only_b,
                                       std::int64_t paths);

struct VariableSummary {
  double mean = 0.0;
  double sd = 0.0;  // across paths, divisor n - 1
  std::array<double, kReportedQuantiles.size()> quantile{};
};

// Shares of paths per triangle type at one step: menage a trois, romantic triangle, stable
// marriage, unit veto (TriangleType order), then indeterminate (some dyad inside the neutral band).
using TriangleShares = std::array<double, 5>;

struct StepSummary {
  int step = 0;
  Day date = 0;  // start of the step's period
  std::vector<VariableSummary> variables;
  TriangleShares triangle{};
};

struct TargetOutcome {
  std::string label;  // "CHN_USA >= 0 every step", or "all targets"
  PathShare scenario, baseline;
  PairedDifference difference;  // scenario - baseline
};

struct SimulationOptions {
  int paths = 10000;
  std::uint64_t seed = 1;
  int threads = 0;  // 0 = all cores
};

struct SimulationResult {
  std::vector<std::string> names;
  std::vector<std::string> levers;  // names of the levers switched on (Lever::active)
  int paths = 0;
  std::uint64_t seed = 0;
  int start_step = 1;
  int steps = 0;
  bool has_baseline = false;  // false when no lever is on (baseline = scenario)
  std::vector<StepSummary> scenario, baseline;
  std::vector<TargetOutcome>
      targets;  // one per target, then "all targets" when there are two or more
  bool has_triangle = false;
  std::array<std::string, 3> actors;
  std::vector<std::string> warnings;
  std::string parameters;  // where the paths' VAR parameters come from (plug-in or draws)
};

// What SimulationResult::parameters says for a plan.
std::string ParameterSourceOf(const ScenarioPlan& plan);

SimulationResult RunSimulation(const Scenario& scenario, const ScenarioPlan& plan,
                               const SimulationOptions& options);

}  // namespace triad
