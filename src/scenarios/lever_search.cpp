#include "scenarios/lever_search.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "common/error.hpp"
#include "scenarios/parameter_draws.hpp"
#include "scenarios/path_simulator.hpp"
#include "scenarios/target_tracker.hpp"

namespace triad {
namespace {

std::uint64_t VolatilityMask(const ScenarioPlan& plan, const std::vector<bool>& active) {
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < active.size(); ++i)
    if (active[i] && plan.lever_changes_volatility[i]) mask |= std::uint64_t{1} << i;
  return mask;
}

std::vector<bool> Active(std::size_t levers, const std::vector<int>& set) {
  std::vector<bool> active(levers, false);
  for (int i : set) active[i] = true;
  return active;
}

double CostOf(const Scenario& s, const std::vector<int>& set) {
  double cost = 0;
  for (int i : set) cost += s.levers[i].cost;
  return cost;
}

// Slack for comparing sums of costs with the budget (costs are decimal numbers from a file).
bool WithinBudget(double cost, double budget) {
  return cost <= budget + 1e-9 * (1 + budget);
}

}  // namespace

LeverSetScorer::LeverSetScorer(const Scenario& scenario, const ScenarioPlan& plan, int paths,
                               std::uint64_t seed, WorkerPool& pool)
    : scenario_(scenario), plan_(plan), paths_(paths), seed_(seed), pool_(pool) {
  for (std::size_t t = 0; t < scenario.targets.size(); ++t) {
    const Target& target = scenario.targets[t];
    const int first = target.mode == TargetMode::kAtEnd ? plan.steps : plan.start_step;
    for (int h = first; h <= plan.steps; ++h) {
      slot_target_.push_back(static_cast<int>(t));
      slot_step_.push_back(h);
      slot_floor_.push_back(target.floor);
    }
  }
  const Eigen::MatrixXd base = MeanPath(plan, plan.baseline);
  std::vector<ParameterDraw> draws;
  if (plan.parameters) {
    effect_batches_ = (paths + kPathBlock - 1) / kPathBlock;
    for (int b = 0; b < effect_batches_; ++b)
      draws.push_back(plan.parameters->Draw(seed, static_cast<std::uint64_t>(b)));
  }
  for (std::size_t l = 0; l < scenario.levers.size(); ++l) {
    std::vector<double> effect(slot_step_.size() * effect_batches_, 0.0);
    if (!plan.lever_changes_volatility[l] && plan.parameters) {
      for (int b = 0; b < effect_batches_; ++b) {
        const Eigen::MatrixXd response = ResponseToOffsets(
            draws[static_cast<std::size_t>(b)].lag_matrices, plan.lever_offset[l]);
        for (std::size_t s = 0; s < slot_step_.size(); ++s)
          effect[b * slot_step_.size() + s] =
              response(slot_step_[s] - 1, plan.target_variable[slot_target_[s]]);
      }
    } else if (!plan.lever_changes_volatility[l]) {
      std::vector<bool> only(scenario.levers.size(), false);
      only[l] = true;
      const Eigen::MatrixXd with = MeanPath(plan, plan.WithLevers(only));
      for (std::size_t s = 0; s < slot_step_.size(); ++s) {
        const int v = plan.target_variable[slot_target_[s]];
        effect[s] = with(slot_step_[s] - 1, v) - base(slot_step_[s] - 1, v);
      }
    }
    effect_.push_back(std::move(effect));
  }
}

const std::vector<double>& LeverSetScorer::Simulated(std::uint64_t mask) {
  for (const auto& [m, values] : captured_)
    if (m == mask) return values;
  std::vector<bool> active(scenario_.levers.size(), false);
  for (std::size_t i = 0; i < active.size(); ++i) active[i] = (mask >> i) & 1;
  const std::size_t slots = slot_step_.size();
  std::vector<double> values(static_cast<std::size_t>(paths_) * slots);
  StepFunctionObserver capture([&](const StepValues& v, WorkerPool&) {
    for (std::size_t s = 0; s < slots; ++s) {
      if (slot_step_[s] != v.step) continue;
      const double* y = v.Row(0, plan_.target_variable[slot_target_[s]]);
      for (int i = 0; i < paths_; ++i) values[i * slots + s] = y[i];
    }
  });
  SimulatePaths(plan_, {plan_.WithLevers(active)}, paths_, seed_, pool_, capture);
  captured_.emplace_back(mask, std::move(values));
  return captured_.back().second;
}

double LeverSetScorer::Probability(const std::vector<bool>& active) {
  ++scored_;
  const std::vector<double>& values = Simulated(VolatilityMask(plan_, active));
  // A path keeps the targets when every slot value plus the levers' effects is at the floor or
  // above, i.e. value >= floor - effect.
  const std::size_t slots = slot_step_.size();
  std::vector<double> threshold(slots * effect_batches_);
  for (int b = 0; b < effect_batches_; ++b)
    std::copy(slot_floor_.begin(), slot_floor_.end(), threshold.begin() + b * slots);
  for (std::size_t l = 0; l < active.size(); ++l)
    if (active[l])
      for (std::size_t s = 0; s < threshold.size(); ++s) threshold[s] -= effect_[l][s];
  std::int64_t kept = 0;
  for (int i = 0; i < paths_; ++i) {
    const double* y = values.data() + static_cast<std::size_t>(i) * slots;
    const double* floor =
        threshold.data() +
        (effect_batches_ > 1 ? static_cast<std::size_t>(i / kPathBlock) : 0) * slots;
    std::size_t s = 0;
    while (s < slots && y[s] >= floor[s]) ++s;
    kept += s == slots;
  }
  return static_cast<double>(kept) / paths_;
}

namespace {

struct Scored {
  std::vector<int> levers;
  double cost = 0;
  double p = 0;
};

// A sum of costs in billionths of a budget unit: sums of decimal costs from a file differ by
// binary rounding (0.1 + 0.7 < 0.8), which must not make one set look cheaper than another of
// the same cost. Whole units keep the comparison a strict weak order, as std::sort needs.
std::int64_t CostKey(double cost) {
  return std::llround(cost * 1e9);
}

// Higher probability first (probabilities are shares of the same paths, so a tie is exact); then
// cheaper; then fewer levers; then lexicographic.
bool Better(const Scored& a, const Scored& b) {
  if (a.p != b.p) return a.p > b.p;
  if (CostKey(a.cost) != CostKey(b.cost)) return CostKey(a.cost) < CostKey(b.cost);
  if (a.levers.size() != b.levers.size()) return a.levers.size() < b.levers.size();
  return a.levers < b.levers;
}

void Enumerate(const Scenario& s, LeverSetScorer& scorer, double budget, std::vector<int>& set,
               double cost, int next, std::vector<Scored>& out) {
  out.push_back({set, cost, scorer.Probability(Active(s.levers.size(), set))});
  for (int l = next; l < static_cast<int>(s.levers.size()); ++l) {
    const double with = cost + s.levers[l].cost;
    if (!WithinBudget(with, budget)) continue;
    set.push_back(l);
    Enumerate(s, scorer, budget, set, with, l + 1, out);
    set.pop_back();
  }
}

std::vector<Scored> GreedyWithSwaps(const Scenario& s, LeverSetScorer& scorer, double budget) {
  std::map<std::vector<int>, Scored> seen;
  auto score = [&](std::vector<int> set) -> const Scored& {
    std::sort(set.begin(), set.end());
    auto it = seen.find(set);
    if (it == seen.end()) {
      Scored x{set, CostOf(s, set), scorer.Probability(Active(s.levers.size(), set))};
      it = seen.emplace(set, x).first;
    }
    return it->second;
  };
  const int n = static_cast<int>(s.levers.size());
  Scored current = score({});
  // Greedy forward selection.
  for (;;) {
    std::optional<Scored> best;
    for (int l = 0; l < n; ++l) {
      if (std::find(current.levers.begin(), current.levers.end(), l) != current.levers.end())
        continue;
      if (!WithinBudget(current.cost + s.levers[l].cost, budget)) continue;
      std::vector<int> with = current.levers;
      with.push_back(l);
      const Scored& x = score(with);
      if (!best || Better(x, *best)) best = x;
    }
    if (!best || !(best->p > current.p)) break;
    current = *best;
  }
  // Local search: best improving addition, removal or swap, until none improves.
  for (int round = 0; round < 1000; ++round) {
    std::optional<Scored> best;
    auto consider = [&](const std::vector<int>& set) {
      if (!WithinBudget(CostOf(s, set), budget)) return;
      const Scored& x = score(set);
      if (!best || Better(x, *best)) best = x;
    };
    for (int l = 0; l < n; ++l) {
      const bool in =
          std::find(current.levers.begin(), current.levers.end(), l) != current.levers.end();
      if (in) {
        std::vector<int> without;
        for (int x : current.levers)
          if (x != l) without.push_back(x);
        consider(without);
        for (int m = 0; m < n; ++m)
          if (std::find(current.levers.begin(), current.levers.end(), m) == current.levers.end()) {
            std::vector<int> swapped = without;
            swapped.push_back(m);
            consider(swapped);
          }
      } else {
        std::vector<int> with = current.levers;
        with.push_back(l);
        consider(with);
      }
    }
    if (!best || !Better(*best, current)) break;
    current = *best;
  }
  std::vector<Scored> out;
  for (auto& [key, x] : seen) out.push_back(x);
  return out;
}

}  // namespace

LeverSearchResult SearchLevers(const Scenario& scenario, const ScenarioPlan& plan,
                               const LeverSearchOptions& options) {
  const int n = static_cast<int>(scenario.levers.size());
  if (scenario.targets.empty())
    ThrowUsage(fmt::format("{}: optimize needs at least one [[target]] to keep", scenario.path));
  if (n == 0) ThrowUsage(fmt::format("{}: optimize needs [[lever]] candidates", scenario.path));
  if (n > kMaxCandidateLevers)
    ThrowUsage(fmt::format("{}: {} levers; optimize handles up to {}", scenario.path, n,
                           kMaxCandidateLevers));
  if (!(options.budget >= 0)) ThrowUsage("the budget must be a number >= 0");

  LeverSearchResult result;
  result.budget = options.budget;
  result.search_paths = options.search_paths;
  result.final_paths = options.final_paths;
  result.seed = options.seed;
  result.objective = scenario.targets.size() == 1 ? "the target" : "all targets together";
  for (const Lever& l : scenario.levers) {
    result.lever_names.push_back(l.name);
    result.lever_costs.push_back(l.cost);
  }

  result.parameters =
      plan.parameters ? "each batch of " + std::to_string(kPathBlock) +
                            " paths draws the VAR's coefficients and residual covariance from " +
                            plan.parameters->Description()
                      : "plug-in estimates (no parameter uncertainty)";
  WorkerPool pool(options.threads);
  LeverSetScorer scorer(scenario, plan, options.search_paths, options.seed, pool);
  std::vector<Scored> scored;
  if (n <= kExhaustiveLevers) {
    result.method = "exhaustive";
    std::vector<int> set;
    Enumerate(scenario, scorer, options.budget, set, 0.0, 0, scored);
  } else {
    result.method = "greedy + local swaps";
    scored = GreedyWithSwaps(scenario, scorer, options.budget);
  }
  result.sets_scored = scorer.scored();
  std::sort(scored.begin(), scored.end(), Better);
  if (static_cast<int>(scored.size()) > options.top) scored.resize(options.top);

  // Final evaluation on final_paths paths, from the same random numbers in every run (path i
  // always draws the same shocks), so that all differences are paired: first the top sets and
  // the baseline, re-ranked; then the best set without each of its levers or with each other one.
  auto kept_flags = [&](const std::vector<std::vector<int>>& sets) {
    std::vector<std::vector<std::uint8_t>> kept;
    constexpr std::size_t kSystemsPerRun = 8;  // bounds memory: systems x paths x K x (p + 1)
    for (std::size_t first = 0; first < sets.size(); first += kSystemsPerRun) {
      const std::size_t last = std::min(sets.size(), first + kSystemsPerRun);
      std::vector<SystemAdjustments> systems;
      for (std::size_t i = first; i < last; ++i)
        systems.push_back(plan.WithLevers(Active(n, sets[i])));
      TargetTracker tracker(scenario.targets, plan, static_cast<int>(systems.size()),
                            options.final_paths);
      StepFunctionObserver observer(
          [&](const StepValues& v, WorkerPool& p) { tracker.Update(v, p); });
      SimulatePaths(plan, systems, options.final_paths, options.seed, pool, observer);
      for (std::size_t i = 0; i < systems.size(); ++i)
        kept.push_back(tracker.AllKept(static_cast<int>(i)));
    }
    return kept;
  };
  auto hits = [](const std::vector<std::uint8_t>& kept) {
    std::int64_t h = 0;
    for (auto x : kept) h += x;
    return h;
  };
  auto paired = [&](const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
    std::int64_t only_a = 0, only_b = 0;
    for (int i = 0; i < options.final_paths; ++i) {
      only_a += a[i] & !b[i];
      only_b += b[i] & !a[i];
    }
    return PairedShareDifference(only_a, only_b, options.final_paths);
  };

  std::vector<std::vector<int>> top_sets;
  for (const Scored& x : scored) top_sets.push_back(x.levers);
  top_sets.push_back({});
  std::vector<std::vector<std::uint8_t>> kept = kept_flags(top_sets);
  const std::vector<std::uint8_t> baseline = kept.back();
  kept.pop_back();
  result.baseline = ShareOfPaths(hits(baseline), options.final_paths);
  std::vector<std::size_t> order(scored.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    Scored x = scored[a], y = scored[b];
    x.p = static_cast<double>(hits(kept[a]));
    y.p = static_cast<double>(hits(kept[b]));
    return Better(x, y);
  });
  for (std::size_t i : order) {
    EvaluatedLeverSet e;
    e.levers = scored[i].levers;
    e.cost = scored[i].cost;
    e.search_probability = scored[i].p;
    e.probability = ShareOfPaths(hits(kept[i]), options.final_paths);
    e.interval = WilsonInterval(hits(kept[i]), options.final_paths);
    e.gain = paired(kept[i], baseline);
    result.best.push_back(e);
  }

  const std::vector<int>& best = result.best.front().levers;
  const std::vector<std::uint8_t>& best_kept = kept[order.front()];
  std::vector<std::vector<int>> neighbours;
  for (int l = 0; l < n; ++l) {
    const bool in = std::find(best.begin(), best.end(), l) != best.end();
    std::vector<int> other;
    for (int x : best)
      if (x != l) other.push_back(x);
    if (!in) {
      other.push_back(l);
      std::sort(other.begin(), other.end());
    }
    neighbours.push_back(other);
  }
  const std::vector<std::vector<std::uint8_t>> neighbour_kept = kept_flags(neighbours);
  for (int l = 0; l < n; ++l) {
    MarginalValue m;
    m.lever = l;
    m.in_best = std::find(best.begin(), best.end(), l) != best.end();
    m.within_budget = m.in_best || WithinBudget(result.best.front().cost + scenario.levers[l].cost,
                                                options.budget);
    const std::vector<std::uint8_t>& with = m.in_best ? best_kept : neighbour_kept[l];
    const std::vector<std::uint8_t>& without = m.in_best ? neighbour_kept[l] : best_kept;
    m.value = paired(with, without);
    // Per batch of paths (one parameter draw each): the paired difference within the batch.
    std::vector<double> per_batch;
    for (int begin = 0; begin < options.final_paths; begin += kPathBlock) {
      const int end = std::min(options.final_paths, begin + kPathBlock);
      std::int64_t diff = 0;
      for (int i = begin; i < end; ++i) diff += int{with[i]} - int{without[i]};
      per_batch.push_back(static_cast<double>(diff) / (end - begin));
    }
    m.draws = static_cast<int>(per_batch.size());
    m.share_positive = static_cast<double>(std::count_if(per_batch.begin(), per_batch.end(),
                                                         [](double v) { return v > 0; })) /
                       m.draws;
    std::sort(per_batch.begin(), per_batch.end());
    auto quantile = [&](double q) {
      const double pos = q * (m.draws - 1);
      const auto lo = static_cast<std::size_t>(std::floor(pos));
      const auto hi = std::min(lo + 1, per_batch.size() - 1);
      return per_batch[lo] + (pos - lo) * (per_batch[hi] - per_batch[lo]);
    };
    m.draw_low = quantile(0.05);
    m.draw_high = quantile(0.95);
    m.recommended = m.in_best && m.share_positive >= kRecommendShare;
    result.marginal.push_back(m);
  }
  return result;
}

}  // namespace triad
