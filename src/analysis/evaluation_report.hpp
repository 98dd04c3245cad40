#pragma once
// The report's forecast-skill section (outputs/report_model.hpp ForecastSkillReport) from a
// rolling-origin evaluation of the triad's series, the same numbers `triad evaluate` prints.
#include <string>

#include "analysis/evaluation_series.hpp"
#include "outputs/report_model.hpp"
#include "scenarios/forecast_evaluation.hpp"

namespace triad {

// `source` says what was evaluated ("CHN-USA-JPN, weekly"), for the summary line.
ForecastSkillReport ForecastSkillFor(const EvaluationResult& result, const std::string& source);

// Evaluates the query's series (the dyads, with the drivers when query.drivers) at horizons
// 1..horizon with the default origins, as `triad evaluate --store` does.
ForecastSkillReport EvaluateForReport(EventStore& store, const TriadQuery& query, int horizon);

}  // namespace triad
