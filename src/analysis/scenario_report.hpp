#pragma once
// The scenario section of the report: runs the scenario file (as `triad simulate` does) and turns
// its result into fan charts and on-track probabilities for the report model.
#include <array>
#include <string>
#include <vector>

#include "outputs/report_model.hpp"
#include "scenarios/scenario_model.hpp"

namespace triad {

// What the report around a scenario shows, to check the scenario's model against it.
struct ReportFrame {
  std::string store_path;
  std::array<std::string, 3> actors;
  Frequency freq = Frequency::kWeek;
  std::string source = "events";  // or the imported series the report's indices come from
};

// Where the scenario's model and the report disagree (another store, other actors, another
// frequency, events against an imported series), each as a sentence; empty when they agree. A
// saved fit cannot be traced to its data, which is said too.
std::vector<std::string> CompareScenarioWithReport(const Scenario& scenario, const VarFit& fit,
                                                   const ReportFrame& frame);

// `builder` fits a store-based [model] (analysis/store_scenario_model.hpp); `warnings` receives
// CompareScenarioWithReport's sentences, to be shown with the scenario.
ScenarioReport ScenarioForReport(const std::string& scenario_path, const ModelBuilder& builder,
                                 const ReportFrame& frame, std::vector<std::string>* warnings);

}  // namespace triad
