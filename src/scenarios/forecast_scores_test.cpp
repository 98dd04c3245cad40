// CRPS of a sample against the closed form for a normal, and the backtest's bookkeeping.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "scenarios/backtest.hpp"
#include "scenarios/forecast_scores.hpp"
#include "scenarios/normal_stream.hpp"
#include "scenarios/scenario_test_support.hpp"

namespace triad {
namespace {

TEST(Crps, SampleFromANormalApproachesTheClosedForm) {
  constexpr int n = 200000;
  std::vector<double> sample(n);
  NormalStream s(3, 0);
  for (double& x : sample) x = 10 + 2 * s.NextNormal();
  for (double y : {10.0, 11.5, 4.0, 20.0}) {
    // The empirical CRPS converges at rate 1/sqrt(n); 0.01 sd is about 4 Monte Carlo s.e. here.
    EXPECT_NEAR(CrpsOfSample(sample, y), CrpsOfNormal(10, 2, y), 0.02) << y;
  }
  // Closed form at the mean: sd (2 phi(0) - 1/sqrt(pi)) = sd (sqrt(2) - 1) / sqrt(pi).
  EXPECT_NEAR(CrpsOfNormal(0, 1, 0), (std::sqrt(2.0) - 1) / std::sqrt(std::numbers::pi), 1e-15);
}

TEST(Crps, DegenerateForecastsAreAbsoluteErrors) {
  EXPECT_DOUBLE_EQ(CrpsOfSample(std::vector<double>{3.0}, 5.5), 2.5);
  EXPECT_DOUBLE_EQ(CrpsOfSample(std::vector<double>(10, 1.0), -1.0), 2.0);
  EXPECT_DOUBLE_EQ(CrpsOfNormal(1.0, 0.0, 4.0), 3.0);
  // Two points {0, 2}, y = 0: E|X - y| = 1, E|X - X'| = 1, CRPS = 1 - 1/2.
  EXPECT_DOUBLE_EQ(CrpsOfSample(std::vector<double>{2.0, 0.0}, 0.0), 0.5);
}

TEST(Backtest, CoverageAndScoresOfTheWeeklySample) {
  const VarData data = ReadVarCsv(
      std::string(TRIAD_SOURCE_DIR) + "/tests/data/series/gdelt_weekly_chn_usa_jpn.csv", {}, {});
  VarData train = data;
  const int cut = 300;
  train.values = data.values.topRows(cut);
  train.labels.resize(cut);
  const VarFit fit = FitVar(train, VarSpec{1, VarTrend::kConstant});
  const int horizon = static_cast<int>(data.values.rows()) - cut;
  const std::vector<std::string> labels(data.labels.begin() + cut, data.labels.end());
  const BacktestResult r =
      RunBacktest(fit, train.values, data.values.bottomRows(horizon), labels, {4000, 2, 2});
  ASSERT_EQ(r.variables.size(), 3u);
  const BacktestVariable& v = r.variables[1];
  ASSERT_EQ(static_cast<int>(v.steps.size()), horizon);
  EXPECT_EQ(v.steps[0].label, data.labels[cut]);
  int in50 = 0;
  double crps = 0;
  for (const BacktestStep& s : v.steps) {
    EXPECT_EQ(s.observed, data.values(cut + s.step - 1, 1));
    in50 += s.observed >= s.quantile[1] && s.observed <= s.quantile[3];
    crps += s.crps;
    EXPECT_DOUBLE_EQ(s.error_no_change, std::abs(s.observed - train.values(cut - 1, 1)));
  }
  EXPECT_DOUBLE_EQ(v.coverage50, static_cast<double>(in50) / horizon);
  EXPECT_NEAR(v.mean_crps, crps / horizon, 1e-9);
  EXPECT_LE(v.coverage50, v.coverage90);
}

}  // namespace
}  // namespace triad
