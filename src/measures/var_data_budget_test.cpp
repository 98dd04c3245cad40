#include "measures/var_data_budget.hpp"

#include <gtest/gtest.h>

namespace triad {
namespace {

TEST(VarDataBudget, RowsPerCoefficientPerEquation) {
  // The case: 30 daily rows, 6 series, lag 1, a constant: 29 rows for 7 coefficients.
  EXPECT_DOUBLE_EQ(ObservationsPerCoefficient(30, 6, 1, 1), 29.0 / 7.0);
  EXPECT_LT(ObservationsPerCoefficient(30, 6, 1, 1), kMinObservationsPerCoefficient);
  EXPECT_EQ(MaxLagsWithinBudget(30, 6, 1), 0);
  EXPECT_EQ(MaxLagsWithinBudget(30, 4, 1), 1);  // 29 / 5 = 5.8
  EXPECT_EQ(MaxLagsWithinBudget(30, 5, 1), 0);  // 29 / 6 = 4.8
  // 321 weeks of 3 dyads: 3p + 1 coefficients from 321 - p rows; 19 lags (302 / 58 = 5.2), not
  // 20 (301 / 61 = 4.9).
  EXPECT_EQ(MaxLagsWithinBudget(321, 3, 1), 19);
}

TEST(VarDataBudget, DropsTheDriverWithTheWeakestLeadFirst) {
  VarData d;
  d.names = {"A_B", "LEADS", "FLAT_LEAD", "NOISE"};
  const int rows = 20;
  d.values.resize(rows, 4);
  for (int t = 0; t < rows; ++t) {
    const double lead = (t * 37 % 11) - 5.0;
    d.values(t, 1) = lead;
    d.values(t, 2) = 0.1 * lead + ((t * 13) % 7);
    d.values(t, 3) = (t * 29) % 5;
    d.values(t, 0) = t > 0 ? d.values(t - 1, 1) : 0;  // the dyad follows LEADS one period later
  }
  const VarBudgetPlan plan = PlanVarWithinBudget(d, {"A_B"}, {"LEADS", "FLAT_LEAD", "NOISE"}, 1);
  // 19 rows: 4 series need 25 (5 coefficients), 3 need 20, 2 need 15.
  ASSERT_EQ(plan.dropped.size(), 2u);
  EXPECT_EQ(plan.drivers, (std::vector<std::string>{"LEADS"}));
  // Weakest first: each step drops the smallest remaining lead, so the sequence does not fall;
  // LEADS (|r| = 1 with the dyad) stays.
  EXPECT_LE(plan.dropped[0].lead_correlation, plan.dropped[1].lead_correlation);
  EXPECT_LT(plan.dropped[1].lead_correlation, 0.9);
  EXPECT_EQ(plan.max_lags, 1);
  EXPECT_FALSE(plan.too_little_data);
  const VarData kept = SelectColumns(d, {"A_B", "LEADS"});
  EXPECT_EQ(kept.names, (std::vector<std::string>{"A_B", "LEADS"}));
  EXPECT_EQ(kept.values.col(1), d.values.col(1));
}

}  // namespace
}  // namespace triad
