// triad follow: keeps a store current with GDELT 2.0's 15-minute export files and raises alerts
// when the triad's state moves (analysis/triad_alerts.hpp).
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "analysis/triad_alerts.hpp"
#include "cli/command.hpp"
#include "cli/download_flags.hpp"
#include "cli/ingest_one.hpp"
#include "cli/triad_flags.hpp"
#include "common/error.hpp"
#include "fetch/mirror_fetch.hpp"
#include "fetch/server_lists.hpp"
#include "outputs/safe_text.hpp"
#include "store/event_store.hpp"

namespace triad::cli {
namespace {

// The store's meta keys where follow keeps its place.
constexpr const char* kLastSlotKey = "follow.last_slot";       // YYYYMMDDHHMMSS processed last
constexpr const char* kMemoryKey = "follow.alert_memory";      // AlertMemory as JSON
constexpr const char* kUndeliveredKey = "follow.undelivered";  // alerts raised, not yet delivered
// A completed period to evaluate before any later file is ingested: set with the slot that
// completed it, cleared with the evaluation's result, so a kill in between evaluates it at the
// next start on the same data (no later file has been ingested yet).
constexpr const char* kPendingKey = "follow.pending_evaluation";

struct FollowArgs {
  TriadFlags flags;  // --store among them
  DownloadFlags download;
  std::string every = "15m";
  std::string since;  // first news day when the store has no place yet
  std::string alerts_file;
  std::string alert_command;
  bool once = false;
  bool quiet = false;
};

std::int64_t SlotSeconds(std::int64_t slot) {
  const Day day = *ParseCompactDate(std::to_string(slot / 1000000));
  const std::int64_t hms = slot % 1000000;
  return static_cast<std::int64_t>(day) * 86400 + hms / 10000 * 3600 + hms / 100 % 100 * 60 +
         hms % 100;
}

Day SlotDay(std::int64_t slot) {
  return *ParseCompactDate(std::to_string(slot / 1000000));
}

// --every: 90s, 15m, 1h (or plain seconds).
int EverySeconds(const std::string& text) {
  std::size_t used = 0;
  long value = 0;
  try {
    value = std::stol(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  const std::string unit = text.substr(used);
  const long scale = unit.empty() || unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : 0;
  if (used == 0 || scale == 0 || value <= 0 || value * scale > 86400)
    ThrowUsage(fmt::format("--every '{}': give a duration up to a day, e.g. 90s, 15m or 1h", text));
  return static_cast<int>(value * scale);
}

// Delivers alerts: JSON lines appended to the alerts file (or printed), and each line on the
// standard input of the alert command (run by /bin/sh -c CMD; the alert is never part of the
// command line). Returns false when a delivery failed (the alerts stay undelivered).
bool Deliver(const FollowArgs& args, const nlohmann::json& alerts) {
  bool ok = true;
  for (const auto& a : alerts) {
    const std::string line = a.dump() + "\n";
    if (args.alerts_file.empty()) {
      std::fputs(line.c_str(), stdout);
      std::fflush(stdout);
    } else {
      int fd = ::open(args.alerts_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
      bool written = fd >= 0 &&
                     ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                     ::fsync(fd) == 0;
      if (fd >= 0) ::close(fd);
      if (!written) {
        std::fprintf(stderr, "triad: error: cannot append to %s: %s\n",
                     TerminalText(args.alerts_file).c_str(), std::strerror(errno));
        ok = false;
      }
    }
    if (!args.alert_command.empty()) {
      FILE* pipe = ::popen(args.alert_command.c_str(), "w");
      if (!pipe) {
        ok = false;
        continue;
      }
      std::fputs(line.c_str(), pipe);
      int status = ::pclose(pipe);
      if (status != 0) {
        std::fprintf(stderr, "triad: warning: --alert-command exited with %d for alert %s\n",
                     WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                     TerminalText(a.value("id", "")).c_str());
      }
    }
  }
  return ok;
}

class Follower {
 public:
  explicit Follower(const FollowArgs& args)
      : args_(args), store_(args.flags.index.series.store, /*create=*/true) {
    query_ = args.flags.Resolve();
    query_.drivers = false;
    freq_ = query_.periods.freq.value_or(kDefaultFrequency);
    mirror_ = args.download.Options();
    aggregate_.threads = 1;
  }

  // One poll: fetches and ingests what is new, evaluating at each completed period. Returns
  // the exit code of the step (0, or 1 when a file could not be fetched or ingested).
  int Step() {
    DeliverUndelivered();
    // A period completed by the last file but not evaluated (killed in between): now, before
    // anything later is ingested.
    if (auto pending = store_.Meta(kPendingKey); pending && !pending->empty())
      if (auto day = ParseDate(*pending)) Evaluate(*day);
    std::optional<std::int64_t> last;
    if (auto v = store_.Meta(kLastSlotKey)) last = std::stoll(*v);
    std::vector<RemoteFile> newest = FetchLastUpdate(args_.download.base_url, mirror_);
    if (newest.empty()) {
      Note("the server's lastupdate.txt lists no export file");
      return kExitOk;
    }
    const std::int64_t newest_slot = newest.back().slot;
    std::vector<RemoteFile> todo;
    if (last && *last >= newest_slot) return kExitOk;
    if (last && SlotSeconds(newest_slot) - SlotSeconds(*last) == 900) {
      todo = newest;
    } else {
      // Behind by more than one slot (downtime, or the first run): catch up from the master list.
      std::int64_t after = 0;
      if (last) {
        after = *last;
      } else if (!args_.since.empty()) {
        auto day = ParseDate(args_.since);
        if (!day) ThrowUsage(fmt::format("--since '{}': not a date (YYYY-MM-DD)", args_.since));
        int y = 0, m = 0, d = 0;
        YmdFromDay(*day, &y, &m, &d);
        after = (static_cast<std::int64_t>(y) * 10000 + m * 100 + d) * 1000000 - 1;
      } else if (std::int64_t held = NewestSlotHeld(); held > 0) {
        after = held;  // a store made by fetch or ingest: go on from its newest news slot
      } else {
        after = newest_slot - 1;  // from now on
      }
      for (RemoteFile& f : FetchFileList(GdeltFamily::kGdelt2, args_.download.base_url, mirror_))
        if (f.slot > after && f.slot <= newest_slot) todo.push_back(std::move(f));
    }
    return Process(todo, last);
  }

  const std::string& store_path() const { return args_.flags.index.series.store; }

 private:
  // The newest GDELT 2.0 slot (DATEADDED) among the store's files, 0 when none.
  std::int64_t NewestSlotHeld() {
    std::int64_t newest = 0;
    for (const IngestedFile& f : store_.Files())
      if (f.format == "gdelt2") newest = std::max(newest, f.max_added);
    return newest;
  }

  void Note(const std::string& text) const {
    if (!args_.quiet) std::fprintf(stderr, "%s\n", TerminalLines(text).c_str());
  }

  // Fetches the files (in parallel) and ingests them in slot order; stops at the first file that
  // fails, so no slot is skipped (the next poll tries it again).
  int Process(const std::vector<RemoteFile>& files, std::optional<std::int64_t> last) {
    std::vector<FetchOutcome> outcomes(files.size());
    FetchToMirror(files, mirror_, [&](const FetchOutcome& o) { outcomes[o.index] = o; });
    int added = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
      const RemoteFile& f = files[i];
      if (outcomes[i].status == FetchStatus::kFailed) {
        std::fprintf(stderr,
                     "triad: error: %s: %s; follow stops before it and tries again at the "
                     "next poll\n",
                     TerminalText(f.url).c_str(), TerminalText(outcomes[i].error).c_str());
        return kExitError;
      }
      IngestOneResult r = IngestOneFile(store_, outcomes[i].path, aggregate_);
      if (r.status == IngestStatus::kFailed) {
        std::fprintf(stderr, "triad: error: %s (the store is unchanged for this file)\n",
                     TerminalLines(r.error).c_str());
        return kExitError;
      }
      if (r.status == IngestStatus::kAdded) ++added;
      // A period is complete when a slot of a later day arrives, or its day's last slot (23:45).
      std::optional<Day> completed;
      if (last && SlotDay(f.slot) > SlotDay(*last)) completed = SlotDay(*last);
      if (f.slot % 1000000 == 234500) completed = SlotDay(f.slot);
      const bool period_ends =
          completed && NextPeriodStart(PeriodStart(*completed, freq_), freq_) == *completed + 1;
      store_.SetMeta({{kLastSlotKey, std::to_string(f.slot)},
                      {kPendingKey, period_ends ? FormatDate(*completed) : ""}});
      last = f.slot;
      if (period_ends) Evaluate(*completed);
    }
    if (added > 0) store_.EnsureDyadIndex();
    if (!files.empty())
      Note(fmt::format("follow: {} new file{} through slot {}, {} added to {}", files.size(),
                       files.size() == 1 ? "" : "s", files.back().slot, added,
                       args_.flags.index.series.store));
    return kExitOk;
  }

  void Evaluate(Day period_end) {
    AlertMemory memory;
    if (auto v = store_.Meta(kMemoryKey))
      memory = AlertMemory::FromJson(nlohmann::json::parse(*v, nullptr, false));
    if (memory.asof && *memory.asof >= period_end) {  // evaluated already
      store_.SetMeta({{kPendingKey, ""}});
      return;
    }
    TriadQuery q = query_;
    q.periods.to = period_end;
    std::vector<TriadAlert> alerts;
    try {
      EventStore snapshot(args_.flags.index.series.store, /*create=*/false);
      TriadState state = BuildTriadState(snapshot, q);
      alerts = DetectAlerts(state, &memory);
    } catch (const Error& e) {
      Note(fmt::format("follow: no evaluation at {}: {}", FormatDate(period_end), e.what()));
      store_.SetMeta({{kPendingKey, ""}});
      return;
    }
    nlohmann::json pending = nlohmann::json::array();
    for (const TriadAlert& a : alerts) pending.push_back(a.ToJson());
    // Remembered and queued in one transaction, then delivered: a kill in between delivers at
    // the next start (at least once; each alert has a stable id).
    store_.SetMeta({{kMemoryKey, memory.ToJson().dump()},
                    {kUndeliveredKey, pending.dump()},
                    {kPendingKey, ""}});
    DeliverUndelivered();
  }

  void DeliverUndelivered() {
    auto v = store_.Meta(kUndeliveredKey);
    if (!v) return;
    nlohmann::json pending = nlohmann::json::parse(*v, nullptr, false);
    if (!pending.is_array() || pending.empty()) return;
    if (Deliver(args_, pending)) store_.SetMeta({{kUndeliveredKey, "[]"}});
  }

  const FollowArgs& args_;
  EventStore store_;
  TriadQuery query_;
  Frequency freq_ = kDefaultFrequency;
  MirrorOptions mirror_;
  AggregateOptions aggregate_;
};

volatile std::sig_atomic_t g_stop = 0;

int RunFollow(const FollowArgs& args) {
  const int every = EverySeconds(args.every);
  // An alert command that exits without reading its input must not end follow with SIGPIPE: the
  // write fails instead, and pclose reports the command's exit status.
  std::signal(SIGPIPE, SIG_IGN);
  Follower follower(args);
  if (args.once) return follower.Step();
  std::signal(SIGINT, [](int) { g_stop = 1; });
  std::signal(SIGTERM, [](int) { g_stop = 1; });
  while (!g_stop) {
    try {
      follower.Step();
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::kStore || e.kind() == ErrorKind::kUsage) throw;
      std::fprintf(stderr, "triad: error: %s (trying again in %d s)\n",
                   TerminalLines(e.what()).c_str(), every);
    }
    for (int s = 0; s < every && !g_stop; ++s) std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  return kExitOk;
}

const CommandRegistration kFollow(9, [](CLI::App& app, int& exit_code) {
  auto args = std::make_shared<FollowArgs>();
  CLI::App* cmd = app.add_subcommand(
      "follow", "Keep a store current with GDELT's 15-minute files and alert when the triad moves");
  args->flags.AddTo(cmd, DriverFlags::kNone);
  cmd->add_option("--every", args->every, "Poll interval: 90s, 15m, 1h")->capture_default_str();
  cmd->add_flag("--once", args->once, "Process what is new, then exit (for cron and tests)");
  cmd->add_option("--since", args->since,
                  "First news day to fetch when follow has not run on the store before (default: "
                  "after the newest GDELT 2.0 slot the store holds, or from the newest slot on)");
  cmd->add_option("--alerts", args->alerts_file,
                  "Append alerts here as JSON lines (default: standard output)");
  cmd->add_option("--alert-command", args->alert_command,
                  "Run this command (with /bin/sh) for each alert, the alert's JSON line on its "
                  "standard input");
  args->download.AddTo(cmd);
  cmd->add_flag("-q,--quiet", args->quiet, "Print only alerts and errors");
  cmd->footer(
      "Each poll reads lastupdate.txt; when more than one slot is new (downtime, or the first "
      "run),\n"
      "it catches up from masterfilelist.txt. Files are verified and ingested in slot order; the\n"
      "last slot processed is kept in the store, so a restart resumes and a kill loses and "
      "doubles\n"
      "nothing. At each completed period (--freq, default week) the triad is evaluated as status\n"
      "would at that date, and alerts are raised when the persistent triangle structure changes,\n"
      "a dyad's momentum interval excludes zero with a new sign, or the period's index falls\n"
      "outside its one-step-ahead 90% forecast band. Alerts are JSON lines with an id and the\n"
      "evidence, delivered at least once.\n\n"
      "Examples:\n"
      "  triad follow --store gdelt.db --since 2025-01-01 --freq day --alerts alerts.jsonl\n"
      "  triad follow --store gdelt.db --once --alert-command 'mail -s triad me@example.org'");
  cmd->callback([args, &exit_code] { exit_code = RunFollow(*args); });
});

}  // namespace
}  // namespace triad::cli
