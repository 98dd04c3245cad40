#include "reading/row_parser.hpp"

#include <fmt/format.h>

#include <cstring>

#include "common/error.hpp"
#include "reading/gdelt_row.hpp"
#include "reading/icews_row.hpp"
#include "reading/tab_fields.hpp"

namespace triad {

EventFormat DetectFormat(std::string_view line, const std::string& path) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  TabFields f;
  SplitTabs(line, &f);
  // An ICEWS file starts with a header naming its columns, in any order.
  bool event_id = false, event_date = false;
  for (int i = 0; i < std::min(f.count, kMaxFields); ++i) {
    event_id |= f.Field(line, i) == "Event ID";
    event_date |= f.Field(line, i) == "Event Date";
  }
  if (event_id && event_date) return EventFormat::kIcews;
  if (f.count == 61) return EventFormat::kGdelt2;
  if (f.count == 57 || f.count == 58) return EventFormat::kGdelt1;
  std::string hint;
  if (f.count == 1 && line.find(',') != std::string_view::npos)
    hint = " It looks comma-separated: GDELT and ICEWS files are tab-separated.";
  ThrowInput(Location{path, 1, ""},
             fmt::format("unrecognised event format: the first line has {} tab-separated columns; "
                         "expected 57 or 58 (GDELT 1.0), 61 (GDELT 2.0 export) or an ICEWS header "
                         "naming 'Event ID' and 'Event Date'.{} Use --input-format to force one.",
                         f.count, hint));
}

RowOutcome RowParser::ParseNext(const char* begin, const char* end, std::string_view* line,
                                EventRecord* record, RowProblem* problem) const {
  const char* nl =
      static_cast<const char*>(std::memchr(begin, '\n', static_cast<std::size_t>(end - begin)));
  *line = std::string_view(begin, static_cast<std::size_t>((nl ? nl : end) - begin));
  return Parse(*line, record, problem);
}

bool HasHeader(EventFormat format) {
  return format == EventFormat::kIcews;
}

EventFormat ParseEventFormat(std::string_view name) {
  if (name == "gdelt1") return EventFormat::kGdelt1;
  if (name == "gdelt2") return EventFormat::kGdelt2;
  if (name == "icews") return EventFormat::kIcews;
  ThrowUsage(fmt::format("unknown format '{}': use gdelt1, gdelt2 or icews", name));
}

std::unique_ptr<RowParser> MakeRowParser(EventFormat format, std::string_view header,
                                         const std::string& path) {
  if (format == EventFormat::kIcews) return std::make_unique<IcewsRowParser>(header, path);
  return std::make_unique<GdeltRowParser>(format);
}

}  // namespace triad
