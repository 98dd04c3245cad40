#pragma once
// Turns the store's triad series (series/model_series.hpp) into VAR data, for `explain` and for
// scenarios whose [model] is fitted from the store.
#include "measures/var_model.hpp"
#include "series/model_series.hpp"

namespace triad::cli {

VarData ToVarData(const ModelSeries& series);

}  // namespace triad::cli
