#include "series/dated_column.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>

#include "common/error.hpp"

namespace triad {
namespace {

std::string Write(const std::string& text) {
  char name[] = "/tmp/triad-dated-column-XXXXXX";
  const int fd = mkstemp(name);
  EXPECT_GE(fd, 0);
  std::ofstream(name) << text;
  return name;
}

TEST(DatedColumn, WeeklyRowsOnTheGridWithAbsentWeeksMissing) {
  const std::string file =
      Write("\"date\",\"CHN USA\",other\n2024-01-01,1.5,0\n2024-01-08,,0\n2024-01-22,2.5,0\n");
  const PeriodSeries s = ReadDatedColumn(file, "CHN USA", std::nullopt);
  std::remove(file.c_str());
  EXPECT_EQ(s.frequency, Frequency::kWeek);
  ASSERT_EQ(s.periods.size(), 4u);
  EXPECT_EQ(FormatDate(s.periods[2]), "2024-01-15");
  EXPECT_EQ(s.values[0], 1.5);
  EXPECT_TRUE(std::isnan(s.values[1]));  // empty cell
  EXPECT_TRUE(std::isnan(s.values[2]));  // absent row
  EXPECT_EQ(s.values[3], 2.5);
  EXPECT_EQ(s.rows, 3);
  EXPECT_EQ(s.absent_rows, 1);
}

TEST(DatedColumn, ErrorsNameFileLineAndColumn) {
  const std::string file = Write("date,x\n2024-01-01,1\n2024-01-02,abc\n");
  try {
    ReadDatedColumn(file, "x", std::nullopt);
    FAIL();
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(file + ":3"), std::string::npos) << what;
    EXPECT_NE(what.find("'abc' is not a number"), std::string::npos) << what;
  }
  EXPECT_THROW(ReadDatedColumn(file, "y", std::nullopt), Error);
  std::remove(file.c_str());
}

}  // namespace
}  // namespace triad
