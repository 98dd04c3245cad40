// `triad optimize SCENARIO.toml --budget B`: the lever sets within a budget that maximise the
// probability of keeping all the scenario's targets, with each lever's marginal value.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>

#include "analysis/store_scenario_model.hpp"
#include "cli/command.hpp"
#include "cli/scenario_model_notes.hpp"
#include "common/error.hpp"
#include "scenarios/lever_search.hpp"
#include "scenarios/lever_search_json.hpp"
#include "scenarios/path_simulator.hpp"
#include "scenarios/scenario_model.hpp"
#include "scenarios/scenario_plan.hpp"
#include "scenarios/scenario_toml.hpp"

namespace triad::cli {
namespace {

struct OptimizeOptions {
  std::string scenario;
  double budget = 0;
  int paths = 0;
  int search_paths = 2000;
  int top = 5;
  std::int64_t seed = -1;
  int threads = 0;
  std::string format = "table";
  std::string parameter_uncertainty = "on";
};

std::string Names(const LeverSearchResult& r, const std::vector<int>& set) {
  if (set.empty()) return "(none)";
  std::string out;
  for (int i : set) out += (out.empty() ? "" : ", ") + r.lever_names[i];
  return out;
}

void PrintTable(std::ostream& out, const std::string& file, const LeverSearchResult& r) {
  out << fmt::format(
      "Lever search for {}: budget {:g}, {} candidate levers, {} ({} sets scored on {} paths, "
      "best re-simulated on {} paths, seed {})\n",
      file, r.budget, r.lever_names.size(), r.method, r.sets_scored, r.search_paths, r.final_paths,
      r.seed);
  out << fmt::format(
      "Objective: probability of keeping {}. Without levers: {:.2f}% (± {:.2f} MC s.e.)\n\n",
      r.objective, 100 * r.baseline.p, 100 * r.baseline.se);
  out << fmt::format("  {:>4} {:>8} {:>18} {:>17} {:>22}  {}\n", "rank", "cost", "P (± MC s.e.)",
                     "95% interval", "gain, paired (± s.e.)", "levers");
  for (std::size_t i = 0; i < r.best.size(); ++i) {
    const EvaluatedLeverSet& e = r.best[i];
    out << fmt::format(
        "  {:>4} {:>8g} {:>18} {:>17} {:>22}  {}\n", i + 1, e.cost,
        fmt::format("{:.2f}% ± {:.2f}", 100 * e.probability.p, 100 * e.probability.se),
        fmt::format("{:.2f}–{:.2f}%", 100 * e.interval[0], 100 * e.interval[1]),
        fmt::format("{:+.2f} ± {:.2f}", 100 * e.gain.difference, 100 * e.gain.se),
        Names(r, e.levers));
  }
  out << fmt::format(
      "\nMarginal value of each lever against the best set (points; paired s.e.; 90% interval "
      "and share positive over the {}-path batches{})\n",
      kPathBlock, r.parameters.rfind("plug-in", 0) == 0 ? "" : ", one parameter draw each");
  out << fmt::format("  {:<44} {:>8} {:>16} {:>18} {:>9} {:<12} {}\n", "lever", "cost",
                     "value (± s.e.)", "90% over draws", "positive", "", "");
  for (const MarginalValue& m : r.marginal)
    out << fmt::format("  {:<44} {:>8g} {:>16} {:>18} {:>8.0f}% {:<12} {}\n",
                       r.lever_names[m.lever], r.lever_costs[m.lever],
                       fmt::format("{:+.2f} ± {:.2f}", 100 * m.value.difference, 100 * m.value.se),
                       fmt::format("{:+.2f} .. {:+.2f}", 100 * m.draw_low, 100 * m.draw_high),
                       100 * m.share_positive, m.recommended ? "recommended" : "",
                       m.in_best         ? "in the best set: P(best) - P(best without it)"
                       : m.within_budget ? "P(best with it) - P(best)"
                                         : "P(best with it) - P(best), over budget");
  out << fmt::format(
      "  (recommended: in the best set and positive in at least {:.0f}% of the batches)\n",
      100 * kRecommendShare);
}

// A lever in the best set whose marginal value on the targets has the sign its intent rules out
// (a harmful lever that raises the probability of keeping them, a cooperative one that lowers it).
std::vector<std::string> IntentWarnings(const Scenario& scenario, const LeverSearchResult& r,
                                        const VarFit& fit) {
  std::vector<std::string> out;
  for (const MarginalValue& m : r.marginal) {
    const LeverIntent intent = scenario.levers[static_cast<std::size_t>(m.lever)].intent;
    const double v = m.value.difference;
    if (!m.in_best || !((intent == LeverIntent::kHarmful && v > 0) ||
                        (intent == LeverIntent::kCooperative && v < 0)))
      continue;
    out.push_back(fmt::format(
        "lever '{}' is meant to be {}, but the model estimates the opposite of the intended "
        "effect: it {} the probability of keeping the targets by {:.2f} points (positive in "
        "{:.0f}% "
        "of {} parameter batches); it rests on {} observations; {}",
        r.lever_names[static_cast<std::size_t>(m.lever)], LeverIntentName(intent),
        v > 0 ? "raises" : "lowers", 100 * std::abs(v), 100 * m.share_positive, m.draws, fit.nobs,
        m.recommended ? "read the recommendation with that in mind" : "it is not recommended"));
  }
  return out;
}

const CommandRegistration kRegistration(85, [](CLI::App& app, int& exit_code) {
  auto o = std::make_shared<OptimizeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "optimize", "Find the lever sets within a budget that best keep the scenario's targets");
  cmd->add_option("scenario", o->scenario, "scenario file (TOML, see docs/scenarios.md)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--budget", o->budget, "total cost allowed (lever 'cost' units)")
      ->required()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--paths", o->paths, "paths for the final evaluation (default: the scenario's)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--search-paths", o->search_paths,
                  "paths for scoring candidate sets during the search (default 2000)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--top", o->top, "best sets to report (default 5)")->check(CLI::PositiveNumber);
  cmd->add_option("--seed", o->seed, "random seed (default: the scenario's 'seed')")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--threads", o->threads, "worker threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  AddParameterUncertaintyOption(cmd, o->parameter_uncertainty);
  cmd->add_option("--format", o->format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->footer(
      "Example:\n"
      "  triad optimize scenarios/essay_weekly.toml --budget 4 --paths 20000\n"
      "Up to 16 levers every affordable set is scored; beyond, greedy selection then local swaps\n"
      "(docs/scenarios.md). All sets are scored on the same random numbers (paired).");
  cmd->callback([o, &exit_code] {
    Scenario scenario = ReadScenarioFile(o->scenario);
    if (o->paths > 0) scenario.paths = o->paths;
    if (o->seed >= 0) scenario.seed = static_cast<std::uint64_t>(o->seed);
    const VarFit fit = LoadScenarioModel(scenario, FitStoreScenarioModel);
    ScenarioPlan plan = PlanScenario(scenario, fit);
    ApplyParameterUncertainty(o->parameter_uncertainty, plan, fit);
    for (const auto& w : plan.warnings) std::cerr << "triad: warning: " << w << "\n";
    const LeverEffects effects = AssessLeverEffects(scenario, plan, fit);
    LeverSearchOptions options;
    options.budget = o->budget;
    options.search_paths = std::min(o->search_paths, scenario.paths);
    options.final_paths = scenario.paths;
    options.seed = scenario.seed;
    options.threads = o->threads;
    options.top = o->top;
    const LeverSearchResult r = SearchLevers(scenario, plan, options);
    if (o->format == "json") {
      nlohmann::json j = ToJson(r);
      j["model"] = ModelLine(fit);
      j["lever_effects"] = ToJson(effects);
      j["intent_warnings"] = IntentWarnings(scenario, r, fit);
      std::cout << j.dump(1) << "\n";
    } else {
      std::cout << "Model: " << ModelLine(fit) << "\nPaths: " << r.parameters << "\n";
      PrintTable(std::cout, o->scenario, r);
      PrintLeverEffects(std::cout, effects);
      for (const std::string& w : IntentWarnings(scenario, r, fit))
        std::cout << "warning: " << w << "\n";
    }
    exit_code = kExitOk;
  });
});

}  // namespace
}  // namespace triad::cli
