#include "aggregate/news_slots.hpp"

#include <gtest/gtest.h>

namespace triad {
namespace {

TEST(NewsSlots, Gdelt2SlotsAreFifteenMinutesFromMidnight) {
  auto t = NewsTimeOf(EventFormat::kGdelt2, 20250515204500);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(FormatDate(t->day), "2025-05-15");
  EXPECT_EQ(t->slot, 20 * 4 + 3);
  EXPECT_EQ(NewsTimeOf(EventFormat::kGdelt2, 20250516000000)->slot, 0);
  EXPECT_EQ(NewsTimeOf(EventFormat::kGdelt2, 20250516235959)->slot, 95);
  EXPECT_FALSE(NewsTimeOf(EventFormat::kGdelt2, 20250516246000).has_value());  // no hour 24
  EXPECT_FALSE(NewsTimeOf(EventFormat::kGdelt2, 20250230120000).has_value());  // no 30 February
}

TEST(NewsSlots, Gdelt1DailyFilesButNotTheBackfileAreNewsDays) {
  auto t = NewsTimeOf(EventFormat::kGdelt1, 20130401);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(FormatDate(t->day), "2013-04-01");
  EXPECT_EQ(t->slot, 0);
  // The backfile's single DATEADDED says nothing about when its events were news.
  EXPECT_FALSE(NewsTimeOf(EventFormat::kGdelt1, 20130203).has_value());
  EXPECT_FALSE(NewsTimeOf(EventFormat::kIcews, 0).has_value());
}

TEST(NewsSlots, EventDatedFilesCoverEveryDayBetweenTheirFirstAndLastEvent) {
  NewsSlots a, b;
  a.AddEventDay(*ParseDate("2018-01-03"));
  b.AddEventDay(*ParseDate("2018-01-01"));
  b.Add(NewsTime{*ParseDate("2018-01-10"), 5});
  a.Merge(b);
  const std::vector<DaySlots> days = a.Finish();
  ASSERT_EQ(days.size(), 4u);  // 01-01, 01-02, 01-03 and 01-10
  EXPECT_EQ(FormatDate(days[1].day), "2018-01-02");
  EXPECT_EQ(days[1].slots.count(), 1u);
  EXPECT_TRUE(days[3].slots[5]);
}

TEST(NewsSlots, PackedSlotsRoundTrip) {
  std::bitset<kGdelt2SlotsPerDay> slots;
  for (int k : {0, 7, 8, 50, 95}) slots.set(static_cast<std::size_t>(k));
  const std::string bytes = PackSlots(slots);
  ASSERT_EQ(bytes.size(), 12u);
  EXPECT_EQ(static_cast<unsigned char>(bytes[0]), 0x81);  // slots 0 and 7
  EXPECT_EQ(UnpackSlots(bytes), slots);
}

}  // namespace
}  // namespace triad
