#pragma once
// Reads the input of `triad var`: a comma-separated file with a header row, a first column of
// row labels (dates or anything else, kept as text) and numeric columns. Every selected cell
// must hold a finite number: a VAR cannot skip a missing period, so an empty or non-numeric
// cell is an input error naming the file, line and column.
#include <string>
#include <vector>

#include "measures/var_model.hpp"

namespace triad {

// `columns`: endogenous series by header name, in model order; empty means every numeric column
// that is not in `exog_columns`. `exog_columns`: exogenous series (may be empty).
VarData ReadVarCsv(const std::string& path, const std::vector<std::string>& columns,
                   const std::vector<std::string>& exog_columns);

}  // namespace triad
