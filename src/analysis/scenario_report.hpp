#pragma once
// The scenario section of the report: runs the scenario file (as `triad simulate` does) and turns
// its result into fan charts and on-track probabilities for the report model.
#include <string>

#include "outputs/report_model.hpp"
#include "scenarios/scenario_model.hpp"

namespace triad {

// `builder` fits a store-based [model] (analysis/store_scenario_model.hpp).
ScenarioReport ScenarioForReport(const std::string& scenario_path, const ModelBuilder& builder);

}  // namespace triad
