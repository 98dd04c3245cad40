#pragma once
// The JSON form of a rolling-origin evaluation, for `triad evaluate --format json` and the report.
#include <nlohmann/json.hpp>

#include "scenarios/forecast_evaluation.hpp"

namespace triad {

nlohmann::json ToJson(const DieboldMarianoTest& test);
// With the kept forecasts (per origin, model, horizon and series: mean and sd) when there are any.
nlohmann::json ToJson(const EvaluationResult& result);

}  // namespace triad
