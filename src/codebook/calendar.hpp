#pragma once
// The calendar of windows: dated political events that move relations or their coverage
// (elections in the US, Japan, Taiwan and South Korea, LDP leadership elections, CCP congresses
// and plenums, APEC, G7, G20, BRICS, ASEAN and Quad summits), 2015-2028, from
// data/codebook/calendar.csv with the source of each date. Scenarios name a window by its id;
// event studies average a dyad's path around the windows of one kind; charts shade them.
#include <string>
#include <string_view>
#include <vector>

#include "common/date.hpp"

namespace triad {

struct CalendarWindow {
  std::string kind;        // "US presidential election", "G20 summit", ...
  std::string id;          // unique: "us-president-2024", "g20-2019"
  std::string name;        // "G20 leaders' summit 2019 (Osaka)"
  Day start = 0, end = 0;  // first and last day (equal for a one-day event)
  std::string country;     // CAMEO code of the country that votes or holds it; empty for summits
  std::string source;      // where the date comes from
};

class WindowCalendar {
 public:
  static const WindowCalendar& Default();
  // Parses `kind,id,name,start,end,country,source` (RFC 4180 quotes on one line); throws
  // triad::Error naming the origin, line and field on bad input (a bad date, end before start,
  // a repeated id, an unknown country code).
  static WindowCalendar FromCsvText(std::string_view text, const std::string& origin);

  const std::vector<CalendarWindow>& windows() const { return windows_; }  // by start, then id
  // The distinct kinds, in the order they first start.
  std::vector<std::string> Kinds() const;
  // The window with this id; a usage error with the nearest ids when there is none.
  const CalendarWindow& Find(std::string_view id) const;
  // The kind as the calendar spells it (case-insensitive match); a usage error listing the
  // kinds, with a suggestion, when there is none.
  const std::string& FindKind(std::string_view kind) const;
  // Windows of `kind` (every kind when empty) that overlap [from, to].
  std::vector<CalendarWindow> Between(Day from, Day to, std::string_view kind = {}) const;

 private:
  std::vector<CalendarWindow> windows_;
};

}  // namespace triad
