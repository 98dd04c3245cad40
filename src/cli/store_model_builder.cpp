// Scenarios whose [model] is fitted from the store (`store`, `actors`, `freq`, `lags`, ...): the
// same series as `triad explain` (series/model_series.hpp), fitted as a VAR of the given order.
#include <fmt/format.h>

#include <algorithm>

#include "cli/command.hpp"
#include "cli/triad_model.hpp"
#include "common/error.hpp"
#include "scenarios/scenario_model.hpp"

namespace triad::cli {
namespace {

VarFit FitFromStore(const StoreModelSpec& spec) {
  if (spec.actors.size() != 3)
    ThrowUsage(fmt::format("a store-based model needs three actors (the triad), not {}",
                           spec.actors.size()));
  ModelSeriesOptions options;
  options.actors = {spec.actors[0], spec.actors[1], spec.actors[2]};
  options.index.series.freq = ParseFrequency(spec.freq);
  options.index.series.from = spec.from;
  options.index.series.to = spec.to;
  options.index.min_events = 1;
  // Driver names as they appear in the model (ECON_CHN_USA ...) select their family.
  for (const std::string& name : spec.drivers) {
    std::string family = name.rfind("ECON", 0) == 0 ? "ECON" : name;
    if (std::find(options.drivers.begin(), options.drivers.end(), family) == options.drivers.end())
      options.drivers.push_back(family);
  }
  if (options.drivers.empty()) options.drivers = {"none"};
  EventStore store(spec.store, /*create=*/false);
  ModelSeries series = BuildModelSeries(store, options);
  for (const std::string& name : spec.drivers)
    if (std::find(series.names.begin(), series.names.end(), name) == series.names.end())
      ThrowCompute(fmt::format("driver {} could not be built from {} ({})", name, spec.store,
                               series.notes.empty()
                                   ? "no such series"
                                   : fmt::format("{}", fmt::join(series.notes, "; "))));
  // Keep the dyads and exactly the drivers the scenario names, in its order.
  ModelSeries kept = series;
  kept.names.assign(series.names.begin(), series.names.begin() + series.dyad_count);
  kept.columns.assign(series.columns.begin(), series.columns.begin() + series.dyad_count);
  for (const std::string& name : spec.drivers) {
    auto at = std::find(series.names.begin(), series.names.end(), name) - series.names.begin();
    kept.names.push_back(name);
    kept.columns.push_back(series.columns[static_cast<std::size_t>(at)]);
  }
  return FitVar(ToVarData(kept), VarSpec{spec.lags, VarTrend::kConstant});
}

// Registered once at start-up, before any command runs.
const bool kRegistered = [] {
  RegisterModelBuilder(FitFromStore);
  return true;
}();

}  // namespace
}  // namespace triad::cli
