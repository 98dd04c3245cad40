// triad info: what the store holds: files, dates, events, cells, top dyads, rejects.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "outputs/output_file.hpp"
#include "outputs/safe_text.hpp"
#include "outputs/table.hpp"
#include "store/event_store.hpp"
#include "store/series_store.hpp"

namespace triad::cli {
namespace {

struct InfoArgs {
  std::string store = kDefaultStorePath;
  bool files = false;
  int rejects = 0;
  std::string format = "table";
};

nlohmann::json FileJson(const IngestedFile& f) {
  return {{"path", f.path},
          {"name", f.name},
          {"format", f.format},
          {"size", f.size},
          {"content_hash", f.content_hash},
          {"rows", f.rows_read},
          {"accepted", f.rows_accepted},
          {"without_dyad", f.rows_without_dyad},
          {"rejected", f.rows_rejected},
          {"duplicate", f.rows_duplicate},
          {"first_day", f.min_day},
          {"last_day", f.max_day},
          {"min_date_added", f.min_added},
          {"max_date_added", f.max_added},
          {"seconds", f.seconds},
          {"ingested_at", f.ingested_at}};
}

int RunInfo(const InfoArgs& args) {
  EventStore store(args.store, /*create=*/false);
  StoreSummary s = store.Summary();
  auto coverage = store.Coverage();
  auto top = store.TopDyads(10);
  auto reasons = store.RejectReasons(10);
  std::vector<IngestedFile> files = store.Files();
  std::int64_t rows = 0, accepted = 0;
  for (auto& f : files) rows += f.rows_read, accepted += f.rows_accepted;
  const std::vector<StoredReject> reject_rows =
      args.rejects > 0 ? store.RejectedRows(args.rejects) : std::vector<StoredReject>();
  const std::vector<ImportedSeriesInfo> imported = SeriesStore(store.db()).List();

  if (args.format == "json") {
    nlohmann::json out = {{"store", args.store},
                          {"bytes", std::filesystem::file_size(args.store)},
                          {"files", files.size()},
                          {"rows", rows},
                          {"accepted", accepted},
                          {"without_dyad", s.rows_without_dyad},
                          {"rejected", s.rejects},
                          {"duplicate", s.duplicates},
                          {"events", s.events},
                          {"cells", s.cells},
                          {"first_day", s.first_day ? FormatDate(*s.first_day) : ""},
                          {"last_day", s.last_day ? FormatDate(*s.last_day) : ""},
                          {"coverage_from", coverage ? FormatDate(coverage->first) : ""},
                          {"last_ingest", s.last_ingest}};
    for (auto& d : top)
      out["top_dyads"].push_back({{"dyad", d.source + "-" + d.target}, {"events", d.events}});
    for (auto& [why, n] : reasons) out["reject_reasons"].push_back({{"reason", why}, {"rows", n}});
    if (args.files)
      for (auto& f : files) out["file_list"].push_back(FileJson(f));
    for (auto& [file, r] : reject_rows)
      out["reject_rows"].push_back({{"file", file},
                                    {"line", r.line},
                                    {"field", r.field},
                                    {"reason", r.reason},
                                    {"raw", r.raw}});
    out["imported_series"] = nlohmann::json::array();
    for (const auto& i : imported)
      out["imported_series"].push_back({{"name", i.name},
                                        {"file", i.file},
                                        {"resolution", FrequencyName(i.resolution)},
                                        {"dyads", i.dyads},
                                        {"values", i.values},
                                        {"has_se", i.has_se},
                                        {"first_day", FormatDate(i.first_day)},
                                        {"last_day", FormatDate(i.last_day)},
                                        {"imported_at", i.imported_at}});
    std::printf("%s\n", JsonText(out, 2).c_str());
    return kExitOk;
  }

  std::string out;
  out += fmt::format("store     {} ({:.1f} MB)\n", TerminalText(args.store),
                     static_cast<double>(std::filesystem::file_size(args.store)) / 1e6);
  out += fmt::format("files     {} (last ingested {})\n", files.size(),
                     s.last_ingest.empty() ? "never" : s.last_ingest);
  if (s.first_day)
    out += fmt::format("dates     {} .. {} (news coverage from {})\n", FormatDate(*s.first_day),
                       FormatDate(*s.last_day), coverage ? FormatDate(coverage->first) : "?");
  out += fmt::format("events    {} in {} dyad-day cells\n", WithThousands(s.events),
                     WithThousands(s.cells));
  out +=
      fmt::format("rows      {} read: {} accepted, {} without a dyad, {} rejected, {} duplicates\n",
                  WithThousands(rows), WithThousands(accepted), WithThousands(s.rows_without_dyad),
                  WithThousands(s.rejects), WithThousands(s.duplicates));
  if (!top.empty()) {
    out += "\ntop dyads (both directions)\n";
    TextTable t({"dyad", "events"});
    for (auto& d : top) t.AddRow({d.source + "-" + d.target, WithThousands(d.events)});
    out += t.Render();
  }
  if (!reasons.empty()) {
    out += "\nrejected rows by reason\n";
    TextTable t({"reason", "rows"});
    for (auto& [why, n] : reasons) t.AddRow({why, WithThousands(n)});
    out += t.Render();
    if (args.rejects == 0)
      out += fmt::format(
          "(list them with --rejects N; the store keeps the first {} rows of each reason per "
          "file)\n",
          kKeptRejectsPerReason);
  }
  if (args.files) {
    out += "\nfiles\n";
    TextTable t(
        {"file", "format", "rows", "accepted", "no dyad", "rejected", "dup", "days", "ingested"});
    for (auto& f : files)
      t.AddRow({f.path, f.format, WithThousands(f.rows_read), WithThousands(f.rows_accepted),
                WithThousands(f.rows_without_dyad), WithThousands(f.rows_rejected),
                WithThousands(f.rows_duplicate), f.min_day + ".." + f.max_day, f.ingested_at});
    out += t.Render();
  }
  if (!reject_rows.empty()) {
    out += "\nrejected rows\n";
    for (auto& [file, r] : reject_rows) {
      std::string raw = r.raw.size() > 120 ? r.raw.substr(0, 117) + "..." : r.raw;
      for (char& c : raw)
        if (c == '\t') c = ' ';
      out += fmt::format("{}:{}: {}{}\n    {}\n", TerminalText(file), r.line,
                         r.field.empty() ? "" : TerminalText(r.field) + ": ",
                         TerminalText(r.reason), TerminalText(raw));
    }
  }
  if (!imported.empty()) {
    out += "\nimported series (use with --source NAME)\n";
    TextTable t({"name", "resolution", "dyads", "values", "dates", "standard errors", "file"});
    for (const auto& i : imported)
      t.AddRow({i.name, std::string(FrequencyName(i.resolution)), WithThousands(i.dyads),
                WithThousands(i.values), FormatDate(i.first_day) + ".." + FormatDate(i.last_day),
                i.has_se ? "yes" : "no", i.file});
    out += t.Render();
  }
  WriteStandardOutput(out);
  return kExitOk;
}

const CommandRegistration kInfo(20, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<InfoArgs>();
  CLI::App* cmd = app.add_subcommand("info", "What the store holds: files, dates, events, rejects");
  cmd->add_option("--store", args->store, "Store file")->capture_default_str();
  cmd->add_flag("--files", args->files, "List every ingested file");
  cmd->add_option("--rejects", args->rejects, "List the first N rejected rows with file and line");
  cmd->add_option("--format", args->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->footer("Example:\n  triad info --files --rejects 20");
  cmd->callback([args, &exit_code] { exit_code = RunInfo(*args); });
});

}  // namespace
}  // namespace triad::cli
