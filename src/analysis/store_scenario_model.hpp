#pragma once
// Scenarios whose [model] is fitted from the store (`store`, `actors`, `freq`, `lags`, ...): the
// same series as `triad explain` (driver_model.hpp), fitted as a VAR of the given order. Passed
// to the scenario commands as their ModelBuilder (scenarios/scenario_model.hpp).
#include "measures/var_model.hpp"
#include "scenarios/scenario.hpp"

namespace triad {

VarFit FitStoreScenarioModel(const StoreModelSpec& spec);

}  // namespace triad
