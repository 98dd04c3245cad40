#include "reading/fixed_point.hpp"

#include <gtest/gtest.h>

namespace triad {

TEST(FixedPoint, GoldsteinTenthsAreExact) {
  EXPECT_EQ(ParseFixedPoint("-10.0", 1), -100);
  EXPECT_EQ(ParseFixedPoint("2.8", 1), 28);
  EXPECT_EQ(ParseFixedPoint("0.0", 1), 0);
  EXPECT_EQ(ParseFixedPoint("3", 1), 30);
  EXPECT_EQ(ParseFixedPoint("-2.5", 1), -25);
  EXPECT_EQ(ParseFixedPoint("2.8000000000000003", 1), 28);  // as pandas re-prints it
}

TEST(FixedPoint, ToneMillionthsRoundHalfAwayFromZero) {
  EXPECT_EQ(ParseFixedPoint("5.23168908819133", 6), 5231689);
  EXPECT_EQ(ParseFixedPoint("-1.11111111111112", 6), -1111111);
  EXPECT_EQ(ParseFixedPoint("-0.87463556851312", 6), -874636);
  EXPECT_EQ(ParseFixedPoint(".5", 6), 500000);
}

TEST(FixedPoint, RejectsWhatIsNotADecimal) {
  EXPECT_FALSE(ParseFixedPoint("", 1));
  EXPECT_FALSE(ParseFixedPoint("-", 1));
  EXPECT_FALSE(ParseFixedPoint("1e3", 1));
  EXPECT_FALSE(ParseFixedPoint("abc", 1));
  EXPECT_FALSE(ParseFixedPoint("1.2.3", 1));
  EXPECT_FALSE(ParseInteger("12a"));
  EXPECT_FALSE(ParseInteger(""));
  EXPECT_EQ(ParseInteger("1244107310"), 1244107310);
}

TEST(FixedPoint, NeverOverflowsOnLongNumbers) {
  // 20 integer digits at scale 6 would need 26 digits: refused, not wrapped to a small value.
  EXPECT_FALSE(ParseFixedPoint("18446744073709.551616", 6));
  EXPECT_EQ(ParseFixedPoint("999999999999.999999", 6), 999999999999999999);
  EXPECT_FALSE(ParseFixedPoint("1000000000000", 6));
}

}  // namespace triad
