#pragma once
// One file into the store, as `ingest` adds it: skipped when the same path, size and time were
// ingested before, aggregated against the events already stored (none counted twice), added in
// one transaction. fetch --ingest and follow add each file as it arrives with this.
#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "aggregate/file_aggregator.hpp"
#include "store/event_store.hpp"

namespace triad::cli {

// A file's path made absolute, with its size and modification time (0 when it cannot be read).
FileOnDisk StatFile(const std::string& path);

enum class IngestStatus { kAdded, kUnchanged, kSameContent, kFailed };
std::string_view IngestStatusName(IngestStatus status);  // "added", "unchanged", ...

struct IngestOneResult {
  IngestStatus status = IngestStatus::kFailed;
  IngestedFile file;       // the new entry, or the stored one with the same path or content
  std::int64_t cells = 0;  // cells of the file (added)
  std::uint64_t content_bytes = 0;  // bytes of rows read (added)
  double commit_seconds = 0;        // the store transaction alone
  std::optional<RejectedRow> first_reject;
  std::string error;  // kFailed: the error message; kAdded: the first rejected row, if any
};

// A file on its way into the store: already ingested (unchanged), or being aggregated on its own
// thread against the events stored when it started (AddFile aggregates it again when a file
// committed meanwhile shares events with it), or to be aggregated when finished.
struct PendingIngest {
  std::string path;
  FileOnDisk disk;
  std::optional<IngestedFile> unchanged;  // the same path, size and time were ingested before
  std::int64_t keys_mark = 0;             // EventStore::KeysMark() before its snapshot
  std::future<std::pair<FileAggregate, double>> aggregate;  // and its seconds; invalid: not started

  PendingIngest() = default;
  PendingIngest(PendingIngest&&) = default;
  PendingIngest& operator=(PendingIngest&&) = default;
  // Waits for an aggregation still running (a run that stops early): none outlives its caller.
  ~PendingIngest() {
    if (aggregate.valid()) aggregate.wait();
  }
};

// The events stored as of one moment, for aggregations on other threads: the keys mark and a
// snapshot of each id family's events (EventStore::KeysMark, SeenEventsOf). It must be taken
// outside a write transaction (a CommitBatch): its keys are decoded through a connection of their
// own, which sees committed chunks only.
struct StoredEvents {
  std::int64_t keys_mark = 0;
  std::shared_ptr<const std::map<IdFamily, std::unique_ptr<SeenEvents>>> seen;
};
StoredEvents SnapshotStoredEvents(EventStore& store);

// Several files added in one write transaction (group commit): a run of small files (GDELT's
// 15-minute zips) then pays for one commit, and one write of the pages the files share, per batch
// instead of per file. Each file is still all-or-nothing (a savepoint: a bad file leaves the
// others of its batch), and Commit makes all of the batch durable at once; a process killed
// before that loses the batch's files only, which a rerun ingests (none of them is in the store).
class CommitBatch {
 public:
  explicit CommitBatch(EventStore& store) : store_(store) {}
  bool open() const { return txn_.has_value(); }
  // BEGIN IMMEDIATE: other writers wait until Commit. The stored events (Stored) are taken first
  // when they are not yet.
  void Begin();
  // The events stored before the batch began, for the files aggregated ahead into it: taken when
  // first asked (outside the batch: see StoredEvents), dropped by Commit. AddFile catches the
  // events the batch's own files store meanwhile (the keys mark).
  const StoredEvents& Stored();
  // No-op when not open. When the store cannot be written (a full disk), the error names the
  // batch's files, none of which is stored, and says how to go on.
  void Commit();
  int files() const { return files_; }            // files added since Begin
  std::uint64_t bytes() const { return bytes_; }  // their content bytes
  void FileAdded(const std::string& path, std::uint64_t content_bytes) {
    ++files_;
    bytes_ += content_bytes;
    (first_path_.empty() ? first_path_ : last_path_) = path;
  }
  double Seconds() const;  // since Begin
  // The batch holds enough to commit: kBatchSeconds since Begin, kBatchFiles or kBatchBytes.
  bool Full() const {
    return Seconds() >= kBatchSeconds || files_ >= kBatchFiles || bytes_ >= kBatchBytes;
  }
  // A batch ends with the files finished within this many seconds, at most this many files and
  // about this many bytes of rows (a few hundred 15-minute files or a dozen larger ones): a
  // kill -9 loses at most that much work, which a rerun does again, and the files of a long run
  // become visible to readers as they go.
  static constexpr double kBatchSeconds = 0.5;
  static constexpr int kBatchFiles = 256;
  static constexpr std::uint64_t kBatchBytes = 24 << 20;

 private:
  EventStore& store_;
  std::optional<Transaction> txn_;
  int files_ = 0;
  std::uint64_t bytes_ = 0;
  std::string first_path_, last_path_;  // the batch's first and last file added
  std::optional<StoredEvents> stored_;
  bool temp_in_memory_ = false;
  std::chrono::steady_clock::time_point begun_;
};

// Thrown by FinishIngest in a batch that holds files already when a file must be aggregated again
// (another writer, or a file earlier in the batch, stored some of its events): the stored keys
// are decoded through a connection that cannot see the batch before it commits. Commit the batch,
// then FinishIngest the same file again outside it.
struct BatchMustCommitFirst {};

// With `check_unchanged`, a file ingested before under the same path, size and time is not read.
// With `ahead`, aggregation starts now on a thread of its own (one thread: options.threads and
// progress are ignored) against `stored` (taken now when null); std::system_error when no thread
// can be started.
PendingIngest StartIngest(EventStore& store, const std::string& path,
                          const AggregateOptions& options, bool check_unchanged, bool ahead,
                          const StoredEvents* stored = nullptr);

// Adds a started (or not yet aggregated) file; as IngestOneFile. `reaggregating` is called
// before a file is read again because another writer committed some of its events meanwhile.
// With an open `batch`, the file is added within it (see CommitBatch, BatchMustCommitFirst).
IngestOneResult FinishIngest(EventStore& store, PendingIngest& pending,
                             const AggregateOptions& options,
                             const std::function<void()>& reaggregating = {},
                             CommitBatch* batch = nullptr);

// FinishIngest in a run that commits the files it aggregated ahead together (group commit): a
// file aggregated ahead goes into `batch`, begun here when closed; a file that must be read again
// first (BatchMustCommitFirst) goes, after `commit_batch` (which commits the batch), in a
// transaction of its own.
IngestOneResult FinishInBatch(EventStore& store, PendingIngest& pending,
                              const AggregateOptions& options, CommitBatch& batch,
                              const std::function<void()>& commit_batch,
                              const std::function<void()>& reaggregating = {});

// Never throws for a bad file (kFailed with the error; the store is unchanged for it); a store
// that cannot be written still throws.
IngestOneResult IngestOneFile(EventStore& store, const std::string& path,
                              const AggregateOptions& options);

}  // namespace triad::cli
