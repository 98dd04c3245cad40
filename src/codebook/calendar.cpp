#include "codebook/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "codebook/countries.hpp"
#include "codebook/embedded_tables.hpp"
#include "codebook/table_text.hpp"
#include "common/error.hpp"
#include "common/nearest_name.hpp"

namespace triad {
namespace {

const std::vector<std::string_view> kColumns = {"kind", "id",      "name",  "start",
                                                "end",  "country", "source"};

}  // namespace

const WindowCalendar& WindowCalendar::Default() {
  static const WindowCalendar calendar =
      FromCsvText(embedded::CalendarCsv(), "data/codebook/calendar.csv");
  return calendar;
}

WindowCalendar WindowCalendar::FromCsvText(std::string_view text, const std::string& origin) {
  WindowCalendar calendar;
  std::set<std::string> ids;
  codebook::ForEachCsvRecord(
      text, origin, kColumns, [&](std::int64_t line, const std::vector<std::string>& fields) {
        auto fail = [&](std::string_view field, const std::string& message) {
          ThrowInput({origin, line, std::string(field)}, message);
        };
        CalendarWindow w;
        w.kind = fields[0];
        w.id = fields[1];
        w.name = fields[2];
        if (w.kind.empty()) fail("kind", "empty");
        if (w.id.empty() || !ids.insert(w.id).second)
          fail("id", fmt::format("'{}' is empty or repeated (ids are unique)", w.id));
        auto start = fields[3].size() == 10 ? ParseDate(fields[3]) : std::nullopt;
        if (!start) fail("start", fmt::format("'{}' is not a date YYYY-MM-DD", fields[3]));
        auto end = fields[4].size() == 10 ? ParseDate(fields[4]) : std::nullopt;
        if (!end) fail("end", fmt::format("'{}' is not a date YYYY-MM-DD", fields[4]));
        if (*end < *start) fail("end", fmt::format("{} is before start {}", fields[4], fields[3]));
        w.start = *start;
        w.end = *end;
        w.country = fields[5];
        if (!w.country.empty() && !CountryTable::Default().NameForCode(w.country))
          fail("country", fmt::format("'{}' is not a CAMEO country code", w.country));
        w.source = fields[6];
        if (w.source.empty()) fail("source", "every date needs its source");
        calendar.windows_.push_back(std::move(w));
      });
  std::stable_sort(calendar.windows_.begin(), calendar.windows_.end(),
                   [](const CalendarWindow& a, const CalendarWindow& b) {
                     return a.start != b.start ? a.start < b.start : a.id < b.id;
                   });
  return calendar;
}

std::vector<std::string> WindowCalendar::Kinds() const {
  std::vector<std::string> kinds;
  for (const auto& w : windows_)
    if (std::find(kinds.begin(), kinds.end(), w.kind) == kinds.end()) kinds.push_back(w.kind);
  return kinds;
}

const CalendarWindow& WindowCalendar::Find(std::string_view id) const {
  for (const auto& w : windows_)
    if (w.id == id) return w;
  std::vector<std::string> ids;
  for (const auto& w : windows_) ids.push_back(w.id);
  const auto near = NearestName(std::string(id), ids);
  ThrowUsage(fmt::format("'{}' is not a window of the calendar{} (`triad calendar` lists them)", id,
                         near ? fmt::format("; did you mean '{}'?", *near) : ""));
}

const std::string& WindowCalendar::FindKind(std::string_view kind) const {
  const std::string lower = codebook::AsciiLower(kind);
  for (const auto& w : windows_)
    if (codebook::AsciiLower(w.kind) == lower) return w.kind;
  const std::vector<std::string> kinds = Kinds();
  std::string list;
  for (const auto& k : kinds) list += (list.empty() ? "" : ", ") + k;
  const auto near = NearestName(std::string(kind), kinds);
  ThrowUsage(fmt::format("'{}' is not a kind of window{}; the calendar has: {}", kind,
                         near ? fmt::format(" (did you mean '{}'?)", *near) : "", list));
}

std::vector<CalendarWindow> WindowCalendar::Between(Day from, Day to, std::string_view kind) const {
  std::vector<CalendarWindow> out;
  for (const auto& w : windows_)
    if (w.end >= from && w.start <= to && (kind.empty() || w.kind == kind)) out.push_back(w);
  return out;
}

}  // namespace triad
