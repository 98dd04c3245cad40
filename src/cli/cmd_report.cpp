// triad report: a self-contained HTML report on a triad, from the store (and a scenario).
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "analysis/evaluation_report.hpp"
#include "analysis/report_builder.hpp"
#include "analysis/scenario_report.hpp"
#include "analysis/store_scenario_model.hpp"
#include "cli/command.hpp"
#include "cli/triad_flags.hpp"
#include "common/error.hpp"
#include "common/normal.hpp"
#include "outputs/output_file.hpp"
#include "outputs/report_html.hpp"
#include "outputs/report_model.hpp"
#include "outputs/safe_text.hpp"

namespace triad::cli {
namespace {

struct ReportArgs {
  TriadFlags flags;
  std::string out = "report.html";
  std::string scenario;
  std::string format = "html";
  std::string lang = "en";
  std::string title;
  int evaluate = 0;  // horizons of the forecast-skill section; 0: no section
};

int RunReport(const ReportArgs& args) {
  const TriadQuery query = args.flags.Resolve();
  EventStore store(args.flags.index.series.store, /*create=*/false);
  const TriadState state = BuildTriadState(store, query);
  std::optional<ScenarioReport> scenario;
  std::vector<std::string> scenario_warnings;
  if (!args.scenario.empty())
    scenario = ScenarioForReport(
        args.scenario, FitStoreScenarioModel,
        {args.flags.index.series.store, query.actors, state.plan.freq, state.source, state.index},
        &scenario_warnings);
  const ReportContext context{args.title, UtcNow(), TRIAD_VERSION_STRING, CommandLine(),
                              args.flags.index.series.store};
  ReportModel model = BuildReportModel(state, store.Files(), context, std::move(scenario));
  model.language = ParseLanguage(args.lang);
  AddEventsBehindMoves(store, state, context, &model, &model.provenance.warnings);
  if (args.evaluate > 0) model.evaluation = EvaluateForReport(store, query, args.evaluate);
  for (const std::string& w : scenario_warnings) {
    model.provenance.warnings.push_back(w);
    std::fprintf(stderr, "warning: %s\n", TerminalLines(w).c_str());
  }
  std::string text =
      args.format == "json" ? JsonText(ToJson(model), 1) + "\n" : RenderHtmlReport(model);
  if (args.out == "-") {
    WriteStandardOutput(text);
    return kExitOk;
  }
  WriteOutputFile(args.out, text);
  std::fprintf(stderr, "report written to %s (%.0f kB)\n", args.out.c_str(),
               static_cast<double>(text.size()) / 1e3);
  return kExitOk;
}

const CommandRegistration kReport(95, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report", "A self-contained HTML report: indices, momentum, triangle, drivers, scenario");
  args->flags.AddTo(cmd, DriverFlags::kOptional);
  cmd->add_option("--out", args->out, "Output file ('-' for standard output)")
      ->capture_default_str();
  cmd->add_option("--scenario", args->scenario,
                  "Add a scenario's fan charts and on-track probabilities");
  cmd->add_option("--title", args->title, "Report title");
  cmd->add_option("--evaluate", args->evaluate,
                  "Add a forecast-skill section: 'triad evaluate' of the triad at horizons 1..H")
      ->check(CLI::Range(1, 520));
  cmd->add_option("--lang", args->lang,
                  "Language of the page: en, zh-Hans, zh-Hant or ja (names, codes, numbers and "
                  "dates stay as they are)")
      ->check(CLI::IsMember({"en", "zh-Hans", "zh-Hant", "ja"}))
      ->capture_default_str();
  cmd->add_option("--format", args->format, "html, or json (the report model, for 'triad render')")
      ->check(CLI::IsMember({"html", "json"}))
      ->capture_default_str();
  cmd->footer(
      "The HTML opens offline: styles and SVG charts are inline, and it makes no network "
      "request.\n\n"
      "Example:\n"
      "  triad report --actors CHN,USA,JPN --scenario scenarios/essay_sample.toml --out "
      "out/report.html");
  cmd->callback([args, &exit_code] { exit_code = RunReport(*args); });
});

}  // namespace
}  // namespace triad::cli
