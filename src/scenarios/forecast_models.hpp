#pragma once
// The forecasting models that `triad evaluate` compares, each giving a Gaussian predictive
// distribution (mean and standard deviation) for every target series and horizon 1..H from the
// rows up to a forecast origin. Each is fitted afresh on those rows only, exactly as the
// command that fits it alone would fit it on the data cut at the origin:
//   no-change           y_{T+h} ~ N(y_T, h s^2), s the s.d. of the training first differences
//                       (divisor n - 1): a random walk without drift, the benchmark.
//   local linear trend  measures/local_linear_trend.hpp fitted per target as `triad momentum`
//                       fits it (default options); the h-step predictive from the filtered state
//                       at T: mean Z T^h a_T, variance Z P_{T+h} Z' + irregular_var.
//   VAR                 the targets alone, lag order by the criterion among 1..maxlags within the
//                       data budget (measures/var_data_budget.hpp); statsmodels' forecast and MSE
//                       (measures/var_forecast.hpp, no parameter uncertainty).
//   VAR + drivers       the targets and the driver columns, the drivers kept and the order chosen
//                       as `triad explain --prior none` does (measures/driver_analysis: the same
//                       budget plan, then the order); the drivers are forecast with the targets.
//   BVAR                the shrinkage VAR: every column (targets and all drivers) with the
//                       Minnesota prior whose tightness maximises the marginal likelihood
//                       (measures/bvar_minnesota.hpp), at lag 1 unless `lags` says otherwise, as
//                       `triad explain --prior minnesota` fits it; forecast from the posterior
//                       mean with the posterior mean of Sigma_u (no parameter uncertainty).
#include <array>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "measures/var_model.hpp"

namespace triad {

enum class ForecastModel { kNoChange, kLocalLinearTrend, kVar, kVarDrivers, kShrinkageVar };

// Every model, in the order tables list them (no-change first: the benchmark).
inline constexpr std::array kForecastModels = {
    ForecastModel::kNoChange, ForecastModel::kLocalLinearTrend, ForecastModel::kVar,
    ForecastModel::kVarDrivers, ForecastModel::kShrinkageVar};

// "no_change", "local_linear_trend", "var", "var_drivers", "bvar": JSON keys and --models names.
std::string_view ForecastModelKey(ForecastModel model);
// "no-change", "local linear trend", "VAR", "VAR + drivers", "BVAR (Minnesota)": table labels.
std::string_view ForecastModelLabel(ForecastModel model);
std::optional<ForecastModel> ForecastModelFromKey(std::string_view key);
// Whether the model needs driver columns.
bool UsesDrivers(ForecastModel model);

struct GaussianForecast {
  double mean = std::numeric_limits<double>::quiet_NaN();
  double sd = std::numeric_limits<double>::quiet_NaN();
};

struct ForecastModelOptions {
  int maxlags = 4;  // VAR orders compared by `criterion`
  int lags = 0;     // > 0: this order (reduced to the data budget's largest)
  std::string criterion = "bic";
  VarTrend trend = VarTrend::kConstant;
};

struct ModelForecast {
  std::vector<std::vector<GaussianForecast>> at;  // [h - 1][target]
  int lags = 0;                                   // VAR models: the order fitted
  std::vector<std::string> drivers;               // VAR + drivers and BVAR: the drivers used
  double lambda = 0;                              // BVAR: the prior tightness chosen
};

// `train` holds the rows up to and including the origin; its first `targets` columns are the
// series to forecast, the rest are drivers. Compute error when the model cannot be fitted on
// these rows (too few, collinear).
ModelForecast ForecastFrom(ForecastModel model, const VarData& train, int targets, int horizon,
                           const ForecastModelOptions& options);

}  // namespace triad
