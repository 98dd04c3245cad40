#include "analysis/dyad_state.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "common/normal.hpp"

namespace triad {
namespace {

RelationIndexSeries Series(const std::vector<double>& values, bool with_se) {
  RelationIndexSeries s;
  s.dyad = Dyad{"CHN", "USA"};
  s.freq = Frequency::kDay;
  for (std::size_t t = 0; t < values.size(); ++t) {
    s.dates.push_back(static_cast<Day>(20000 + t));
    s.value.push_back(values[t]);
    s.se.push_back(with_se ? 0.3 : kUnknown);
    s.events.push_back(std::isnan(values[t]) ? 0 : 10);
    s.net_coop.push_back(kUnknown);
  }
  return s;
}

std::vector<double> Wave(int n) {
  std::vector<double> y;
  for (int t = 0; t < n; ++t) y.push_back(0.05 * t + std::sin(0.7 * t) * 0.4 + 0.1 * (t % 3));
  return y;
}

TEST(DyadState, LevelIsTheSmoothedLevelAtTheLastPeriodWithItsNinetyPercentInterval) {
  std::vector<double> y = Wave(40);
  y.back() = kUnknown;  // the last period has no events: the level is still defined
  const DyadState s = EstimateDyadState(Series(y, true), 7);
  ASSERT_TRUE(s.trend && s.level && s.momentum && s.latest);
  const TrendEstimate& last = s.trend->states.smoothed.back();
  EXPECT_DOUBLE_EQ(s.level->estimate, last.level);
  EXPECT_DOUBLE_EQ(s.level->se, std::sqrt(last.level_var));
  EXPECT_DOUBLE_EQ(s.level->upper - s.level->estimate, kZ90 * s.level->se);
  EXPECT_EQ(s.asof, 20039);
  EXPECT_EQ(s.latest->period, 20038);  // the raw index: the latest period with a value
  EXPECT_DOUBLE_EQ(s.latest->value, y[38]);
  EXPECT_DOUBLE_EQ(*s.change, last.level - s.trend->states.smoothed[39 - 7].level);
  EXPECT_EQ(s.events_in_window, 60);  // 6 periods with 10 events, the last has none
  EXPECT_DOUBLE_EQ(s.momentum->per_30_days, last.slope * 30);
  EXPECT_FALSE(s.se_from_model);
}

TEST(DyadState, DiffuseStartPeriodsHaveUnknownBands) {
  const DyadState s = EstimateDyadState(Series(Wave(30), true), 7);
  ASSERT_EQ(s.path.level.size(), 30u);
  EXPECT_TRUE(std::isnan(s.path.level[0].se));
  EXPECT_TRUE(std::isnan(s.path.level[1].lower));
  EXPECT_TRUE(std::isnan(s.path.momentum[1].upper));
  EXPECT_TRUE(std::isfinite(s.path.level[2].se));
  EXPECT_FALSE(std::isnan(s.path.level[0].estimate));  // the estimate itself is shown
}

TEST(DyadState, SeriesWithoutStandardErrorsTakeTheirNoiseFromTheModelAndSaySo) {
  const DyadState s = EstimateDyadState(Series(Wave(30), false), 7);
  ASSERT_TRUE(s.level);
  EXPECT_TRUE(std::isfinite(s.level->se));
  EXPECT_TRUE(s.se_from_model);
  ASSERT_FALSE(s.warnings.empty());
  EXPECT_NE(s.warnings.back().find("no standard errors of its own"), std::string::npos);
}

TEST(DyadState, TooFewPeriodsGiveNoLevelAndAWarning) {
  const DyadState s = EstimateDyadState(Series({1, kUnknown, 2, 3}, true), 7);
  EXPECT_FALSE(s.level);
  EXPECT_FALSE(s.momentum);
  ASSERT_TRUE(s.latest);
  EXPECT_DOUBLE_EQ(s.latest->value, 3);
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_NE(s.warnings[0].find("only 3 periods with a value"), std::string::npos);
}

// The issue's "six-year straight line": a boundary fit is named in the dyad's warnings, with
// the dyad's label, and kept as keys for JSON.
TEST(DyadState, ABoundaryTrendFitIsAWarningWithTheDyad) {
  std::vector<double> y;
  for (int t = 0; t < 80; ++t)
    y.push_back(0.05 * t + 0.3 * std::sin(2.1 * t) + 0.2 * ((t % 3) - 1));
  const DyadState s = EstimateDyadState(Series(y, true), 7);
  ASSERT_TRUE(s.trend.has_value());
  bool straight = false;
  for (const TrendFitWarning& w : s.fit_warnings)
    straight = straight || w.issue == TrendFitIssue::kStraightLine;
  EXPECT_TRUE(straight);
  bool said = false;
  for (const std::string& w : s.warnings)
    said = said || w.rfind("CHN-USA: the slope variance is estimated at zero", 0) == 0;
  EXPECT_TRUE(said);
}

}  // namespace
}  // namespace triad
