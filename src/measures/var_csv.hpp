#pragma once
// Reads the input of `triad var` (and `backtest`) with the project's CSV reader
// (reading/csv_table.hpp): a header row, a first column of row labels and numeric columns.
// Every selected cell must hold a finite number: a VAR cannot skip a missing period, so an empty
// or non-numeric cell is an input error naming the file, line and column.
// When the labels are dates (the first column is named "date" or its first label parses as one:
// YYYY-MM-DD, YYYYMMDD, YYYY-MM, YYYY), every row must be one regular step after the previous
// (a day, a week, a month or a year, the smallest step between rows): a duplicated, unsorted or
// missing date is an input error naming the line and the expected date. Other labels are kept as
// text, unchecked.
#include <string>
#include <vector>

#include "measures/var_model.hpp"

namespace triad {

// `columns`: endogenous series by header name, in model order; empty means every numeric column
// that is not in `exog_columns`. `exog_columns`: exogenous series (may be empty).
VarData ReadVarCsv(const std::string& path, const std::vector<std::string>& columns,
                   const std::vector<std::string>& exog_columns);

}  // namespace triad
