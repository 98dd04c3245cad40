#pragma once
// Internal to relation_index*.cpp: the raw (baseline none) or world-relative index of several
// dyads on a grid of consecutive day ranges. The grid is either the calendar periods of a
// frequency or one arbitrary range (for networks over a period).
#include <cstdint>
#include <string>
#include <vector>

#include "series/relation_index.hpp"
#include "store/series_store.hpp"

namespace triad::relation_index_detail {

// Period i covers [starts[i], starts[i + 1]) and the last one [starts.back(), last_day]; days
// before first_day (inside the first period) are left out, as in BuildSeries, and so are the days
// skip_from..skip_to (the own baseline loads whole history periods but cuts the first requested
// period at --from, like the other baselines).
struct PeriodGrid {
  std::vector<Day> starts;
  Day first_day = 0, last_day = 0;
  Day skip_from = 0, skip_to = -1;

  // The period holding `day`, or -1 outside the grid.
  int IndexOf(Day day) const;
  // Calendar periods of `freq` from the one holding `from` to the one holding `to`; days are
  // clipped to [from, to].
  static PeriodGrid Calendar(Day from, Day to, Frequency freq);
};

// Parallel vectors, one element per grid period (see RelationIndexSeries).
struct GridIndex {
  std::vector<double> value, se, net_coop;
  std::vector<std::int64_t> events;
  // Group dyads: per period, the member (or member pair, when both sides are groups) with the
  // largest weight, and its share of the dyad's weight; empty and NaN otherwise.
  std::vector<std::string> dominant;
  std::vector<double> dominant_share;
  explicit GridIndex(std::size_t n);
};

// From the store's cells; `world` subtracts the world mean (see relation_index.hpp).
std::vector<GridIndex> EventsIndexOnGrid(EventStore& store, const std::vector<Dyad>& dyads,
                                         const PeriodGrid& grid, const SeriesOptions& options,
                                         bool world, std::int64_t min_events);

// From an imported series; `world` subtracts the mean over all of the series' dyads.
std::vector<GridIndex> ImportedIndexOnGrid(SeriesStore& store, const std::string& name,
                                           const std::vector<Dyad>& dyads, const PeriodGrid& grid,
                                           bool world);

}  // namespace triad::relation_index_detail
