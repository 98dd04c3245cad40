#pragma once
// JSON forms of simulation results, for `--format json` and the HTML report.
#include <nlohmann/json.hpp>

#include "scenarios/simulation.hpp"

namespace triad {

// The name of a reported quantile in JSON and CSV: "q05" for 0.05, "q50" for 0.5.
std::string QuantileKey(double level);

// Keys of the triangle shares, in TriangleShares order.
const std::array<std::string, 5>& TriangleShareKeys();

nlohmann::json ToJson(const PathShare& share);
nlohmann::json ToJson(const PairedDifference& difference);
nlohmann::json ToJson(const SimulationResult& result);

}  // namespace triad
