#include "analysis/triangle_over_time.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "common/error.hpp"

namespace triad {
namespace {

RelationIndexSeries Index(Dyad dyad, double offset, int n) {
  RelationIndexSeries s;
  s.dyad = dyad;
  s.freq = Frequency::kDay;
  for (int t = 0; t < n; ++t) {
    s.dates.push_back(20000 + t);
    // Noise around a level: raw signs flip from day to day, the smoothed level does not.
    s.value.push_back(offset + ((t % 2) ? 0.9 : -0.9) + 0.01 * t);
    s.se.push_back(0.2);
    s.events.push_back(20);
    s.net_coop.push_back(kUnknown);
  }
  return s;
}

TEST(TriangleOverTime, ClassifiesSmoothedLevelsSoNoiseDoesNotFlipTheType) {
  const std::array<std::string, 3> actors = {"CHN", "USA", "JPN"};
  const int n = 40;
  std::array<RelationIndexSeries, 3> idx = {
      Index({"CHN", "USA"}, 0.3, n), Index({"CHN", "JPN"}, -1.5, n), Index({"USA", "JPN"}, 2.0, n)};
  std::array<DyadState, 3> states;
  for (int d = 0; d < 3; ++d) states[d] = EstimateDyadState(idx[d], 7);
  const TriangleOverTime t = BuildTriangleOverTime(actors, idx, states, 0.0, 3);
  EXPECT_EQ(t.basis, TriangleBasis::kSmoothedLevels);
  ASSERT_EQ(t.timeline.periods.size(), static_cast<std::size_t>(n));
  for (int d = 0; d < 3; ++d) {
    EXPECT_DOUBLE_EQ(t.estimates[d].back().estimate, states[d].level->estimate);
    EXPECT_DOUBLE_EQ(t.estimates[d].back().se, states[d].level->se);
  }
  // The first two periods (diffuse start) are unknown; the rest is one structure.
  EXPECT_EQ(t.timeline.periods[0].probabilities.most_likely_roles.type, TriangleType::kUnknown);
  const TrianglePeriodResult* last = LatestKnown(t.timeline);
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->date, 20000 + n - 1);
  EXPECT_EQ(last->probabilities.most_likely_roles.type, TriangleType::kRomanticTriangle);
  // Raw CHN-USA flips sign every day (0.3 ± 0.9): on the raw indices the type would change
  // about every period; on the smoothed levels it does not change at all.
  EXPECT_LE(t.timeline.changes.size(), 1u);
}

TEST(TriangleOverTime, FallsBackToRawIndicesWhenADyadHasNoTrend) {
  const std::array<std::string, 3> actors = {"CHN", "USA", "JPN"};
  std::array<RelationIndexSeries, 3> idx = {
      Index({"CHN", "USA"}, 0.3, 4), Index({"CHN", "JPN"}, -1.5, 4), Index({"USA", "JPN"}, 2.0, 4)};
  std::array<DyadState, 3> states;
  for (int d = 0; d < 3; ++d) states[d] = EstimateDyadState(idx[d], 7);
  const TriangleOverTime t = BuildTriangleOverTime(actors, idx, states, 0.0, 3);
  EXPECT_EQ(t.basis, TriangleBasis::kRawIndices);
  EXPECT_DOUBLE_EQ(t.estimates[0][1].estimate, idx[0].value[1]);
  EXPECT_THROW(BuildTriangleOverTime(actors, idx, states, -1.0, 3), Error);
}

}  // namespace
}  // namespace triad
