// The Diebold-Mariano test against a direct computation (numbers from numpy and scipy, see each
// test), the forecast models on series whose forecasts are known, and the rolling evaluation's
// bookkeeping: each origin's forecast is a fresh fit on the rows up to it, whatever the threads.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "common/error.hpp"
#include "scenarios/diebold_mariano.hpp"
#include "scenarios/forecast_evaluation.hpp"
#include "scenarios/forecast_models.hpp"
#include "scenarios/normal_stream.hpp"

namespace triad {
namespace {

TEST(StudentT, TwoSidedPValue) {
  // scipy: 2 * stats.t.sf(2.0, 10)
  EXPECT_NEAR(StudentTTwoSidedPValue(2.0, 10), 0.07338803477074039, 1e-12);
  EXPECT_NEAR(StudentTTwoSidedPValue(-2.0, 10), 0.07338803477074039, 1e-12);
  EXPECT_DOUBLE_EQ(StudentTTwoSidedPValue(0.0, 5), 1.0);
}

TEST(DieboldMariano, MatchesTheDirectComputation) {
  // numpy: d̄, V = gamma_0 + 2 gamma_1 (divisor n), DM = d̄ / sqrt(V / n),
  // HLN = DM sqrt((n + 1 - 2h + h (h - 1) / n) / n), p = 2 t.sf(|HLN|, n - 1).
  const std::vector<double> d = {0.3, 0.2, 0.4, 0.5, -0.1, 0.6, 0.4, 0.0, 0.25, 0.3, 0.1, 0.35};
  const DieboldMarianoTest t = DieboldMariano(d, 2);
  EXPECT_EQ(t.n, 12);
  EXPECT_FALSE(t.variance_fallback);
  EXPECT_NEAR(t.mean_differential, 0.275, 1e-15);
  EXPECT_NEAR(t.long_run_variance, 0.004895833333333335, 1e-15);
  EXPECT_NEAR(t.statistic, 13.614760450616068, 1e-11);
  EXPECT_NEAR(t.corrected_statistic, 11.899401021935976, 1e-11);
  EXPECT_NEAR(t.p_value, 1.2683701366449997e-07, 1e-15);
}

TEST(DieboldMariano, NegativeLongRunVarianceFallsBackToGammaZero) {
  // numpy: gamma_0 + 2 (gamma_1 + gamma_2) = -0.02914 < 0, so gamma_0 = 0.091225 alone.
  const std::vector<double> d = {0.3, -0.1, 0.4, 0.2, -0.5, 0.6, 0.1, 0.0, 0.25, -0.2};
  const DieboldMarianoTest t = DieboldMariano(d, 3);
  EXPECT_TRUE(t.variance_fallback);
  EXPECT_NEAR(t.long_run_variance, 0.091225, 1e-15);
  EXPECT_NEAR(t.statistic, 1.0993408423915072, 1e-12);
  EXPECT_NEAR(t.corrected_statistic, 0.8226713567032939, 1e-12);
  EXPECT_NEAR(t.p_value, 0.4319508663669417, 1e-12);
}

TEST(DieboldMariano, EqualLossesAreNoEvidence) {
  const std::vector<double> d(8, 0.0);
  const DieboldMarianoTest t = DieboldMariano(d, 1);
  EXPECT_EQ(t.corrected_statistic, 0.0);
  EXPECT_EQ(t.p_value, 1.0);
  EXPECT_THROW(DieboldMariano(std::vector<double>{1.0}, 1), Error);
}

TEST(DieboldMariano, TooFewOriginsForTheHorizonIsNoTest) {
  // n = h = 5: n + 1 - 2h + h (h - 1) / n = 0, the correction is undefined.
  const std::vector<double> d = {0.1, 0.3, -0.2, 0.4, 0.2};
  const DieboldMarianoTest t = DieboldMariano(d, 5);
  EXPECT_TRUE(std::isnan(t.corrected_statistic));
  EXPECT_TRUE(std::isnan(t.p_value));
  EXPECT_FALSE(std::isnan(DieboldMariano(d, 2).p_value));
}

VarData Series(int rows, int columns, std::uint64_t seed) {
  VarData d;
  d.values.resize(rows, columns);
  NormalStream s(seed, 0);
  for (int j = 0; j < columns; ++j) {
    d.names.push_back("Y" + std::to_string(j));
    double level = 0;
    for (int t = 0; t < rows; ++t) {
      level = 0.7 * level + s.NextNormal();
      d.values(t, j) = level + (j > 0 ? 0.5 * d.values(t, 0) : 0.0);
    }
  }
  return d;
}

TEST(ForecastModels, NoChangeIsTheLastValueWithARandomWalkSpread) {
  VarData d;
  d.names = {"Y"};
  d.values.resize(5, 1);
  d.values << 1, 3, 2, 5, 4;  // changes 2, -1, 3, -1: mean 0.75, variance 12.75 / 3 = 4.25
  const ModelForecast f = ForecastFrom(ForecastModel::kNoChange, d, 1, 4, {});
  for (int h = 1; h <= 4; ++h) {
    EXPECT_DOUBLE_EQ(f.at[h - 1][0].mean, 4.0);
    EXPECT_NEAR(f.at[h - 1][0].sd, std::sqrt(4.25 * h), 1e-12);
  }
}

TEST(ForecastModels, TrendContinuesAStraightLine) {
  VarData d;
  d.names = {"Y"};
  d.values.resize(40, 1);
  NormalStream s(5, 0);
  for (int t = 0; t < 40; ++t) d.values(t, 0) = 2.0 + 0.5 * t + 1e-3 * s.NextNormal();
  const ModelForecast f = ForecastFrom(ForecastModel::kLocalLinearTrend, d, 1, 3, {});
  for (int h = 1; h <= 3; ++h) EXPECT_NEAR(f.at[h - 1][0].mean, 2.0 + 0.5 * (39 + h), 0.01) << h;
  EXPECT_LT(f.at[0][0].sd, f.at[2][0].sd);
}

TEST(ForecastModels, VarWithDriversNeedsDrivers) {
  const VarData d = Series(60, 2, 3);
  EXPECT_THROW(ForecastFrom(ForecastModel::kVarDrivers, d, 2, 2, {}), Error);
  const ModelForecast f = ForecastFrom(ForecastModel::kVarDrivers, d, 1, 2, {});
  EXPECT_EQ(f.drivers, std::vector<std::string>{"Y1"});
  EXPECT_GE(f.lags, 1);
}

TEST(ForecastEvaluation, EachOriginIsAFreshFitOnTheRowsUpToIt) {
  const VarData d = Series(50, 3, 11);
  EvaluationOptions o;
  o.horizon = 3;
  o.min_train = 30;
  o.step = 4;
  o.keep_forecasts = true;
  o.threads = 1;
  const EvaluationResult r = EvaluateForecasts(d, 2, o);
  // Origins 29, 33, ..., 45 (the second-to-last row is 48).
  EXPECT_EQ(r.origins, (std::vector<int>{29, 33, 37, 41, 45}));
  ASSERT_EQ(r.models.size(), 5u);  // no-change, trend, VAR, VAR + drivers (Y2 is a driver), BVAR
  EXPECT_EQ(r.forecasts.size(), 5u * 5u);
  for (const OriginForecast& f : r.forecasts) {
    VarData cut = d;
    cut.values = d.values.topRows(f.origin + 1);
    const ModelForecast fresh = ForecastFrom(f.model, cut, 2, 3, o.model);
    for (int h = 0; h < 3; ++h)
      for (int j = 0; j < 2; ++j) {
        EXPECT_EQ(f.forecast.at[h][j].mean, fresh.at[h][j].mean);
        EXPECT_EQ(f.forecast.at[h][j].sd, fresh.at[h][j].sd);
      }
  }
  // Horizon 3 from origin 45 is row 48: every origin is scored at every horizon here.
  EXPECT_EQ(r.models[2].horizons[2].origins, 5);
  EXPECT_EQ(r.models[2].horizons[2].forecasts, 10);
  EXPECT_FALSE(r.models[0].horizons[0].versus_no_change.has_value());
  ASSERT_TRUE(r.models[2].horizons[0].versus_no_change.has_value());

  o.threads = 2;
  const EvaluationResult r2 = EvaluateForecasts(d, 2, o);
  for (std::size_t m = 0; m < r.models.size(); ++m)
    for (std::size_t h = 0; h < 3; ++h)
      EXPECT_EQ(r.models[m].horizons[h].crps, r2.models[m].horizons[h].crps);
}

TEST(ForecastEvaluation, TooLittleDataForAnOriginIsAUsageError) {
  const VarData d = Series(25, 1, 2);
  EvaluationOptions o;
  o.min_train = 25;
  try {
    EvaluateForecasts(d, 1, o);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUsage);
    EXPECT_NE(std::string(e.what()).find("no forecast origin"), std::string::npos);
  }
  o.models = {ForecastModel::kVarDrivers};
  o.min_train = 20;
  const EvaluationResult r = EvaluateForecasts(d, 1, o);
  ASSERT_EQ(r.models.size(), 1u);  // no-change only: no drivers in the data
  EXPECT_EQ(r.notes,
            std::vector<std::string>{"VAR + drivers left out: the data have no driver series"});
}

}  // namespace
}  // namespace triad
