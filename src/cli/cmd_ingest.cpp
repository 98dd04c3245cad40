// triad ingest: event files -> the store's dyad-day cells.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <system_error>
#include <thread>
#include <tuple>

#include "aggregate/file_aggregator.hpp"
#include "cli/command.hpp"
#include "cli/ingest_one.hpp"
#include "cli/input_paths.hpp"
#include "common/error.hpp"
#include "outputs/safe_text.hpp"
#include "reading/row_parser.hpp"
#include "store/event_store.hpp"

namespace triad::cli {
namespace {

struct IngestArgs {
  std::string store = kDefaultStorePath;
  std::vector<std::string> paths;
  std::string input_format;  // gdelt1, gdelt2 or icews; empty: detected per file
  bool strict = false;
  bool quiet = false;
  bool verbose = false;  // list each unchanged file (otherwise one line counts them)
  bool force = false;    // read files whose path, size and time are unchanged all the same
  bool both_gdelt_families = false;  // GDELT 1.0 and 2.0 events for the same days, knowingly
  int threads = 0;
  std::string format = "table";                   // of the summary: table or json
  int max_report_lag = kDefaultMaxReportLagDays;  // days; -1: keep old events reported again
};

// Files smaller than this on disk are aggregated ahead, several at a time (RunIngest).
constexpr std::int64_t kSmallFileBytes = 8 << 20;

// Progress on stderr, only when it is a terminal: files, MB, MB/s and ETA.
class Progress {
 public:
  Progress(bool enabled, std::size_t files, std::uint64_t total_bytes)
      : enabled_(enabled && ::isatty(STDERR_FILENO)),
        files_(files),
        total_(total_bytes),
        start_(std::chrono::steady_clock::now()) {}
  void Update(std::size_t file_index, const std::string& name, std::uint64_t bytes_in_file) {
    if (!enabled_) return;
    double elapsed = Seconds();
    std::uint64_t done = done_ + bytes_in_file;
    double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
    double eta = rate > 0 && total_ > done ? static_cast<double>(total_ - done) / rate : 0;
    // Rows are known per finished file; estimate the running file's from its bytes.
    double rows = static_cast<double>(rows_done_) +
                  (done_ > 0 ? static_cast<double>(rows_done_) / static_cast<double>(done_) *
                                   static_cast<double>(bytes_in_file)
                             : 0.0);
    std::fprintf(
        stderr, "\r\033[K[%zu/%zu] %s  %.1f MB  %.0f MB/s  %.0fk rows/s  ETA %.0fs", file_index + 1,
        files_, TerminalText(std::filesystem::path(name).filename().string()).c_str(),
        static_cast<double>(done) / 1e6, rate / 1e6, elapsed > 0 ? rows / elapsed / 1e3 : 0.0, eta);
  }
  void FileDone(std::uint64_t file_bytes, std::int64_t rows = 0) {
    done_ += file_bytes;
    rows_done_ += rows;
  }
  void Clear() {
    if (enabled_) std::fprintf(stderr, "\r\033[K");
  }
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  bool enabled_;
  std::size_t files_;
  std::uint64_t total_, done_ = 0;
  std::int64_t rows_done_ = 0;
  std::chrono::steady_clock::time_point start_;
};

int RunIngest(const IngestArgs& args) {
  const std::string started_at = UtcNow();
  InputPaths inputs = ExpandInputPaths(args.paths);
  const std::vector<std::string>& paths = inputs.files;
  AggregateOptions options;
  if (!args.input_format.empty()) options.format = ParseEventFormat(args.input_format);
  options.strict = args.strict;
  options.threads = args.threads;
  options.max_report_lag_days = args.max_report_lag;
  const bool json = args.format == "json";

  if (paths.empty()) {
    // Nothing to read: name every argument's problem and leave the store alone (not created).
    for (const InputProblem& p : inputs.problems)
      std::fprintf(stderr, "triad: %s: %s: %s\n", p.failure ? "error" : "note",
                   TerminalText(p.path).c_str(), TerminalText(p.message).c_str());
    ThrowInput(Location{}, "no event file to ingest among the paths given");
  }
  EventStore store(args.store, /*create=*/true);
  store.AllowBothGdeltFamilies(args.both_gdelt_families);
  std::uint64_t total_bytes = 0;
  for (auto& p : paths) total_bytes += static_cast<std::uint64_t>(StatFile(p).size);
  Progress progress(!args.quiet && !json, paths.size(), total_bytes);

  int added = 0, skipped = 0, failed = 0;
  int unchanged = 0;  // skipped because the same path, size and time were ingested before
  std::int64_t rows = 0, accepted = 0, without_dyad = 0, rejected = 0, duplicate = 0, stale = 0;
  std::uint64_t bytes = 0;
  nlohmann::json files_json = nlohmann::json::array();
  auto note = [&](const std::string& message) {
    progress.Clear();
    if (!args.quiet && !json) std::fprintf(stderr, "%s\n", TerminalLines(message).c_str());
  };
  // Paths that gave no file: failures are counted (the run fails at the end, after the valid
  // files are in), special files are skipped with a message.
  for (const InputProblem& p : inputs.problems) {
    if (p.failure) {
      ++failed;
      std::fprintf(stderr, "triad: error: %s: %s\n", TerminalText(p.path).c_str(),
                   TerminalText(p.message).c_str());
    } else {
      note(fmt::format("{}: {}", p.path, p.message));
    }
    files_json.push_back(
        {{"path", p.path}, {"status", p.failure ? "failed" : "skipped"}, {"error", p.message}});
  }
  // Small files (GDELT's 15-minute zips: ~100 KB packed, ~0.5 MB of rows) are aggregated several
  // at a time, one thread each, while this thread commits the earlier ones in path order: one
  // file alone cannot keep the cores busy, and its commit would leave them idle. A large file gets
  // every thread by itself, when its turn comes.
  const int cores = args.threads > 0
                        ? args.threads
                        : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::size_t ahead_limit = static_cast<std::size_t>(cores) + 1;
  std::map<std::size_t, PendingIngest> ahead;  // by index in paths: a contiguous run from i on
  std::set<std::string> launched;  // paths aggregated ahead (a repeated path waits its turn)
  std::size_t horizon = 0;         // files before it were considered for launching
  // Files aggregated ahead are committed together (group commit): one write transaction for
  // those finished within CommitBatch::kBatchSeconds, at most kBatchFiles and kBatchBytes, each
  // still all-or-nothing. Files launched ahead are aggregated against the events stored before
  // the batch began (CommitBatch::Stored).
  CommitBatch batch(store);
  double commit_seconds = 0;  // every file's AddFile and every batch's COMMIT
  int commits = 0;            // write transactions that added files
  auto commit_batch = [&] {
    if (!batch.open()) return;
    auto start = std::chrono::steady_clock::now();
    const bool any = batch.files() > 0;
    batch.Commit();
    commit_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    commits += any ? 1 : 0;
  };
  auto launch_ahead = [&](std::size_t from) {
    horizon = std::max(horizon, from);
    while (paths.size() > 1 && horizon < paths.size() && ahead.size() < ahead_limit) {
      FileOnDisk disk = StatFile(paths[horizon]);
      if (disk.size >= kSmallFileBytes || launched.count(disk.path)) break;
      launched.insert(disk.path);
      try {
        ahead.emplace(horizon, StartIngest(store, paths[horizon], options, !args.force,
                                           /*ahead=*/true, &batch.Stored()));
      } catch (const std::system_error&) {
        // No thread to spare (a process limit): this file and the rest are aggregated in turn
        // on this thread.
        launched.erase(disk.path);
        ahead_limit = 0;
        break;
      }
      ++horizon;
    }
  };
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const std::string& path = paths[i];
    launch_ahead(i);
    PendingIngest job;
    if (auto found = ahead.find(i); found != ahead.end()) {
      job = std::move(found->second);
      ahead.erase(found);
    } else {
      // A file aggregated now, with every thread: after the batch, in a transaction of its own.
      commit_batch();
      job = StartIngest(store, path, options, !args.force, /*ahead=*/false);
    }
    const FileOnDisk& disk = job.disk;
    if (auto& same = job.unchanged) {
      ++skipped;
      ++unchanged;
      if (args.verbose)
        note(fmt::format("{}: already ingested on {} (same path, size and time): nothing to do",
                         path, same->ingested_at));
      files_json.push_back({{"path", path}, {"status", "unchanged"}});
      progress.FileDone(static_cast<std::uint64_t>(disk.size));
      continue;
    }
    const std::int64_t rows_before = rows;
    options.progress = [&](std::uint64_t b) { progress.Update(i, path, b); };
    if (job.aggregate.valid()) progress.Update(i, path, 0);
    IngestOneResult result;
    auto reading_again = [&] {
      note(fmt::format("{}: another ingest added some of its events meanwhile: reading it again",
                       path));
    };
    try {
      result = FinishInBatch(store, job, options, batch, commit_batch, reading_again);
    } catch (const Error& e) {
      result.status = IngestStatus::kFailed;
      result.error = e.what();
    }
    if (result.status == IngestStatus::kAdded) {
      commit_seconds += result.commit_seconds;
      if (!batch.open()) ++commits;
    }
    if (batch.open() && batch.Full()) commit_batch();
    if (result.status == IngestStatus::kFailed) {
      ++failed;
      progress.Clear();
      std::fprintf(stderr, "triad: error: %s (the store is unchanged for this file)\n",
                   TerminalLines(result.error).c_str());
      files_json.push_back({{"path", path}, {"status", "failed"}, {"error", result.error}});
      if (args.strict) break;
    } else if (result.status == IngestStatus::kSameContent) {
      ++skipped;
      note(fmt::format("{}: same content as {} (ingested {}): nothing to do", path,
                       result.file.path, result.file.ingested_at));
      files_json.push_back({{"path", path}, {"status", "same-content"}, {"as", result.file.path}});
    } else {
      ++added;
      const IngestedFile& f = result.file;
      rows += f.rows_read;
      accepted += f.rows_accepted;
      without_dyad += f.rows_without_dyad;
      rejected += f.rows_rejected;
      duplicate += f.rows_duplicate;
      stale += f.rows_stale;
      bytes += result.content_bytes;
      if (result.first_reject)
        note(
            fmt::format("{}: {} rows rejected, first at line {} ({}{}); see 'triad info "
                        "--rejects'",
                        path, f.rows_rejected, result.first_reject->line,
                        result.first_reject->field.empty() ? "" : result.first_reject->field + ": ",
                        result.first_reject->reason));
      files_json.push_back({{"path", path},
                            {"status", "added"},
                            {"format", f.format},
                            {"rows", f.rows_read},
                            {"accepted", f.rows_accepted},
                            {"without_dyad", f.rows_without_dyad},
                            {"rejected", f.rows_rejected},
                            {"duplicate", f.rows_duplicate},
                            {"stale", f.rows_stale},
                            {"cells", result.cells},
                            {"seconds", f.seconds},
                            {"commit_seconds", result.commit_seconds}});
    }
    progress.FileDone(static_cast<std::uint64_t>(disk.size), rows - rows_before);
  }
  commit_batch();
  progress.Clear();
  if (added > 0) store.EnsureDyadIndex();
  // The files are committed by now: a run log that cannot be written is a warning, not a
  // failed run (whose exit code would say the data were not stored).
  try {
    store.LogRun(CommandLine(), started_at, added, skipped, failed, rejected);
  } catch (const Error& e) {
    progress.Clear();
    std::fprintf(stderr, "triad: warning: the files are stored, but the run log was not: %s\n",
                 TerminalLines(e.what()).c_str());
  }
  if (unchanged > 0 && !args.verbose) {
    progress.Clear();
    if (!args.quiet && !json)
      std::fprintf(stderr, "%d file%s unchanged (already ingested): --verbose lists them\n",
                   unchanged, unchanged == 1 ? "" : "s");
  }
  StoreSummary summary = store.Summary();
  double seconds = progress.Seconds();
  if (json) {
    nlohmann::json out = {
        {"store", args.store},
        {"files_added", added},
        {"files_skipped", skipped},
        {"files_failed", failed},
        {"rows", rows},
        {"accepted", accepted},
        {"without_dyad", without_dyad},
        {"rejected", rejected},
        {"duplicate", duplicate},
        {"stale", stale},
        {"max_report_lag_days",
         args.max_report_lag < 0 ? nlohmann::json() : nlohmann::json(args.max_report_lag)},
        {"store_cells", summary.cells},
        {"store_events", summary.events},
        {"seconds", seconds},
        {"commit_seconds", commit_seconds},
        {"commits", commits},
        {"files", files_json}};
    std::printf("%s\n", JsonText(out, 2).c_str());
  } else if (!args.quiet) {
    fmt::print(
        "ingested {} file{} ({} unchanged, {} failed): {} rows, {} accepted, {} without a dyad, "
        "{} rejected, {} duplicates{}; {} holds {} events in {} cells ({:.2f} s, {:.0f} MB/s)\n",
        added, added == 1 ? "" : "s", skipped, failed, rows, accepted, without_dyad, rejected,
        duplicate,
        stale > 0 ? fmt::format(", {} old events reported over {} days late (not stored: "
                                "--max-report-lag)",
                                stale, args.max_report_lag)
                  : std::string(),
        TerminalText(args.store), summary.events, summary.cells, seconds,
        seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0);
  }
  if (failed > 0) return kExitError;
  if (rejected > 0) return kExitRejects;
  return kExitOk;
}

// --format is the summary's format, as in every command. It used to name the input format: such
// a value gets a message that points to --input-format rather than a bare "not in {table,json}".
CLI::Validator SummaryFormat() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (value == "table" || value == "json") return "";
        if (value == "gdelt1" || value == "gdelt2" || value == "icews")
          return fmt::format(
              "the summary is table or json; to read every file as {0} use --input-format {0}",
              value);
        return fmt::format("'{}' is not a summary format (table or json)", value);
      },
      "{table,json}");
}

const CommandRegistration kIngest(10, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "Read event files into the store's dyad-day cells");
  cmd->add_option("paths", args->paths,
                  "Event files, directories (recursed) or globs: GDELT 1.0/2.0 and ICEWS, plain, "
                  ".zip or .gz")
      ->required();
  cmd->add_option("--store", args->store, "Store file")->capture_default_str();
  cmd->add_option("--input-format", args->input_format,
                  "Read every file as this format instead of detecting it per file")
      ->check(CLI::IsMember({"gdelt1", "gdelt2", "icews"}));
  cmd->add_flag("--strict", args->strict, "Stop at the first bad row or file");
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing on success");
  cmd->add_flag("--force", args->force,
                "Read every file again, even one whose path, size and time are unchanged (its "
                "events already stored still count once; the same content under any name is "
                "still recognised)");
  cmd->add_flag("--both-gdelt-families", args->both_gdelt_families,
                "Accept GDELT 1.0 and 2.0 files for the same days (they number events "
                "independently, so the same news then counts twice)");
  cmd->add_flag("-v,--verbose", args->verbose,
                "Name each file that was already ingested (by default one line counts them)");
  cmd->add_option("--max-report-lag", args->max_report_lag,
                  "Days an event may lie before the news that reports it (GDELT DATEADDED); "
                  "older events mentioned again are counted apart and not stored. -1 keeps them")
      ->check(CLI::Range(-1, 36525))
      ->capture_default_str();
  cmd->add_option("--threads", args->threads, "Parsing threads, 0 to 256 (default 0: all cores)")
      ->check(CLI::Range(0, 256));
  cmd->add_option("--format", args->format, "Summary as a line (table) or JSON")
      ->check(SummaryFormat())
      ->capture_default_str();
  // The summary's format was once --output, like no other command: still accepted, not shown.
  cmd->add_option("--output", args->format, "Deprecated: use --format")
      ->check(CLI::IsMember({"table", "json"}))
      ->group("");
  cmd->footer(
      "Each file is added atomically; an event already in the store (same GLOBALEVENTID, or ICEWS\n"
      "id and date) is never counted twice, also when several ingests write to one store at once\n"
      "(one commits at a time; the others wait and say so). An id repeated within a file counts\n"
      "its first copy. Bad rows are counted by reason and the first 100 of each kept in the\n"
      "store's rejects with file, line, field and reason; a file of 1,000 rows or more of which\n"
      "more than half are bad is not the format it was read as and fails whole.\n"
      "Exit codes: 0 ok, 1 a file failed, 3 rows were rejected, 4 the store is not usable.\n\n"
      "Examples:\n"
      "  triad ingest data/sample/triangle_CHN_USA_JPN.export.tsv\n"
      "  triad ingest --store gdelt.db 'downloads/2025*.export.CSV.zip'\n"
      "  triad ingest --input-format icews events.2018.sample.tab");
  cmd->callback([args, &exit_code] { exit_code = RunIngest(*args); });
});

}  // namespace
}  // namespace triad::cli
