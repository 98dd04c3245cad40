#include "analysis/period_plan.hpp"

#include <gtest/gtest.h>

#include "common/error.hpp"

namespace triad {
namespace {

const Day k0515 = *ParseDate("2025-05-15");
const Day k0614 = *ParseDate("2025-06-14");

TEST(PeriodPlan, ShortDataGetDailyPeriodsAndSaySo) {
  const PeriodPlan p = PlanPeriods(std::make_pair(k0515, k0614), {});
  EXPECT_EQ(p.freq, Frequency::kDay);
  EXPECT_EQ(p.from, k0515);
  EXPECT_EQ(p.to, k0614);
  ASSERT_EQ(p.notes.size(), 1u);
  EXPECT_NE(p.notes[0].find("31 days (4 weeks)"), std::string::npos);
}

TEST(PeriodPlan, LongDataGetWeeklyPeriodsAndAnExplicitFrequencyWins) {
  const Day start = *ParseDate("2018-01-01");
  EXPECT_EQ(PlanPeriods(std::make_pair(start, k0614), {}).freq, Frequency::kWeek);
  EXPECT_TRUE(PlanPeriods(std::make_pair(start, k0614), {}).notes.empty());
  PeriodRequest r;
  r.freq = Frequency::kWeek;
  const PeriodPlan p = PlanPeriods(std::make_pair(k0515, k0614), r);
  EXPECT_EQ(p.freq, Frequency::kWeek);
  EXPECT_TRUE(p.notes.empty());
}

TEST(PeriodPlan, AsOfPastTheDataIsTrimmedAndBeforeTheDataIsAnError) {
  PeriodRequest r;
  r.freq = Frequency::kDay;
  r.to = *ParseDate("2025-12-31");
  const PeriodPlan p = PlanPeriods(std::make_pair(k0515, k0614), r);
  EXPECT_EQ(p.to, k0614);
  ASSERT_EQ(p.notes.size(), 1u);
  EXPECT_EQ(p.notes[0], "the data end at 2025-06-14; the answer is as of that day");
  r.to = *ParseDate("2025-01-01");
  try {
    PlanPeriods(std::make_pair(k0515, k0614), r);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "no data on or before 2025-01-01: the data start at 2025-05-15");
  }
  EXPECT_THROW(PlanPeriods(std::nullopt, {}), Error);
}

}  // namespace
}  // namespace triad
