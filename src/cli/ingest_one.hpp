#pragma once
// One file into the store, as `ingest` adds it: skipped when the same path, size and time were
// ingested before, aggregated against the events already stored (none counted twice), added in
// one transaction. fetch --ingest and follow add each file as it arrives with this.
#include <string>

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
  std::string error;       // kFailed: the error message; kAdded: the first rejected row, if any
};

// Never throws for a bad file (kFailed with the error; the store is unchanged for it); a store
// that cannot be written still throws.
IngestOneResult IngestOneFile(EventStore& store, const std::string& path,
                              const AggregateOptions& options);

}  // namespace triad::cli
