// triad import-series: store a relation series from a CSV file (see series/series_import.hpp).
#include <fmt/format.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "outputs/safe_text.hpp"
#include "series/series_import.hpp"
#include "store/event_store.hpp"
#include "store/series_store.hpp"

namespace triad::cli {
namespace {

struct ImportArgs {
  std::string file;
  std::string name;
  std::string store = kDefaultStorePath;
  std::string format = "table";
};

int RunImport(const ImportArgs& args) {
  // Parse everything first: a bad file changes nothing in the store.
  ImportedSeries series = ReadImportedSeriesCsv(args.file, args.name);
  EventStore store(args.store, /*create=*/true);
  SeriesStore series_store(store.db());
  const bool replaced = series_store.Find(args.name).has_value();
  series_store.Replace(series);
  const ImportedSeriesInfo info = *series_store.Find(args.name);
  if (args.format == "json") {
    nlohmann::json out = {{"name", info.name},
                          {"file", info.file},
                          {"layout", info.layout},
                          {"resolution", FrequencyName(info.resolution)},
                          {"directed", info.directed},
                          {"has_se", info.has_se},
                          {"values", info.values},
                          {"dyads", info.dyads},
                          {"first", FormatDate(info.first_day)},
                          {"last", FormatDate(info.last_day)},
                          {"replaced", replaced}};
    std::printf("%s\n", JsonText(out, 2).c_str());
  } else {
    std::printf("%s series '%s': %lld values, %lld dyads, %s %s, %s .. %s%s (%s)\n",
                replaced ? "replaced" : "imported", info.name.c_str(),
                static_cast<long long>(info.values), static_cast<long long>(info.dyads),
                std::string(FrequencyName(info.resolution)).c_str(), info.layout.c_str(),
                FormatDate(info.first_day).c_str(), FormatDate(info.last_day).c_str(),
                info.has_se ? ", with standard errors" : "", args.store.c_str());
  }
  return kExitOk;
}

const CommandRegistration kImportSeries(45, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "import-series", "Store a relation series from a CSV file (used with --source NAME)");
  cmd->add_option("FILE", args->file, "CSV file, wide or long (see below)")->required();
  cmd->add_option("--name", args->name, "Name to store it under; an existing one is replaced")
      ->required();
  cmd->add_option("--store", args->store, "Store file")->capture_default_str();
  cmd->add_option("--format", args->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Wide: a date column, then one column per dyad (CHN_USA or CHN-USA); undirected.\n"
      "Long: date,source,target,value[,weight][,se]; directed. Empty cells are missing.\n"
      "Dates YYYY, YYYY-MM, YYYY-MM-DD or YYYYMMDD set the resolution (Mondays 7 days apart:\n"
      "weeks). Commands read it at that or a coarser --freq, averaging the values of a period.\n"
      "Re-importing a name replaces the series in one transaction.\n\n"
      "Example:\n"
      "  triad import-series dyads_20_actors_daily_2018-2024.csv --name gzemo\n"
      "  triad index --dyads CHN-USA --source gzemo --freq month");
  cmd->callback([args, &exit_code] { exit_code = RunImport(*args); });
});

}  // namespace
}  // namespace triad::cli
