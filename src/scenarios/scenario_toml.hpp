#pragma once
// Reads scenario files (TOML, format in docs/scenarios.md) into a Scenario. Every error is an
// input error naming the file, the line and the key, and for a misspelt key or value the nearest
// valid one ("line 12 (field horizn): unknown key; did you mean 'horizon'?"). Variable names are
// checked later, against the model (scenario_model.hpp), since only the model knows them.
#include <string>
#include <string_view>

#include "scenarios/scenario.hpp"

namespace triad {

// Paths in the file (`fit`, `store`) are resolved relative to the file's directory.
Scenario ReadScenarioFile(const std::string& path);
// `path` names the text in messages and anchors relative paths.
Scenario ParseScenario(std::string_view text, const std::string& path);

}  // namespace triad
