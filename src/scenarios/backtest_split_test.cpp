#include <gtest/gtest.h>

#include "common/error.hpp"
#include "scenarios/backtest.hpp"

namespace triad {
namespace {

VarData Weekly(int rows) {
  VarData d;
  d.names = {"a"};
  d.values.resize(rows, 1);
  for (int t = 0; t < rows; ++t) {
    d.values(t, 0) = t;
    d.labels.push_back(FormatDate(*ParseDate("2024-01-01") + 7 * t));
  }
  return d;
}

TEST(BacktestSplit, TrainsUpToAndIncludingTheDate) {
  const TrainTestSplit s = SplitAtDate(Weekly(15), *ParseDate("2024-03-04"), "w.csv");
  EXPECT_EQ(s.train.values.rows(), 10);
  EXPECT_EQ(s.train.labels.back(), "2024-03-04");
  EXPECT_EQ(s.test.rows(), 5);
  EXPECT_EQ(s.test(0, 0), 10);
  EXPECT_EQ(s.test_labels.front(), "2024-03-11");
  // A date inside the week of 2024-03-04 (a Wednesday) cuts at the same row.
  EXPECT_EQ(SplitAtDate(Weekly(15), *ParseDate("2024-03-06"), "w.csv").train.values.rows(), 10);
}

TEST(BacktestSplit, TooFewRowsAndBadLabelsAreErrors) {
  EXPECT_THROW(SplitAtDate(Weekly(15), *ParseDate("2024-02-26"), "w.csv"), Error);  // 9 train
  EXPECT_THROW(SplitAtDate(Weekly(15), *ParseDate("2024-12-30"), "w.csv"), Error);  // 0 test
  VarData bad = Weekly(15);
  bad.labels[3] = "week 4";
  try {
    SplitAtDate(bad, *ParseDate("2024-03-04"), "w.csv");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kInput);
    EXPECT_NE(std::string(e.what()).find("w.csv:5"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace triad
