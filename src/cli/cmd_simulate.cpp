// `triad simulate SCENARIO.toml`: Monte Carlo paths of a scenario (levers and windows on a fitted
// VAR), with quantiles per variable and period, the probability of keeping each target, and the
// triangle-type distribution, each against the baseline without levers (common random numbers).
// The table format answers the scenario's question, the targets' probabilities; the tables per
// step come with --steps (csv holds them, one row per system, step and variable; json holds
// everything).
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>

#include "analysis/store_scenario_model.hpp"
#include "cli/command.hpp"
#include "cli/scenario_model_notes.hpp"
#include "common/error.hpp"
#include "outputs/safe_text.hpp"
#include "outputs/table.hpp"
#include "scenarios/scenario_model.hpp"
#include "scenarios/scenario_plan.hpp"
#include "scenarios/scenario_toml.hpp"
#include "scenarios/simulation.hpp"
#include "scenarios/simulation_json.hpp"

namespace triad::cli {
namespace {

struct SimulateOptions {
  std::string scenario;
  int paths = 0;  // 0 = the scenario's
  std::int64_t seed = -1;
  int threads = 0;
  std::string format = "table";
  bool steps = false;  // the tables per step (quantiles, triangle types) in the table format
  std::string parameter_uncertainty = "on";
};

std::string Pct(const PathShare& s) {
  return fmt::format("{:6.2f}% ± {:.2f}", 100 * s.p, 100 * s.se);
}

// The target table: every ± in it is a Monte Carlo standard error, and each column with one says
// so in its header.
void PrintTargets(std::ostream& out, const SimulationResult& r) {
  if (r.targets.empty()) {
    out << "\nThe scenario has no [[target]]: no probabilities to report.\n";
    return;
  }
  out << fmt::format(
      "\nProbability of keeping the targets ({} paths; probabilities in %, differences in "
      "percentage points)\n",
      r.paths);
  out << fmt::format("  {:<34} {:>26}  {:>26}  {:>30}\n", "target", "with levers: P (± MC s.e.)",
                     "baseline: P (± MC s.e.)", "difference, paired (± MC s.e.)");
  for (const TargetOutcome& t : r.targets)
    out << fmt::format(
        "  {:<34} {:>26}  {:>26}  {:>30}\n", t.label, Pct(t.scenario), Pct(t.baseline),
        fmt::format("{:+.2f} ± {:.2f}", 100 * t.difference.difference, 100 * t.difference.se));
  out << "  (MC s.e.: the Monte Carlo standard error of the estimate, from the number of paths)\n";
}

void PrintQuantiles(std::ostream& out, const SimulationResult& r,
                    const std::vector<StepSummary>& steps, const std::string& title) {
  for (std::size_t v = 0; v < r.names.size(); ++v) {
    out << fmt::format("\n{} {}: quantiles across paths\n", title, r.names[v]);
    out << fmt::format("  {:>5} {:<10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10}\n", "step",
                       "period", "5%", "25%", "50%", "75%", "95%", "mean");
    for (const StepSummary& s : steps) {
      const VariableSummary& x = s.variables[v];
      out << fmt::format(
          "  {:>5} {:<10} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g}\n", s.step,
          FormatDate(s.date), x.quantile[0], x.quantile[1], x.quantile[2], x.quantile[3],
          x.quantile[4], x.mean);
    }
  }
}

void PrintTriangle(std::ostream& out, const SimulationResult& r) {
  if (!r.has_triangle) return;
  out << fmt::format("\nTriangle {}–{}–{}: share of paths by type (with levers / baseline)\n",
                     r.actors[0], r.actors[1], r.actors[2]);
  out << fmt::format("  {:>5} {:<10} {:>15} {:>15} {:>15} {:>15} {:>15}\n", "step", "period",
                     "menage a trois", "romantic", "stable marriage", "unit veto", "neutral dyad");
  for (std::size_t i = 0; i < r.scenario.size(); ++i) {
    const StepSummary& s = r.scenario[i];
    out << fmt::format("  {:>5} {:<10}", s.step, FormatDate(s.date));
    for (int t = 0; t < 5; ++t) {
      const double base = r.has_baseline ? r.baseline[i].triangle[t] : s.triangle[t];
      out << fmt::format(" {:>15}", fmt::format("{:.3f} / {:.3f}", s.triangle[t], base));
    }
    out << "\n";
  }
}

// A CSV number: the shortest text that reads back exactly; empty when unknown.
std::string CsvNumber(double x) {
  return std::isfinite(x) ? fmt::format("{}", x) : "";
}

// Long (tidy) form, one row per system (scenario, baseline), step and variable, with the JSON's
// names (scenario[].variables.NAME.q05 -> q05). The triangle's types are rows too
// (triangle_TYPE: the share of paths in the type, in `mean`, which is the mean of the indicator).
// The targets are not per step: they are in the table and the JSON.
void PrintCsv(std::ostream& out, const SimulationResult& r) {
  std::vector<std::string> header = {"system", "step", "date", "variable", "mean", "sd"};
  for (double level : kReportedQuantiles) header.push_back(QuantileKey(level));
  out << CsvLine(header);
  auto rows = [&](const std::string& system, const std::vector<StepSummary>& steps) {
    for (const StepSummary& s : steps) {
      std::vector<std::string> row = {system, std::to_string(s.step), FormatDate(s.date)};
      for (std::size_t v = 0; v < r.names.size(); ++v) {
        const VariableSummary& x = s.variables[v];
        std::vector<std::string> line = row;
        line.insert(line.end(), {r.names[v], CsvNumber(x.mean), CsvNumber(x.sd)});
        for (double q : x.quantile) line.push_back(CsvNumber(q));
        out << CsvLine(line);
      }
      if (r.has_triangle)
        for (int t = 0; t < 5; ++t) {
          std::vector<std::string> line = row;
          line.insert(line.end(),
                      {"triangle_" + TriangleShareKeys()[t], CsvNumber(s.triangle[t]), ""});
          line.resize(header.size());
          out << CsvLine(line);
        }
    }
  };
  rows("scenario", r.scenario);
  if (r.has_baseline) rows("baseline", r.baseline);
}

void Run(const SimulateOptions& o) {
  Scenario scenario = ReadScenarioFile(o.scenario);
  if (o.paths > 0) scenario.paths = o.paths;
  if (o.seed >= 0) scenario.seed = static_cast<std::uint64_t>(o.seed);
  const VarFit fit = LoadScenarioModel(scenario, FitStoreScenarioModel);
  ScenarioPlan plan = PlanScenario(scenario, fit);
  ApplyParameterUncertainty(o.parameter_uncertainty, plan, fit);
  const SimulationResult r =
      RunSimulation(scenario, plan, {scenario.paths, scenario.seed, o.threads});
  const LeverEffects effects = AssessLeverEffects(scenario, plan, fit);
  for (const auto& w : r.warnings) std::cerr << "triad: warning: " << TerminalLines(w) << "\n";
  if (o.format == "json") {
    nlohmann::json j = ToJson(r);
    j["model"] = ModelLine(fit);
    j["lever_effects"] = ToJson(effects);
    std::cout << JsonText(j, 1) << "\n";
  } else if (o.format == "csv") {
    PrintCsv(std::cout, r);
  } else {
    std::cout << fmt::format(
        "Scenario {}: {} paths, seed {}, {} steps ({} .. {}), levers: {}\n", o.scenario, r.paths,
        r.seed, r.steps, FormatDate(r.scenario.front().date), FormatDate(r.scenario.back().date),
        r.levers.empty() ? "none" : fmt::format("{}", fmt::join(r.levers, ", ")));
    std::cout << "Model: " << ModelLine(fit) << "\n"
              << "Paths: " << r.parameters << "\n";
    PrintTargets(std::cout, r);
    PrintLeverEffects(std::cout, effects);
    if (o.steps) {
      PrintTriangle(std::cout, r);
      PrintQuantiles(std::cout, r, r.scenario, r.has_baseline ? "With levers," : "");
      if (r.has_baseline) PrintQuantiles(std::cout, r, r.baseline, "Baseline,");
    } else {
      std::cout << "\nQuantiles per step" << (r.has_triangle ? " and triangle types" : "")
                << ": --steps (or --format json, which holds everything).\n";
    }
  }
}

const CommandRegistration kRegistration(80, [](CLI::App& app, int& exit_code) {
  auto o = std::make_shared<SimulateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "simulate", "Monte Carlo paths of a scenario: quantiles, targets kept, triangle types");
  cmd->add_option("scenario", o->scenario, "scenario file (TOML, see docs/scenarios.md)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--paths", o->paths, "number of paths (default: the scenario's 'paths')")
      ->check(CLI::Range(1, kMaxPaths));
  cmd->add_option("--seed", o->seed, "random seed (default: the scenario's 'seed')")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--threads", o->threads,
                  "worker threads, 0 to 256 (default 0: all cores); results do not depend on it")
      ->check(CLI::Range(0, 256));
  cmd->add_option("--format", o->format,
                  "table (default), csv (quantiles and triangle types per step, long form) or "
                  "json (everything)")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  AddParameterUncertaintyOption(cmd, o->parameter_uncertainty);
  cmd->add_flag("--steps", o->steps,
                "also print, per step, the quantiles of every variable and the triangle types "
                "(csv and json always hold them; the targets: table and json)");
  cmd->footer(
      "Example:\n"
      "  triad var --input tests/data/series/gdelt_weekly_chn_usa_jpn.csv --lags 2 \\\n"
      "            --save scenarios/fit_weekly_triangle.json\n"
      "  triad simulate scenarios/essay_weekly.toml --paths 20000 --seed 7\n"
      "The baseline is the same scenario without levers (windows stay), simulated from the same\n"
      "random shocks, so 'difference' is paired. Same seed, same output, whatever --threads.");
  cmd->callback([o, &exit_code] {
    Run(*o);
    exit_code = kExitOk;
  });
});

}  // namespace
}  // namespace triad::cli
