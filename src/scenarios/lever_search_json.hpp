#pragma once
// JSON form of a lever search, for `triad optimize --format json`.
#include <nlohmann/json.hpp>

#include "scenarios/lever_search.hpp"

namespace triad {

nlohmann::json ToJson(const LeverSearchResult& result);

}  // namespace triad
