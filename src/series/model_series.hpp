#pragma once
// The series a triad model is fitted on: the three dyad indices (named A_B, e.g. CHN_USA) and
// the essay's drivers (drivers.hpp), on one calendar grid and without gaps, ready for a VAR.
//   - Periods where any kept series is missing at the start or the end are dropped.
//   - Interior gaps are filled with the last known value (and counted in `notes`), at most
//     kMaxFilledRun periods in a row and kMaxFilledShare of the periods: beyond that a dyad
//     refuses the model (a compute error with the count) and a driver is left out (a note).
//   - A driver missing in more than `max_missing_share` of the periods is left out (with a note):
//     filling most of a series would invent its dynamics.
#include <array>
#include <string>
#include <vector>

#include "series/driver_family.hpp"
#include "series/drivers.hpp"
#include "series/relation_index.hpp"

namespace triad {

inline constexpr int kMaxFilledRun = 2;
inline constexpr double kMaxFilledShare = 0.2;

struct ModelSeriesOptions {
  std::array<std::string, 3> actors;
  RelationIndexOptions index;  // freq, range, baseline, min_events, source
  // The driver families to build: unset for all, empty for none (the dyads alone).
  std::optional<std::vector<DriverFamily>> drivers;
  std::string regional_group = "ASIA_PACIFIC_REGIONAL";
  std::string global_group = "GLOBAL_SOUTH";
  double max_missing_share = 0.3;
};

struct ModelSeries {
  std::vector<std::string> names;  // dyads first (A_B, A_C, B_C), then drivers
  int dyad_count = 3;
  std::vector<std::string> descriptions;
  std::vector<Day> dates;                    // period starts, consecutive
  std::vector<std::vector<double>> columns;  // columns[j][t], no NaN
  Frequency freq = Frequency::kWeek;
  std::vector<std::string> notes;            // what was dropped or filled, for the user
  std::vector<std::string> logit_shares;     // columns that hold logit(share) (common/share_scale)
  std::vector<RelationIndexSeries> indices;  // the dyad indices as loaded (with NaN, SE)
};

// The variables among `names` that `series` holds as logit(share), in the order of `names` (what
// a VarFit fitted on some of its columns records in logit_shares).
std::vector<std::string> LogitSharesAmong(const ModelSeries& series,
                                          const std::vector<std::string>& names);

// Throws a compute error naming the series when fewer than 3 complete periods remain.
ModelSeries BuildModelSeries(EventStore& store, const ModelSeriesOptions& options);
// The same from dyad indices already loaded with options.index (A–B, A–C, B–C), so a caller that
// holds them does not read the cells again.
ModelSeries BuildModelSeries(EventStore& store, const ModelSeriesOptions& options,
                             std::vector<RelationIndexSeries> indices);

}  // namespace triad
