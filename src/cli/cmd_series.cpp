// triad series: per-period statistics of one dyad from the store.
#include <fmt/format.h>

#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/series_options.hpp"
#include "codebook/dyad.hpp"
#include "outputs/output_file.hpp"
#include "outputs/safe_text.hpp"
#include "outputs/table.hpp"
#include "series/period_coverage.hpp"

namespace triad::cli {
namespace {

struct SeriesArgs {
  std::string dyad;
  bool directed = false;
  SeriesFlags flags;
  std::string format = "table";
};

int RunSeries(const SeriesArgs& args) {
  const auto [a, b] = Dyad::Parse(args.dyad);
  SeriesOptions options = args.flags.Resolve();
  EventStore store(args.flags.store, /*create=*/false);
  ApplyPeriodPlan(store.Coverage(), args.flags.Periods(), options);
  DyadSeries series = BuildSeries(store, PairSet::Dyad(a, b, args.directed), options);
  // ICEWS has no NumMentions and no AvgTone: missing, never the placeholders its cells hold.
  const EventStore::SourceKinds kinds = store.Sources();
  if (kinds.icews && kinds.gdelt)
    std::fprintf(stderr,
                 "warning: the store mixes GDELT and ICEWS events: mentions and mean tone count "
                 "each ICEWS event as 1 mention with tone 0 (ICEWS has neither field)\n");
  auto gdelt_only = [&](double v) {
    return kinds.gdelt ? v : std::numeric_limits<double>::quiet_NaN();
  };
  // Each period's news coverage (period_coverage.hpp), shown, not applied: these are the raw
  // statistics (the relation index leaves thin periods out).
  std::vector<Day> starts;
  for (const PeriodTotals& p : series.periods) starts.push_back(p.start);
  const PeriodCoverage coverage = CoverageOfPeriods(store.NewsCoverageByDay(), starts, series.from,
                                                    series.to, kDefaultMinCoverage);
  const std::string name = args.directed ? a + "->" + b : a + "-" + b;
  const std::vector<std::string> header = {
      "period",      "events",        "mentions",        "mean_goldstein",    "se_goldstein",
      "verbal_coop", "material_coop", "verbal_conflict", "material_conflict", "net_cooperation",
      "mean_tone",   "coverage",      "coverage_flag"};
  // The table shows 3 decimals; CSV 6 (the same columns and names as the JSON).
  auto row = [&](std::size_t i, int decimals) {
    const PeriodStats s = Summarise(series.periods[i], options.weight);
    return std::vector<std::string>{FormatDate(s.start),
                                    std::to_string(s.events),
                                    kinds.gdelt ? std::to_string(s.mentions) : std::string(),
                                    Num(s.mean_goldstein, decimals),
                                    Num(s.se_goldstein, decimals),
                                    Num(s.quad_share[0], decimals),
                                    Num(s.quad_share[1], decimals),
                                    Num(s.quad_share[2], decimals),
                                    Num(s.quad_share[3], decimals),
                                    Num(s.net_cooperation, decimals),
                                    Num(gdelt_only(s.mean_tone), decimals),
                                    Num(coverage.fraction[i], 6),
                                    std::string(CoverageFlagName(coverage.flag[i]))};
  };
  if (args.format == "json") {
    nlohmann::json out = {{"dyad", name},
                          {"directed", args.directed},
                          {"freq", FrequencyName(options.freq)},
                          {"weight", args.flags.weight},
                          {"channel", args.flags.channel},
                          {"sector", options.sector.Text()},
                          {"from", FormatDate(series.from)},
                          {"to", FormatDate(series.to)}};
    auto num = [](double v) -> nlohmann::json {
      return std::isnan(v) ? nlohmann::json() : nlohmann::json(v);
    };
    for (std::size_t i = 0; i < series.periods.size(); ++i) {
      PeriodStats s = Summarise(series.periods[i], options.weight);
      out["periods"].push_back(
          {{"period", FormatDate(s.start)},
           {"events", s.events},
           {"mentions", kinds.gdelt ? nlohmann::json(s.mentions) : nlohmann::json()},
           {"mean_goldstein", num(s.mean_goldstein)},
           {"se_goldstein", num(s.se_goldstein)},
           {"verbal_coop", num(s.quad_share[0])},
           {"material_coop", num(s.quad_share[1])},
           {"verbal_conflict", num(s.quad_share[2])},
           {"material_conflict", num(s.quad_share[3])},
           {"net_cooperation", num(s.net_cooperation)},
           {"mean_tone", num(gdelt_only(s.mean_tone))},
           {"coverage", num(coverage.fraction[i])},
           {"coverage_flag", CoverageFlagName(coverage.flag[i])}});
    }
    std::printf("%s\n", JsonText(out, 2).c_str());
  } else if (args.format == "csv") {
    std::string out = CsvLine(header);
    for (std::size_t i = 0; i < series.periods.size(); ++i) out += CsvLine(row(i, 6));
    WriteStandardOutput(out);
  } else {
    TextTable t(header);
    for (std::size_t i = 0; i < series.periods.size(); ++i) t.AddRow(row(i, 3));
    std::printf("%s  %s, %s, %s-weighted, channel %s, %s .. %s\n%s", name.c_str(),
                std::string(FrequencyName(options.freq)).c_str(), "Goldstein -10..10",
                args.flags.weight.c_str(), args.flags.channel.c_str(),
                FormatDate(series.from).c_str(), FormatDate(series.to).c_str(), t.Render().c_str());
  }
  return kExitOk;
}

const CommandRegistration kSeries(30, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SeriesArgs>();
  CLI::App* cmd = app.add_subcommand("series", "Per-period statistics of one dyad from the store");
  cmd->add_option("--dyad", args->dyad, "Two CAMEO country codes, e.g. CHN-USA")->required();
  cmd->add_flag("--directed", args->directed,
                "Only events from the first country to the second (default: both pooled)");
  args->flags.AddTo(cmd);
  cmd->add_option("--format", args->format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Per period: events, weighted mean Goldstein (-10..10) with its standard error, QuadClass\n"
      "shares (verbal/material cooperation/conflict), net cooperation, mean tone. Periods\n"
      "without events are listed with empty statistics.\n\n"
      "Example:\n"
      "  triad series --dyad CHN-USA --freq week --weight mentions --channel economic");
  cmd->callback([args, &exit_code] { exit_code = RunSeries(*args); });
});

}  // namespace
}  // namespace triad::cli
