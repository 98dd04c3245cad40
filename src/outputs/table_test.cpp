#include <gtest/gtest.h>

#include "outputs/decimal.hpp"
#include "outputs/table.hpp"

namespace triad {

TEST(Decimal, ExactText) {
  EXPECT_EQ(FixedToText(-123, 1), "-12.3");
  EXPECT_EQ(FixedToText(5, 2), "0.05");
  EXPECT_EQ(FixedToText(-5231689, 6), "-5.231689");
  EXPECT_EQ(FixedToText(0, 1), "0.0");
  EXPECT_EQ(FixedToText(42, 0), "42");
}

TEST(Table, CsvQuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvLine({"a", "b,c", "say \"hi\""}), "a,\"b,c\",\"say \"\"hi\"\"\"\n");
  EXPECT_EQ(WithThousands(1234567), "1,234,567");
  EXPECT_EQ(WithThousands(-999), "-999");
}

TEST(Table, AlignsColumns) {
  TextTable t({"dyad", "events"});
  t.AddRow({"CHN-USA", "6359"});
  t.AddRow({"CHN-JPN", "921"});
  EXPECT_EQ(t.Render(), "dyad     events\nCHN-USA    6359\nCHN-JPN     921\n");
}

}  // namespace triad
