#include "analysis/store_scenario_model.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "analysis/driver_model.hpp"
#include "common/error.hpp"
#include "measures/bvar_minnesota.hpp"
#include "measures/var_data_budget.hpp"

namespace triad {

VarFit FitStoreScenarioModel(const StoreModelSpec& spec) {
  if (spec.actors.size() != 3)
    ThrowUsage(fmt::format("a store-based model needs three actors (the triad), not {}",
                           spec.actors.size()));
  ModelSeriesOptions options;
  options.actors = {spec.actors[0], spec.actors[1], spec.actors[2]};
  options.index.series.freq = ParseFrequency(spec.freq);
  options.index.series.from = spec.from;
  options.index.series.to = spec.to;
  // Driver names as they appear in the model (ECON_CHN_USA ...) select their family.
  options.drivers.emplace();
  for (const std::string& name : spec.drivers) {
    const std::optional<DriverFamily> family = FamilyOfVariable(name);
    if (!family)
      ThrowUsage(
          fmt::format("driver '{}' is not a driver variable (ECON_A_B, REGIONAL, "
                      "GLOBAL_SOUTH or SECURITY)",
                      name));
    if (std::find(options.drivers->begin(), options.drivers->end(), *family) ==
        options.drivers->end())
      options.drivers->push_back(*family);
  }
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
  const VarData data = ToVarData(kept);
  const VarSpec var_spec{spec.lags, VarTrend::kConstant};
  const VarPrior prior = ParseVarPrior(spec.prior, "[model] prior");
  // auto: the Minnesota prior where OLS would rest on fewer rows per coefficient than the data
  // budget allows (var_data_budget.hpp); the fit records it, and the scenario output says so.
  const bool bayesian =
      prior == VarPrior::kMinnesota ||
      (prior == VarPrior::kAuto &&
       ObservationsPerCoefficient(static_cast<int>(data.values.rows()),
                                  static_cast<int>(data.names.size()), spec.lags,
                                  VarTrendTerms(var_spec.trend)) < kMinObservationsPerCoefficient);
  VarFit fit =
      bayesian ? FitMinnesotaVar(data, var_spec, MinnesotaOptions{}) : FitVar(data, var_spec);
  fit.logit_shares = LogitSharesAmong(series, kept.names);
  return fit;
}

}  // namespace triad
