// The one CSV reader: RFC 4180 quoting, line endings, the byte order mark, and broken files whose
// errors name file:line:column.
#include "reading/csv_table.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace triad {
namespace {

std::string ErrorOf(const std::string& text) {
  try {
    CsvTable::Parse(text, "t.csv");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kInput);
    return e.what();
  }
  return "no error";
}

TEST(CsvTable, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  const CsvTable t = CsvTable::Parse(
      "\"date\",\"CHN USA\",note\n"
      "2024-01-01,1.5,\"a, b\"\n"
      "2024-01-02,-2,\"say \"\"hi\"\"\"\n"
      "2024-01-03,3,\"two\nlines\"\n"
      "2024-01-04,4,\"\"\n",
      "t.csv");
  EXPECT_EQ(t.header(), (std::vector<std::string>{"date", "CHN USA", "note"}));
  ASSERT_EQ(t.rows().size(), 4u);
  EXPECT_EQ(t.rows()[0].fields[2], "a, b");
  EXPECT_EQ(t.rows()[1].fields[2], "say \"hi\"");
  EXPECT_EQ(t.rows()[2].fields[2], "two\nlines");
  EXPECT_EQ(t.rows()[3].fields[2], "");
  // The row after a quoted line break starts on line 6.
  EXPECT_EQ(t.rows()[2].line, 4);
  EXPECT_EQ(t.rows()[3].line, 6);
  EXPECT_EQ(t.ColumnIndex("CHN USA"), 1);
  EXPECT_EQ(t.ColumnIndex("chn usa"), -1);
  EXPECT_EQ(t.ColumnList(1), "CHN USA, note");
}

TEST(CsvTable, CrlfLfBomBlankLinesAndBlanksAroundFields) {
  const CsvTable t = CsvTable::Parse(
      "\xEF\xBB\xBF"
      "a,b\r\n\r\n 1 , \"x y\" \r\n2,3",
      "t.csv");
  EXPECT_EQ(t.header(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(t.header_line(), 1);
  ASSERT_EQ(t.rows().size(), 2u);
  EXPECT_EQ(t.rows()[0].line, 3);
  EXPECT_EQ(t.rows()[0].fields, (std::vector<std::string>{"1", "x y"}));
  EXPECT_EQ(t.rows()[1].line, 4);  // no line ending after the last row
  EXPECT_EQ(t.rows()[1].fields, (std::vector<std::string>{"2", "3"}));
  // A quoted CRLF is kept as it is.
  EXPECT_EQ(CsvTable::Parse("a\n\"1\r\n2\"\n", "t.csv").rows()[0].fields[0], "1\r\n2");
}

TEST(CsvTable, HeaderAfterLeadingBlankLinesAndEmptyCells) {
  const CsvTable t = CsvTable::Parse("\n\nx,y,z\n,,\n", "t.csv");
  EXPECT_EQ(t.header_line(), 3);
  ASSERT_EQ(t.rows().size(), 1u);
  EXPECT_EQ(t.rows()[0].fields, (std::vector<std::string>{"", "", ""}));
  const Location where = t.Where(t.rows()[0], 2);
  EXPECT_EQ(where.ToString(), "t.csv:4 (field z)");
}

TEST(CsvTable, ErrorsNameFileLineAndColumn) {
  EXPECT_EQ(ErrorOf(""), "t.csv:1:1: empty file: expected a header row naming the columns");
  EXPECT_EQ(ErrorOf("\xEF\xBB\xBF\r\n\n"),
            "t.csv:1:1: empty file: expected a header row naming the columns");
  // The quote opened on line 3, column 3 never closes.
  const std::string open = ErrorOf("a,b\n1,2\n3,\"4\n5,6\n");
  EXPECT_EQ(open.rfind("t.csv:3:3: unterminated quote", 0), 0u) << open;
  // Too many fields: the column where the first extra field starts.
  EXPECT_EQ(ErrorOf("a,b\n1,2\n3,4,5\n"),
            "t.csv:3:5: 3 fields, the header (line 1) has 2: a field holding a comma must be in "
            "double quotes");
  // Too few: the end of the row; columns count characters, not UTF-8 bytes.
  EXPECT_EQ(ErrorOf("a,b\n\xC3\xA9t\xC3\xA9\n"), "t.csv:2:4: 1 field, the header (line 1) has 2");
  const std::string after = ErrorOf("a,b\n\"1\"x,2\n");
  EXPECT_EQ(after.rfind("t.csv:2:4: text after the closing quote", 0), 0u) << after;
}

TEST(CsvTable, ReadsFilesAndNamesAMissingOne) {
  const std::string path = ::testing::TempDir() + "csv_table_test.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "\"k\",\"v\"\r\n\"a\",1\r\n";
  }
  const CsvTable t = CsvTable::Read(path);
  EXPECT_EQ(t.path(), path);
  ASSERT_EQ(t.rows().size(), 1u);
  EXPECT_EQ(t.rows()[0].fields, (std::vector<std::string>{"a", "1"}));
  std::remove(path.c_str());
  try {
    CsvTable::Read(path);
    FAIL() << "no error for a missing file";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), path + ": cannot open the file");
  }
}

}  // namespace
}  // namespace triad
