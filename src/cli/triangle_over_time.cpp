#include "cli/triangle_over_time.hpp"

#include <cmath>

#include "common/error.hpp"

namespace triad::cli {

TriangleOverTime LoadTriangleOverTime(EventStore& store, const std::array<std::string, 3>& actors,
                                      const RelationIndexOptions& options, double neutral) {
  if (!(neutral >= 0)) ThrowUsage("--neutral must be a number >= 0");
  TriangleOverTime t;
  t.actors = actors;
  t.neutral = neutral;
  std::vector<DyadCodes> dyads;
  for (int d = 0; d < 3; ++d) {
    const auto [x, y] = DyadActors(d);
    dyads.emplace_back(actors[static_cast<std::size_t>(x)], actors[static_cast<std::size_t>(y)]);
  }
  std::vector<RelationIndexSeries> loaded = LoadRelationIndices(store, dyads, options);
  std::vector<TrianglePeriod> periods;
  for (std::size_t i = 0; i < loaded[0].size(); ++i) {
    TrianglePeriod p;
    p.date = loaded[0].dates[i];
    for (std::size_t d = 0; d < 3; ++d) {
      // se NaN stays NaN: the probabilities are then unknown, the point signs are not.
      p.dyads[d] = DyadEstimate{loaded[d].value[i], loaded[d].se[i]};
    }
    periods.push_back(p);
    if (neutral > 0) {
      Triangle tri{actors, p.dyads, neutral};
      t.band.push_back(TriangleTypeProbabilitiesWithBand(tri));
    }
  }
  for (std::size_t d = 0; d < 3; ++d) t.dyads[d] = std::move(loaded[d]);
  t.timeline = BuildTriangleTimeline(actors, periods, neutral);
  return t;
}

}  // namespace triad::cli
