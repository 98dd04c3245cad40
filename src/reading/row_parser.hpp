#pragma once
// Row parsers for each event format. A parser turns one line (without its line end) into an
// EventRecord, or says why it cannot: a row without a dyad (an actor country missing, or both
// the same) is counted, not stored; a malformed row is rejected with the field at fault.
#include <memory>
#include <string>
#include <string_view>

#include "reading/event_record.hpp"

namespace triad {

enum class RowOutcome { kAccepted, kNoDyad, kRejected };

class RowParser {
 public:
  virtual ~RowParser() = default;
  // Thread-safe (parsers hold no mutable state).
  virtual RowOutcome Parse(std::string_view line, EventRecord* record,
                           RowProblem* problem) const = 0;
  // Finds the line starting at `begin` (ending at '\n' or `end`), sets *line to it and parses
  // it; splitting and finding the line end are one pass where the parser supports it.
  virtual RowOutcome ParseNext(const char* begin, const char* end, std::string_view* line,
                               EventRecord* record, RowProblem* problem) const;
};

// Detects the format of an event file from its first line (GDELT files have no header; ICEWS
// Dataverse files do). Throws triad::Error naming the file when the line fits no format.
EventFormat DetectFormat(std::string_view first_line, const std::string& path);
// Whether files of this format start with a header line to skip.
bool HasHeader(EventFormat format);
// Parses "gdelt1", "gdelt2", "icews"; throws a usage error otherwise.
EventFormat ParseEventFormat(std::string_view name);

// `header` is the file's header line for formats that have one (ICEWS), empty otherwise. Throws
// triad::Error naming the file if the header lacks a column the parser needs.
std::unique_ptr<RowParser> MakeRowParser(EventFormat format, std::string_view header,
                                         const std::string& path);

}  // namespace triad
