#pragma once
// One file into the store, as `ingest` adds it: skipped when the same path, size and time were
// ingested before, aggregated against the events already stored (none counted twice), added in
// one transaction. fetch --ingest and follow add each file as it arrives with this.
#include <functional>
#include <future>
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
};

// With `check_unchanged`, a file ingested before under the same path, size and time is not read.
// With `ahead`, aggregation starts now on a thread of its own (one thread: options.threads and
// progress are ignored); std::system_error when no thread can be started.
PendingIngest StartIngest(EventStore& store, const std::string& path,
                          const AggregateOptions& options, bool check_unchanged, bool ahead);

// Adds a started (or not yet aggregated) file; as IngestOneFile. `reaggregating` is called
// before a file is read again because another writer committed some of its events meanwhile.
IngestOneResult FinishIngest(EventStore& store, PendingIngest& pending,
                             const AggregateOptions& options,
                             const std::function<void()>& reaggregating = {});

// Never throws for a bad file (kFailed with the error; the store is unchanged for it); a store
// that cannot be written still throws.
IngestOneResult IngestOneFile(EventStore& store, const std::string& path,
                              const AggregateOptions& options);

}  // namespace triad::cli
