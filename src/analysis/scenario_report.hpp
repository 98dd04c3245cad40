#pragma once
// The scenario section of the report: runs the scenario file (as `triad simulate` does) and turns
// its result into fan charts and on-track probabilities for the report model.
#include <array>
#include <string>
#include <vector>

#include "outputs/report_model.hpp"
#include "scenarios/scenario_model.hpp"
#include "series/relation_index.hpp"

namespace triad {

// What the report around a scenario shows, to check the scenario's model against it.
struct ReportFrame {
  std::string store_path;
  std::array<std::string, 3> actors;
  Frequency freq = Frequency::kWeek;
  std::string source = "events";  // or the imported series the report's indices come from
  // How the report's indices are built from events (weight, channel, baseline, min_events): a
  // store-based [model] always uses the defaults (events-weighted, all channels, the source's
  // default baseline, kDefaultMinEvents).
  RelationIndexOptions index;
};

// Where the scenario's model and the report disagree (another store, other actors, another
// frequency, events against an imported series, another weight, channel, baseline or minimum of
// events), each as a sentence; empty when they agree. A saved fit cannot be traced to its data,
// which is said too.
std::vector<std::string> CompareScenarioWithReport(const Scenario& scenario, const VarFit& fit,
                                                   const ReportFrame& frame);

// `builder` fits a store-based [model] (analysis/store_scenario_model.hpp); `warnings` receives
// CompareScenarioWithReport's sentences and the levers that contradict their intent, which the
// returned section also carries (ScenarioReport::warnings) to show above its fan charts. A
// disagreement is a warning, not an error: the scenario is still drawn, so that a saved fit on a
// longer series can be read beside a short store, but never without saying so.
ScenarioReport ScenarioForReport(const std::string& scenario_path, const ModelBuilder& builder,
                                 const ReportFrame& frame, std::vector<std::string>* warnings);

}  // namespace triad
