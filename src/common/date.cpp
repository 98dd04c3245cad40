#include "common/date.hpp"

#include <fmt/format.h>

#include <charconv>
#include <chrono>

#include "common/error.hpp"

namespace triad {
namespace {

using namespace std::chrono;

bool ParseInt(std::string_view text, int* out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

std::optional<Day> DayFromYmd(int y, int m, int d) {
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<Day>(sys_days{ymd}.time_since_epoch().count());
}

void YmdFromDay(Day d, int* y, int* m, int* dom) {
  year_month_day ymd{sys_days{days{d}}};
  *y = static_cast<int>(ymd.year());
  *m = static_cast<int>(static_cast<unsigned>(ymd.month()));
  *dom = static_cast<int>(static_cast<unsigned>(ymd.day()));
}

std::optional<Day> ParseCompactDate(std::string_view text) {
  int y, m, d;
  if (text.size() != 8 || !ParseInt(text.substr(0, 4), &y) || !ParseInt(text.substr(4, 2), &m) ||
      !ParseInt(text.substr(6, 2), &d))
    return std::nullopt;
  return DayFromYmd(y, m, d);
}

std::optional<Day> ParseDate(std::string_view text) {
  int y, m = 1, d = 1;
  if (text.size() == 8) return ParseCompactDate(text);
  if (text.size() == 4 && ParseInt(text, &y)) return DayFromYmd(y, 1, 1);
  if ((text.size() == 7 || text.size() == 10) && text[4] == '-' &&
      ParseInt(text.substr(0, 4), &y) && ParseInt(text.substr(5, 2), &m)) {
    if (text.size() == 10 && (text[7] != '-' || !ParseInt(text.substr(8, 2), &d)))
      return std::nullopt;
    return DayFromYmd(y, m, d);
  }
  return std::nullopt;
}

std::string FormatDate(Day day) {
  int y, m, d;
  YmdFromDay(day, &y, &m, &d);
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
}

Day PeriodStart(Day day, Frequency freq) {
  int y, m, d;
  switch (freq) {
    case Frequency::kDay:
      return day;
    case Frequency::kWeek: {
      // 1970-01-01 was a Thursday; Monday-based weekday index is (day + 3) mod 7.
      int weekday = ((day + 3) % 7 + 7) % 7;
      return day - weekday;
    }
    case Frequency::kMonth:
      YmdFromDay(day, &y, &m, &d);
      return *DayFromYmd(y, m, 1);
    case Frequency::kYear:
      YmdFromDay(day, &y, &m, &d);
      return *DayFromYmd(y, 1, 1);
  }
  return day;
}

Day NextPeriodStart(Day start, Frequency freq) {
  int y, m, d;
  switch (freq) {
    case Frequency::kDay:
      return start + 1;
    case Frequency::kWeek:
      return start + 7;
    case Frequency::kMonth:
      YmdFromDay(start, &y, &m, &d);
      return m == 12 ? *DayFromYmd(y + 1, 1, 1) : *DayFromYmd(y, m + 1, 1);
    case Frequency::kYear:
      YmdFromDay(start, &y, &m, &d);
      return *DayFromYmd(y + 1, 1, 1);
  }
  return start + 1;
}

std::optional<Frequency> FrequencyFromName(std::string_view text) {
  for (Frequency f : {Frequency::kDay, Frequency::kWeek, Frequency::kMonth, Frequency::kYear})
    if (text == FrequencyName(f)) return f;
  return std::nullopt;
}

Frequency ParseFrequency(std::string_view text) {
  if (const auto f = FrequencyFromName(text)) return *f;
  ThrowUsage(fmt::format("unknown frequency '{}': use day, week, month or year", text));
}

std::string_view FrequencyName(Frequency freq) {
  switch (freq) {
    case Frequency::kDay:
      return "day";
    case Frequency::kWeek:
      return "week";
    case Frequency::kMonth:
      return "month";
    case Frequency::kYear:
      return "year";
  }
  return "day";
}

std::string_view FrequencyAdjective(Frequency freq) {
  switch (freq) {
    case Frequency::kDay:
      return "daily";
    case Frequency::kWeek:
      return "weekly";
    case Frequency::kMonth:
      return "monthly";
    case Frequency::kYear:
      return "yearly";
  }
  return "daily";
}

double AverageDays(Frequency freq) {
  switch (freq) {
    case Frequency::kDay:
      return 1.0;
    case Frequency::kWeek:
      return 7.0;
    case Frequency::kMonth:
      return 365.2425 / 12.0;
    case Frequency::kYear:
      return 365.2425;
  }
  return 1.0;
}

}  // namespace triad
