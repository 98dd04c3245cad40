#include "measures/local_linear_trend_kalman.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace triad {
namespace {

// With a zero irregular variance the level at an observed period is that observation: its
// filtered and smoothed variances are zero in exact arithmetic, and rounding (-1.4e-17 at t = 2
// for this series and these variances, an optimum of it) must not make them negative, or a
// standard error sqrt(var) would be NaN.
TEST(LocalLinearTrendKalman, VariancesAreNeverNegative) {
  std::vector<double> y;
  for (int t = 0; t < 30; ++t) y.push_back(0.05 * t + std::sin(0.7 * t) * 0.4 + 0.1 * (t % 3));
  const LltParams params{0.0, 0.06148712778028488, 0.0, 1.0};
  const LltStates s = Smooth(y, params, LltOptions{});
  const int unknown = PeriodsWithUnknownVariance(y, LltOptions{});
  for (std::size_t t = static_cast<std::size_t>(unknown); t < y.size(); ++t) {
    EXPECT_GE(s.smoothed[t].level_var, 0) << "t = " << t;
    EXPECT_GE(s.filtered[t].level_var, 0) << "t = " << t;
    EXPECT_GE(s.smoothed[t].slope_var, 0) << "t = " << t;
  }
}

}  // namespace
}  // namespace triad
