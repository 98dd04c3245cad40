#include "series/dated_column.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "common/error.hpp"
#include "reading/csv_table.hpp"

namespace triad {

Frequency InferFrequency(const std::vector<Day>& days, const std::string& file) {
  Day gap = 0;
  for (std::size_t i = 1; i < days.size(); ++i) {
    const Day d = days[i] - days[i - 1];
    if (d > 0 && (gap == 0 || d < gap)) gap = d;
  }
  if (gap == 1) return Frequency::kDay;
  if (gap == 7) return Frequency::kWeek;
  if (gap >= 28 && gap <= 31) return Frequency::kMonth;
  ThrowUsage(
      fmt::format("{}: cannot tell the frequency from dates {} days apart; give --freq "
                  "day|week|month",
                  file, gap));
}

PeriodSeries ReadDatedColumn(const std::string& file, const std::string& column,
                             std::optional<Frequency> frequency) {
  const CsvTable table = CsvTable::Read(file);
  const std::vector<std::string>& header = table.header();
  if (header.size() < 2) {
    ThrowInput({file, table.header_line(), ""},
               "the header needs a date column and at least one value column");
  }
  const int index = table.ColumnIndex(column);
  if (index < 1) {
    ThrowInput({file, table.header_line(), column},
               fmt::format("no column '{}'; the columns after the date are: {}", column,
                           table.ColumnList(1)));
  }

  std::vector<Day> days;
  std::vector<double> values;
  std::vector<std::int64_t> line_numbers;  // of each data row, for errors
  for (const CsvRow& row : table.rows()) {
    const std::string& date = row.fields[0];
    const std::optional<Day> day = ParseDate(date);
    if (!day) {
      ThrowInput(table.Where(row, 0), fmt::format("'{}' is not a date (YYYY-MM-DD)", date));
    }
    const std::string& cell = row.fields[static_cast<std::size_t>(index)];
    double value = std::nan("");
    if (!cell.empty()) {
      const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
      if (error != std::errc() || end != cell.data() + cell.size() || !std::isfinite(value)) {
        ThrowInput(
            table.Where(row, index),
            fmt::format("'{}' is not a number (leave the cell empty for a missing value)", cell));
      }
    }
    if (!days.empty() && *day <= days.back()) {
      ThrowInput(table.Where(row, 0), fmt::format("dates must increase; {} follows {}",
                                                  FormatDate(*day), FormatDate(days.back())));
    }
    days.push_back(*day);
    values.push_back(value);
    line_numbers.push_back(row.line);
  }
  if (days.empty()) ThrowInput({file, table.header_line() + 1, ""}, "no data rows");

  PeriodSeries series;
  series.frequency = frequency ? *frequency : InferFrequency(days, file);
  series.rows = static_cast<int>(days.size());
  for (std::size_t i = 0; i < days.size(); ++i) {
    const Day period = PeriodStart(days[i], series.frequency);
    if (!series.periods.empty()) {
      if (period == series.periods.back()) {
        ThrowInput({file, line_numbers[i], header[0]},
                   fmt::format("two rows in the {} starting {}; aggregate first or choose a "
                               "finer --freq",
                               FrequencyName(series.frequency), FormatDate(period)));
      }
      for (Day p = NextPeriodStart(series.periods.back(), series.frequency); p < period;
           p = NextPeriodStart(p, series.frequency)) {
        series.periods.push_back(p);
        series.values.push_back(std::nan(""));
        ++series.absent_rows;
      }
    }
    series.periods.push_back(period);
    series.values.push_back(values[i]);
  }
  return series;
}

}  // namespace triad
