#include "series/selected_series.hpp"

#include <algorithm>

namespace triad {

DyadSeries BuildSelectedSeries(EventStore& store, const std::vector<std::string>& countries,
                               const CellPredicate& keep, const SeriesOptions& options) {
  DyadSeries series;
  std::tie(series.from, series.to) = ResolveRange(store, options);
  for (Day d = PeriodStart(series.from, options.freq); d <= series.to;
       d = NextPeriodStart(d, options.freq)) {
    PeriodTotals t;
    t.start = d;
    series.periods.push_back(t);
  }
  store.ForEachCell(
      series.from, series.to,
      [&](const Cell& cell) {
        CellKey key = CellKey::Unpack(cell.key);
        if (options.channel && key.channel != *options.channel) return;
        if (!keep(key)) return;
        // Periods are consecutive: the cell's period is the last one starting on or before it.
        auto it = std::upper_bound(series.periods.begin(), series.periods.end(), key.day,
                                   [](Day day, const PeriodTotals& p) { return day < p.start; });
        PeriodTotals& period = *(it - 1);
        period.all.Merge(cell.values);
        period.by_quad[static_cast<std::size_t>(key.quad_class - 1)].Merge(cell.values);
      },
      countries);
  return series;
}

}  // namespace triad
