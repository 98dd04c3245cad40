#include "analysis/evaluation_report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace triad {

ForecastSkillReport ForecastSkillFor(const EvaluationResult& r, const std::string& source) {
  ForecastSkillReport out;
  const auto label = [&](int row) {
    return r.labels.empty() ? std::to_string(row) : r.labels[static_cast<std::size_t>(row)];
  };
  out.summary = fmt::format(
      "{}: {} periods ({} .. {}); {} forecast origins from {} to {}, the first after {} periods; "
      "horizons 1..{}; series {}{}.",
      source, r.rows, label(0), label(r.rows - 1), r.origins.size(), label(r.origins.front()),
      label(r.origins.back()), r.min_train, r.horizon, fmt::join(r.targets, ", "),
      r.drivers.empty() ? "" : fmt::format("; drivers {}", fmt::join(r.drivers, ", ")));
  for (const std::string& n : r.notes) out.summary += " " + n + ".";
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (int h = 1; h <= r.horizon; ++h)
    for (const ModelEvaluation& m : r.models) {
      const HorizonScore& s = m.horizons[static_cast<std::size_t>(h - 1)];
      if (s.forecasts == 0) continue;
      const auto& dm = s.versus_no_change;
      out.rows.push_back({h, std::string(ForecastModelLabel(m.model)), s.forecasts, s.crps,
                          s.crps / s.crps_no_change, s.coverage50, s.coverage90,
                          dm ? dm->corrected_statistic : nan, dm ? dm->p_value : nan});
    }
  return out;
}

ForecastSkillReport EvaluateForReport(EventStore& store, const TriadQuery& query, int horizon) {
  const EvaluationSeries series = EvaluationSeriesFromStore(store, query);
  EvaluationOptions options;
  options.horizon = horizon;
  options.model.maxlags = query.analysis.maxlags;
  options.model.lags = query.analysis.lags;
  options.model.criterion = query.analysis.criterion;
  const EvaluationResult r = EvaluateForecasts(series.data, series.targets, options);
  return ForecastSkillFor(r, fmt::format("{}-{}-{}, {}", query.actors[0], query.actors[1],
                                         query.actors[2], FrequencyAdjective(series.freq)));
}

}  // namespace triad
