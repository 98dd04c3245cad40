// triad info: what the store holds: files, dates, events, cells, top dyads, rejects.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "outputs/output_file.hpp"
#include "outputs/safe_text.hpp"
#include "outputs/table.hpp"
#include "series/period_coverage.hpp"
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
          {"stale", f.rows_stale},
          {"coverage_recorded", f.coverage_recorded},
          {"first_day", f.min_day},
          {"last_day", f.max_day},
          {"min_date_added", f.min_added},
          {"max_date_added", f.max_added},
          {"seconds", f.seconds},
          {"ingested_at", f.ingested_at}};
}

// The store's news over the days from its first to its last news day: slots held of those
// possible, and the days below the default coverage threshold (period_coverage.hpp).
struct NewsSummary {
  std::int64_t slots = 0, possible = 0;
  int slots_per_day = 1;
  Day first = 0, last = 0;
  std::vector<DayCoverage> thin;  // days below kDefaultMinCoverage (days without news: 0 slots)
};

NewsSummary SummariseNews(const NewsCoverage& news) {
  NewsSummary out;
  if (news.days.empty()) return out;
  out.first = news.days.front().day;
  out.last = news.days.back().day;
  for (const DayCoverage& d : news.days)
    out.slots_per_day = std::max(out.slots_per_day, d.slots_per_day);
  std::size_t k = 0;
  for (Day day = out.first; day <= out.last; ++day) {
    DayCoverage d{day, 0, out.slots_per_day};
    if (k < news.days.size() && news.days[k].day == day) d = news.days[k++];
    out.slots += d.slots;
    out.possible += d.slots_per_day;
    if (d.Fraction() < kDefaultMinCoverage) out.thin.push_back(d);
  }
  return out;
}

std::string NewsLine(const NewsCoverage& news, const NewsSummary& n) {
  if (news.files_unrecorded > 0)
    return fmt::format(
        "news      not recorded for {} file{} ingested before triad recorded coverage (ingest "
        "them again with --force to record it)\n",
        news.files_unrecorded, news.files_unrecorded == 1 ? "" : "s");
  if (news.days.empty()) return "";
  const char* unit = n.slots_per_day == kGdelt2SlotsPerDay ? "GDELT 2.0 15-minute slots" : "days";
  std::string line =
      fmt::format("news      {} .. {}: {} of {} {} ({:.0f}%)", FormatDate(n.first),
                  FormatDate(n.last), WithThousands(n.slots), WithThousands(n.possible), unit,
                  100.0 * static_cast<double>(n.slots) /
                      static_cast<double>(std::max<std::int64_t>(n.possible, 1)));
  if (!n.thin.empty()) {
    line += fmt::format("; {} day{} below {:.0f}%:", n.thin.size(), n.thin.size() == 1 ? "" : "s",
                        100 * kDefaultMinCoverage);
    for (std::size_t i = 0; i < n.thin.size() && i < 5; ++i)
      line += fmt::format("{} {} ({} slot{})", i ? "," : "", FormatDate(n.thin[i].day),
                          n.thin[i].slots, n.thin[i].slots == 1 ? "" : "s");
    if (n.thin.size() > 5) line += fmt::format(" and {} more", n.thin.size() - 5);
  }
  return line + "\n";
}

int RunInfo(const InfoArgs& args) {
  EventStore store(args.store, /*create=*/false);
  StoreSummary s = store.Summary();
  auto coverage = store.Coverage();
  const NewsCoverage news = store.NewsCoverageByDay();
  const NewsSummary news_summary = SummariseNews(news);
  auto top = store.TopDyads(10);
  auto reasons = store.RejectReasons(10);
  std::vector<IngestedFile> files = store.Files();
  std::int64_t rows = 0, accepted = 0;
  for (auto& f : files) rows += f.rows_read, accepted += f.rows_accepted;
  const std::vector<StoredReject> reject_rows =
      args.rejects > 0 ? store.RejectedRows(args.rejects) : std::vector<StoredReject>();
  const std::vector<ImportedSeriesInfo> imported = SeriesStore(store.db()).List();

  if (args.format == "json") {
    nlohmann::json out = {
        {"store", args.store},
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
        {"stale", news.rows_stale},
        {"max_report_lag_days",
         news.report_lag_limit ? nlohmann::json(*news.report_lag_limit) : nlohmann::json()},
        {"last_ingest", s.last_ingest}};
    nlohmann::json thin = nlohmann::json::array();
    for (const DayCoverage& d : news_summary.thin)
      thin.push_back({{"day", FormatDate(d.day)}, {"slots", d.slots}});
    out["news"] = {{"recorded", news.files_unrecorded == 0},
                   {"files_unrecorded", news.files_unrecorded},
                   {"first_day", news.days.empty() ? "" : FormatDate(news_summary.first)},
                   {"last_day", news.days.empty() ? "" : FormatDate(news_summary.last)},
                   {"slots_per_day", news_summary.slots_per_day},
                   {"slots", news_summary.slots},
                   {"slots_possible", news_summary.possible},
                   {"thin_days", thin},
                   {"thin_below", kDefaultMinCoverage}};
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
  out += NewsLine(news, news_summary);
  out += fmt::format("events    {} in {} dyad-day cells\n", WithThousands(s.events),
                     WithThousands(s.cells));
  out +=
      fmt::format("rows      {} read: {} accepted, {} without a dyad, {} rejected, {} duplicates\n",
                  WithThousands(rows), WithThousands(accepted), WithThousands(s.rows_without_dyad),
                  WithThousands(s.rejects), WithThousands(s.duplicates));
  if (news.rows_stale > 0)
    out += fmt::format(
        "old       {} events reported over {} days after they happened (GDELT codes old events "
        "that the news mentions again with their original date): counted here, not stored "
        "(ingest --max-report-lag)\n",
        WithThousands(news.rows_stale), news.report_lag_limit.value_or(kDefaultMaxReportLagDays));
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
