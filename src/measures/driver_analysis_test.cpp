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

TEST(DriverAnalysis, WarnsWhenDataAreShortAndFailsWhenTooShort) {
  DriverAnalysis a = AnalyseDrivers(Simulated(14), {"CHN_USA"}, DriverAnalysisOptions{});
  ASSERT_FALSE(a.warnings.empty());
  EXPECT_NE(a.warnings[0].find("short"), std::string::npos);
  EXPECT_THROW(AnalyseDrivers(Simulated(5), {"CHN_USA"}, DriverAnalysisOptions{}), Error);
}

}  // namespace
}  // namespace triad
