#include "measures/var_adequacy.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "common/error.hpp"
#include "measures/driver_analysis.hpp"

namespace triad {
namespace {

TEST(ChiSquare, SurvivalMatchesClosedForms) {
  for (double x : {0.01, 0.5, 2.0, 7.3, 30.0, 120.0}) {
    // df 2: exp(-x/2); df 1: erfc(sqrt(x/2)); df 4: exp(-x/2) (1 + x/2).
    EXPECT_NEAR(ChiSquareSurvival(x, 2), std::exp(-x / 2), 1e-14 * std::exp(-x / 2) + 1e-300);
    EXPECT_NEAR(ChiSquareSurvival(x, 1), std::erfc(std::sqrt(x / 2)),
                1e-12 * std::erfc(std::sqrt(x / 2)) + 1e-300);
    EXPECT_NEAR(ChiSquareSurvival(x, 4), std::exp(-x / 2) * (1 + x / 2),
                1e-12 * std::exp(-x / 2) * (1 + x / 2) + 1e-300);
  }
  EXPECT_EQ(ChiSquareSurvival(0, 3), 1.0);
  // The 95% quantiles every table prints.
  EXPECT_NEAR(ChiSquareQuantileUpper(0.05, 1), 3.841458820694124, 1e-10);
  EXPECT_NEAR(ChiSquareQuantileUpper(0.05, 6), 12.591587243743977, 1e-10);
  EXPECT_NEAR(ChiSquareQuantileUpper(0.05, 81), 103.00950871622, 1e-8);
}

// A VAR(1) in two series with a constant, driven by `noise`.
VarData TwoSeries(int rows, bool fat_tails) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::student_t_distribution<double> t3(3.0);
  VarData d;
  d.names = {"A_B", "DRIVER"};
  d.values.resize(rows, 2);
  double a = 0, b = 0;
  for (int t = 0; t < rows; ++t) {
    const double ea = fat_tails ? t3(rng) : normal(rng), eb = fat_tails ? t3(rng) : normal(rng);
    const double na = 0.5 * a + 0.3 * b + ea;
    b = 0.4 * b + eb;
    a = na;
    d.values(t, 0) = a;
    d.values(t, 1) = b;
  }
  return d;
}

TEST(VarAdequacy, GaussianWhiteResidualsPassAndFatTailsAreFlagged) {
  const VarFit fit = FitVar(TwoSeries(400, false), VarSpec{1, VarTrend::kConstant});
  const VarAdequacy a = CheckVarAdequacy(fit);
  ASSERT_TRUE(a.whiteness.has_value());
  EXPECT_EQ(a.whiteness_lags, 10);
  EXPECT_EQ(a.whiteness->df, 4 * 9);  // K^2 (h - p)
  EXPECT_FALSE(a.whiteness->rejected());
  EXPECT_EQ(a.normality.df, 4);
  EXPECT_FALSE(a.normality.rejected());
  EXPECT_EQ(NormalityWarning(a.normality), "");
  // Student t(3) shocks: the Jarque-Bera test rejects, and the driver analysis says so.
  const DriverAnalysis fat = AnalyseDrivers(TwoSeries(400, true), {"A_B"}, DriverAnalysisOptions{});
  ASSERT_TRUE(fat.adequacy.has_value());
  EXPECT_TRUE(fat.adequacy->normality.rejected());
  bool warned = false;
  for (const std::string& w : fat.warnings)
    warned =
        warned || w.rfind("the VAR's residuals are not Gaussian (multivariate Jarque-Bera", 0) == 0;
  EXPECT_TRUE(warned);
}

TEST(VarAdequacy, AutocorrelatedResidualsAreFlagged) {
  // The data are a VAR(2) (y_t = 0.9 y_{t-2} + e): a VAR(1) leaves the second lag in the residuals.
  VarData d = TwoSeries(300, false);
  std::mt19937_64 rng(11);
  std::normal_distribution<double> normal(0.0, 1.0);
  for (int t = 2; t < 300; ++t) d.values(t, 0) = 0.9 * d.values(t - 2, 0) + normal(rng);
  DriverAnalysisOptions options;
  options.lags = 1;
  const DriverAnalysis a = AnalyseDrivers(d, {"A_B"}, options);
  ASSERT_TRUE(a.adequacy && a.adequacy->whiteness);
  EXPECT_TRUE(a.adequacy->whiteness->rejected());
  bool warned = false;
  for (const std::string& w : a.warnings)
    warned = warned || w.rfind("the VAR's residuals are autocorrelated (portmanteau Q = ", 0) == 0;
  EXPECT_TRUE(warned);
}

TEST(VarAdequacy, WhitenessNeedsMoreLagsThanTheVar) {
  const VarFit fit = FitVar(TwoSeries(40, false), VarSpec{2, VarTrend::kConstant});
  EXPECT_THROW(TestWhiteness(fit, 2), Error);
  EXPECT_THROW(TestWhiteness(fit, 38), Error);
  EXPECT_EQ(WhitenessLags(fit), 10);
  // 12 rows, VAR(2): 10 residual rows allow at most 5 lags.
  EXPECT_EQ(WhitenessLags(FitVar(TwoSeries(12, false), VarSpec{2, VarTrend::kConstant})), 5);
}

}  // namespace
}  // namespace triad
