#pragma once
// JSON forms of simulation results, for `--format json` and the HTML report.
#include <nlohmann/json.hpp>

#include "scenarios/simulation.hpp"

namespace triad {

// Keys of the triangle shares, in TriangleShares order.
const std::array<std::string, 5>& TriangleShareKeys();

nlohmann::json ToJson(const PathShare& share);
nlohmann::json ToJson(const PairedDifference& difference);
nlohmann::json ToJson(const SimulationResult& result);

}  // namespace triad
