#include "series/selected_series.hpp"

#include <algorithm>

namespace triad {
namespace {

DyadSeries EmptyPeriods(EventStore& store, const SeriesOptions& options) {
  CheckSectorsRecorded(store, options);
  DyadSeries series;
  std::tie(series.from, series.to) = ResolveRange(store, options);
  for (Day d = PeriodStart(series.from, options.freq); d <= series.to;
       d = NextPeriodStart(d, options.freq)) {
    PeriodTotals t;
    t.start = d;
    series.periods.push_back(t);
  }
  return series;
}

// Adds a kept cell to its period's totals (integer sums: the order of cells does not matter).
std::function<void(const Cell&)> AddTo(DyadSeries& series, const CellPredicate& keep,
                                       const SeriesOptions& options) {
  return [&series, &keep, &options](const Cell& cell) {
    CellKey key = CellKey::Unpack(cell.key);
    if (!KeepsCell(options, key) || !keep(key)) return;
    // Periods are consecutive: the cell's period is the last one starting on or before it.
    auto it = std::upper_bound(series.periods.begin(), series.periods.end(), key.day,
                               [](Day day, const PeriodTotals& p) { return day < p.start; });
    PeriodTotals& period = *(it - 1);
    period.all.Merge(cell.values);
    period.by_quad[static_cast<std::size_t>(key.quad_class - 1)].Merge(cell.values);
  };
}

}  // namespace

DyadSeries BuildSelectedSeries(EventStore& store, const std::vector<std::string>& countries,
                               const CellPredicate& keep, const SeriesOptions& options) {
  DyadSeries series = EmptyPeriods(store, options);
  store.ForEachCell(series.from, series.to, AddTo(series, keep, options), countries);
  return series;
}

DyadSeries BuildSelectedSeriesOfPairs(EventStore& store, const OrderedPairs& pairs,
                                      const CellPredicate& keep, const SeriesOptions& options) {
  DyadSeries series = EmptyPeriods(store, options);
  store.ForEachCellOfPairs(series.from, series.to, pairs, AddTo(series, keep, options));
  return series;
}

OrderedPairs PairsBetween(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  OrderedPairs pairs;
  for (const std::string& x : a)
    for (const std::string& y : b) {
      if (x == y) continue;
      pairs.emplace_back(x, y);
      pairs.emplace_back(y, x);
    }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace triad
