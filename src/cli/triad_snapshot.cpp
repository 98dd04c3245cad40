#include "cli/triad_snapshot.hpp"

#include <fmt/format.h>

#include <cmath>
#include <ctime>

#include "cli/triad_model.hpp"
#include "common/error.hpp"

namespace triad::cli {

std::string_view Arrow(MomentumDirection direction) {
  switch (direction) {
    case MomentumDirection::kImproving:
      return "↑";
    case MomentumDirection::kDeteriorating:
      return "↓";
    default:
      return "→";
  }
}

TriadSnapshot BuildSnapshot(EventStore& store, const SnapshotOptions& options) {
  TriadSnapshot s;
  s.options = options;
  s.store = store.Summary();
  s.triangle = LoadTriangleOverTime(store, options.actors, options.index, options.neutral);
  const double days = AverageDays(options.index.series.freq);
  for (int d = 0; d < 3; ++d) {
    DyadSnapshot& dyad = s.dyads[static_cast<std::size_t>(d)];
    const RelationIndexSeries& index = s.triangle.dyads[static_cast<std::size_t>(d)];
    dyad.index = &index;
    dyad.name = index.dyad;
    int known = 0;
    for (std::size_t t = 0; t < index.size(); ++t) {
      if (std::isnan(index.value[t])) continue;
      ++known;
      dyad.latest = index.value[t];
      dyad.latest_se = index.se[t];
      dyad.latest_date = index.dates[t];
    }
    const std::size_t n = index.size();
    for (std::size_t t = n - std::min<std::size_t>(n, static_cast<std::size_t>(options.window));
         t < n; ++t)
      dyad.events_in_window += index.events[t];
    if (known < 5) {
      s.warnings.push_back(
          fmt::format("{}: only {} periods with at least {} events: no momentum estimate",
                      dyad.name, known, options.index.min_events));
      continue;
    }
    try {
      dyad.trend = FitLocalLinearTrend(index.value, LltOptions{});
      dyad.momentum = MomentumFromSlope(dyad.trend->states.smoothed.back(), days);
      const auto& smoothed = dyad.trend->states.smoothed;
      std::size_t back =
          std::min<std::size_t>(smoothed.size() - 1, static_cast<std::size_t>(options.window));
      dyad.change = smoothed.back().level - smoothed[smoothed.size() - 1 - back].level;
      if (!dyad.trend->convergence.converged)
        s.warnings.push_back(fmt::format("{}: the trend model's optimiser did not converge ({})",
                                         dyad.name, dyad.trend->convergence.status));
    } catch (const Error& e) {
      s.warnings.push_back(fmt::format("{}: no momentum estimate: {}", dyad.name, e.what()));
    }
    if (n > 0 && index.events.back() < options.index.min_events)
      s.warnings.push_back(fmt::format("{}: thin data: {} events in the latest period ({})",
                                       dyad.name, index.events.back(),
                                       FormatDate(index.dates.back())));
  }
  if (options.drivers) {
    try {
      s.model = BuildModelSeries(store, options.model);
      VarData data = ToVarData(*s.model);
      std::vector<std::string> dyads(s.model->names.begin(),
                                     s.model->names.begin() + s.model->dyad_count);
      s.drivers = AnalyseDrivers(data, dyads, options.analysis);
      for (const auto& w : s.drivers->warnings) s.warnings.push_back("drivers: " + w);
    } catch (const Error& e) {
      s.warnings.push_back(fmt::format("drivers not estimated: {}", e.what()));
    }
  }
  // Data-quality warnings about the store itself.
  std::int64_t rows = s.store.events + s.store.rejects + s.store.rows_without_dyad;
  if (s.store.rejects > 0 && rows > 0 && s.store.rejects * 100 > rows)
    s.warnings.push_back(fmt::format(
        "{} rejected rows ({:.1f}% of rows read): see 'triad info --rejects 20'", s.store.rejects,
        100.0 * static_cast<double>(s.store.rejects) / static_cast<double>(rows)));
  if (s.store.last_day) {
    Day today = static_cast<Day>(std::time(nullptr) / 86400);
    Day age = today - *s.store.last_day;
    if (!options.index.series.to && age > 7)
      s.warnings.push_back(
          fmt::format("stale store: the newest event is from {} ({} days ago); "
                      "ingest newer files or pass --asof",
                      FormatDate(*s.store.last_day), age));
  }
  return s;
}

}  // namespace triad::cli
