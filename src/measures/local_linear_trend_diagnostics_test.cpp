#include "measures/local_linear_trend_diagnostics.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace triad {
namespace {

bool Has(const std::vector<TrendFitWarning>& w, TrendFitIssue issue) {
  for (const auto& x : w)
    if (x.issue == issue) return true;
  return false;
}

// A deterministic line with alternating noise: the maximum likelihood puts the level and slope
// variances at zero (the issue's "six-year straight line").
std::vector<double> LineWithNoise(int n) {
  std::vector<double> y;
  for (int t = 0; t < n; ++t) y.push_back(0.05 * t + 0.3 * std::sin(2.1 * t) + 0.2 * ((t % 3) - 1));
  return y;
}

TEST(TrendFitDiagnostics, AStraightLineFitIsFlagged) {
  const std::vector<double> y = LineWithNoise(80);
  const LocalLinearTrendFit fit = FitLocalLinearTrend(y, LltOptions{});
  const auto w = DiagnoseTrendFit(fit, y);
  EXPECT_LE(fit.params.slope_var, 1e-8 * 1.0);
  ASSERT_TRUE(Has(w, TrendFitIssue::kStraightLine));
  for (const auto& x : w)
    if (x.issue == TrendFitIssue::kStraightLine) {
      EXPECT_EQ(x.key, "slope_constant_over_sample");
      EXPECT_NE(x.message.find("straight line through the whole sample"), std::string::npos);
      EXPECT_NE(x.message.find("all 80 observed periods"), std::string::npos);
    }
  EXPECT_FALSE(Has(w, TrendFitIssue::kIrregularAtZero));
}

TEST(TrendFitDiagnostics, BoundaryIsRelativeToTheScaleOfTheSeries) {
  LocalLinearTrendFit fit;
  fit.observations = 4;
  fit.convergence.starts = 4;
  fit.convergence.starts_agreeing = 4;
  const std::vector<double> y = {0, 1000, 0, 1000};  // variance 250000: "zero" is below 2.5e-3
  fit.params = {1e-3, 3e-3, 2.0, 1};
  auto w = DiagnoseTrendFit(fit, y);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].issue, TrendFitIssue::kIrregularAtZero);
  EXPECT_EQ(w[0].key, "irregular_variance_at_zero");
  // On a series of unit scale the same 1e-3 is a real variance.
  w = DiagnoseTrendFit(fit, {0, 1, 0, 1});
  EXPECT_TRUE(w.empty());
  fit.params = {1, 0, 1, 1};
  w = DiagnoseTrendFit(fit, {0, 1, 0, 1});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].issue, TrendFitIssue::kLevelAtZero);
}

TEST(TrendFitDiagnostics, FewerThanHalfTheStartsAgreeingIsFlagged) {
  LocalLinearTrendFit fit;
  fit.params = {1, 1, 1, 1};
  fit.convergence.starts = 4;
  fit.convergence.starts_agreeing = 2;  // half: not flagged
  EXPECT_TRUE(DiagnoseTrendFit(fit, {0, 1, 0, 1}).empty());
  fit.convergence.starts_agreeing = 1;
  const auto w = DiagnoseTrendFit(fit, {0, 1, 0, 1});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].issue, TrendFitIssue::kStartsDisagree);
  EXPECT_NE(w[0].message.find("only 1 of 4 optimiser starts"), std::string::npos);
}

}  // namespace
}  // namespace triad
