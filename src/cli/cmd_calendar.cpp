// `triad calendar`: the bundled calendar of windows (elections, party meetings, summits) with
// the source of each date, filtered by kind and dates; scenarios name a window by its id.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/date_option.hpp"
#include "codebook/calendar.hpp"
#include "common/error.hpp"
#include "outputs/output_file.hpp"
#include "outputs/safe_text.hpp"
#include "outputs/table.hpp"

namespace triad::cli {
namespace {

struct CalendarArgs {
  std::string kind;
  std::string from, to;
  std::string format = "table";
};

int RunCalendar(const CalendarArgs& args) {
  const WindowCalendar& calendar = WindowCalendar::Default();
  const std::string kind = args.kind.empty() ? std::string() : calendar.FindKind(args.kind);
  const Day from = DateOptionOr(args.from, "--from", -(1 << 20));
  const Day to = DateOptionOr(args.to, "--to", 1 << 20);
  if (to < from) ThrowUsage("--to is before --from");
  const std::vector<CalendarWindow> windows = calendar.Between(from, to, kind);
  if (args.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& w : windows)
      out.push_back({{"id", w.id},
                     {"kind", w.kind},
                     {"name", w.name},
                     {"start", FormatDate(w.start)},
                     {"end", FormatDate(w.end)},
                     {"country", w.country},
                     {"source", w.source}});
    WriteStandardOutput(JsonText(out, 2) + "\n");
    return kExitOk;
  }
  if (args.format == "csv") {
    std::string out = CsvLine({"id", "kind", "name", "start", "end", "country", "source"});
    for (const auto& w : windows)
      out += CsvLine(
          {w.id, w.kind, w.name, FormatDate(w.start), FormatDate(w.end), w.country, w.source});
    WriteStandardOutput(out);
    return kExitOk;
  }
  TextTable table({"id", "kind", "dates", "name"});
  for (const auto& w : windows)
    table.AddRow(
        {w.id, w.kind,
         w.start == w.end ? FormatDate(w.start) : FormatDate(w.start) + ".." + FormatDate(w.end),
         w.name});
  std::string out = table.Render();
  out += fmt::format(
      "{} window{}; sources: `triad calendar --format csv` or "
      "data/codebook/README.md\n",
      windows.size(), windows.size() == 1 ? "" : "s");
  WriteStandardOutput(out);
  return kExitOk;
}

const CommandRegistration kCalendar(96, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CalendarArgs>();
  CLI::App* cmd = app.add_subcommand(
      "calendar", "Elections, party meetings and summits 2015-2028, each with its source");
  cmd->add_option("--kind", args->kind,
                  "only this kind, e.g. \"US presidential election\", \"G20 summit\"");
  cmd->add_option("--from", args->from, "windows that end on or after this day");
  cmd->add_option("--to", args->to, "windows that start on or before this day");
  cmd->add_option("--format", args->format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Example:\n  triad calendar --kind \"Japan lower house election\"\n  triad calendar "
      "--from 2025-01-01 --to 2025-12-31");
  cmd->callback([args, &exit_code] { exit_code = RunCalendar(*args); });
});

}  // namespace
}  // namespace triad::cli
