#pragma once
// The triangle of three actors over time: the three relation indices (A–B, A–C, B–C, as in
// measures/triangle.hpp) on one calendar grid, classified period by period. Shared by `triad
// balance` and the commands that report the triangle (status, report).
#include <array>
#include <string>

#include "measures/triangle.hpp"
#include "series/relation_index.hpp"

namespace triad::cli {

struct TriangleOverTime {
  std::array<std::string, 3> actors;
  std::array<RelationIndexSeries, 3> dyads;  // A–B, A–C, B–C, same dates
  double neutral = 0.0;                      // half-width of the neutral band, index units
  TriangleTimeline timeline;                 // one period per date of the indices
  // With neutral > 0: per period, the three-sign model (P(some dyad in the band) etc.).
  std::vector<TriangleProbabilities> band;
};

// A missing index (NaN value) makes the period's type unknown; a known value with an unknown
// se gives NaN probabilities but still a point classification.
TriangleOverTime LoadTriangleOverTime(EventStore& store, const std::array<std::string, 3>& actors,
                                      const RelationIndexOptions& options, double neutral);

}  // namespace triad::cli
