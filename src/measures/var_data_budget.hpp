#pragma once
// How much a VAR may estimate from the data it has: the guard rail of the driver model
// (driver_analysis.hpp). Each equation of a VAR(p) over K series with d deterministic terms
// estimates K p + d coefficients from T - p rows. Below kMinObservationsPerCoefficient rows per
// coefficient the estimates are mostly noise (the case: a coefficient of +12 from 30 daily
// rows and 6 series that flips sign on another month), so the model is made smaller, visibly:
//   1. the lag order is reduced (to the largest p within the budget);
//   2. if not even p = 1 fits, drivers are left out one at a time, the weakest first: the driver
//      whose previous-period value correlates least (largest |r| over the dyads) with the
//      dyads' current values, i.e. the one with the least evidence of leading any relation;
//   3. if the dyads alone at p = 1 are still below the budget, the model is fitted anyway (when
//      it can be) and says that it rests on too little data.
#include <string>
#include <vector>

#include "measures/var_model.hpp"

namespace triad {

// Rows per estimated coefficient per equation, at least. 5 is the usual floor for regressions
// (at 5 the standard errors are already wide; Lütkepohl 2005 §4.3 shows the lag order chosen by
// the criteria to be unreliable well above it).
inline constexpr int kMinObservationsPerCoefficient = 5;

// (rows - lags) / (series * lags + deterministic): rows per coefficient in each equation.
double ObservationsPerCoefficient(int rows, int series, int lags, int deterministic);

// The largest lag order with at least kMinObservationsPerCoefficient rows per coefficient, or 0
// when not even one lag has.
int MaxLagsWithinBudget(int rows, int series, int deterministic);

struct DroppedDriver {
  std::string name;
  double lead_correlation = 0;  // largest |r| of its previous value with a dyad's current value
};

struct VarBudgetPlan {
  int max_lags = 0;                    // largest lag order within the budget for the kept series
  std::vector<std::string> drivers;    // kept, in the data's order
  std::vector<DroppedDriver> dropped;  // left out, in the order they were dropped
  bool too_little_data = false;        // even the dyads alone at lag 1 are below the budget
  double observations_per_coefficient = 0;  // at lag 1 with the kept series
};

// Plans the model for `data` (dyads and drivers as columns) under the budget. `drivers` are the
// columns that are not dyads, in order.
VarBudgetPlan PlanVarWithinBudget(const VarData& data, const std::vector<std::string>& dyads,
                                  const std::vector<std::string>& drivers, int deterministic);

// The columns of `data` named in `keep`, in `data`'s order (labels and exogenous kept).
VarData SelectColumns(const VarData& data, const std::vector<std::string>& keep);

}  // namespace triad
