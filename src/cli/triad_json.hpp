#pragma once
// The JSON view of a triad's state, shared by status, balance, explain and report so that each
// shows the same "now" under the same keys. Intervals are named for what they are: "lower_90" /
// "upper_90" bound a 90% interval, "se" is a standard error.
#include <nlohmann/json.hpp>

#include "analysis/triad_state.hpp"

namespace triad::cli {

// A number, or null when it is not finite.
nlohmann::json JsonNumber(double v);

// {"dyad", "level": {estimate, se, lower_90, upper_90}, "latest_index": {period, value, se,
// events}, "momentum_per_30_days": {...}, "change", "events_in_window"}.
nlohmann::json DyadStateJson(const DyadState& state);

// The triangle at the as-of date: its basis, date, most likely structure and its probability,
// the four type probabilities, P(balanced), and since when.
nlohmann::json TriangleNowJson(const TriadState& state);

// {"asof", "freq", "basis", "dyads": [...], "triangle": {...}, "notes", "warnings"}.
nlohmann::json NowJson(const TriadState& state);

}  // namespace triad::cli
