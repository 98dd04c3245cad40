#pragma once
// The triangle of three actors over time, classified from the dyads' smoothed states: per period,
// each dyad's smoothed level with its smoothed standard error (the local linear trend of
// dyad_state.hpp), and from them the signs, Dittmer's type with roles, the type probabilities,
// P(balanced) and the dates the most likely structure changed.
//
// How dyads are combined: the three smoothed levels are treated as independent normals
// N(level, level_se²) (the trends are fitted dyad by dyad), as measures/triangle.hpp does for any
// three estimates. Smoothing is what keeps one noisy day from flipping the triangle; the raw
// indices are still shown beside it. When some dyad has no trend (too few periods), every dyad's
// raw index is used instead, and `basis` says so.
#include <array>
#include <string>
#include <vector>

#include "analysis/dyad_state.hpp"
#include "measures/triangle.hpp"

namespace triad {

enum class TriangleBasis { kSmoothedLevels, kRawIndices };
std::string_view TriangleBasisName(TriangleBasis basis);  // "smoothed levels", "raw indices"

struct TriangleOverTime {
  std::array<std::string, 3> actors;  // A, B, C
  TriangleBasis basis = TriangleBasis::kSmoothedLevels;
  double neutral = 0.0;                                // half-width of the neutral band
  std::vector<Day> dates;                              // the index grid
  std::array<std::vector<DyadEstimate>, 3> estimates;  // A–B, A–C, B–C: what was classified
  TriangleTimeline timeline;                           // one period per date
};

// `indices` and `states` are the dyads A–B, A–C, B–C on one grid. Usage error for neutral < 0.
TriangleOverTime BuildTriangleOverTime(const std::array<std::string, 3>& actors,
                                       const std::array<RelationIndexSeries, 3>& indices,
                                       const std::array<DyadState, 3>& states, double neutral);

// The last period with a known most likely structure, or nullptr.
const TrianglePeriodResult* LatestKnown(const TriangleTimeline& timeline);

}  // namespace triad
