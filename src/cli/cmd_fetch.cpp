// triad fetch: GDELT's event files for a date range into a local mirror, verified, and (with
// --ingest) into a store as each file arrives.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <system_error>
#include <thread>

#include "cli/command.hpp"
#include "cli/date_option.hpp"
#include "cli/download_flags.hpp"
#include "cli/ingest_one.hpp"
#include "common/error.hpp"
#include "fetch/mirror_fetch.hpp"
#include "fetch/server_lists.hpp"
#include "outputs/safe_text.hpp"
#include "store/event_store.hpp"

namespace triad::cli {
namespace {

struct FetchArgs {
  std::string from, to;
  int gdelt = 2;
  DownloadFlags download;
  std::string ingest_store;  // empty: download only
  int max_report_lag = kDefaultMaxReportLagDays;
  bool dry_run = false;
  bool quiet = false;
  std::string format = "table";
};

// Files, MB, MB/s and ETA on stderr, only when it is a terminal; redrawn at most 5 times a second.
class FetchProgress {
 public:
  FetchProgress(bool enabled, std::size_t files, std::int64_t bytes)
      : enabled_(enabled && ::isatty(STDERR_FILENO)), files_(files), bytes_(bytes) {}
  void Show(const FetchCounters& c, int ingested) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double s = std::chrono::duration<double>(now - start_).count();
    double mb = static_cast<double>(c.bytes_received.load()) / 1e6;
    double rate = s > 0 ? mb / s : 0;
    double left = static_cast<double>(bytes_) / 1e6 - mb;
    std::fprintf(stderr, "\r\033[K[%d/%zu files] %.1f MB  %.1f MB/s  ETA %.0fs%s",
                 c.files_done.load(), files_, mb, rate, rate > 0 && left > 0 ? left / rate : 0.0,
                 ingested >= 0 ? fmt::format("  ingested {}", ingested).c_str() : "");
  }
  void Clear() {
    if (enabled_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  bool enabled_;
  std::size_t files_;
  std::int64_t bytes_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
};

int RunFetch(const FetchArgs& args) {
  const std::string started_at = UtcNow();
  const Day from = DateOptionOr(args.from, "--from", 0);
  const Day to = DateOptionOr(args.to, "--to", 0);
  if (to < from) ThrowUsage(fmt::format("--to {} is before --from {}", args.to, args.from));
  const bool json = args.format == "json";
  const MirrorOptions options = args.download.Options();
  const GdeltFamily family = args.gdelt == 1 ? GdeltFamily::kGdelt1 : GdeltFamily::kGdelt2;
  const auto started = std::chrono::steady_clock::now();

  std::vector<RemoteFile> files =
      FilesInRange(FetchFileList(family, args.download.base_url, options), from, to);
  std::int64_t listed_bytes = 0;
  for (const RemoteFile& f : files) listed_bytes += f.size;
  if (args.dry_run) {
    if (json) {
      nlohmann::json out = {{"files", files.size()}, {"bytes", listed_bytes}, {"urls", {}}};
      for (const RemoteFile& f : files) out["urls"].push_back(f.url);
      std::printf("%s\n", JsonText(out, 2).c_str());
    } else {
      for (const RemoteFile& f : files) std::printf("%s\n", TerminalText(f.url).c_str());
      std::fprintf(stderr, "%zu files, %.1f MB (dry run: nothing downloaded)\n", files.size(),
                   static_cast<double>(listed_bytes) / 1e6);
    }
    return kExitOk;
  }
  if (files.empty() && !args.quiet)
    std::fprintf(stderr, "triad: note: the server lists no GDELT %d.0 event file for %s .. %s\n",
                 args.gdelt, FormatDate(from).c_str(), FormatDate(to).c_str());

  std::optional<EventStore> store;
  if (!args.ingest_store.empty()) store.emplace(args.ingest_store, /*create=*/true);
  AggregateOptions aggregate;
  aggregate.max_report_lag_days = args.max_report_lag;

  // Downloads finish in any order; files are ingested in list (slot) order, each as soon as it
  // and every file before it have finished, so the store grows as a clean ingest of the same
  // files would.
  std::mutex mutex;
  std::condition_variable ready;
  std::map<std::size_t, FetchOutcome> finished;
  FetchCounters counters;
  std::thread downloads([&] {
    FetchToMirror(
        files, options,
        [&](const FetchOutcome& out) {
          {
            std::lock_guard lock(mutex);
            finished[out.index] = out;
          }
          ready.notify_one();
        },
        &counters);
  });
  FetchProgress progress(!args.quiet && !json, files.size(), listed_bytes);
  int downloaded = 0, present = 0, failed = 0, ingested = 0, ingest_unchanged = 0,
      ingest_failed = 0;
  std::int64_t events_added = 0, rejected = 0;
  nlohmann::json files_json = nlohmann::json::array();
  // Files that have arrived are aggregated ahead, one thread each, a few at a time (as ingest
  // does with small files), while this thread commits them in order, several in one write
  // transaction (group commit, as ingest does: CommitBatch). A batch is also committed once it
  // is kBatchSeconds old while this thread waits for a download, so that a slow network never
  // holds the store's write lock or keeps finished files from being durable for longer.
  std::size_t ahead_limit = std::max(1u, std::thread::hardware_concurrency()) + 1;
  std::map<std::size_t, PendingIngest> ahead;
  std::size_t horizon = 0;  // files before it have been considered for aggregating ahead
  std::optional<CommitBatch> batch;
  if (store) batch.emplace(*store);
  auto commit_batch = [&] {
    if (batch) batch->Commit();
  };
  auto launch_ahead = [&] {
    while (store && horizon < files.size() && ahead.size() < ahead_limit) {
      std::optional<FetchOutcome> arrived;
      {
        std::lock_guard lock(mutex);
        if (auto it = finished.find(horizon); it != finished.end()) arrived = it->second;
      }
      if (!arrived) break;
      if (arrived->status != FetchStatus::kFailed) {
        try {
          ahead.emplace(horizon,
                        StartIngest(*store, arrived->path, aggregate, /*check_unchanged=*/true,
                                    /*ahead=*/true, &batch->Stored()));
        } catch (const std::system_error&) {
          ahead_limit = 0;  // no thread to spare: each file is aggregated in turn
          break;
        }
      }
      ++horizon;
    }
  };
  for (std::size_t i = 0; i < files.size(); ++i) {
    FetchOutcome out;
    {
      std::unique_lock lock(mutex);
      while (!finished.count(i)) {
        ready.wait_for(lock, std::chrono::milliseconds(batch && batch->open() ? 50 : 200));
        lock.unlock();
        if (batch && batch->open() && batch->Full()) commit_batch();
        launch_ahead();
        progress.Show(counters, store ? ingested : -1);
        lock.lock();
      }
      out = finished[i];
      finished.erase(i);
    }
    const RemoteFile& f = files[i];
    nlohmann::json fj = {{"url", f.url},
                         {"path", MirrorPathOf(args.download.mirror, f)},
                         {"status", FetchStatusName(out.status)},
                         {"bytes", f.size},
                         {"attempts", out.attempts}};
    if (out.status == FetchStatus::kFailed) {
      ++failed;
      progress.Clear();
      std::fprintf(stderr, "triad: error: %s: %s (nothing of it kept)\n",
                   TerminalText(f.url).c_str(), TerminalText(out.error).c_str());
      fj["error"] = out.error;
    } else {
      (out.status == FetchStatus::kDownloaded ? downloaded : present)++;
      if (!out.error.empty()) fj["retried_after"] = out.error;
      if (store) {
        launch_ahead();
        PendingIngest job;
        if (auto it = ahead.find(i); it != ahead.end()) {
          job = std::move(it->second);
          ahead.erase(it);
        } else {
          commit_batch();  // a file aggregated now goes in a transaction of its own
          job = StartIngest(*store, out.path, aggregate, /*check_unchanged=*/true,
                            /*ahead=*/false);
        }
        IngestOneResult r = FinishInBatch(*store, job, aggregate, *batch, commit_batch);
        if (batch->open() && batch->Full()) commit_batch();
        fj["ingest"] = IngestStatusName(r.status);
        if (r.status == IngestStatus::kAdded) {
          ++ingested;
          events_added += r.file.rows_accepted;
          rejected += r.file.rows_rejected;
        } else if (r.status == IngestStatus::kFailed) {
          ++ingest_failed;
          progress.Clear();
          std::fprintf(stderr, "triad: error: %s (the store is unchanged for this file)\n",
                       TerminalLines(r.error).c_str());
          fj["ingest_error"] = r.error;
        } else {
          ++ingest_unchanged;
        }
      }
    }
    files_json.push_back(fj);
    progress.Show(counters, store ? ingested : -1);
  }
  downloads.join();
  commit_batch();
  progress.Clear();
  if (store) {
    if (ingested > 0) store->EnsureDyadIndex();
    try {
      store->LogRun(CommandLine(), started_at, ingested, ingest_unchanged, ingest_failed + failed,
                    rejected);
    } catch (const Error& e) {
      std::fprintf(stderr, "triad: warning: the files are stored, but the run log was not: %s\n",
                   TerminalLines(e.what()).c_str());
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double mb = static_cast<double>(counters.bytes_received.load()) / 1e6;
  if (json) {
    nlohmann::json out = {{"from", FormatDate(from)},
                          {"to", FormatDate(to)},
                          {"gdelt", args.gdelt},
                          {"mirror", args.download.mirror},
                          {"files_listed", files.size()},
                          {"downloaded", downloaded},
                          {"present", present},
                          {"failed", failed},
                          {"bytes_received", counters.bytes_received.load()},
                          {"seconds", seconds},
                          {"files", files_json}};
    if (store)
      out["ingest"] = {{"store", args.ingest_store},          {"files_added", ingested},
                       {"files_unchanged", ingest_unchanged}, {"files_failed", ingest_failed},
                       {"events_added", events_added},        {"rows_rejected", rejected}};
    std::printf("%s\n", JsonText(out, 2).c_str());
  } else if (!args.quiet) {
    fmt::print(
        "fetched {} GDELT {}.0 file{} for {} .. {}: {} downloaded, {} already present, {} "
        "failed; {:.1f} MB in {:.1f} s ({:.1f} MB/s) into {}\n",
        files.size(), args.gdelt, files.size() == 1 ? "" : "s", FormatDate(from), FormatDate(to),
        downloaded, present, failed, mb, seconds, seconds > 0 ? mb / seconds : 0.0,
        TerminalText(args.download.mirror));
    if (store)
      fmt::print("ingested {} file{} into {} ({} already there, {} failed): {} events added\n",
                 ingested, ingested == 1 ? "" : "s", TerminalText(args.ingest_store),
                 ingest_unchanged, ingest_failed, events_added);
  }
  if (failed > 0 || ingest_failed > 0) return kExitError;
  if (rejected > 0) return kExitRejects;
  return kExitOk;
}

const CommandRegistration kFetch(8, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<FetchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "fetch", "Download GDELT's event files for a date range into a verified local mirror");
  cmd->add_option("--from", args->from, "First news day, YYYY-MM-DD")->required();
  cmd->add_option("--to", args->to, "Last news day, YYYY-MM-DD")->required();
  cmd->add_option("--gdelt", args->gdelt,
                  "2: GDELT 2.0's 15-minute export files (from 2015-02-18); 1: GDELT 1.0's daily "
                  "files (from 2013-04-01) and its monthly and yearly backfile")
      ->check(CLI::IsMember({1, 2}))
      ->capture_default_str();
  cmd->add_option("--ingest", args->ingest_store,
                  "Also ingest each verified file into this store as it arrives");
  args->download.AddTo(cmd);
  cmd->add_option("--max-report-lag", args->max_report_lag,
                  "With --ingest: as ingest --max-report-lag")
      ->check(CLI::Range(-1, 36525))
      ->capture_default_str();
  cmd->add_flag("--dry-run", args->dry_run, "List the files and their size; download nothing");
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing on success");
  cmd->add_option("--format", args->format, "Summary as a line (table) or JSON")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Every file is checked against the size and MD5 the server lists before it gets its final\n"
      "name in the mirror; files already there and verified are not downloaded again, and a run\n"
      "that was interrupted resumes. Timeouts, stalls, resets, truncated or wrong bodies and\n"
      "5xx answers are retried with backoff; a 404 fails the file at once. Exit codes: 0 ok,\n"
      "1 some file failed (the others are in), 3 some ingested rows were rejected.\n\n"
      "Examples:\n"
      "  triad fetch --from 2025-01-01 --to 2025-01-31 --mirror gdelt --ingest gdelt.db\n"
      "  triad fetch --gdelt 1 --from 2015-01-01 --to 2019-12-31 --ingest gdelt1.db\n"
      "  triad fetch --from 2025-06-01 --to 2025-06-01 --dry-run");
  cmd->callback([args, &exit_code] { exit_code = RunFetch(*args); });
});

}  // namespace
}  // namespace triad::cli
