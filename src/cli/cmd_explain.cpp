// triad explain: what drives the triad's relations (VAR over dyad indices and drivers).
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/list_option.hpp"
#include "cli/relation_index_options.hpp"
#include "cli/series_options.hpp"
#include "cli/triad_model.hpp"
#include "common/error.hpp"
#include "measures/driver_analysis.hpp"
#include "measures/var_json.hpp"
#include "outputs/output_file.hpp"
#include "outputs/table.hpp"

namespace triad::cli {
namespace {

struct ExplainArgs {
  std::string actors;
  SeriesFlags flags;
  std::string baseline;
  std::int64_t min_events = 1;
  std::string source;
  std::string drivers;
  std::string regional_group = "ASIA_PACIFIC_REGIONAL";
  std::string global_group = "GLOBAL_SOUTH";
  int lags = 0, maxlags = 4, horizon = 8;
  std::string ic = "bic";
  std::string save;
  std::string data_out;
  std::string format = "table";
};

std::array<std::string, 3> ParseActors(const std::string& text) {
  std::vector<std::string> parts = ParseActorList(text);
  if (parts.size() != 3)
    ThrowUsage(fmt::format(
        "--actors '{}': give three different CAMEO country codes, e.g. CHN,USA,JPN", text));
  return {parts[0], parts[1], parts[2]};
}

int RunExplain(const ExplainArgs& args) {
  ModelSeriesOptions options;
  options.actors = ParseActors(args.actors);
  options.index.series = args.flags.Resolve();
  if (!args.baseline.empty()) options.index.baseline = ParseBaseline(args.baseline);
  options.index.min_events = args.min_events;
  options.index.source = args.source;
  options.regional_group = args.regional_group;
  options.global_group = args.global_group;
  for (std::string d : SplitList(args.drivers)) {
    for (char& c : d) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    options.drivers.push_back(d == "NONE" ? "none" : d);
  }
  EventStore store(args.flags.store, /*create=*/false);
  ModelSeries series = BuildModelSeries(store, options);
  DriverAnalysisOptions analysis;
  analysis.lags = args.lags;
  analysis.maxlags = args.maxlags;
  analysis.criterion = args.ic;
  analysis.horizon = args.horizon;
  VarData data = ToVarData(series);
  std::vector<std::string> dyads(series.names.begin(), series.names.begin() + series.dyad_count);
  DriverAnalysis result = AnalyseDrivers(data, dyads, analysis);

  nlohmann::json fit_json = ToJson(result.fit);  // with its calendar (last_label, frequency)
  fit_json["dyads"] = dyads;
  if (!args.data_out.empty()) {
    std::string out;
    std::vector<std::string> header = {"date"};
    header.insert(header.end(), series.names.begin(), series.names.end());
    out += CsvLine(header);
    for (std::size_t t = 0; t < series.dates.size(); ++t) {
      std::vector<std::string> row = {FormatDate(series.dates[t])};
      for (const auto& column : series.columns) row.push_back(fmt::format("{:.17g}", column[t]));
      out += CsvLine(row);
    }
    WriteOutputFile(args.data_out, out);
  }
  if (!args.save.empty()) {
    WriteOutputFile(args.save, fit_json.dump(2) + "\n");
  }

  if (args.format == "json") {
    nlohmann::json out = {{"actors", options.actors},
                          {"freq", FrequencyName(series.freq)},
                          {"from", FormatDate(series.dates.front())},
                          {"to", FormatDate(series.dates.back())},
                          {"periods", series.dates.size()},
                          {"variables", series.names},
                          {"descriptions", series.descriptions},
                          {"lags", result.selected_lags},
                          {"notes", series.notes},
                          {"warnings", result.warnings},
                          {"findings", result.findings}};
    for (const auto& g : result.granger)
      out["granger"].push_back({{"driver", g.driver},
                                {"dyad", g.dyad},
                                {"F", g.statistic},
                                {"p_value", g.p_value},
                                {"df_num", g.df_num},
                                {"df_den", g.df_den},
                                {"significant", g.significant}});
    for (const auto& r : result.responses)
      out["responses"].push_back({{"driver", r.driver},
                                  {"dyad", r.dyad},
                                  {"response", r.response},
                                  {"std_error", r.std_error},
                                  {"peak", r.peak},
                                  {"peak_period", r.peak_period}});
    for (const auto& s : result.shares) {
      nlohmann::json drivers = nlohmann::json::object();
      for (const auto& [name, v] : s.drivers) drivers[name] = v;
      out["variance_shares"].push_back(
          {{"dyad", s.dyad}, {"own", s.own}, {"other_dyads", s.other_dyads}, {"drivers", drivers}});
    }
    out["fit"] = fit_json;
    std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
  }

  std::string text =
      fmt::format("What drives {}-{}-{}: VAR({}) on {} {} periods, {} .. {}\n", options.actors[0],
                  options.actors[1], options.actors[2], result.selected_lags, series.dates.size(),
                  FrequencyName(series.freq), FormatDate(series.dates.front()),
                  FormatDate(series.dates.back()));
  for (std::size_t j = 0; j < series.names.size(); ++j)
    text += fmt::format("  {:<14} {}\n", series.names[j], series.descriptions[j]);
  for (const auto& n : series.notes) text += "note: " + n + "\n";
  for (const auto& w : result.warnings) text += "warning: " + w + "\n";
  text += "\n";
  for (const auto& f : result.findings) text += f + "\n\n";

  TextTable granger({"driver", "dyad", "F", "p", "Granger-causes?"});
  for (const auto& g : result.granger)
    granger.AddRow(
        {g.driver, g.dyad, Num(g.statistic, 2), Num(g.p_value, 3), g.significant ? "yes" : "no"});
  text += "Granger causality (F-tests, 5% level)\n" + granger.Render() + "\n";

  std::vector<std::string> header = {"dyad", "own", "other dyads"};
  if (!result.shares.empty())
    for (const auto& [name, v] : result.shares[0].drivers) header.push_back(name);
  TextTable shares(header);
  for (const auto& s : result.shares) {
    std::vector<std::string> row = {s.dyad, Num(s.own * 100, 0) + "%",
                                    Num(s.other_dyads * 100, 0) + "%"};
    for (const auto& [name, v] : s.drivers) row.push_back(Num(v * 100, 0) + "%");
    shares.AddRow(row);
  }
  text += fmt::format("Forecast-variance shares at {} periods\n", args.horizon) + shares.Render();
  if (!args.save.empty()) text += fmt::format("\nfitted model saved to {}\n", args.save);
  WriteStandardOutput(text);
  return kExitOk;
}

const CommandRegistration kExplain(70, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* cmd = app.add_subcommand(
      "explain", "What drives each relation of a triad (VAR, Granger, shocks, shares)");
  cmd->add_option("--actors", args->actors, "Three CAMEO country codes, e.g. CHN,USA,JPN")
      ->required();
  args->flags.AddTo(cmd, "day");
  cmd->add_option("--baseline", args->baseline, "none, world or own (default: world for events)");
  cmd->add_option("--min-events", args->min_events, "Fewer events in a period = missing")
      ->capture_default_str();
  cmd->add_option("--source", args->source,
                  "Use an imported relation series instead of the events");
  cmd->add_option("--drivers", args->drivers,
                  "Subset of ECON,REGIONAL,GLOBAL_SOUTH,SECURITY, or none (default: all)");
  cmd->add_option("--regional-group", args->regional_group,
                  "Group for the regional-integration driver")
      ->capture_default_str();
  cmd->add_option("--global-group", args->global_group, "Group for the Global South driver")
      ->capture_default_str();
  cmd->add_option("--lags", args->lags, "VAR order (default: chosen by --ic up to --maxlags)");
  cmd->add_option("--maxlags", args->maxlags, "Largest order considered")->capture_default_str();
  cmd->add_option("--ic", args->ic, "aic, bic, hqic or fpe")
      ->check(CLI::IsMember({"aic", "bic", "hqic", "fpe"}))
      ->capture_default_str();
  cmd->add_option("--horizon", args->horizon, "Periods for responses and variance shares")
      ->capture_default_str();
  cmd->add_option("--save", args->save, "Write the fitted model (for scenarios) to this JSON file");
  cmd->add_option("--data-out", args->data_out,
                  "Write the series the VAR was fitted on to this CSV file");
  cmd->add_option("--format", args->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Drivers: ECON_A_B (economic channel of each dyad, the 'ballast'), REGIONAL (relations\n"
      "among the regional group), GLOBAL_SOUTH (the triad's relations with the Global South),\n"
      "SECURITY (share of the triad's events that are security-channel conflict).\n\n"
      "Example:\n"
      "  triad explain --actors CHN,USA,JPN --freq day --save fit.json");
  cmd->callback([args, &exit_code] { exit_code = RunExplain(*args); });
});

}  // namespace
}  // namespace triad::cli
