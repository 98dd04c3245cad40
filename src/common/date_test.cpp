#include "common/date.hpp"

#include <gtest/gtest.h>

namespace triad {

TEST(Date, EpochAndRoundTrip) {
  EXPECT_EQ(*DayFromYmd(1970, 1, 1), 0);
  EXPECT_EQ(*ParseCompactDate("20250515"), *DayFromYmd(2025, 5, 15));
  EXPECT_EQ(FormatDate(*ParseDate("2024-02-29")), "2024-02-29");
  EXPECT_EQ(FormatDate(*ParseDate("1979-01-01")), "1979-01-01");
}

TEST(Date, RejectsImpossibleDates) {
  EXPECT_FALSE(ParseCompactDate("20250230"));
  EXPECT_FALSE(ParseCompactDate("2025051"));
  EXPECT_FALSE(ParseCompactDate("2025O515"));
  EXPECT_FALSE(ParseDate("2023-02-29"));
}

TEST(Date, PeriodsStartOnMondayAndFirstOfMonth) {
  Day thursday = *ParseDate("2025-05-15");
  EXPECT_EQ(FormatDate(PeriodStart(thursday, Frequency::kWeek)), "2025-05-12");
  EXPECT_EQ(FormatDate(PeriodStart(thursday, Frequency::kMonth)), "2025-05-01");
  EXPECT_EQ(FormatDate(NextPeriodStart(*ParseDate("2024-12-01"), Frequency::kMonth)), "2025-01-01");
  EXPECT_EQ(FormatDate(PeriodStart(*ParseDate("1969-12-31"), Frequency::kWeek)), "1969-12-29");
}

TEST(Date, FrequencyNamesAndAdjectives) {
  EXPECT_EQ(FrequencyFromName("week"), Frequency::kWeek);
  EXPECT_FALSE(FrequencyFromName("weekly"));
  EXPECT_EQ(FrequencyAdjective(Frequency::kDay), "daily");
  EXPECT_EQ(FrequencyAdjective(*FrequencyFromName("month")), "monthly");
  EXPECT_EQ(FrequencyAdjective(ParseFrequency("year")), "yearly");
}

}  // namespace triad
