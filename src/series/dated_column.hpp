#pragma once
// One numeric column of a dated CSV file (a header, dates in the first column) on a regular
// calendar grid, for commands that model a single series (`triad momentum --input`). The file is
// read through reading/csv_table.hpp (RFC 4180); errors name the file, line and column.
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"

namespace triad {

// One value per period, consecutive periods; a period without a row, or with an empty cell, is
// missing (NaN).
struct PeriodSeries {
  std::vector<Day> periods;  // period start days
  std::vector<double> values;
  Frequency frequency = Frequency::kDay;
  int rows = 0;         // data rows read
  int absent_rows = 0;  // periods between the first and last row that had no row
};

// The frequency of dates 1 day, 7 days or about a month apart (the smallest gap between rows);
// usage error naming `file` otherwise.
Frequency InferFrequency(const std::vector<Day>& days, const std::string& file);

// Column `column` of `file`, one value per period of `frequency` (inferred from the dates when
// unset). Input errors: no such column, a date or number that does not parse, dates that do not
// increase, two rows in one period.
PeriodSeries ReadDatedColumn(const std::string& file, const std::string& column,
                             std::optional<Frequency> frequency);

}  // namespace triad
