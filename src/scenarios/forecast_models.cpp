#include "scenarios/forecast_models.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/error.hpp"
#include "measures/bvar_minnesota.hpp"
#include "measures/local_linear_trend.hpp"
#include "measures/local_linear_trend_kalman.hpp"
#include "measures/var_data_budget.hpp"
#include "measures/var_forecast.hpp"

namespace triad {

namespace {

struct ModelNames {
  ForecastModel model;
  std::string_view key, label;
};
constexpr std::array<ModelNames, 5> kNames = {{
    {ForecastModel::kNoChange, "no_change", "no-change"},
    {ForecastModel::kLocalLinearTrend, "local_linear_trend", "local linear trend"},
    {ForecastModel::kVar, "var", "VAR"},
    {ForecastModel::kVarDrivers, "var_drivers", "VAR + drivers"},
    {ForecastModel::kShrinkageVar, "bvar", "BVAR (Minnesota)"},
}};

const ModelNames& NamesOf(ForecastModel model) {
  for (const ModelNames& n : kNames)
    if (n.model == model) return n;
  return kNames[0];
}

ModelForecast Sized(int horizon, int targets) {
  ModelForecast f;
  f.at.assign(static_cast<std::size_t>(horizon),
              std::vector<GaussianForecast>(static_cast<std::size_t>(targets)));
  return f;
}

ModelForecast NoChange(const Eigen::MatrixXd& y, int targets, int horizon) {
  const Eigen::Index n = y.rows();
  if (n < 3) ThrowCompute("the no-change forecast needs at least 3 rows for its step s.d.");
  ModelForecast f = Sized(horizon, targets);
  for (int j = 0; j < targets; ++j) {
    const Eigen::VectorXd diffs = y.col(j).tail(n - 1) - y.col(j).head(n - 1);
    const double mean = diffs.mean();
    const double sd = std::sqrt((diffs.array() - mean).square().sum() / static_cast<double>(n - 2));
    for (int h = 1; h <= horizon; ++h) f.at[h - 1][j] = {y(n - 1, j), sd * std::sqrt(h)};
  }
  return f;
}

ModelForecast LocalLinearTrend(const Eigen::MatrixXd& y, int targets, int horizon) {
  ModelForecast f = Sized(horizon, targets);
  const LltOptions options;  // as `triad momentum` and the dyad state fit it
  for (int j = 0; j < targets; ++j) {
    const std::vector<double> column(y.col(j).data(), y.col(j).data() + y.rows());
    const LocalLinearTrendFit fit = FitLocalLinearTrend(column, options);
    const llt::System system = llt::SystemFromParams(fit.params);
    const TrendEstimate& last = fit.states.filtered.back();
    Eigen::Vector2d a(last.level, last.slope);
    Eigen::Matrix2d p;
    p << last.level_var, last.level_slope_cov, last.level_slope_cov, last.slope_var;
    for (int h = 1; h <= horizon; ++h) {
      a = system.transition * a;
      p = system.transition * p * system.transition.transpose() + system.state_cov;
      f.at[h - 1][j] = {a(0), std::sqrt(std::max(0.0, p(0, 0) + system.irregular_var))};
    }
  }
  return f;
}

// The order within the data budget, as AnalyseDrivers (measures/driver_analysis.cpp) chooses it.
int ChooseLags(const VarData& data, int max_within_budget, const ForecastModelOptions& options) {
  const int feasible = std::max(max_within_budget, 1);
  if (options.lags > 0) return std::min(options.lags, feasible);
  const int rows = static_cast<int>(data.values.rows());
  const int k = static_cast<int>(data.names.size());
  const int deterministic = VarTrendTerms(options.trend);
  if (rows - 1 - (k + deterministic) < 1)
    ThrowCompute(fmt::format("{} rows are too few for a VAR of {} series", rows, k));
  const int maxlags = std::min(options.maxlags, feasible);
  if (maxlags <= 1) return 1;
  return std::max(1, SelectLagOrder(data, maxlags, options.trend).Selected(options.criterion));
}

ModelForecast ForecastOfFit(const VarFit& fit, const VarData& data, int lags, int targets,
                            int horizon) {
  const VarForecast fc = Forecast(fit, data.values, horizon);
  ModelForecast f = Sized(horizon, targets);
  f.lags = lags;
  for (int h = 1; h <= horizon; ++h)
    for (int j = 0; j < targets; ++j)
      f.at[h - 1][j] = {fc.mean(h - 1, j), std::sqrt(std::max(0.0, fc.mse[h - 1](j, j)))};
  return f;
}

ModelForecast VarForecastOf(const VarData& data, int lags, int targets, int horizon,
                            VarTrend trend) {
  return ForecastOfFit(FitVar(data, VarSpec{lags, trend}), data, lags, targets, horizon);
}

ModelForecast VarOfTargets(const VarData& train, int targets, int horizon,
                           const ForecastModelOptions& options) {
  const std::vector<std::string> keep(train.names.begin(), train.names.begin() + targets);
  const VarData data =
      static_cast<int>(train.names.size()) == targets ? train : SelectColumns(train, keep);
  const int budget = MaxLagsWithinBudget(static_cast<int>(data.values.rows()), targets,
                                         VarTrendTerms(options.trend));
  return VarForecastOf(data, ChooseLags(data, budget, options), targets, horizon, options.trend);
}

ModelForecast VarWithDrivers(const VarData& train, int targets, int horizon,
                             const ForecastModelOptions& options) {
  const std::vector<std::string> dyads(train.names.begin(), train.names.begin() + targets);
  const std::vector<std::string> drivers(train.names.begin() + targets, train.names.end());
  if (drivers.empty()) ThrowCompute("the VAR with drivers has no driver series");
  const VarBudgetPlan plan =
      PlanVarWithinBudget(train, dyads, drivers, VarTrendTerms(options.trend));
  std::vector<std::string> kept = dyads;
  kept.insert(kept.end(), plan.drivers.begin(), plan.drivers.end());
  const VarData data = plan.dropped.empty() ? train : SelectColumns(train, kept);
  ModelForecast f = VarForecastOf(data, ChooseLags(data, plan.max_lags, options), targets, horizon,
                                  options.trend);
  f.drivers = plan.drivers;
  return f;
}

ModelForecast ShrinkageVar(const VarData& train, int targets, int horizon,
                           const ForecastModelOptions& options) {
  // Lag 1 as the driver model's Bayesian VAR keeps it (the criteria compare OLS fits).
  const int lags = options.lags > 0 ? options.lags : 1;
  const VarFit fit = FitMinnesotaVar(train, VarSpec{lags, options.trend}, MinnesotaOptions{});
  ModelForecast f = ForecastOfFit(fit, train, lags, targets, horizon);
  f.drivers.assign(train.names.begin() + targets, train.names.end());
  if (fit.minnesota) f.lambda = fit.minnesota->lambda;
  return f;
}

}  // namespace

std::string_view ForecastModelKey(ForecastModel model) {
  return NamesOf(model).key;
}
std::string_view ForecastModelLabel(ForecastModel model) {
  return NamesOf(model).label;
}

std::optional<ForecastModel> ForecastModelFromKey(std::string_view key) {
  for (const ModelNames& n : kNames)
    if (n.key == key) return n.model;
  return std::nullopt;
}

bool UsesDrivers(ForecastModel model) {
  return model == ForecastModel::kVarDrivers;
}

ModelForecast ForecastFrom(ForecastModel model, const VarData& train, int targets, int horizon,
                           const ForecastModelOptions& options) {
  if (targets < 1 || targets > static_cast<int>(train.names.size()) || horizon < 1)
    ThrowCompute("a forecast needs at least one target series and a horizon >= 1");
  switch (model) {
    case ForecastModel::kNoChange:
      return NoChange(train.values, targets, horizon);
    case ForecastModel::kLocalLinearTrend:
      return LocalLinearTrend(train.values, targets, horizon);
    case ForecastModel::kVar:
      return VarOfTargets(train, targets, horizon, options);
    case ForecastModel::kVarDrivers:
      return VarWithDrivers(train, targets, horizon, options);
    case ForecastModel::kShrinkageVar:
      return ShrinkageVar(train, targets, horizon, options);
  }
  ThrowCompute("unknown forecast model");
}

}  // namespace triad
