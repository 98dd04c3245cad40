#include "common/normal.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "common/error.hpp"

namespace triad {
namespace {

// Reference values: R's pnorm/qnorm/dnorm (and scipy.stats.norm) to 17 significant digits.
TEST(Normal, CdfMatchesPublishedValues) {
  EXPECT_DOUBLE_EQ(NormalCdf(0.0), 0.5);
  EXPECT_NEAR(NormalCdf(1.0), 0.84134474606854293, 1e-16);
  EXPECT_NEAR(NormalCdf(-1.959963984540054), 0.025, 1e-16);
  EXPECT_NEAR(NormalCdf(-10.0) / 7.6198530241604696e-24, 1.0, 1e-13);  // far tail, no underflow
  EXPECT_NEAR(NormalUpperTail(10.0) / 7.6198530241604696e-24, 1.0, 1e-13);
  EXPECT_NEAR(NormalPdf(0.0), 0.3989422804014327, 1e-16);
  EXPECT_EQ(NormalCdf(std::numeric_limits<double>::infinity()), 1.0);
  EXPECT_EQ(NormalCdf(-std::numeric_limits<double>::infinity()), 0.0);
  EXPECT_TRUE(std::isnan(NormalCdf(std::nan(""))));
}

TEST(Normal, QuantilesAndTheIntervalConstants) {
  EXPECT_NEAR(NormalQuantile(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(NormalQuantile(1e-10), -6.3613409024040557, 1e-12);
  EXPECT_NEAR(TwoSidedNormalQuantile(0.90), kZ90, 1e-15);
  EXPECT_NEAR(TwoSidedNormalQuantile(0.50), kZ50, 1e-15);
  EXPECT_NEAR(TwoSidedNormalQuantile(0.95), kZ95, 1e-15);
  for (double p : {1e-12, 0.01, 0.3, 0.5, 0.77, 0.999})
    EXPECT_NEAR(NormalCdf(NormalQuantile(p)) / p, 1.0, 1e-13) << p;
}

TEST(Normal, BadProbabilitiesAreUsageErrors) {
  EXPECT_THROW(NormalQuantile(0.0), Error);
  EXPECT_THROW(NormalQuantile(1.0), Error);
  EXPECT_THROW(TwoSidedNormalQuantile(1.5), Error);
  EXPECT_THROW(TwoSidedNormalQuantile(std::nan("")), Error);
}

}  // namespace
}  // namespace triad
