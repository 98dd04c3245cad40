#include "measures/var_csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include "common/date.hpp"
#include "common/error.hpp"
#include "reading/csv_table.hpp"

namespace triad {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The day `months` calendar months after `first`, its day of the month kept where the month is
// long enough (31 January + 1 month = 29 February in 2024), so that month-end rows stay regular.
Day AddMonths(Day first, int months) {
  int year = 0, month = 0, dom = 0;
  YmdFromDay(first, &year, &month, &dom);
  const int index = year * 12 + (month - 1) + months;
  const int y = index / 12, m = index % 12 + 1;
  for (int d = dom; d >= 28; --d)
    if (const std::optional<Day> day = DayFromYmd(y, m, d)) return *day;
  return *DayFromYmd(y, m, std::min(dom, 28));
}

// The regular step of a dated series: a number of days (day, week) or of months (month, year).
struct DateStep {
  int days = 0;
  int months = 0;
  std::string_view unit;  // "day", "week", "month", "year"

  Day After(Day first, int steps) const {
    return months > 0 ? AddMonths(first, months * steps) : first + days * steps;
  }
};

// When the label column holds dates (it is named "date", or its first label is one), checks
// that every row is one regular step after the previous: a VAR regresses each period on the one
// before, so a duplicated, unsorted or missing period would silently be modelled as adjacent.
void CheckPeriodDates(const CsvTable& table) {
  const std::vector<CsvRow>& rows = table.rows();
  if (rows.empty()) return;
  if (Lower(table.header()[0]) != "date" && !ParseDate(rows[0].fields[0]))
    return;  // the labels are plain text (1, 2, ... or 1990Q1): kept for reports only

  std::vector<Day> days;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string& text = rows[i].fields[0];
    const std::optional<Day> day = ParseDate(text);
    if (!day)
      ThrowInput(table.Where(rows[i], 0),
                 fmt::format("'{}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY), but the first "
                             "column holds dates",
                             text));
    if (!days.empty() && *day == days.back())
      ThrowInput(table.Where(rows[i], 0),
                 fmt::format("date {} again (also on line {}): one row per period", text,
                             rows[i - 1].line));
    if (!days.empty() && *day < days.back())
      ThrowInput(table.Where(rows[i], 0),
                 fmt::format("dates must increase: {} follows {} (line {}); sort the rows by date",
                             text, rows[i - 1].fields[0], rows[i - 1].line));
    days.push_back(*day);
  }
  if (days.size() < 2) return;

  // The regular step is the smallest one between consecutive rows; any other step is a gap.
  std::size_t smallest = 1;
  for (std::size_t i = 2; i < days.size(); ++i)
    if (days[i] - days[i - 1] < days[smallest] - days[smallest - 1]) smallest = i;
  const int gap = days[smallest] - days[smallest - 1];
  DateStep step;
  if (gap == 1) {
    step = {1, 0, "day"};
  } else if (gap == 7) {
    step = {7, 0, "week"};
  } else if (gap >= 28 && gap <= 31 && AddMonths(days[smallest - 1], 1) == days[smallest]) {
    step = {0, 1, "month"};
  } else if ((gap == 365 || gap == 366) && AddMonths(days[smallest - 1], 12) == days[smallest]) {
    step = {0, 12, "year"};
  } else {
    ThrowInput(table.Where(rows[smallest], 0),
               fmt::format("{} is {} days after {}: the rows of a VAR must be one day, week, "
                           "month or year apart",
                           rows[smallest].fields[0], gap, rows[smallest - 1].fields[0]));
  }
  for (std::size_t i = 1; i < days.size(); ++i) {
    const Day expected = step.After(days[0], static_cast<int>(i));
    if (days[i] != expected)
      ThrowInput(table.Where(rows[i], 0),
                 fmt::format("gap in the dates: expected {} (one {} after {} on line {}), found "
                             "{}; a VAR needs every period: add the missing rows or cut the "
                             "series",
                             FormatDate(expected), step.unit, rows[i - 1].fields[0],
                             rows[i - 1].line, rows[i].fields[0]));
  }
}

}  // namespace

VarData ReadVarCsv(const std::string& path, const std::vector<std::string>& columns,
                   const std::vector<std::string>& exog_columns) {
  const CsvTable table = CsvTable::Read(path);
  const std::vector<std::string>& header = table.header();
  if (header.size() < 2)
    ThrowInput(Location{path, table.header_line(), ""},
               "expected a header row: a label column, then at least one numeric column");

  auto column_index = [&](const std::string& name) {
    const int index = table.ColumnIndex(name);
    if (index < 1)
      ThrowUsage(
          fmt::format("{}: no column '{}' (numeric columns: {})", path, name, table.ColumnList(1)));
    return index;
  };
  VarData data;
  std::vector<int> endog_index, exog_index;
  for (const auto& name : exog_columns) {
    exog_index.push_back(column_index(name));
    data.exog_names.push_back(name);
  }
  if (columns.empty()) {
    for (std::size_t i = 1; i < header.size(); ++i) {
      if (std::find(exog_columns.begin(), exog_columns.end(), header[i]) != exog_columns.end())
        continue;
      endog_index.push_back(static_cast<int>(i));
      data.names.push_back(header[i]);
    }
  } else {
    for (const auto& name : columns) {
      if (std::find(exog_columns.begin(), exog_columns.end(), name) != exog_columns.end())
        ThrowUsage(fmt::format("column '{}' is both endogenous and exogenous", name));
      endog_index.push_back(column_index(name));
      data.names.push_back(name);
    }
  }

  const std::vector<CsvRow>& rows = table.rows();
  if (rows.empty())
    ThrowInput(Location{path, table.header_line(), ""}, "no data rows after the header");
  CheckPeriodDates(table);
  const auto t = static_cast<Eigen::Index>(rows.size());
  const auto k = static_cast<Eigen::Index>(endog_index.size());
  const auto m = static_cast<Eigen::Index>(exog_index.size());
  data.values.resize(t, k);
  data.exog.resize(t, m);
  for (Eigen::Index r = 0; r < t; ++r) {
    const CsvRow& row = rows[static_cast<std::size_t>(r)];
    auto number = [&](int index) {
      const std::string& text = row.fields[static_cast<std::size_t>(index)];
      if (text.empty())
        ThrowInput(table.Where(row, index),
                   "empty cell: a VAR needs a value in every period; fill the gap or cut the "
                   "series before it");
      double value = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        ThrowInput(table.Where(row, index), fmt::format("'{}' is not a finite number", text));
      return value;
    };
    data.labels.push_back(row.fields[0]);
    for (Eigen::Index c = 0; c < k; ++c) data.values(r, c) = number(endog_index[c]);
    for (Eigen::Index c = 0; c < m; ++c) data.exog(r, c) = number(exog_index[c]);
  }
  return data;
}

}  // namespace triad
