#include "reading/tab_fields.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

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

// Whatever the vector width the processor offers, every line length and tab placement gives
// what a plain byte loop gives: the line's end, the count, and the kept offsets.
TEST(TabFields, SplitLineAgreesWithAByteLoopAtEveryLength) {
  std::mt19937 rng(5);
  for (std::size_t length = 0; length < 300; ++length) {
    for (int trial = 0; trial < 4; ++trial) {
      std::string text(length, 'a');
      for (char& c : text)
        if (rng() % 6 == 0) c = '\t';
      text += '\n';
      text += std::string(rng() % 70, '\t');  // the next line's bytes, not to be counted
      std::vector<std::size_t> starts{0};
      for (std::size_t i = 0; i < length; ++i)
        if (text[i] == '\t') starts.push_back(i + 1);
      for (int keep : {18, 64}) {
        TabFields f;
        const char* end = SplitLine(text.data(), text.data() + text.size(), &f, keep);
        ASSERT_EQ(end, text.data() + length) << length;
        ASSERT_EQ(f.count, static_cast<int>(starts.size())) << length;
        for (int i = 0; i < std::min(keep, f.count); ++i)
          ASSERT_EQ(f.start[i], starts[static_cast<std::size_t>(i)]) << length << " " << i;
        TabFields h;  // the last line of a buffer, with no newline
        ASSERT_EQ(SplitLine(text.data(), text.data() + length, &h, keep), text.data() + length);
        ASSERT_EQ(h.count, f.count);
        TabFields g;
        SplitTabs(std::string_view(text.data(), length), &g, keep);
        ASSERT_EQ(g.count, f.count);
        for (int i = 0; i < std::min(keep, g.count); ++i) ASSERT_EQ(g.start[i], f.start[i]);
      }
    }
  }
}

}  // namespace triad
