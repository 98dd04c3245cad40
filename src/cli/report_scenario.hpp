#pragma once
// The scenario section of `triad report`: runs the scenario file (as `triad simulate` does) and
// turns its result into fan charts and on-track probabilities for the report model.
#include <string>

#include "outputs/report_model.hpp"

namespace triad::cli {

ScenarioReport ScenarioForReport(const std::string& scenario_path);

}  // namespace triad::cli
