#pragma once
// Calendar days as integers: day 0 is 1970-01-01 (proleptic Gregorian, UTC), so differences
// are numbers of days. Periods (week, month, year) are identified by the day they start on:
// weeks start on Monday (ISO 8601), months and years on their first day.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace triad {

using Day = std::int32_t;

enum class Frequency { kDay, kWeek, kMonth, kYear };

std::optional<Day> DayFromYmd(int year, int month, int day);
// Parses YYYYMMDD (GDELT's SQLDATE); nullopt when not a real calendar date.
std::optional<Day> ParseCompactDate(std::string_view text);
// Parses YYYY-MM-DD, YYYYMMDD, YYYY-MM (first of month) or YYYY (1 January).
std::optional<Day> ParseDate(std::string_view text);
std::string FormatDate(Day day);  // YYYY-MM-DD
void YmdFromDay(Day day, int* year, int* month, int* dom);

Day PeriodStart(Day day, Frequency freq);
Day NextPeriodStart(Day period_start, Frequency freq);
// Parses "day", "week", "month", "year"; throws a usage error otherwise.
Frequency ParseFrequency(std::string_view text);
// The frequency named so by FrequencyName, or nullopt.
std::optional<Frequency> FrequencyFromName(std::string_view text);
std::string_view FrequencyName(Frequency freq);       // "day", "week", "month", "year"
std::string_view FrequencyAdjective(Frequency freq);  // "daily", "weekly", "monthly", "yearly"
// Days in one period of this frequency, on average (for per-30-day rates).
double AverageDays(Frequency freq);

}  // namespace triad
