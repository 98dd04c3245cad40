#pragma once
// Aggregates one event file into dyad-day cells: streams its bytes in blocks, parses the blocks
// on all cores, and adds each accepted event to a thread-local CellTable. Memory is bounded by
// the number of cells and a few blocks, not by the file's size (plus 8 bytes per accepted event
// for the key list that keeps events from being counted twice).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/file_cells.hpp"
#include "aggregate/news_slots.hpp"
#include "reading/event_record.hpp"

namespace triad {

// Events already in the store, by key within one id family. Must be thread-safe.
class SeenEvents {
 public:
  virtual ~SeenEvents() = default;
  virtual bool Contains(std::int64_t key) const = 0;
};

struct RejectedRow {
  std::int64_t line = 0;  // 1-based line number in the (decompressed) file
  std::string field;      // column at fault; empty for the whole row
  std::string reason;
  std::string raw;  // the line as read, so nothing is lost
};

// Rejected rows are counted by reason (field and reason text); only the first
// kKeptRejectsPerReason rows of each reason, and kKeptRejectsPerFile rows in all, are kept with
// their raw text, so that a file of bad rows costs neither memory nor store space in proportion
// to its size. At most kRejectReasonsPerFile reasons are told apart per file (a reason can name
// the bad value); further ones are counted together under kOtherRejectReasons.
inline constexpr std::size_t kKeptRejectsPerReason = 100;
inline constexpr std::size_t kKeptRejectsPerFile = 1000;
inline constexpr std::size_t kRejectReasonsPerFile = 100;
inline constexpr const char* kOtherRejectReasons = "other reasons (too many different ones)";
// A file with at least kMostlyRejectedMinRows rows of which more than half are rejected is not
// the format it was read as (a wrong --input-format, or another kind of file): it fails as a
// whole, naming its first bad line, and nothing of it is stored.
inline constexpr std::int64_t kMostlyRejectedMinRows = 1000;

struct RejectCount {
  std::string field;  // empty for the whole row
  std::string reason;
  std::int64_t rows = 0;
};

struct FileAggregate {
  EventFormat format = EventFormat::kGdelt2;
  std::string member_name;          // zip member or file name
  std::string content_hash;         // XXH3-128 of the decompressed bytes, 32 hex digits
  std::uint64_t content_bytes = 0;  // decompressed size
  std::int64_t rows_read = 0;       // data rows (header excluded, empty lines not counted)
  std::int64_t rows_accepted = 0;   // rows stored in cells
  std::int64_t rows_without_dyad = 0;
  std::int64_t rows_rejected = 0;
  std::int64_t rows_duplicate = 0;  // events already in the store or earlier in this file
  std::int64_t rows_stale = 0;      // old events reported again (max_report_lag_days), not stored
  int max_report_lag_days = kDefaultMaxReportLagDays;  // as aggregated (< 0: no limit)
  std::int64_t min_key = 0, max_key = 0;               // over accepted events
  Day min_day = 0, max_day = 0;                        // over accepted events
  std::int64_t min_added = 0, max_added = 0;           // DATEADDED over accepted GDELT events
  std::vector<DaySlots> news_slots;  // when the accepted rows' news was published (news_slots.hpp)
  FileCells cells;                   // in key order
  std::vector<RejectedRow> rejects;  // the kept rejected rows, in line order
  std::vector<RejectCount> reject_counts;  // every rejected row, by reason, in order of first
  std::vector<std::int64_t> keys;          // accepted event keys, sorted, unique
};

struct AggregateOptions {
  std::optional<EventFormat> format;  // forced format; detected per file when empty
  int threads = 0;                    // 0 = all cores
  bool strict = false;                // throw at the first rejected row
  // Rows of events dated more than this before their news (DATEADDED) are counted in
  // rows_stale and not stored; < 0 keeps them all.
  int max_report_lag_days = kDefaultMaxReportLagDays;
  // Bytes a parsing worker takes at a time. Small enough that the few blocks in flight stay in
  // cache and cost little fresh memory (page faults are dear in virtual machines).
  std::size_t block_bytes = 2 << 20;
  // Called from the reading thread with decompressed bytes read so far.
  std::function<void(std::uint64_t bytes)> progress;
};

// The events already stored for the id family of a format (nullptr: none), asked once the
// file's format is known.
using SeenEventsProvider = std::function<const SeenEvents*(EventFormat format)>;

// Throws triad::Error naming the file if it cannot be read, is binary, is a corrupt archive, has
// no recognisable format, is mostly rejected rows (kMostlyRejectedMinRows), or (with strict) at
// the first bad row with its line and field.
FileAggregate AggregateFile(const std::string& path, const SeenEventsProvider& seen,
                            const AggregateOptions& options);

}  // namespace triad
