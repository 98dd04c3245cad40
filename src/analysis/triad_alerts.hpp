#pragma once
// What `triad follow` raises as a triad's state moves, one evaluation after another (each at a
// newly completed period): the same state status, balance and the report show (triad_state.hpp),
// compared with what was remembered from the evaluation before.
//
// - structure: the persistent triangle structure (the persistence rule of triangle_over_time.hpp:
//   most likely with P > 0.5 for `persist` periods in a row) is not the last one announced. The
//   triangle is re-smoothed over the whole range at each evaluation, so a new period can also
//   move the date since which a structure holds; an evaluation without a persistent structure
//   raises nothing and keeps the last one.
// - momentum: a dyad's momentum interval now excludes zero with a sign other than the last sign
//   it had (a turn, or a first sign after being steady since following began).
// - forecast: the as-of period's raw index lies outside its one-step-ahead 90% forecast band
//   (dyad_state.hpp ForecastCheck). By chance alone that happens in about 1 period in 10.
// The first evaluation only remembers: following starts from what is, not from alerts about it.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/triad_state.hpp"

namespace triad {

// Kept in the store between runs (as JSON): a restart compares with the last evaluation.
struct AlertMemory {
  std::optional<Day> asof;                   // the period of the last evaluation
  std::optional<std::string> structure;      // the last persistent structure seen, described
  std::map<std::string, std::string> signs;  // dyad label -> last "improving"/"deteriorating"

  nlohmann::json ToJson() const;
  static AlertMemory FromJson(const nlohmann::json& j);  // {} or null: nothing remembered
};

struct TriadAlert {
  std::string id;    // stable: kind, actors, dyad and period (so a repeated delivery is seen)
  std::string kind;  // "structure", "momentum" or "forecast"
  std::string dyad;  // the dyad's label; empty for the structure
  Day period = 0;    // the evaluated (as-of) period
  std::string message;
  nlohmann::json evidence;  // the numbers behind it
  nlohmann::json ToJson() const;
};

// The alerts of `state` against `memory`, which is updated to `state`.
std::vector<TriadAlert> DetectAlerts(const TriadState& state, AlertMemory* memory);

}  // namespace triad
