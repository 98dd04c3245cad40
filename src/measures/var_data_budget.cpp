#include "measures/var_data_budget.hpp"

#include <algorithm>
#include <cmath>

namespace triad {
namespace {

// Pearson correlation of a[t - 1] with b[t] over t = 1..T-1; 0 when either side is constant.
double LeadCorrelation(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  const Eigen::Index n = a.size() - 1;
  if (n < 2) return 0;
  const Eigen::VectorXd x = a.head(n), y = b.tail(n);
  const Eigen::VectorXd dx = x.array() - x.mean(), dy = y.array() - y.mean();
  const double sxx = dx.squaredNorm(), syy = dy.squaredNorm();
  if (!(sxx > 0) || !(syy > 0)) return 0;
  return dx.dot(dy) / std::sqrt(sxx * syy);
}

int Column(const VarData& data, const std::string& name) {
  const auto it = std::find(data.names.begin(), data.names.end(), name);
  return static_cast<int>(it - data.names.begin());
}

}  // namespace

double ObservationsPerCoefficient(int rows, int series, int lags, int deterministic) {
  const int coefficients = series * lags + deterministic;
  return coefficients > 0 ? static_cast<double>(rows - lags) / coefficients : 0.0;
}

int MaxLagsWithinBudget(int rows, int series, int deterministic) {
  int p = 0;
  while (ObservationsPerCoefficient(rows, series, p + 1, deterministic) >=
         kMinObservationsPerCoefficient)
    ++p;
  return p;
}

VarBudgetPlan PlanVarWithinBudget(const VarData& data, const std::vector<std::string>& dyads,
                                  const std::vector<std::string>& drivers, int deterministic) {
  VarBudgetPlan plan;
  plan.drivers = drivers;
  const int rows = static_cast<int>(data.values.rows());
  const auto series = [&] { return static_cast<int>(dyads.size() + plan.drivers.size()); };
  while (MaxLagsWithinBudget(rows, series(), deterministic) < 1 && !plan.drivers.empty()) {
    // The weakest driver: the smallest largest |lead correlation| with a dyad; ties to the later.
    std::size_t weakest = 0;
    double weakest_r = 2;
    for (std::size_t i = 0; i < plan.drivers.size(); ++i) {
      double r = 0;
      for (const std::string& dyad : dyads)
        r = std::max(r, std::abs(LeadCorrelation(data.values.col(Column(data, plan.drivers[i])),
                                                 data.values.col(Column(data, dyad)))));
      if (r <= weakest_r) weakest = i, weakest_r = r;
    }
    plan.dropped.push_back({plan.drivers[weakest], weakest_r});
    plan.drivers.erase(plan.drivers.begin() + static_cast<std::ptrdiff_t>(weakest));
  }
  plan.max_lags = MaxLagsWithinBudget(rows, series(), deterministic);
  plan.too_little_data = plan.max_lags < 1;
  plan.observations_per_coefficient = ObservationsPerCoefficient(rows, series(), 1, deterministic);
  return plan;
}

VarData SelectColumns(const VarData& data, const std::vector<std::string>& keep) {
  VarData out;
  out.exog_names = data.exog_names;
  out.exog = data.exog;
  out.labels = data.labels;
  std::vector<int> columns;
  for (std::size_t j = 0; j < data.names.size(); ++j)
    if (std::find(keep.begin(), keep.end(), data.names[j]) != keep.end()) {
      columns.push_back(static_cast<int>(j));
      out.names.push_back(data.names[j]);
    }
  out.values.resize(data.values.rows(), static_cast<Eigen::Index>(columns.size()));
  for (std::size_t c = 0; c < columns.size(); ++c)
    out.values.col(static_cast<Eigen::Index>(c)) = data.values.col(columns[c]);
  return out;
}

}  // namespace triad
