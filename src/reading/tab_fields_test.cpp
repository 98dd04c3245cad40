#include "reading/tab_fields.hpp"

#include <gtest/gtest.h>

#include <string>

namespace triad {

TEST(TabFields, SplitsOnTabsOnlyAndKeepsQuotes) {
  std::string line = "1\t\"quoted\t\tlast \"field";
  TabFields f;
  SplitTabs(line, &f);
  ASSERT_EQ(f.count, 4);
  EXPECT_EQ(f.Field(line, 0), "1");
  EXPECT_EQ(f.Field(line, 1), "\"quoted");
  EXPECT_EQ(f.Field(line, 2), "");
  EXPECT_EQ(f.Field(line, 3), "last \"field");
}

TEST(TabFields, LongLinesCrossTheVectorBoundaries) {
  std::string line;
  for (int i = 0; i < 61; ++i) line += (i ? "\t" : "") + std::to_string(i * 1000003);
  TabFields f;
  SplitTabs(line, &f);
  ASSERT_EQ(f.count, 61);
  for (int i = 0; i < 61; ++i) EXPECT_EQ(f.Field(line, i), std::to_string(i * 1000003));
}

TEST(TabFields, KeepsTheFirstFieldsAndCountsTheRest) {
  std::string line;
  for (int i = 0; i < 61; ++i)
    line += (i ? "\t" : "") + std::string(static_cast<std::size_t>(i % 9), 'x');
  for (int keep : {1, 5, 18, 31, 32, 33, 60, 61, 64}) {
    TabFields f;
    SplitTabs(line, &f, keep);
    EXPECT_EQ(f.count, 61) << keep;
    TabFields all;
    SplitTabs(line, &all);
    for (int i = 0; i < std::min(keep, 61); ++i)
      EXPECT_EQ(f.Field(line, i), all.Field(line, i)) << keep;
  }
}

TEST(TabFields, CountsFieldsBeyondTheKeptOnes) {
  std::string line(100, '\t');
  TabFields f;
  SplitTabs(line, &f);
  EXPECT_EQ(f.count, 101);
}

}  // namespace triad
