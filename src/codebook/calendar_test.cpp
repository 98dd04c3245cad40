#include "codebook/calendar.hpp"

#include <gtest/gtest.h>

#include "common/error.hpp"

namespace triad {
namespace {

Day D(const char* ymd) {
  return *ParseDate(ymd);
}

TEST(WindowCalendar, BundledDatesAreTheDocumentedOnes) {
  const WindowCalendar& c = WindowCalendar::Default();
  const CalendarWindow& us = c.Find("us-president-2024");
  EXPECT_EQ(us.kind, "US presidential election");
  EXPECT_EQ(us.start, D("2024-11-05"));
  EXPECT_EQ(us.end, us.start);
  EXPECT_EQ(us.country, "USA");
  const CalendarWindow& osaka = c.Find("g20-2019");
  EXPECT_EQ(osaka.start, D("2019-06-28"));
  EXPECT_EQ(osaka.end, D("2019-06-29"));
  EXPECT_EQ(c.Find("ccp-congress-20").end, D("2022-10-22"));
  EXPECT_EQ(c.Find("jp-upper-2025").start, D("2025-07-20"));
  EXPECT_EQ(c.Find("kr-president-2025").start, D("2025-06-03"));
  // Every kind the issue asks for is there, each window with a source.
  for (const char* kind :
       {"US presidential election", "US midterm election", "Japan lower house election",
        "Japan upper house election", "LDP presidential election", "Taiwan presidential election",
        "South Korea presidential election", "CCP national congress", "CCP plenum",
        "APEC leaders' meeting", "G7 summit", "G20 summit", "BRICS summit", "ASEAN summit",
        "Quad leaders' summit"})
    EXPECT_FALSE(c.Between(D("2015-01-01"), D("2028-12-31"), kind).empty()) << kind;
  for (const auto& w : c.windows()) EXPECT_FALSE(w.source.empty()) << w.id;
  EXPECT_EQ(c.Between(D("2015-01-01"), D("2028-12-31"), "US presidential election").size(), 4u);
}

TEST(WindowCalendar, KindsAndIdsAreMatchedWithSuggestions) {
  const WindowCalendar& c = WindowCalendar::Default();
  EXPECT_EQ(c.FindKind("us presidential election"), "US presidential election");
  try {
    c.FindKind("US presidental election");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUsage);
    EXPECT_NE(std::string(e.what()).find("did you mean 'US presidential election'"),
              std::string::npos)
        << e.what();
  }
  try {
    c.Find("us-president-2025");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean"), std::string::npos) << e.what();
  }
}

TEST(WindowCalendar, BadRowsNameLineAndField) {
  const std::string header = "kind,id,name,start,end,country,source\n";
  auto fails_with = [&](const std::string& row, const std::string& words) {
    try {
      WindowCalendar::FromCsvText(header + row, "cal.csv");
      ADD_FAILURE() << row;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    }
  };
  fails_with("X,a,A,2024-13-01,2024-13-01,,src\n", "cal.csv:2 (field start)");
  fails_with("X,a,A,2024-01-02,2024-01-01,,src\n", "before start");
  fails_with("X,a,A,2024-01-01,2024-01-01,JAP,src\n", "not a CAMEO country code");
  fails_with("X,a,A,2024-01-01,2024-01-01,,\n", "needs its source");
  fails_with("X,a,A,2024-01-01,2024-01-01,,s\nX,a,B,2024-01-01,2024-01-01,,s\n", "repeated");
}

}  // namespace
}  // namespace triad
