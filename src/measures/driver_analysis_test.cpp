#include "measures/driver_analysis.hpp"

#include <gtest/gtest.h>

#include <random>

#include "common/error.hpp"

namespace triad {
namespace {

// Y depends on last period's X; Z is unrelated noise.
VarData Simulated(int rows) {
  std::mt19937_64 rng(42);
  std::normal_distribution<double> noise(0.0, 1.0);
  VarData d;
  d.names = {"CHN_USA", "ECON", "NOISE"};
  d.values.resize(rows, 3);
  double y = 0, x = 0;
  for (int t = 0; t < rows; ++t) {
    double x_prev = x;
    x = noise(rng);
    y = 0.5 * y + 0.8 * x_prev + noise(rng);
    d.values(t, 0) = y;
    d.values(t, 1) = x;
    d.values(t, 2) = noise(rng);
  }
  return d;
}

TEST(DriverAnalysis, FindsTheDriverThatMovesTheDyad) {
  DriverAnalysis a = AnalyseDrivers(Simulated(400), {"CHN_USA"}, DriverAnalysisOptions{});
  EXPECT_EQ(a.drivers, (std::vector<std::string>{"ECON", "NOISE"}));
  EXPECT_EQ(a.selected_lags, 1);
  ASSERT_EQ(a.granger.size(), 2u);
  EXPECT_TRUE(a.granger[0].significant);
  EXPECT_LT(a.granger[0].p_value, 1e-10);
  EXPECT_FALSE(a.granger[1].significant);
  ASSERT_EQ(a.shares.size(), 1u);
  const DyadVarianceShares& s = a.shares[0];
  double total = s.own + s.other_dyads;
  for (auto& [name, v] : s.drivers) total += v;
  EXPECT_NEAR(total, 1.0, 1e-12);
  EXPECT_GT(s.drivers[0].second, 0.25);  // ECON explains a large share (true value ~0.4)
  EXPECT_LT(s.drivers[1].second, 0.05);
  // One-s.d. ECON shock (s.d. 1): Y responds by ~0.8 after one period, then decays by 0.5.
  const ShockResponse& r = a.responses[0];
  EXPECT_EQ(r.driver, "ECON");
  EXPECT_NEAR(r.response[1], 0.8, 0.15);
  EXPECT_EQ(r.peak_period, 1);
  EXPECT_NE(a.findings[0].find("Granger-caused by ECON"), std::string::npos) << a.findings[0];
}

// The data budget: 14 rows cannot carry one dyad and two drivers at 5 rows per coefficient
// (13 rows for 4 coefficients), nor one driver (3): the drivers are left out, the unrelated
// NOISE first, each with a warning; the dyad alone (2 coefficients) is within it.
TEST(DriverAnalysis, LeavesOutTheWeakestDriversWhenDataAreShort) {
  DriverAnalysis a = AnalyseDrivers(Simulated(14), {"CHN_USA"}, DriverAnalysisOptions{});
  EXPECT_TRUE(a.drivers.empty());
  ASSERT_EQ(a.dropped_drivers.size(), 2u);
  EXPECT_EQ(a.dropped_drivers[0].name, "NOISE");
  EXPECT_EQ(a.dropped_drivers[1].name, "ECON");
  EXPECT_GT(a.dropped_drivers[1].lead_correlation, a.dropped_drivers[0].lead_correlation);
  ASSERT_EQ(a.warnings.size(), 2u);
  EXPECT_EQ(a.warnings[0].rfind("NOISE left out of the VAR: 14 periods cannot carry every driver "
                                "at 5 rows per coefficient (the minimum)",
                                0),
            0u)
      << a.warnings[0];
  EXPECT_EQ(a.fit.K(), 1);
  EXPECT_DOUBLE_EQ(a.observations_per_coefficient, 13.0 / 2.0);
  // 30 rows carry the dyad and both drivers at lag 1: 29 rows for 4 coefficients (7.25).
  DriverAnalysis b = AnalyseDrivers(Simulated(30), {"CHN_USA"}, DriverAnalysisOptions{});
  EXPECT_TRUE(b.dropped_drivers.empty());
  EXPECT_EQ(b.drivers.size(), 2u);
}

TEST(DriverAnalysis, SaysWhenEvenTheDyadsAloneAreBelowTheBudgetAndFailsWhenTooShort) {
  // 8 rows: the dyad alone at lag 1 has 7 rows for 2 coefficients (3.5 < 5). Without a prior
  // (--prior none) the OLS fit says it rests on too little data; by default (auto) the model is
  // the Minnesota BVAR, and its note says why.
  DriverAnalysisOptions ols;
  ols.prior = VarPrior::kNone;
  DriverAnalysis a = AnalyseDrivers(Simulated(8), {"CHN_USA"}, ols);
  EXPECT_FALSE(a.fit.minnesota);
  const DriverAnalysis bayes = AnalyseDrivers(Simulated(8), {"CHN_USA"}, DriverAnalysisOptions{});
  ASSERT_TRUE(bayes.fit.minnesota);
  ASSERT_EQ(bayes.notes.size(), 1u);
  EXPECT_NE(bayes.notes[0].find("data short: 8 periods give 3.5 rows per coefficient (OLS needs "
                                "5), so the VAR is a Bayesian VAR with a Minnesota prior"),
            std::string::npos)
      << bayes.notes[0];
  ASSERT_FALSE(a.warnings.empty());
  EXPECT_EQ(a.warnings.back(),
            "the model rests on too little data: 8 periods give 3.5 rows per coefficient for the "
            "three dyads alone at lag 1, below the minimum of 5; its tests, responses and shares "
            "are not evidence; use a longer period or a finer --freq");
  EXPECT_THROW(AnalyseDrivers(Simulated(3), {"CHN_USA"}, DriverAnalysisOptions{}), Error);
}

// An explicit --lags above the budget is reduced, and says so: 40 rows and 3 series carry 2 lags
// (38 / 7 = 5.4) but not 3 (37 / 10).
TEST(DriverAnalysis, ReducesTheLagOrderToTheBudget) {
  DriverAnalysisOptions options;
  options.lags = 3;
  DriverAnalysis a = AnalyseDrivers(Simulated(40), {"CHN_USA"}, options);
  EXPECT_EQ(a.selected_lags, 2);
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_EQ(a.warnings[0],
            "--lags 3 reduced to 2: 40 periods give 3.7 rows per coefficient at 3 lags, below the "
            "minimum of 5");
}

}  // namespace
}  // namespace triad
