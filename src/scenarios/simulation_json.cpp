#include "scenarios/simulation_json.hpp"

#include <fmt/format.h>

#include "measures/triangle.hpp"

namespace triad {
namespace {

nlohmann::json StepsToJson(const SimulationResult& r, const std::vector<StepSummary>& steps) {
  nlohmann::json out = nlohmann::json::array();
  for (const StepSummary& s : steps) {
    nlohmann::json j;
    j["step"] = s.step;
    j["date"] = FormatDate(s.date);
    nlohmann::json vars = nlohmann::json::object();
    for (std::size_t v = 0; v < s.variables.size(); ++v) {
      const VariableSummary& x = s.variables[v];
      nlohmann::json q = {{"mean", x.mean}, {"sd", x.sd}};
      for (std::size_t i = 0; i < kReportedQuantiles.size(); ++i)
        q[QuantileKey(kReportedQuantiles[i])] = x.quantile[i];
      vars[r.names[v]] = q;
    }
    j["variables"] = vars;
    if (r.has_triangle) {
      nlohmann::json t = nlohmann::json::object();
      for (std::size_t i = 0; i < 5; ++i) t[TriangleShareKeys()[i]] = s.triangle[i];
      j["triangle"] = t;
    }
    out.push_back(j);
  }
  return out;
}

}  // namespace

std::string QuantileKey(double level) {
  return fmt::format("q{:02.0f}", 100 * level);
}

const std::array<std::string, 5>& TriangleShareKeys() {
  static const std::array<std::string, 5> keys = {
      std::string(TriangleTypeKey(TriangleType::kMenageATrois)),
      std::string(TriangleTypeKey(TriangleType::kRomanticTriangle)),
      std::string(TriangleTypeKey(TriangleType::kStableMarriage)),
      std::string(TriangleTypeKey(TriangleType::kUnitVeto)),
      std::string(TriangleTypeKey(TriangleType::kIndeterminate))};
  return keys;
}

nlohmann::json ToJson(const PathShare& share) {
  return {{"p", share.p}, {"se", share.se}};
}

nlohmann::json ToJson(const PairedDifference& d) {
  return {{"difference", d.difference}, {"se", d.se}};
}

nlohmann::json ToJson(const SimulationResult& r) {
  nlohmann::json j;
  j["variables"] = r.names;
  j["levers"] = r.levers;
  j["paths"] = r.paths;
  j["seed"] = r.seed;
  j["start_step"] = r.start_step;
  j["steps"] = r.steps;
  j["quantile_levels"] = kReportedQuantiles;
  if (r.has_triangle) j["triangle_actors"] = r.actors;
  j["warnings"] = r.warnings;
  j["parameters"] = r.parameters;
  nlohmann::json targets = nlohmann::json::array();
  for (const TargetOutcome& t : r.targets)
    targets.push_back({{"target", t.label},
                       {"scenario", ToJson(t.scenario)},
                       {"baseline", ToJson(t.baseline)},
                       {"scenario_minus_baseline", ToJson(t.difference)}});
  j["targets"] = targets;
  j["scenario"] = StepsToJson(r, r.scenario);
  if (r.has_baseline) j["baseline"] = StepsToJson(r, r.baseline);
  return j;
}

}  // namespace triad
