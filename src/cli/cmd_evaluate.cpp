// `triad evaluate`: rolling-origin forecast evaluation (scenarios/forecast_evaluation.hpp) of the
// no-change forecast, the local linear trend and the VARs (OLS and Minnesota), on a store's triad
// (the series `triad explain` fits) or on a CSV of dated series (as `triad var --input` reads it).
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "analysis/evaluation_series.hpp"
#include "cli/command.hpp"
#include "cli/list_option.hpp"
#include "cli/relation_index_options.hpp"
#include "common/error.hpp"
#include "measures/var_csv.hpp"
#include "outputs/output_file.hpp"
#include "outputs/table.hpp"
#include "scenarios/forecast_evaluation.hpp"
#include "scenarios/forecast_evaluation_json.hpp"

namespace triad::cli {
namespace {

struct EvaluateArgs {
  // The data: a CSV ...
  std::string input;
  std::string columns;         // targets
  std::string driver_columns;  // drivers
  // ... or a store's triad.
  RelationIndexFlags index;
  std::string actors = "CHN,USA,JPN";
  std::string drivers;
  bool no_drivers = false;
  std::string regional_group = "ASIA_PACIFIC_REGIONAL";
  std::string global_group = "GLOBAL_SOUTH";
  // The evaluation.
  int horizon = 8;
  int min_train = 0;
  int step = 1;
  std::string models;
  int lags = 0, maxlags = 4;
  std::string ic = "bic";
  int threads = 0;
  bool forecasts = false;
  std::string format = "table";
};

struct Evaluated {
  std::string source;  // what was evaluated, in words
  std::string frequency;
  std::vector<std::string> notes;
  EvaluationResult result;
};

EvaluationOptions Options(const EvaluateArgs& a) {
  EvaluationOptions o;
  o.horizon = a.horizon;
  o.min_train = a.min_train;
  o.step = a.step;
  for (const std::string& key : SplitList(a.models)) {
    const auto model = ForecastModelFromKey(key);
    if (!model)
      ThrowUsage(fmt::format(
          "--models: unknown model '{}'; choose from no_change, local_linear_trend, var, "
          "var_drivers, bvar",
          key));
    o.models.push_back(*model);
  }
  o.model.lags = a.lags;
  o.model.maxlags = a.maxlags;
  o.model.criterion = a.ic;
  o.threads = a.threads;
  o.keep_forecasts = a.forecasts;
  return o;
}

Evaluated FromCsv(const EvaluateArgs& a) {
  std::vector<std::string> targets = SplitList(a.columns);
  const std::vector<std::string> drivers = SplitList(a.driver_columns);
  if (targets.empty()) {
    // Every numeric column that is not a driver.
    const VarData all = ReadVarCsv(a.input, {}, {});
    for (const std::string& n : all.names)
      if (std::find(drivers.begin(), drivers.end(), n) == drivers.end()) targets.push_back(n);
  }
  std::vector<std::string> columns = targets;
  columns.insert(columns.end(), drivers.begin(), drivers.end());
  const VarData data = ReadVarCsv(a.input, columns, {});
  Evaluated e;
  e.source = a.input;
  e.frequency = InferLabelFrequency(data.labels);
  e.result = EvaluateForecasts(data, static_cast<int>(targets.size()), Options(a));
  return e;
}

Evaluated FromStore(const EvaluateArgs& a) {
  TriadQuery q;
  const std::vector<std::string> actors = ParseActorList(a.actors);
  if (actors.size() != 3) ThrowUsage(fmt::format("--actors '{}': give three countries", a.actors));
  q.actors = {actors[0], actors[1], actors[2]};
  q.index = a.index.Resolve();
  q.periods = a.index.Periods();
  q.drivers = !a.no_drivers;
  if (!a.drivers.empty()) {
    q.model.drivers.emplace();
    for (const std::string& d : SplitList(a.drivers))
      if (d != "none" && d != "NONE") q.model.drivers->push_back(ParseDriverFamily(d));
  }
  q.model.regional_group = a.regional_group;
  q.model.global_group = a.global_group;
  EventStore store(a.index.series.store, /*create=*/false);
  const EvaluationSeries series = EvaluationSeriesFromStore(store, q);
  Evaluated e;
  e.source =
      fmt::format("{} ({}-{}-{})", a.index.series.store, q.actors[0], q.actors[1], q.actors[2]);
  e.frequency = FrequencyName(series.freq);
  e.notes = series.notes;
  e.result = EvaluateForecasts(series.data, series.targets, Options(a));
  return e;
}

std::string Render(const Evaluated& e) {
  const EvaluationResult& r = e.result;
  const std::string unit = e.frequency.empty() ? "row" : e.frequency;
  std::string text = fmt::format(
      "Rolling-origin forecast evaluation of {}: {} {}s ({} .. {}), forecasting {}{}\n", e.source,
      r.rows, unit, r.labels.front(), r.labels.back(), fmt::join(r.targets, ", "),
      r.drivers.empty() ? "" : fmt::format(" (drivers {})", fmt::join(r.drivers, ", ")));
  text += fmt::format(
      "origins: {} ({} .. {}, every {} {}{}; the first trains on {} {}s), horizons 1..{}; every "
      "model refitted at every origin\n",
      r.origins.size(), r.labels[static_cast<std::size_t>(r.origins.front())],
      r.labels[static_cast<std::size_t>(r.origins.back())], r.step, unit, r.step == 1 ? "" : "s",
      r.min_train, unit, r.horizon);
  for (const std::string& n : e.notes) text += "note: " + n + "\n";
  for (const std::string& n : r.notes) text += "note: " + n + "\n";
  for (const ModelEvaluation& m : r.models)
    if (m.failed_origins > 0)
      text += fmt::format("warning: {} could not be fitted at {} of {} origins (first {})\n",
                          ForecastModelLabel(m.model), m.failed_origins, r.origins.size(),
                          m.first_failure);
  text += "\n";
  TextTable table(
      {"h", "model", "forecasts", "CRPS", "vs no-change", "cov50", "cov90", "DM (HLN)", "p-value"});
  for (int h = 1; h <= r.horizon; ++h)
    for (const ModelEvaluation& m : r.models) {
      const HorizonScore& s = m.horizons[static_cast<std::size_t>(h - 1)];
      if (s.forecasts == 0) continue;
      const auto& dm = s.versus_no_change;
      table.AddRow({std::to_string(h), std::string(ForecastModelLabel(m.model)),
                    std::to_string(s.forecasts), Num(s.crps, 3), Num(s.crps / s.crps_no_change, 3),
                    Num(s.coverage50, 2), Num(s.coverage90, 2),
                    dm ? Num(dm->corrected_statistic, 2) : "", dm ? Num(dm->p_value, 3) : ""});
    }
  text += table.Render();
  // The drivers' own contribution: VAR + drivers against the VAR without them.
  for (const ModelEvaluation& m : r.models) {
    if (m.horizons.empty() || !m.horizons.front().versus_var) continue;
    TextTable drivers({"h", "CRPS vs VAR", "DM (HLN)", "p-value"});
    for (const HorizonScore& s : m.horizons)
      if (s.versus_var)
        drivers.AddRow({std::to_string(s.horizon), Num(s.crps_ratio_to_var, 3),
                        Num(s.versus_var->corrected_statistic, 2), Num(s.versus_var->p_value, 3)});
    text +=
        "\nDo the drivers add? VAR + drivers against the VAR without them (same test; "
        "negative: the drivers improved the forecast)\n" +
        drivers.Render();
  }
  text +=
      "\nCRPS: mean continuous ranked probability score of each model's Gaussian forecast, in "
      "the series' units (lower is better); vs no-change: its ratio to the no-change forecast's "
      "CRPS on the same forecasts (below 1: better). cov50, cov90: share of outcomes inside the "
      "central 50% and 90% intervals (nominal 0.50 and 0.90). DM (HLN): Diebold-Mariano test of "
      "the CRPS differential (model minus no-change, averaged over the series) with the "
      "Harvey-Leybourne-Newbold correction and h-1 autocovariance lags; negative: the model "
      "forecast better; p-value two-sided, Student t.\n";
  return text;
}

int Run(const EvaluateArgs& a) {
  const Evaluated e = a.input.empty() ? FromStore(a) : FromCsv(a);
  if (a.format == "json") {
    nlohmann::json j = ToJson(e.result);
    j["source"] = e.source;
    j["frequency"] = e.frequency;
    j["data_notes"] = e.notes;
    WriteStandardOutput(j.dump(1) + "\n");
  } else {
    WriteStandardOutput(Render(e));
  }
  return kExitOk;
}

const CommandRegistration kRegistration(91, [](CLI::App& app, int& exit_code) {
  auto a = std::make_shared<EvaluateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "evaluate",
      "Rolling-origin forecast evaluation: CRPS, coverage and Diebold-Mariano against no change");
  cmd->add_option("--input", a->input,
                  "a CSV of dated series (header, a date column, numeric columns; as 'triad var "
                  "--input'); without it the store's triad is evaluated")
      ->check(CLI::ExistingFile);
  cmd->add_option("--columns", a->columns,
                  "with --input: the series to forecast (default: every numeric column not in "
                  "--driver-columns)");
  cmd->add_option("--driver-columns", a->driver_columns,
                  "with --input: driver series for the VAR with drivers");
  a->index.AddTo(cmd);
  cmd->add_option("--actors", a->actors, "three CAMEO country codes A,B,C (dyads A-B, A-C, B-C)")
      ->capture_default_str();
  cmd->add_option("--drivers", a->drivers,
                  "driver families: subset of ECON,REGIONAL,GLOBAL_SOUTH,SECURITY, or none "
                  "(default: all)");
  cmd->add_flag("--no-drivers", a->no_drivers, "the dyads alone (no VAR with drivers)");
  cmd->add_option("--regional-group", a->regional_group, "group for the regional driver")
      ->capture_default_str();
  cmd->add_option("--global-group", a->global_group, "group for the Global South driver")
      ->capture_default_str();
  cmd->add_option("--horizon", a->horizon, "forecast horizons 1..H, in periods")
      ->check(CLI::Range(1, 520))
      ->capture_default_str();
  cmd->add_option("--min-train", a->min_train,
                  fmt::format("periods up to the first origin (default: half the periods, at "
                              "least {})",
                              kMinTrainRows))
      ->check(CLI::Range(3, 1000000));
  cmd->add_option("--step", a->step, "periods between origins")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  cmd->add_option("--models", a->models,
                  "models to compare with no-change: no_change, local_linear_trend, var, "
                  "var_drivers, bvar (default: all the data allow)");
  cmd->add_option("--lags", a->lags,
                  "VAR order (default: chosen by --ic up to --maxlags; 1 for the BVAR)")
      ->check(CLI::Range(0, 64));
  cmd->add_option("--maxlags", a->maxlags, "largest VAR order considered")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd->add_option("--ic", a->ic, "lag-order criterion: aic, bic, hqic or fpe")
      ->check(CLI::IsMember({"aic", "bic", "hqic", "fpe"}))
      ->capture_default_str();
  cmd->add_option("--threads", a->threads, "worker threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag(
      "--forecasts", a->forecasts,
      "with --format json: every origin's forecasts (mean and sd per horizon and series)");
  cmd->add_option("--format", a->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Examples:\n"
      "  triad evaluate --input tests/data/series/gdelt_weekly_chn_usa_jpn.csv --horizon 8\n"
      "  triad evaluate --store out/demo.db --actors CHN,USA,JPN --horizon 5");
  cmd->callback([a, &exit_code] { exit_code = Run(*a); });
});

}  // namespace
}  // namespace triad::cli
