// The simulator against the model's analytic results, on the weekly triangle VAR(2):
// - no levers: mean and covariance at horizons 1, 5, 20 equal the forecast and its MSE matrix
//   (measures/var_forecast.hpp) within Monte Carlo error;
// - a shift or shock lever moves the mean path by the sum of moving-average coefficients applied
//   to it (exactly, since scenario and baseline share their shocks and the VAR is linear);
// - a window scales the spread as the MA representation with scaled innovations says;
// - the same seed gives the same output for 1 and 2 threads.
// Tolerances are k standard errors of the Monte Carlo estimate (k = 4 unless stated).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "measures/var_forecast.hpp"
#include "measures/var_impulse.hpp"
#include "scenarios/path_simulator.hpp"
#include "scenarios/scenario_plan.hpp"
#include "scenarios/scenario_test_support.hpp"
#include "scenarios/simulation.hpp"

#include "measures/var_csv.hpp"
#include "scenarios/simulation_json.hpp"

namespace triad {
namespace {

constexpr double kSe = 4.0;

// Mean vector and covariance matrix across paths at every step (two-pass, in path order).
struct Moments {
  std::vector<Eigen::VectorXd> mean;
  std::vector<Eigen::MatrixXd> cov;
};

Moments SimulatedMoments(const ScenarioPlan& plan, const SystemAdjustments& system, int paths,
                         std::uint64_t seed) {
  Moments m;
  const int k = plan.K();
  StepFunctionObserver observer([&](const StepValues& v, WorkerPool&) {
    Eigen::MatrixXd y(paths, k);
    for (int r = 0; r < k; ++r)
      for (int i = 0; i < paths; ++i) y(i, r) = v.Row(0, r)[i];
    const Eigen::RowVectorXd mean = y.colwise().mean();
    const Eigen::MatrixXd centred = y.rowwise() - mean;
    m.mean.push_back(mean.transpose());
    m.cov.push_back(centred.transpose() * centred / (paths - 1));
  });
  WorkerPool pool(2);
  SimulatePaths(plan, {system}, paths, seed, pool, observer);
  return m;
}

// sum_{i=1..h} Phi_{h-i} D_i Sigma_u D_i Phi_{h-i}', D_i = diag(scale row i - 1).
Eigen::MatrixXd AnalyticCovariance(const VarFit& fit, const Eigen::MatrixXd& scale, int h) {
  const std::vector<Eigen::MatrixXd> phi = MovingAverageMatrices(fit, h);
  Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(fit.K(), fit.K());
  for (int i = 1; i <= h; ++i) {
    const Eigen::MatrixXd d = scale.row(i - 1).asDiagonal();
    cov += phi[h - i] * d * fit.sigma_u * d * phi[h - i].transpose();
  }
  return cov;
}

class SimulationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fit_ = new VarFit(testing::WeeklyTriangleFit()); }
  static void TearDownTestSuite() { delete fit_; }
  static VarFit* fit_;
};
VarFit* SimulationTest::fit_ = nullptr;

TEST_F(SimulationTest, WithoutLeversMeanAndCovarianceAreTheForecastAndMse) {
  const VarFit& fit = *fit_;
  const ScenarioPlan plan = PlanScenario(testing::InlineScenario("horizon = 20"), fit);
  constexpr int paths = 40000;
  const Moments m = SimulatedMoments(plan, plan.baseline, paths, 11);
  const VarForecast f = Forecast(fit, fit.last_values, 20);
  for (int h : {1, 5, 20}) {
    const Eigen::MatrixXd& mse = f.mse[h - 1];
    for (int i = 0; i < fit.K(); ++i) {
      EXPECT_NEAR(m.mean[h - 1](i), f.mean(h - 1, i), kSe * std::sqrt(mse(i, i) / paths))
          << "mean, h " << h << " " << fit.names[i];
      for (int j = 0; j < fit.K(); ++j) {
        // s.e. of a sample covariance of jointly normal variables.
        const double se = std::sqrt((mse(i, i) * mse(j, j) + mse(i, j) * mse(i, j)) / paths);
        EXPECT_NEAR(m.cov[h - 1](i, j), mse(i, j), kSe * se) << "cov, h " << h << " " << i << j;
      }
    }
  }
}

TEST_F(SimulationTest, ShiftLeverMovesTheMeanBySummedMovingAverageCoefficients) {
  const VarFit& fit = *fit_;
  // Data end 2024-02-19 (a Monday): 2024-03-13 is in the week of 2024-03-11, step 3.
  const Scenario s = testing::InlineScenario(
      "horizon = 12\npaths = 1000",
      "[[lever]]\nname = \"dialogue\"\nvariable = \"CHN_JPN\"\nfrom = 2024-03-13\nsize = 10\n"
      "[[lever]]\nname = \"ramped\"\nvariable = \"CHN_USA\"\nfrom = 2024-03-04\nramp = 4\n"
      "size = -8\n");
  const ScenarioPlan plan = PlanScenario(s, fit);
  const SimulationResult r = RunSimulation(s, plan, {1000, 5, 2});
  const std::vector<Eigen::MatrixXd> phi = MovingAverageMatrices(fit, 12);
  for (int h = 1; h <= 12; ++h) {
    Eigen::VectorXd expected = Eigen::VectorXd::Zero(3);
    for (int t = 3; t <= h; ++t) expected += phi[h - t].col(1) * 10.0;  // CHN_JPN from step 3
    for (int t = 2; t <= h; ++t)  // CHN_USA from step 2, ramped over 4 steps
      expected += phi[h - t].col(0) * (-8.0 * std::min(1.0, (t - 1) / 4.0));
    for (int i = 0; i < 3; ++i)
      EXPECT_NEAR(r.scenario[h - 1].variables[i].mean - r.baseline[h - 1].variables[i].mean,
                  expected(i), 1e-9)
          << "h " << h << " " << fit.names[i];
  }
  // Step 1 is the week after the data.
  EXPECT_EQ(r.scenario[0].date, *ParseDate("2024-02-26"));
}

TEST(LogitShareSimulation, ReportedAsAShareWithItsLeverConvertedAtTheLastShare) {
  // The weekly triangle with USA_JPN rescaled to values around 0 (x / 100 - 1) and read as
  // logit(share): its paths are summarised through the logistic function, and a shift given in
  // share units enters the logit equation divided by p (1 - p) at the last observed share.
  VarData data = ReadVarCsv(
      std::string(TRIAD_SOURCE_DIR) + "/tests/data/series/gdelt_weekly_chn_usa_jpn.csv", {}, {});
  data.values.col(2) = (data.values.col(2).array() / 100.0 - 1.0).matrix();
  const VarFit levels = FitVar(data, VarSpec{2, VarTrend::kConstant});
  VarFit shares = levels;
  shares.logit_shares = {"USA_JPN"};
  const Scenario s = testing::InlineScenario(
      "horizon = 8\npaths = 2000",
      "[[lever]]\nname = \"posture\"\nvariable = \"USA_JPN\"\nfrom = 2024-02-26\nsize = 0.01\n");
  const ScenarioPlan plan = PlanScenario(s, shares);
  ASSERT_EQ(plan.logit_share, (std::vector<bool>{false, false, true}));
  const double p = 1 / (1 + std::exp(-shares.last_values(shares.last_values.rows() - 1, 2)));
  ASSERT_GT(p, 0.1);
  ASSERT_LT(p, 0.9);
  EXPECT_NEAR(plan.lever_offset[0](0, 2), 0.01 / (p * (1 - p)), 1e-12);
  EXPECT_EQ(plan.lever_offset[0](0, 0), 0.0);
  const SimulationResult r = RunSimulation(s, plan, {2000, 7, 2});
  const SimulationResult raw = RunSimulation(s, PlanScenario(s, levels), {2000, 7, 2});
  for (int h = 1; h <= 8; ++h) {
    const VariableSummary& share = r.baseline[h - 1].variables[2];
    const VariableSummary& logit = raw.baseline[h - 1].variables[2];
    for (std::size_t q = 0; q < kReportedQuantiles.size(); ++q) {
      EXPECT_GT(share.quantile[q], 0.0);
      EXPECT_LT(share.quantile[q], 1.0);
      // Same innovations: the share's quantiles are the logistic of the logit's (up to the
      // linear interpolation between neighbouring paths, which the logistic bends slightly).
      EXPECT_NEAR(share.quantile[q], 1 / (1 + std::exp(-logit.quantile[q])), 1e-6);
    }
    // The dyads are untouched by the change of scale (the baselines are the same paths).
    EXPECT_EQ(r.baseline[h - 1].variables[0].mean, raw.baseline[h - 1].variables[0].mean);
  }
}

TEST_F(SimulationTest, ShockLeverIsAnImpulseResponse) {
  const VarFit& fit = *fit_;
  const Scenario s = testing::InlineScenario(
      "horizon = 10",
      "[[lever]]\nname = \"summit\"\nvariable = \"USA_JPN\"\nkind = \"shock\"\nat = 2024-03-05\n"
      "size = 50\n");
  const ScenarioPlan plan = PlanScenario(s, fit);
  const SimulationResult r = RunSimulation(s, plan, {500, 3, 1});
  const std::vector<Eigen::MatrixXd> phi = MovingAverageMatrices(fit, 10);
  for (int h = 1; h <= 10; ++h)
    for (int i = 0; i < 3; ++i) {
      const double expected = h >= 2 ? phi[h - 2](i, 2) * 50.0 : 0.0;  // step 2 = 2024-03-04
      EXPECT_NEAR(r.scenario[h - 1].variables[i].mean - r.baseline[h - 1].variables[i].mean,
                  expected, 1e-9);
    }
}

TEST_F(SimulationTest, WindowScalesTheSpreadAndAddsDrift) {
  const VarFit& fit = *fit_;
  // Steps 3..5 (weeks of 2024-03-11 .. 2024-03-25): CHN_USA innovations x2, drift -20 per step.
  const Scenario s = testing::InlineScenario(
      "horizon = 10",
      "[[window]]\nname = \"election\"\nfrom = 2024-03-12\nto = 2024-03-26\n"
      "variables = [\"CHN_USA\"]\nvolatility = 2.0\ndrift = -20\n");
  const ScenarioPlan plan = PlanScenario(s, fit);
  Eigen::MatrixXd scale = Eigen::MatrixXd::Ones(10, 3);
  for (int h = 3; h <= 5; ++h) scale(h - 1, 0) = 2.0;
  EXPECT_EQ(plan.baseline.scale, scale);
  constexpr int paths = 40000;
  const Moments m = SimulatedMoments(plan, plan.baseline, paths, 17);
  const VarForecast f = Forecast(fit, fit.last_values, 10);
  const std::vector<Eigen::MatrixXd> phi = MovingAverageMatrices(fit, 10);
  for (int h = 1; h <= 10; ++h) {
    const Eigen::MatrixXd cov = AnalyticCovariance(fit, scale, h);
    Eigen::VectorXd mean = f.mean.row(h - 1).transpose();
    for (int t = 3; t <= std::min(h, 5); ++t) mean += phi[h - t].col(0) * -20.0;
    for (int i = 0; i < 3; ++i) {
      EXPECT_NEAR(m.mean[h - 1](i), mean(i), kSe * std::sqrt(cov(i, i) / paths));
      // s.e. of a sample variance of a normal: var sqrt(2 / n).
      EXPECT_NEAR(m.cov[h - 1](i, i), cov(i, i), kSe * cov(i, i) * std::sqrt(2.0 / paths))
          << "h " << h << " " << fit.names[i];
    }
  }
  // The window visibly widens CHN_USA at step 5 against no window: by more than 40%.
  const Eigen::MatrixXd plain = AnalyticCovariance(fit, Eigen::MatrixXd::Ones(10, 3), 5);
  EXPECT_GT(std::sqrt(m.cov[4](0, 0)), 1.4 * std::sqrt(plain(0, 0)));
}

TEST_F(SimulationTest, AtEndTargetProbabilityIsTheNormalTail) {
  const VarFit& fit = *fit_;
  const Scenario s = testing::InlineScenario(
      "horizon = 8", "[[target]]\nvariable = \"CHN_JPN\"\nfloor = 50\nmode = \"at_end\"\n");
  const ScenarioPlan plan = PlanScenario(s, fit);
  constexpr int paths = 30000;
  const SimulationResult r = RunSimulation(s, plan, {paths, 23, 2});
  const VarForecast f = Forecast(fit, fit.last_values, 8);
  const double z = (50 - f.mean(7, 1)) / std::sqrt(f.mse[7](1, 1));
  const double p = 0.5 * std::erfc(z / std::numbers::sqrt2);
  ASSERT_EQ(r.targets.size(), 1u);
  EXPECT_NEAR(r.targets[0].scenario.p, p, kSe * std::sqrt(p * (1 - p) / paths));
  EXPECT_NEAR(r.targets[0].scenario.se, std::sqrt(p * (1 - p) / paths), 1e-3);
}

TEST_F(SimulationTest, SameSeedSameOutputForOneAndTwoThreads) {
  const VarFit& fit = *fit_;
  const Scenario s = testing::InlineScenario(
      "horizon = 15\ntriangle = [\"CHN_USA\", \"CHN_JPN\", \"USA_JPN\"]\nneutral = 20",
      "[[lever]]\nname = \"a\"\nvariable = \"CHN_JPN\"\nfrom = 2024-03-04\nsize = 5\n"
      "[[lever]]\nname = \"b\"\nvariable = \"CHN_USA\"\nkind = \"volatility\"\n"
      "from = 2024-03-04\nsize = 0.7\n"
      "[[target]]\nvariable = \"CHN_USA\"\nfloor = -100\n"
      "[[target]]\nvariable = \"CHN_JPN\"\nfloor = -50\n");
  const ScenarioPlan plan = PlanScenario(s, fit);
  // 3001 paths: not a whole number of blocks, so the padding paths are exercised too.
  const std::string one = ToJson(RunSimulation(s, plan, {3001, 99, 1})).dump();
  const std::string two = ToJson(RunSimulation(s, plan, {3001, 99, 2})).dump();
  EXPECT_EQ(one, two);
  const SimulationResult r = RunSimulation(s, plan, {3001, 99, 2});
  ASSERT_EQ(r.targets.size(), 3u);  // two targets and "all targets"
  EXPECT_LE(r.targets[2].scenario.p, std::min(r.targets[0].scenario.p, r.targets[1].scenario.p));
  for (const StepSummary& step : r.scenario) {
    double total = 0;
    for (double share : step.triangle) total += share;
    EXPECT_NEAR(total, 1.0, 1e-12);
  }
  // A different seed gives different paths.
  EXPECT_NE(one, ToJson(RunSimulation(s, plan, {3001, 100, 2})).dump());
}

TEST_F(SimulationTest, PathsDoNotDependOnHowTheRunIsSplit) {
  const VarFit& fit = *fit_;
  const ScenarioPlan plan = PlanScenario(testing::InlineScenario("horizon = 3"), fit);
  std::vector<double> whole, tail;
  auto keep = [](std::vector<double>& out, int step) {
    return StepFunctionObserver([&out, step](const StepValues& v, WorkerPool&) {
      if (v.step == step)
        for (int i = 0; i < v.paths; ++i) out.push_back(v.Row(0, 1)[i]);
    });
  };
  WorkerPool pool(2);
  StepFunctionObserver a = keep(whole, 3), b = keep(tail, 3);
  SimulatePaths(plan, {plan.baseline}, 1000, 8, pool, a);
  SimulatePaths(plan, {plan.baseline}, 400, 8, pool, b, /*first_path=*/600);
  for (int i = 0; i < 400; ++i) EXPECT_EQ(whole[600 + i], tail[i]);
}

}  // namespace
}  // namespace triad
