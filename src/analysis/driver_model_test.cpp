#include "analysis/driver_model.hpp"

#include <gtest/gtest.h>

namespace triad {
namespace {

TEST(DriverModel, VarDataKeepsColumnsNamesAndPeriodDates) {
  ModelSeries s;
  s.names = {"CHN_USA", "SECURITY"};
  s.dates = {*ParseDate("2025-05-19"), *ParseDate("2025-05-26")};
  s.columns = {{0.5, -0.25}, {0.1, 0.2}};
  const VarData d = ToVarData(s);
  EXPECT_EQ(d.names, s.names);
  ASSERT_EQ(d.values.rows(), 2);
  ASSERT_EQ(d.values.cols(), 2);
  EXPECT_EQ(d.values(1, 0), -0.25);
  EXPECT_EQ(d.values(0, 1), 0.1);
  EXPECT_EQ(d.labels, (std::vector<std::string>{"2025-05-19", "2025-05-26"}));
}

}  // namespace
}  // namespace triad
