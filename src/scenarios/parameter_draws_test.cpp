// Parameter uncertainty in scenario paths (parameter_draws.hpp), on a known two-series VAR(1):
// - the draws have the normal-inverse-Wishart moments (mean B_OLS, mean Sigma S / (nu - K - 1));
// - a draw depends only on (seed, batch); paths are identical for any thread count;
// - out of sample, 90% bands from short fits cover about 90% with parameter draws, and less
//   with plug-in estimates;
// - with long data the fans approach the plug-in fans; short data give wider fans than long data.
#include "scenarios/parameter_draws.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "common/error.hpp"
#include "measures/bvar_minnesota.hpp"
#include "scenarios/normal_stream.hpp"
#include "scenarios/path_simulator.hpp"
#include "scenarios/scenario_plan.hpp"
#include "scenarios/scenario_test_support.hpp"

namespace triad {
namespace {

// y_t = c + A y_{t-1} + L e_t with e_t standard normal from NormalStream(seed, 0).
struct KnownVar {
  Eigen::Vector2d c{0.5, -0.2};
  Eigen::Matrix2d a{{0.6, 0.2}, {0.1, 0.5}};
  Eigen::Matrix2d chol{{1.0, 0.0}, {0.3, 0.64}};

  Eigen::MatrixXd Simulate(int rows, std::uint64_t seed) const {
    NormalStream stream(seed, 0);
    Eigen::Vector2d y = (Eigen::Matrix2d::Identity() - a).inverse() * c;  // the mean
    for (int burn = 0; burn < 50; ++burn)
      y = c + a * y + chol * Eigen::Vector2d(stream.NextNormal(), stream.NextNormal());
    Eigen::MatrixXd out(rows, 2);
    for (int t = 0; t < rows; ++t) {
      y = c + a * y + chol * Eigen::Vector2d(stream.NextNormal(), stream.NextNormal());
      out.row(t) = y.transpose();
    }
    return out;
  }
};

VarData DataOf(const Eigen::MatrixXd& values) {
  VarData d;
  d.names = {"A_B", "A_C"};
  d.values = values;
  return d;
}

Scenario ScenarioWithHorizon(int horizon, int paths) {
  return testing::InlineScenario(
      fmt::format("horizon = {}\npaths = {}\nseed = 11\n", horizon, paths),
      "last = 2020-01-06\nfreq = \"week\"\n");
}

// The 5% and 95% quantiles of each variable at the last step.
std::vector<std::array<double, 2>> BandsAtEnd(const ScenarioPlan& plan, int paths,
                                              std::uint64_t seed, int threads = 2) {
  std::vector<std::array<double, 2>> bands(static_cast<std::size_t>(plan.K()));
  StepFunctionObserver observer([&](const StepValues& v, WorkerPool&) {
    if (v.step != plan.steps) return;
    for (int r = 0; r < plan.K(); ++r) {
      std::vector<double> x(v.Row(0, r), v.Row(0, r) + paths);
      std::sort(x.begin(), x.end());
      bands[static_cast<std::size_t>(r)] = {x[static_cast<std::size_t>(0.05 * (paths - 1))],
                                            x[static_cast<std::size_t>(0.95 * (paths - 1))]};
    }
  });
  WorkerPool pool(threads);
  SimulatePaths(plan, {plan.baseline}, paths, seed, pool, observer);
  return bands;
}

TEST(ParameterDraws, MomentsAreNormalInverseWishart) {
  const VarFit fit = FitVar(DataOf(KnownVar{}.Simulate(40, 5)), VarSpec{1, VarTrend::kConstant});
  const ParameterSampler sampler(fit);
  const int n = 20000;
  Eigen::MatrixXd mean_a1 = Eigen::MatrixXd::Zero(2, 2), mean_sigma = Eigen::MatrixXd::Zero(2, 2);
  Eigen::MatrixXd mean_det = Eigen::MatrixXd::Zero(2, 1);
  int point = 0;
  for (int b = 0; b < n; ++b) {
    const ParameterDraw d = sampler.Draw(3, static_cast<std::uint64_t>(b));
    point += d.point_estimate;
    mean_a1 += d.lag_matrices[0] / n;
    mean_det += d.deterministic / n;
    mean_sigma += d.chol * d.chol.transpose() / n;
  }
  EXPECT_EQ(point, 0);
  const double nu = fit.DfResid();  // 37
  const Eigen::MatrixXd expected_sigma = fit.sigma_u * nu / (nu - 2 - 1);
  // Stationarity truncation removes a little mass; tolerances are several Monte Carlo s.e.
  EXPECT_LT((mean_a1 - fit.LagMatrix(1)).cwiseAbs().maxCoeff(), 0.01) << mean_a1;
  EXPECT_LT((mean_det - fit.DeterministicCoefficients()).cwiseAbs().maxCoeff(), 0.03);
  EXPECT_LT(((mean_sigma - expected_sigma).array() / expected_sigma.diagonal().maxCoeff())
                .abs()
                .maxCoeff(),
            0.02)
      << mean_sigma << "\n"
      << expected_sigma;
}

TEST(ParameterDraws, DrawsAreKeyedBySeedAndBatchAndPathsIgnoreThreads) {
  const VarFit fit = FitVar(DataOf(KnownVar{}.Simulate(30, 6)), VarSpec{1, VarTrend::kConstant});
  const ParameterSampler sampler(fit);
  EXPECT_EQ(sampler.Draw(1, 7).lag_matrices[0], sampler.Draw(1, 7).lag_matrices[0]);
  EXPECT_NE(sampler.Draw(1, 7).lag_matrices[0], sampler.Draw(1, 8).lag_matrices[0]);
  EXPECT_NE(sampler.Draw(2, 7).lag_matrices[0], sampler.Draw(1, 7).lag_matrices[0]);
  ScenarioPlan plan = PlanScenario(ScenarioWithHorizon(6, 1000), fit);
  AttachParameterUncertainty(plan, fit);
  const auto one = BandsAtEnd(plan, 1000, 4, 1);
  const auto three = BandsAtEnd(plan, 1000, 4, 3);
  EXPECT_EQ(one, three);
}

// Out-of-sample coverage of the 90% band at horizon 4 over 300 short samples (30 rows).
TEST(ParameterDraws, NinetyPercentBandsCoverAboutNinetyPercentOutOfSample) {
  const KnownVar dgp;
  const int rows = 30, horizon = 4, paths = 2048, reps = 300;
  int covered_draws = 0, covered_plugin = 0, total = 0;
  for (int rep = 0; rep < reps; ++rep) {
    const Eigen::MatrixXd all = dgp.Simulate(rows + horizon, 1000 + rep);
    const VarFit fit = FitVar(DataOf(all.topRows(rows)), VarSpec{1, VarTrend::kConstant});
    const Scenario s = ScenarioWithHorizon(horizon, paths);
    ScenarioPlan plugin = PlanScenario(s, fit);
    ScenarioPlan drawn = plugin;
    AttachParameterUncertainty(drawn, fit);
    const auto band_plugin = BandsAtEnd(plugin, paths, 77);
    const auto band_drawn = BandsAtEnd(drawn, paths, 77);
    for (int v = 0; v < 2; ++v) {
      const double actual = all(rows + horizon - 1, v);
      covered_plugin += band_plugin[v][0] <= actual && actual <= band_plugin[v][1];
      covered_draws += band_drawn[v][0] <= actual && actual <= band_drawn[v][1];
      ++total;
    }
  }
  const double with_draws = static_cast<double>(covered_draws) / total;
  const double plugin = static_cast<double>(covered_plugin) / total;
  // 600 outcomes: s.e. of a 90% share about 0.012 (the two variables of a sample correlate).
  EXPECT_NEAR(with_draws, 0.90, 0.035) << "plug-in " << plugin;
  EXPECT_LT(plugin, with_draws);
}

double MeanWidth(const std::vector<std::array<double, 2>>& bands) {
  double w = 0;
  for (const auto& b : bands) w += b[1] - b[0];
  return w / static_cast<double>(bands.size());
}

TEST(ParameterDraws, LongDataApproachPlugInShortDataWiden) {
  const KnownVar dgp;
  auto width_ratio = [&](int rows) {
    const VarFit fit = FitVar(DataOf(dgp.Simulate(rows, 9)), VarSpec{1, VarTrend::kConstant});
    ScenarioPlan plugin = PlanScenario(ScenarioWithHorizon(8, 8192), fit);
    ScenarioPlan drawn = plugin;
    AttachParameterUncertainty(drawn, fit);
    return MeanWidth(BandsAtEnd(drawn, 8192, 5)) / MeanWidth(BandsAtEnd(plugin, 8192, 5));
  };
  const double long_ratio = width_ratio(5000);
  const double short_ratio = width_ratio(30);
  EXPECT_NEAR(long_ratio, 1.0, 0.03);
  EXPECT_GT(short_ratio, 1.08);
  EXPECT_GT(short_ratio, long_ratio);
}

TEST(ParameterDraws, MinnesotaFitsDrawFromTheirPosterior) {
  const VarFit fit =
      FitMinnesotaVar(DataOf(KnownVar{}.Simulate(12, 8)), VarSpec{2, VarTrend::kConstant}, {});
  const ParameterSampler sampler(fit);
  EXPECT_NE(sampler.Description().find("Minnesota posterior"), std::string::npos);
  const ParameterDraw d = sampler.Draw(1, 0);
  EXPECT_EQ(d.lag_matrices.size(), 2u);
  EXPECT_TRUE(d.chol.allFinite());
}

TEST(ParameterDraws, TooFewDegreesOfFreedomIsACleanError) {
  // 8 rows, VAR(2) of 2 series: 6 regression rows, 5 coefficients, 1 degree of freedom: too few
  // for a 2 x 2 residual covariance (needs more than 1).
  VarFit fit = FitVar(DataOf(KnownVar{}.Simulate(8, 2)), VarSpec{2, VarTrend::kConstant});
  ASSERT_EQ(fit.DfResid(), 1);
  try {
    ParameterSampler sampler(fit);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("prior = \"minnesota\""), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace triad
