// triad explain: what drives the triad's relations (VAR over dyad indices and drivers).
#include <fmt/format.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/triad_flags.hpp"
#include "cli/triad_json.hpp"
#include "common/error.hpp"
#include "measures/var_json.hpp"
#include "outputs/output_file.hpp"
#include "outputs/safe_text.hpp"
#include "outputs/table.hpp"

namespace triad::cli {
namespace {

struct ExplainArgs {
  TriadFlags flags;
  std::string save;
  std::string data_out;
  std::string format = "table";
};

// The columns the VAR was fitted on (`fitted`: drivers left out by the data budget are not).
std::string SeriesCsv(const ModelSeries& series, const std::vector<std::string>& fitted) {
  std::vector<std::size_t> columns;
  for (const std::string& name : fitted)
    for (std::size_t j = 0; j < series.names.size(); ++j)
      if (series.names[j] == name) columns.push_back(j);
  std::vector<std::string> header = {"date"};
  header.insert(header.end(), fitted.begin(), fitted.end());
  std::string out = CsvLine(header);
  for (std::size_t t = 0; t < series.dates.size(); ++t) {
    std::vector<std::string> row = {FormatDate(series.dates[t])};
    for (std::size_t j : columns) row.push_back(fmt::format("{:.17g}", series.columns[j][t]));
    out += CsvLine(row);
  }
  return out;
}

nlohmann::json ToJson(const TriadState& s, const nlohmann::json& fit_json) {
  const ModelSeries& series = s.drivers->series;
  const DriverAnalysis& result = s.drivers->analysis;
  nlohmann::json out = {{"actors", s.query.actors},
                        {"freq", FrequencyName(series.freq)},
                        {"from", FormatDate(series.dates.front())},
                        {"to", FormatDate(series.dates.back())},
                        {"periods", series.dates.size()},
                        {"variables", series.names},
                        {"descriptions", series.descriptions},
                        {"lags", result.selected_lags},
                        {"model_variables", result.fit.names},
                        {"observations_per_coefficient", result.observations_per_coefficient},
                        {"min_observations_per_coefficient", kMinObservationsPerCoefficient},
                        {"notes", series.notes},
                        {"warnings", result.warnings},
                        {"findings", result.findings},
                        {"now", NowJson(s)}};
  for (const auto& g : result.granger)
    out["granger"].push_back({{"driver", g.driver},
                              {"dyad", g.dyad},
                              {"statistic", g.statistic},
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
  for (const auto& v : result.shares) {
    nlohmann::json drivers = nlohmann::json::object();
    for (const auto& [name, share] : v.drivers) drivers[name] = share;
    out["variance_shares"].push_back(
        {{"dyad", v.dyad}, {"own", v.own}, {"other_dyads", v.other_dyads}, {"drivers", drivers}});
  }
  out["dropped_drivers"] = nlohmann::json::array();
  for (const DroppedDriver& d : result.dropped_drivers)
    out["dropped_drivers"].push_back({{"name", d.name}, {"lead_correlation", d.lead_correlation}});
  out["adequacy"] = result.adequacy ? ToJson(*result.adequacy) : nlohmann::json();
  out["stability"] = {{"stable", result.fit.stable},
                      {"max_eigenvalue_modulus", result.fit.MaxEigenvalueModulus()}};
  out["prior"] = result.fit.minnesota ? "minnesota" : "none";
  out["model_notes"] = result.notes;
  out["fit"] = fit_json;
  return out;
}

std::string Render(const TriadState& s, const ExplainArgs& args) {
  const ModelSeries& series = s.drivers->series;
  const DriverAnalysis& result = s.drivers->analysis;
  const auto& a = s.query.actors;
  std::string text =
      fmt::format("What drives {}-{}-{}: {}VAR({}) on {} {} periods, {} .. {}\n", a[0], a[1], a[2],
                  result.fit.minnesota ? "Bayesian " : "", result.selected_lags,
                  series.dates.size(), FrequencyAdjective(series.freq),
                  FormatDate(series.dates.front()), FormatDate(series.dates.back()));
  text += fmt::format(
      "data budget: {:.1f} rows per coefficient in each equation (the minimum is {}; below it "
      "triad uses fewer lags, then fewer drivers)\n",
      result.observations_per_coefficient, kMinObservationsPerCoefficient);
  for (const auto& n : s.notes) text += "note: " + n + "\n";
  for (std::size_t j = 0; j < series.names.size(); ++j) {
    bool dropped = false;
    for (const DroppedDriver& d : result.dropped_drivers)
      dropped = dropped || d.name == series.names[j];
    text += fmt::format("  {:<14} {}{}\n", series.names[j], series.descriptions[j],
                        dropped ? " (left out: too little data, see below)" : "");
  }
  for (const auto& n : series.notes) text += "note: " + n + "\n";
  for (const auto& n : result.notes) text += "note: " + n + "\n";
  text +=
      fmt::format("stability: {} (largest companion eigenvalue modulus {:.3f})\n",
                  result.fit.stable ? "stable" : "NOT stable", result.fit.MaxEigenvalueModulus());
  for (const auto& w : result.warnings) text += "warning: " + w + "\n";
  text += fmt::format("\nnow ({}): smoothed level [90% interval]", FormatDate(s.plan.to));
  for (const DyadState& d : s.dyads)
    text += d.level ? fmt::format("  {} {:+.2f} [{:+.2f}, {:+.2f}]", d.dyad.Label(),
                                  d.level->estimate, d.level->lower, d.level->upper)
                    : fmt::format("  {} n/a", d.dyad.Label());
  text += "\n\n";
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
  for (const auto& v : result.shares) {
    std::vector<std::string> row = {v.dyad, Num(v.own * 100, 0) + "%",
                                    Num(v.other_dyads * 100, 0) + "%"};
    for (const auto& [name, share] : v.drivers) row.push_back(Num(share * 100, 0) + "%");
    shares.AddRow(row);
  }
  text += fmt::format("Forecast-variance shares at {} periods\n", s.query.analysis.horizon) +
          shares.Render();
  if (result.adequacy) {
    text += "\nModel adequacy (residual tests as statsmodels computes them)\n";
    if (result.adequacy->whiteness)
      text += "  " +
              DescribeWhiteness(*result.adequacy->whiteness, result.adequacy->whiteness_lags) +
              "\n";
    text += "  " + DescribeNormality(result.adequacy->normality) + "\n";
  }
  if (!args.save.empty()) text += fmt::format("\nfitted model saved to {}\n", args.save);
  return text;
}

int RunExplain(const ExplainArgs& args) {
  TriadQuery query = args.flags.Resolve();
  query.drivers = query.drivers_required = true;
  EventStore store(args.flags.index.series.store, /*create=*/false);
  const TriadState s = BuildTriadState(store, query);
  nlohmann::json fit_json = ToJson(s.drivers->analysis.fit);  // with its calendar
  fit_json["dyads"] = s.drivers->analysis.dyads;
  if (!args.data_out.empty())
    WriteOutputFile(args.data_out, SeriesCsv(s.drivers->series, s.drivers->analysis.fit.names));
  if (!args.save.empty()) WriteOutputFile(args.save, JsonText(fit_json, 2) + "\n");
  if (args.format == "json") {
    std::printf("%s\n", JsonText(ToJson(s, fit_json), 2).c_str());
    return kExitOk;
  }
  const std::string text = Render(s, args);
  WriteStandardOutput(text);
  return kExitOk;
}

const CommandRegistration kExplain(70, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* cmd = app.add_subcommand(
      "explain", "What drives each relation of a triad (VAR, Granger, shocks, shares)");
  args->flags.AddTo(cmd, DriverFlags::kAlways);
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
      "  triad explain --actors CHN,USA,JPN --save fit.json");
  cmd->callback([args, &exit_code] { exit_code = RunExplain(*args); });
});

}  // namespace
}  // namespace triad::cli
