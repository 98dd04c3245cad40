// Reading imported relation series: layouts, resolutions and errors that name file, line and
// column.
#include "series/series_import.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "common/error.hpp"

namespace triad {
namespace {

ImportedSeries Parse(const std::string& text) {
  return ParseImportedSeriesCsv(text, "f.csv", "s");
}

std::string ErrorOf(const std::string& text) {
  try {
    Parse(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(SeriesImport, WideDailyWithMissingCells) {
  ImportedSeries s = Parse("date,CHN_USA,chn-jpn\n20240102,1.5,\n2024-01-03,-2,NA\n");
  EXPECT_EQ(s.layout, "wide");
  EXPECT_FALSE(s.directed);
  EXPECT_EQ(s.resolution, Frequency::kDay);
  ASSERT_EQ(s.values.size(), 2u);  // empty and NA are missing, not stored
  EXPECT_EQ(FormatDate(s.values[0].day), "2024-01-02");
  EXPECT_EQ(s.values[0].source, "CHN");
  EXPECT_EQ(s.values[0].target, "USA");
  EXPECT_DOUBLE_EQ(s.values[1].value, -2.0);
  EXPECT_TRUE(std::isnan(s.values[1].se));
  EXPECT_DOUBLE_EQ(s.values[1].weight, 1.0);
}

TEST(SeriesImport, MixedDayFormsAreTheSameForm) {
  // YYYYMMDD and YYYY-MM-DD are both day dates.
  EXPECT_EQ(Parse("date,CHN_USA\n20240102,1\n2024-01-03,2\n").resolution, Frequency::kDay);
}

TEST(SeriesImport, ResolutionFromTheDates) {
  EXPECT_EQ(Parse("week,CHN_USA\n2024-01-01,1\n2024-01-15,2\n").resolution, Frequency::kWeek);
  // Mondays, but 10 days apart is not weekly.
  EXPECT_EQ(Parse("d,CHN_USA\n2024-01-01,1\n2024-01-08,2\n2024-01-11,3\n").resolution,
            Frequency::kDay);
  EXPECT_EQ(Parse("month,CHN_USA\n2024-01,1\n2024-02,2\n").resolution, Frequency::kMonth);
  ImportedSeries y = Parse("year,CHN_USA\n1999,1\n2000,2\n");
  EXPECT_EQ(y.resolution, Frequency::kYear);
  EXPECT_EQ(FormatDate(y.values[1].day), "2000-01-01");
}

TEST(SeriesImport, LongWithWeightAndSe) {
  ImportedSeries s = Parse(
      "Date,Source,Target,Value,Weight,SE\n"
      "2024-01,usa,CHN,0.5,10,0.1\n"
      "2024-01,CHN,USA,0.7,5,\n");
  EXPECT_EQ(s.layout, "long");
  EXPECT_TRUE(s.directed);
  EXPECT_TRUE(s.has_se);
  EXPECT_EQ(s.resolution, Frequency::kMonth);
  ASSERT_EQ(s.values.size(), 2u);
  EXPECT_EQ(s.values[0].source, "USA");
  EXPECT_DOUBLE_EQ(s.values[0].weight, 10.0);
  EXPECT_DOUBLE_EQ(s.values[0].se, 0.1);
  EXPECT_TRUE(std::isnan(s.values[1].se));
}

TEST(SeriesImport, ErrorsNameFileLineAndColumn) {
  const std::string bad_cell = ErrorOf("date,CHN_USA,CHN_JPN\n2024-01-01,1,2\n2024-01-02,1,x2\n");
  EXPECT_NE(bad_cell.find("f.csv"), std::string::npos) << bad_cell;
  EXPECT_NE(bad_cell.find("3"), std::string::npos) << bad_cell;
  EXPECT_NE(bad_cell.find("CHN_JPN"), std::string::npos) << bad_cell;
  EXPECT_NE(bad_cell.find("'x2' is not a number"), std::string::npos) << bad_cell;

  const std::string mixed = ErrorOf("date,CHN_USA\n2024-01,1\n2024-02-01,2\n");
  EXPECT_NE(mixed.find("one form"), std::string::npos) << mixed;
  EXPECT_NE(mixed.find("line 2"), std::string::npos) << mixed;

  EXPECT_NE(ErrorOf("date,CHN_USA,GDP\n2024,1,2\n").find("GDP"), std::string::npos);
  EXPECT_NE(ErrorOf("date,CHN_USA,USA_CHN\n2024,1,2\n").find("same dyad"), std::string::npos);
  EXPECT_NE(ErrorOf("date,CHN_USA\n2024,1\n2024,2\n").find("again"), std::string::npos);
  EXPECT_NE(ErrorOf("date,CHN_USA\n2024-02-30,1\n").find("not a date"), std::string::npos);
  EXPECT_NE(ErrorOf("date,CHN_USA\n2024,1,3\n").find("3 fields"), std::string::npos);
  EXPECT_NE(ErrorOf("date,source,target,value\n2024,CHN,US,1\n").find("'US'"), std::string::npos);
  EXPECT_NE(ErrorOf("date,source,target,value,weight\n2024,CHN,USA,1,0\n").find("weight"),
            std::string::npos);
  EXPECT_NE(ErrorOf("date,source,target,value\n2024,CHN,USA,1\n2024,CHN,USA,2\n")
                .find("a second value for CHN->USA"),
            std::string::npos);
  EXPECT_NE(ErrorOf("date,CHN_USA\n2024,\n").find("no value"), std::string::npos);
  EXPECT_NE(ErrorOf("date,CHN_USA\n2024,inf\n").find("not a number"), std::string::npos);
}

}  // namespace
}  // namespace triad
