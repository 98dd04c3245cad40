#include "scenarios/simulation.hpp"

#include <fmt/format.h>

#include <cmath>

#include "common/share_scale.hpp"
#include "measures/triangle.hpp"
#include "scenarios/parameter_draws.hpp"
#include "scenarios/path_simulator.hpp"
#include "scenarios/sample_quantiles.hpp"
#include "scenarios/target_tracker.hpp"

namespace triad {

PathShare ShareOfPaths(std::int64_t hits, std::int64_t paths) {
  const double p = static_cast<double>(hits) / static_cast<double>(paths);
  return {p, std::sqrt(p * (1 - p) / static_cast<double>(paths))};
}

std::array<double, 2> WilsonInterval(std::int64_t hits, std::int64_t paths, double z) {
  const double n = static_cast<double>(paths);
  const double p = static_cast<double>(hits) / n;
  const double z2 = z * z;
  const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

PairedDifference PairedShareDifference(std::int64_t only_a, std::int64_t only_b,
                                       std::int64_t paths) {
  // d_i in {-1, 0, 1}: mean (a - b) / n, E[d^2] = (a + b) / n; sample variance with n - 1.
  const double n = static_cast<double>(paths);
  const double mean = static_cast<double>(only_a - only_b) / n;
  const double second = static_cast<double>(only_a + only_b) / n;
  const double variance = paths > 1 ? (second - mean * mean) * n / (n - 1) : 0.0;
  return {mean, std::sqrt(std::max(0.0, variance) / n)};
}

namespace {

// Reduces every step: quantiles, mean and s.d. of each variable of each system, triangle types,
// and the targets.
class SimulationObserver : public StepObserver {
 public:
  SimulationObserver(const Scenario& scenario, const ScenarioPlan& plan, int systems, int paths)
      : plan_(plan),
        paths_(paths),
        tracker_(scenario.targets, plan, systems, paths),
        summaries_(systems) {}

  // One task per (system, variable): moments and quantiles, run while the next step simulates.
  int StepTasks(const StepValues& v) override {
    pending_.assign(v.systems, StepSummary{});
    for (auto& s : pending_) {
      s.step = v.step;
      s.date = plan_.StepDate(v.step);
      s.variables.resize(v.variables);
    }
    return v.systems * v.variables;
  }

  void RunStepTask(const StepValues& v, int task, int) override {
    const int s = task / v.variables, r = task % v.variables;
    std::span<const double> y(v.Row(s, r), paths_);
    // A logit-scale share is summarised as a share (quantiles commute with the transform; the
    // mean and s.d. are the shares').
    std::vector<double> shares;
    if (static_cast<std::size_t>(r) < plan_.logit_share.size() &&
        plan_.logit_share[static_cast<std::size_t>(r)]) {
      shares.assign(y.begin(), y.end());
      for (double& x : shares) x = ShareOfLogit(x);
      y = shares;
    }
    VariableSummary& out = pending_[s].variables[r];
    const SampleSummary summary = SummariseSample(y, kReportedQuantiles);
    out.mean = summary.moments.mean;
    out.sd = summary.moments.sd;
    std::copy(summary.quantiles.begin(), summary.quantiles.end(), out.quantile.begin());
  }

  void OnStep(const StepValues& v, WorkerPool& pool) override {
    tracker_.Update(v, pool);
    if (plan_.has_triangle)
      for (int s = 0; s < v.systems; ++s) pending_[s].triangle = TriangleTypes(v, s, pool);
    for (int s = 0; s < v.systems; ++s) summaries_[s].push_back(std::move(pending_[s]));
  }

  const TargetTracker& tracker() const { return tracker_; }
  std::vector<StepSummary>& summaries(int system) { return summaries_[system]; }

 private:
  TriangleShares TriangleTypes(const StepValues& v, int system, WorkerPool& pool) {
    const int blocks = (paths_ + kPathBlock - 1) / kPathBlock;
    std::vector<std::array<std::int64_t, 5>> counts(blocks);
    const double* dyad[3];
    for (int d = 0; d < 3; ++d) dyad[d] = v.Row(system, plan_.triangle_variable[d]);
    pool.ParallelFor(blocks, [&](int block, int) {
      auto& c = counts[block];
      c.fill(0);
      const int end = std::min(paths_, (block + 1) * kPathBlock);
      for (int i = block * kPathBlock; i < end; ++i) {
        const std::array<EdgeSign, 3> signs = {SignOf(dyad[0][i], plan_.neutral),
                                               SignOf(dyad[1][i], plan_.neutral),
                                               SignOf(dyad[2][i], plan_.neutral)};
        if (signs[0] == EdgeSign::kNeutral || signs[1] == EdgeSign::kNeutral ||
            signs[2] == EdgeSign::kNeutral) {
          ++c[4];
        } else {
          ++c[static_cast<int>(RolesFromSigns(signs).type)];
        }
      }
    });
    TriangleShares shares{};
    for (const auto& c : counts)
      for (int t = 0; t < 5; ++t) shares[t] += static_cast<double>(c[t]);
    for (double& s : shares) s /= paths_;
    return shares;
  }

  const ScenarioPlan& plan_;
  int paths_;
  TargetTracker tracker_;
  std::vector<std::vector<StepSummary>> summaries_;
  std::vector<StepSummary> pending_;  // the step whose tasks are running
};

std::string TargetLabel(const Target& t) {
  return fmt::format("{} >= {:g} {}", t.variable, t.floor,
                     t.mode == TargetMode::kAtEnd ? "at the end" : "every step");
}

TargetOutcome Outcome(std::string label, const std::vector<std::uint8_t>& scenario,
                      const std::vector<std::uint8_t>& baseline) {
  std::int64_t a = 0, b = 0, only_a = 0, only_b = 0;
  for (std::size_t i = 0; i < scenario.size(); ++i) {
    a += scenario[i];
    b += baseline[i];
    only_a += scenario[i] & !baseline[i];
    only_b += baseline[i] & !scenario[i];
  }
  const auto n = static_cast<std::int64_t>(scenario.size());
  return {std::move(label), ShareOfPaths(a, n), ShareOfPaths(b, n),
          PairedShareDifference(only_a, only_b, n)};
}

}  // namespace

std::string ParameterSourceOf(const ScenarioPlan& plan) {
  if (!plan.parameters)
    return "plug-in estimates: every path uses the fitted coefficients (no parameter "
           "uncertainty; --parameter-uncertainty off)";
  return fmt::format(
      "parameter uncertainty: each batch of {} paths draws the VAR's coefficients and residual "
      "covariance from {}",
      kPathBlock, plan.parameters->Description());
}

SimulationResult RunSimulation(const Scenario& scenario, const ScenarioPlan& plan,
                               const SimulationOptions& options) {
  SimulationResult result;
  result.names = plan.names;
  result.paths = options.paths;
  result.seed = options.seed;
  result.start_step = plan.start_step;
  result.steps = plan.steps;
  result.has_triangle = plan.has_triangle;
  result.actors = plan.actors;
  result.warnings = plan.warnings;
  result.parameters = ParameterSourceOf(plan);
  std::vector<bool> active;
  for (const Lever& l : scenario.levers) {
    active.push_back(l.active);
    if (l.active) result.levers.push_back(l.name);
  }
  result.has_baseline = !result.levers.empty();

  std::vector<SystemAdjustments> systems = {plan.WithLevers(active)};
  if (result.has_baseline) systems.push_back(plan.baseline);
  WorkerPool pool(options.threads);
  SimulationObserver observer(scenario, plan, static_cast<int>(systems.size()), options.paths);
  SimulatePaths(plan, systems, options.paths, options.seed, pool, observer);

  result.scenario = std::move(observer.summaries(0));
  if (result.has_baseline) result.baseline = std::move(observer.summaries(1));
  const TargetTracker& tracker = observer.tracker();
  const int base = result.has_baseline ? 1 : 0;
  for (int t = 0; t < tracker.targets(); ++t)
    result.targets.push_back(
        Outcome(TargetLabel(scenario.targets[t]), tracker.Kept(0, t), tracker.Kept(base, t)));
  if (tracker.targets() >= 2)
    result.targets.push_back(Outcome("all targets", tracker.AllKept(0), tracker.AllKept(base)));
  return result;
}

}  // namespace triad
