#include "measures/local_linear_trend.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "common/error.hpp"
#include "common/normal.hpp"
#include "measures/local_linear_trend_momentum.hpp"

namespace triad {
namespace {

const double kNaN = std::nan("");
const double kLog2Pi = std::log(2 * std::numbers::pi);

// Two periods worked by hand: a_1 = 0, P_1 = I (diffuse_variance 1), H = 1, Q = diag(0.5, 0.25),
// y = (2, 4), nothing burned.
//   t=1: F = 2, v = 2; a_1|1 = (1, 0), P_1|1 = diag(0.5, 1);
//        a_2 = (1, 0), P_2 = T P_1|1 T' + Q = [2 1; 1 1.25].
//   t=2: F = 3, v = 3; a_2|2 = (3, 1), P_2|2 = [2/3 1/3; 1/3 11/12].
//   smoothed t=1 (Rauch-Tung-Striebel): J = P_1|1 T' P_2^-1 = [5/12 -1/3; 1/6 2/3],
//        a_1|2 = (1, 0) + J (2, 1) = (1.5, 1), V_1 = [5/12 -1/6; -1/6 2/3].
TEST(LocalLinearTrendKalman, TwoStepsByHand) {
  LltOptions options;
  options.diffuse_variance = 1;
  options.loglikelihood_burn = 0;
  const LltParams params{1.0, 0.5, 0.25, 1.0};
  const LltStates s = Smooth({2, 4}, params, options);

  EXPECT_DOUBLE_EQ(s.filtered[0].level, 1);
  EXPECT_DOUBLE_EQ(s.filtered[0].slope, 0);
  EXPECT_DOUBLE_EQ(s.filtered[0].level_var, 0.5);
  EXPECT_DOUBLE_EQ(s.filtered[0].slope_var, 1);
  EXPECT_DOUBLE_EQ(s.predicted[1].level_var, 2);
  EXPECT_DOUBLE_EQ(s.predicted[1].level_slope_cov, 1);
  EXPECT_DOUBLE_EQ(s.predicted[1].slope_var, 1.25);
  EXPECT_DOUBLE_EQ(s.filtered[1].level, 3);
  EXPECT_DOUBLE_EQ(s.filtered[1].slope, 1);
  EXPECT_NEAR(s.filtered[1].level_var, 2.0 / 3, 1e-15);
  EXPECT_NEAR(s.filtered[1].level_slope_cov, 1.0 / 3, 1e-15);
  EXPECT_NEAR(s.filtered[1].slope_var, 11.0 / 12, 1e-15);

  EXPECT_NEAR(s.smoothed[0].level, 1.5, 1e-15);
  EXPECT_NEAR(s.smoothed[0].slope, 1, 1e-15);
  EXPECT_NEAR(s.smoothed[0].level_var, 5.0 / 12, 1e-15);
  EXPECT_NEAR(s.smoothed[0].level_slope_cov, -1.0 / 6, 1e-15);
  EXPECT_NEAR(s.smoothed[0].slope_var, 2.0 / 3, 1e-15);
  EXPECT_DOUBLE_EQ(s.smoothed[1].level, s.filtered[1].level);

  const double expected =
      -0.5 * (kLog2Pi + std::log(2.0) + 2) - 0.5 * (kLog2Pi + std::log(3.0) + 3);
  EXPECT_NEAR(s.loglikelihood, expected, 1e-14);
  options.loglikelihood_burn = 1;  // leaves out the first term
  EXPECT_NEAR(LocalLinearTrendLogLikelihood({2, 4}, params, options),
              -0.5 * (kLog2Pi + std::log(3.0) + 3), 1e-14);
}

// Exact diffuse: two observations pin down level and slope as if through a straight line; the
// filtered state at t=2 is (y2, y2 - y1) with covariance [H H; H 2H + s2_level + s2_slope],
// and the third period is predicted on that line. Each diffuse period adds -log(2 pi)/2.
TEST(LocalLinearTrendKalman, ExactDiffuseStartsOnTheLineThroughTwoPoints) {
  LltOptions options;
  options.initialisation = LltInitialisation::kExactDiffuse;
  const LltParams params{2.0, 0.5, 0.1, 1.0};
  const LltStates s = Smooth({3, 7, 10}, params, options);
  EXPECT_EQ(s.diffuse_periods, 2);
  EXPECT_TRUE(std::isinf(s.filtered[0].slope_var));  // one point says nothing about the slope
  EXPECT_NEAR(s.filtered[1].level, 7, 1e-12);
  EXPECT_NEAR(s.filtered[1].slope, 4, 1e-12);
  EXPECT_NEAR(s.filtered[1].level_var, 2, 1e-12);
  EXPECT_NEAR(s.filtered[1].level_slope_cov, 2, 1e-12);
  EXPECT_NEAR(s.filtered[1].slope_var, 4.6, 1e-12);
  EXPECT_NEAR(s.predicted[2].level, 11, 1e-12);
  const double f3 = 2 + 4.6 + 2 * 2 + 2 + 0.5;  // Z T P_2|2 T' Z' + s2_level + H
  EXPECT_NEAR(s.loglikelihood, -kLog2Pi - 0.5 * (kLog2Pi + std::log(f3) + 1.0 / f3), 1e-12);
}

// A line with a small deterministic wiggle: the fitted slope is the line's, and the momentum is
// clearly positive (or negative for the falling line).
TEST(LocalLinearTrendFit, StraightLineRecoversItsSlope) {
  std::vector<double> rising, falling;
  for (int t = 0; t < 60; ++t) {
    const double wiggle = 0.1 * ((t * 7) % 5 - 2);
    rising.push_back(5 + 2 * t + wiggle);
    falling.push_back(5 - 0.5 * t + wiggle);
  }
  for (auto init : {LltInitialisation::kStatsmodels, LltInitialisation::kExactDiffuse}) {
    LltOptions options;
    options.initialisation = init;
    const LocalLinearTrendFit up = FitLocalLinearTrend(rising, options);
    EXPECT_TRUE(up.convergence.converged) << up.convergence.status;
    EXPECT_GE(up.convergence.starts_agreeing, 2);
    EXPECT_NEAR(up.states.smoothed.back().slope, 2, 0.01);
    EXPECT_NEAR(up.states.smoothed[30].slope, 2, 0.01);
    const Momentum m = MomentumFromSlope(up.states.smoothed.back(), 1.0);
    EXPECT_NEAR(m.per_30_days, 60, 0.3);
    EXPECT_EQ(m.direction, MomentumDirection::kImproving);

    const LocalLinearTrendFit down = FitLocalLinearTrend(falling, options);
    EXPECT_NEAR(down.states.smoothed.back().slope, -0.5, 0.01);
    EXPECT_EQ(MomentumFromSlope(down.states.smoothed.back(), 7.0).direction,
              MomentumDirection::kDeteriorating);
  }
}

// Fewer observations, wider intervals: at the same parameters, blanking the last periods
// widens the final slope interval, and blanking a middle period widens its smoothed level.
TEST(LocalLinearTrendKalman, MissingObservationsWidenTheInterval) {
  std::vector<double> y;
  for (int t = 0; t < 40; ++t) y.push_back(10 + 0.3 * t + std::sin(t * 1.3));
  std::vector<double> gaps = y;
  for (int t : {20, 36, 37, 38, 39}) gaps[t] = kNaN;
  const LltParams params{0.5, 0.1, 0.01, 1.0};
  const LltOptions options;
  const LltStates full = Smooth(y, params, options);
  const LltStates missing = Smooth(gaps, params, options);

  EXPECT_GT(missing.smoothed[20].level_var, full.smoothed[20].level_var);
  EXPECT_DOUBLE_EQ(missing.filtered[20].level, missing.predicted[20].level);  // no update
  const Momentum m_full = MomentumFromSlope(full.smoothed.back(), 1.0);
  const Momentum m_missing = MomentumFromSlope(missing.smoothed.back(), 1.0);
  EXPECT_GT(m_missing.upper - m_missing.lower, m_full.upper - m_full.lower);
  // Through the four blank periods the slope is only predicted: its variance grows by s2_slope
  // per period.
  EXPECT_NEAR(missing.filtered[39].slope_var - missing.filtered[35].slope_var, 4 * 0.01, 1e-12);
  // Missing periods add nothing to the likelihood.
  EXPECT_EQ(missing.loglikelihood_terms[20], 0);
}

TEST(LocalLinearTrendMomentum, IntervalAndDirection) {
  EXPECT_NEAR(TwoSidedNormalQuantile(0.90), 1.6448536269514722, 1e-14);
  EXPECT_NEAR(TwoSidedNormalQuantile(0.95), 1.959963984540054, 1e-14);
  EXPECT_NEAR(TwoSidedNormalQuantile(0.999), 3.2905267314919255, 1e-13);

  TrendEstimate last;
  last.slope = 1.0;       // per week
  last.slope_var = 0.25;  // se 0.5 per week
  const Momentum m = MomentumFromSlope(last, 7.0);
  EXPECT_NEAR(m.per_30_days, 30.0 / 7, 1e-14);
  EXPECT_NEAR(m.standard_error, 0.5 * 30 / 7, 1e-14);
  EXPECT_NEAR(m.lower, (1 - 1.6448536269514722 * 0.5) * 30 / 7, 1e-13);
  EXPECT_EQ(m.direction, MomentumDirection::kImproving);  // lower bound 0.18 * 30/7 > 0
  last.slope_var = 0.5;                                   // se 0.71: the interval now includes 0
  EXPECT_EQ(MomentumFromSlope(last, 7.0).direction, MomentumDirection::kSteady);
  last.slope = -1.5;
  EXPECT_EQ(MomentumFromSlope(last, 7.0).direction, MomentumDirection::kDeteriorating);
  EXPECT_EQ(MomentumDirectionName(MomentumDirection::kSteady), "steady");
  // One spelling, read back by the report model's JSON reader.
  for (MomentumDirection d : {MomentumDirection::kImproving, MomentumDirection::kDeteriorating,
                              MomentumDirection::kSteady})
    EXPECT_EQ(MomentumDirectionFromName(MomentumDirectionName(d)), d);
  EXPECT_EQ(MomentumDirectionName(MomentumDirection::kDeteriorating), "deteriorating");
  EXPECT_FALSE(MomentumDirectionFromName("worsening"));
  EXPECT_EQ(DirectionOfInterval(std::nan(""), -0.1), MomentumDirection::kDeteriorating);
  EXPECT_EQ(DirectionOfInterval(std::nan(""), std::nan("")), MomentumDirection::kSteady);
}

TEST(LocalLinearTrendErrors, RejectsInvalidInputs) {
  const LltOptions options;
  EXPECT_THROW(Smooth({1, 2, 3}, {-1.0, 0.1, 0.1, 1.0}, options), Error);
  EXPECT_THROW(Smooth({1, 2, 3}, {1.0, 0.1, 0.1, 1.5}, options), Error);
  try {
    FitLocalLinearTrend({1, kNaN, 2, kNaN}, options);
    FAIL() << "two observations cannot identify three variances";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kCompute);
    EXPECT_NE(std::string(e.what()).find("got 2"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace triad
