// triad export cells: the store's cells as CSV or JSON, sorted by key, for any other tool.
#include <fmt/format.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/cell_columns.hpp"
#include "cli/command.hpp"
#include "cli/date_option.hpp"
#include "common/error.hpp"
#include "outputs/decimal.hpp"
#include "outputs/output_file.hpp"
#include "outputs/table.hpp"
#include "store/event_store.hpp"

namespace triad::cli {
namespace {

struct ExportArgs {
  std::string store = kDefaultStorePath;
  std::string what;
  std::string from, to;
  std::string format = "csv";
};

int RunExport(const ExportArgs& args) {
  EventStore store(args.store, /*create=*/false);
  Day from = DateOptionOr(args.from, "--from", -(1 << 20));
  Day to = DateOptionOr(args.to, "--to", (1 << 20));
  const bool json = args.format == "json";
  const std::vector<std::string> header(kCellColumns.begin(), kCellColumns.end());
  std::string buffer;
  if (json)
    buffer += "[";
  else
    buffer += CsvLine(header);
  bool first = true;
  store.ForEachCell(from, to, [&](const Cell& cell) {
    CellKey k = CellKey::Unpack(cell.key);
    const CellValues& v = cell.values;
    std::vector<std::string> row = {FormatDate(k.day),
                                    k.source,
                                    k.target,
                                    std::string(ActorSectorName(k.source_sector)),
                                    std::string(ActorSectorName(k.target_sector)),
                                    std::string(ChannelName(k.channel)),
                                    std::to_string(k.quad_class),
                                    std::to_string(v.events),
                                    std::to_string(v.mentions),
                                    std::to_string(v.mentions_sq),
                                    std::to_string(v.sources),
                                    std::to_string(v.articles),
                                    FixedToText(v.goldstein, 1),
                                    FixedToText(v.goldstein_sq, 2),
                                    FixedToText(v.goldstein_w, 1),
                                    FixedToText(v.goldstein_w_sq, 2),
                                    FixedToText(v.tone, 6)};
    if (json) {
      buffer += first ? "\n  {" : ",\n  {";
      for (std::size_t i = 0; i < row.size(); ++i) {
        bool text = i < 6;
        buffer += fmt::format("{}\"{}\": {}{}{}", i ? ", " : "", header[i], text ? "\"" : "",
                              row[i], text ? "\"" : "");
      }
      buffer += "}";
    } else {
      buffer += CsvLine(row);
    }
    first = false;
    if (buffer.size() > (1 << 20)) {
      WriteStandardOutput(buffer);
      buffer.clear();
    }
  });
  if (json) buffer += first ? "]\n" : "\n]\n";
  WriteStandardOutput(buffer);
  return kExitOk;
}

const CommandRegistration kExport(40, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand("export", "Write the store's dyad-day cells as CSV or JSON");
  cmd->add_option("what", args->what, "What to export: cells")
      ->required()
      ->check(CLI::IsMember({"cells"}));
  cmd->add_option("--store", args->store, "Store file")->capture_default_str();
  cmd->add_option("--from", args->from, "First day (YYYY-MM-DD)");
  cmd->add_option("--to", args->to, "Last day (YYYY-MM-DD)");
  cmd->add_option("--format", args->format, "csv or json")
      ->check(CLI::IsMember({"csv", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Cells are sorted by (date, source, target, channel, quad_class). Sums are exact:\n"
      "Goldstein to 0.1 (its squares to 0.01), tone to 1e-6.\n\n"
      "Example:\n"
      "  triad export cells --from 2025-05-15 --to 2025-06-14 > cells.csv");
  cmd->callback([args, &exit_code] { exit_code = RunExport(*args); });
});

}  // namespace
}  // namespace triad::cli
