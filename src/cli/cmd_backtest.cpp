// `triad backtest`: fit a VAR on the rows of a dated CSV up to a date, simulate the remaining rows
// with `triad simulate`'s engine, and score the realised values against the simulated
// distribution (coverage of the 50% and 90% bands, CRPS) and against a no-change forecast.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/list_option.hpp"
#include "cli/scenario_model_notes.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "measures/var_csv.hpp"
#include "measures/var_model.hpp"
#include "scenarios/backtest.hpp"

namespace triad::cli {
namespace {

struct BacktestCommandOptions {
  std::string input;
  std::string columns;
  std::string until;
  int lags = -1;
  int maxlags = -1;
  std::string ic = "bic";
  std::string trend = "c";
  int paths = 20000;
  std::int64_t seed = 1;
  int threads = 0;
  std::string format = "table";
  std::string parameter_uncertainty = "on";
};

nlohmann::json ToJson(const BacktestResult& r, int lags) {
  nlohmann::json j;
  j["train_first"] = r.train_first;
  j["train_last"] = r.train_last;
  j["train_rows"] = r.train_rows;
  j["lags"] = lags;
  j["horizon"] = r.horizon;
  j["paths"] = r.paths;
  j["seed"] = r.seed;
  j["parameters"] = r.parameters;
  auto summary = [](auto& x) {
    return nlohmann::json{{"coverage50", x.coverage50},
                          {"coverage90", x.coverage90},
                          {"coverage50_random_walk", x.coverage50_random_walk},
                          {"coverage90_random_walk", x.coverage90_random_walk},
                          {"crps", x.mean_crps},
                          {"crps_random_walk", x.mean_crps_random_walk},
                          {"mae_no_change", x.mean_error_no_change}};
  };
  j["overall"] = summary(r);
  nlohmann::json vars = nlohmann::json::array();
  for (const BacktestVariable& v : r.variables) {
    nlohmann::json x = summary(v);
    x["name"] = v.name;
    nlohmann::json steps = nlohmann::json::array();
    for (const BacktestStep& s : v.steps)
      steps.push_back({{"step", s.step},
                       {"period", s.label},
                       {"observed", s.observed},
                       {"quantiles", s.quantile},
                       {"crps", s.crps},
                       {"crps_random_walk", s.crps_random_walk},
                       {"error_no_change", s.error_no_change}});
    x["steps"] = steps;
    vars.push_back(x);
  }
  j["variables"] = vars;
  return j;
}

void PrintTable(std::ostream& out, const BacktestCommandOptions& o, const BacktestResult& r,
                int lags) {
  out << fmt::format(
      "Backtest of {}: VAR({}) fitted on {} rows ({} .. {}), {} later rows simulated with {} "
      "paths (seed {})\n",
      o.input, lags, r.train_rows, r.train_first, r.train_last, r.horizon, r.paths, r.seed);
  out << "Paths: " << r.parameters << "\n\n";
  out << fmt::format("  {:<14} {:>9} {:>9} {:>9} {:>9} {:>11} {:>11} {:>11}\n", "series", "cov50",
                     "cov90", "RW cov50", "RW cov90", "CRPS", "RW CRPS", "no-chg MAE");
  auto row = [&](const std::string& name, const auto& x) {
    out << fmt::format(
        "  {:<14} {:>9.3f} {:>9.3f} {:>9.3f} {:>9.3f} {:>11.4g} {:>11.4g} {:>11.4g}\n", name,
        x.coverage50, x.coverage90, x.coverage50_random_walk, x.coverage90_random_walk, x.mean_crps,
        x.mean_crps_random_walk, x.mean_error_no_change);
  };
  for (const BacktestVariable& v : r.variables) row(v.name, v);
  row("all", r);
  out << "\n(coverage: share of test periods inside the central band, nominal 0.5 and 0.9; RW: "
         "Normal(last value, h s^2) with s the s.d. of training changes)\n";
  for (const BacktestVariable& v : r.variables) {
    out << fmt::format("\n{}: realised value within the simulated quantiles\n", v.name);
    out << fmt::format("  {:>4} {:<12} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>9} {:>9}\n",
                       "h", "period", "observed", "5%", "25%", "50%", "75%", "95%", "CRPS",
                       "RW CRPS");
    for (const BacktestStep& s : v.steps)
      out << fmt::format(
          "  {:>4} {:<12} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g} {:>9.4g} "
          "{:>9.4g}\n",
          s.step, s.label, s.observed, s.quantile[0], s.quantile[1], s.quantile[2], s.quantile[3],
          s.quantile[4], s.crps, s.crps_random_walk);
  }
}

void Run(const BacktestCommandOptions& o) {
  const VarData all = ReadVarCsv(o.input, SplitList(o.columns), {});
  const std::optional<Day> until = ParseDate(o.until);
  if (!until) ThrowUsage(fmt::format("--until: not a date: '{}'", o.until));
  const TrainTestSplit split = SplitAtDate(all, *until, o.input);
  const VarFit fit = FitBacktestModel(
      split.train, {o.lags, o.maxlags > 0 ? o.maxlags : 0, o.ic, ParseVarTrend(o.trend)}, o.input);
  BacktestResult r = RunBacktest(
      fit, split.train.values, split.test, split.test_labels,
      {o.paths, static_cast<std::uint64_t>(o.seed), o.threads, o.parameter_uncertainty != "off"});
  r.train_first = split.train.labels.front();
  r.train_last = split.train.labels.back();
  if (o.format == "json") {
    std::cout << ToJson(r, fit.lags).dump(1) << "\n";
  } else {
    PrintTable(std::cout, o, r, fit.lags);
  }
}

const CommandRegistration kRegistration(90, [](CLI::App& app, int& exit_code) {
  auto o = std::make_shared<BacktestCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "backtest", "Fit up to a date, simulate the rest of the data, score coverage and CRPS");
  AddParameterUncertaintyOption(cmd, o->parameter_uncertainty);
  cmd->add_option("--input", o->input,
                  "CSV: header, a date column (period starts), numeric columns")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--columns", o->columns, "series to model (default: all numeric columns)");
  cmd->add_option("--until", o->until, "last period (by its start date) of the training rows")
      ->required();
  // The simulator runs VAR orders up to 64: checked here, in backtest's own option names.
  auto* lags = cmd->add_option("--lags", o->lags, "VAR order 1..64 (default: chosen by --ic)")
                   ->check(CLI::Range(1, 64));
  cmd->add_option("--maxlags", o->maxlags,
                  "largest order compared by --ic, up to 64 (default statsmodels')")
      ->excludes(lags)
      ->check(CLI::Range(1, 64));
  cmd->add_option("--ic", o->ic, "criterion for the order: aic, bic (default), hqic, fpe")
      ->check(CLI::IsMember({"aic", "bic", "hqic", "fpe"}));
  cmd->add_option("--trend", o->trend, "deterministic terms: n, c (default), ct")
      ->check(CLI::IsMember({"n", "c", "ct"}));
  cmd->add_option("--paths", o->paths, "simulated paths (default 20000)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", o->seed, "random seed (default 1)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--threads", o->threads, "worker threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--format", o->format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->footer(
      "Example (the essay's date; bench/backtest_essay.sh rebuilds the weekly file):\n"
      "  triad backtest --input tests/data/series/gdelt_weekly_chn_usa_jpn.csv --until 2023-11-20\n"
      "The week of 2023-11-20 is the last that ends before the essay (2023-11-30).");
  cmd->callback([o, &exit_code] {
    Run(*o);
    exit_code = kExitOk;
  });
});

}  // namespace
}  // namespace triad::cli
