// `triad optimize SCENARIO.toml --budget B`: the lever sets within a budget that maximise the
// probability of keeping all the scenario's targets, with each lever's marginal value.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "analysis/store_scenario_model.hpp"
#include "cli/command.hpp"
#include "common/error.hpp"
#include "outputs/safe_text.hpp"
#include "scenarios/lever_search.hpp"
#include "scenarios/lever_search_json.hpp"
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
  out << "\nMarginal value of each lever against the best set (points; paired s.e.)\n";
  out << fmt::format("  {:<44} {:>8} {:>18}  {}\n", "lever", "cost", "value (± s.e.)", "");
  for (const MarginalValue& m : r.marginal)
    out << fmt::format("  {:<44} {:>8g} {:>18}  {}\n", r.lever_names[m.lever],
                       r.lever_costs[m.lever],
                       fmt::format("{:+.2f} ± {:.2f}", 100 * m.value.difference, 100 * m.value.se),
                       m.in_best         ? "in the best set: P(best) - P(best without it)"
                       : m.within_budget ? "P(best with it) - P(best)"
                                         : "P(best with it) - P(best), over budget");
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
      ->check(CLI::Range(1, kMaxPaths));
  cmd->add_option("--search-paths", o->search_paths,
                  "paths for scoring candidate sets during the search (default 2000)")
      ->check(CLI::Range(1, kMaxPaths));
  cmd->add_option("--top", o->top, "best sets to report (default 5)")->check(CLI::PositiveNumber);
  cmd->add_option("--seed", o->seed, "random seed (default: the scenario's 'seed')")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--threads", o->threads, "worker threads, 0 to 256 (default 0: all cores)")
      ->check(CLI::Range(0, 256));
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
    const ScenarioPlan plan = PlanScenario(scenario, fit);
    for (const auto& w : plan.warnings) std::cerr << "triad: warning: " << TerminalLines(w) << "\n";
    LeverSearchOptions options;
    options.budget = o->budget;
    options.search_paths = std::min(o->search_paths, scenario.paths);
    options.final_paths = scenario.paths;
    options.seed = scenario.seed;
    options.threads = o->threads;
    options.top = o->top;
    const LeverSearchResult r = SearchLevers(scenario, plan, options);
    if (o->format == "json") {
      std::cout << JsonText(ToJson(r), 1) << "\n";
    } else {
      PrintTable(std::cout, o->scenario, r);
    }
    exit_code = kExitOk;
  });
});

}  // namespace
}  // namespace triad::cli
