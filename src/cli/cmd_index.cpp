// triad index: the relation index of one or more dyads per period (see series/relation_index.hpp).
#include <fmt/format.h>

#include <algorithm>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "analysis/triad_state.hpp"
#include "cli/command.hpp"
#include "cli/relation_index_options.hpp"
#include "cli/triad_json.hpp"
#include "codebook/dyad.hpp"
#include "outputs/output_file.hpp"
#include "outputs/safe_text.hpp"
#include "outputs/table.hpp"
#include "series/coverage_note.hpp"

namespace triad::cli {
namespace {

bool IsGroupDyad(const RelationIndexSeries& s) {
  return IsGroupActor(s.dyad.first) || IsGroupActor(s.dyad.second);
}

struct IndexArgs {
  std::string dyads;
  RelationIndexFlags flags;
  std::string format = "table";
};

int RunIndex(const IndexArgs& args) {
  const std::vector<Dyad> dyads = ParseDyadList(args.dyads);
  RelationIndexOptions options = args.flags.Resolve();
  EventStore store(args.flags.series.store, /*create=*/false);
  ApplyPeriodPlan(SourceRange(store, options.source), args.flags.Periods(), options.series);
  const std::vector<RelationIndexSeries> all = LoadRelationIndices(store, dyads, options);
  const RelationIndexSeries& first = all.front();
  const bool events = options.source.empty();
  if (args.format == "json") {
    nlohmann::json out = {{"source", first.source},
                          {"freq", FrequencyName(first.freq)},
                          {"baseline", BaselineName(first.baseline)},
                          {"units", first.units},
                          {"from", FormatDate(first.from)},
                          {"to", FormatDate(first.to)}};
    if (events) {
      out["weight"] = args.flags.series.weight;
      out["channel"] = args.flags.series.channel;
      out["sector"] = options.series.sector.Text();
      out["min_events"] = options.min_events;
      out["min_coverage"] = options.min_coverage;
      out["include_partial"] = options.include_partial;
    }
    out["dyads"] = nlohmann::json::array();
    for (const RelationIndexSeries& s : all) {
      nlohmann::json periods = nlohmann::json::array();
      for (std::size_t i = 0; i < s.size(); ++i)
        periods.push_back(
            {{"period", FormatDate(s.dates[i])},
             {"value", JsonNumber(s.value[i])},
             {"se", JsonNumber(s.se[i])},
             {"events", s.events[i]},
             {"net_cooperation", JsonNumber(s.net_coop[i])},
             {"coverage", JsonNumber(s.coverage[i])},
             {"coverage_flag", CoverageFlagName(s.coverage_flag[i])},
             {"dominant_member",
              s.dominant[i].empty() ? nlohmann::json() : nlohmann::json(s.dominant[i])},
             {"dominant_share", JsonNumber(s.dominant_share[i])}});
      out["dyads"].push_back({{"dyad", s.dyad.Label()}, {"periods", periods}});
    }
    std::printf("%s\n", JsonText(out, 2).c_str());
  } else if (args.format == "csv") {
    // Long (tidy) form: one row per period and dyad, the JSON's names.
    std::string out = CsvLine({"period", "dyad", "value", "se", "events", "net_cooperation",
                               "coverage", "coverage_flag", "dominant_member", "dominant_share"});
    for (const RelationIndexSeries& s : all)
      for (std::size_t i = 0; i < s.size(); ++i)
        out += CsvLine({FormatDate(s.dates[i]), s.dyad.Label(), Num(s.value[i], 6), Num(s.se[i], 6),
                        std::to_string(s.events[i]), Num(s.net_coop[i], 6), Num(s.coverage[i], 6),
                        std::string(CoverageFlagName(s.coverage_flag[i])), s.dominant[i],
                        Num(s.dominant_share[i], 6)});
    WriteStandardOutput(out);
  } else {
    std::vector<std::string> header = {"period"};
    for (const RelationIndexSeries& s : all) {
      header.insert(header.end(), {s.dyad.Label(), "se", events ? "events" : "values"});
      if (events) header.push_back("net_coop");
      if (IsGroupDyad(s)) header.push_back("top member");
    }
    if (events) header.push_back("news");
    TextTable t(header);
    for (std::size_t i = 0; i < first.size(); ++i) {
      std::vector<std::string> row = {FormatDate(first.dates[i])};
      for (const RelationIndexSeries& s : all) {
        row.insert(row.end(), {Num(s.value[i], 3), Num(s.se[i], 3), std::to_string(s.events[i])});
        if (events) row.push_back(Num(s.net_coop[i], 3));
        if (IsGroupDyad(s))
          row.push_back(s.dominant[i].empty()
                            ? "-"
                            : fmt::format("{} {:.0f}%", s.dominant[i], 100 * s.dominant_share[i]));
      }
      if (events) row.push_back(CoverageCell(first.coverage[i], first.coverage_flag[i]));
      t.AddRow(row);
    }
    std::string context =
        events ? fmt::format(", {}-weighted, channel {}, min {} events", args.flags.series.weight,
                             args.flags.series.channel, options.min_events)
               : "";
    std::printf("relation index from %s, %s, baseline %s: %s%s, %s .. %s\n%s", first.source.c_str(),
                std::string(FrequencyName(first.freq)).c_str(),
                std::string(BaselineName(first.baseline)).c_str(), first.units.c_str(),
                context.c_str(), FormatDate(first.from).c_str(), FormatDate(first.to).c_str(),
                t.Render().c_str());
    if (events) {
      const std::string note = CoverageNote(first);
      if (!note.empty()) std::printf("%s\n", note.c_str());
    }
    if (std::any_of(all.begin(), all.end(), IsGroupDyad))
      std::printf(
          "A group pools the events of its members on each event's day; top member: the member "
          "(pair, for two groups) with the largest share of the dyad's %s that period.\n",
          args.flags.series.weight == "mentions" ? "mentions" : "events");
  }
  return kExitOk;
}

const CommandRegistration kIndex(50, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<IndexArgs>();
  CLI::App* cmd = app.add_subcommand("index", "Relation index per dyad and period");
  cmd->add_option("--dyads", args->dyads, "Comma-separated dyads, e.g. CHN-USA,CHN-JPN,USA-JPN")
      ->required();
  args->flags.AddTo(cmd);
  cmd->add_option("--format", args->format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Per period and dyad (both directions pooled): the weighted mean Goldstein value with its\n"
      "standard error, the event count and net cooperation ((coop - conflict) / all). The\n"
      "default baseline, world, subtracts the mean of every dyad in the store that period: raw\n"
      "means are almost always positive because news coverage is mostly statements and visits\n"
      "and drifts over time. Periods with fewer than --min-events events are empty (missing).\n\n"
      "Example:\n"
      "  triad index --dyads CHN-USA,CHN-JPN,USA-JPN --freq week --channel security\n"
      "  triad index --dyads CHN-USA --source gzemo --freq month --baseline own");
  cmd->callback([args, &exit_code] { exit_code = RunIndex(*args); });
});

}  // namespace
}  // namespace triad::cli
