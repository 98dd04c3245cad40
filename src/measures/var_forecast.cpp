#include "measures/var_forecast.hpp"

#include <fmt/format.h>

#include "common/error.hpp"
#include "measures/var_impulse.hpp"

namespace triad {

VarForecast Forecast(const VarFit& fit, const Eigen::MatrixXd& history, int steps,
                     const Eigen::MatrixXd& exog_future) {
  const int k = fit.K();
  const int m = fit.ExogTerms();
  if (steps < 1) ThrowUsage(fmt::format("forecast steps must be >= 1: {}", steps));
  if (history.cols() != k)
    ThrowUsage(
        fmt::format("forecast history has {} columns, the VAR has {} series", history.cols(), k));
  if (history.rows() < fit.lags)
    ThrowUsage(fmt::format("forecast history has {} rows, a VAR({}) needs at least {}",
                           history.rows(), fit.lags, fit.lags));
  if (m > 0 && (exog_future.rows() != steps || exog_future.cols() != m))
    ThrowUsage(
        fmt::format("forecasting {} steps of a VAR with {} exogenous series needs {} x {} "
                    "future exogenous values, got {} x {}",
                    steps, m, steps, m, exog_future.rows(), exog_future.cols()));
  if (m == 0 && exog_future.size() > 0)
    ThrowUsage("future exogenous values given, but the VAR has no exogenous series");

  std::vector<Eigen::MatrixXd> lag_matrices;
  for (int j = 1; j <= fit.lags; ++j) lag_matrices.push_back(fit.LagMatrix(j));
  const Eigen::MatrixXd deterministic = fit.DeterministicCoefficients();  // K x k_det
  // Values of y by position: the last p history rows, then the forecasts.
  Eigen::MatrixXd path(fit.lags + steps, k);
  path.topRows(fit.lags) = history.bottomRows(fit.lags);
  VarForecast out;
  out.mean.resize(steps, k);
  for (int h = 1; h <= steps; ++h) {
    Eigen::VectorXd regressors(fit.DeterministicTerms());
    int col = 0;
    if (fit.TrendTerms() >= 1) regressors(col++) = 1.0;
    if (fit.TrendTerms() >= 2) regressors(col++) = static_cast<double>(fit.n_totobs + h);
    for (int j = 0; j < m; ++j) regressors(col++) = exog_future(h - 1, j);
    Eigen::VectorXd y = deterministic * regressors;
    const int now = fit.lags + h - 1;  // position of this forecast in `path`
    for (int j = 1; j <= fit.lags; ++j) y += lag_matrices[j - 1] * path.row(now - j).transpose();
    path.row(now) = y.transpose();
    out.mean.row(h - 1) = y.transpose();
  }
  const std::vector<Eigen::MatrixXd> phi = MovingAverageMatrices(fit, steps);
  Eigen::MatrixXd mse = Eigen::MatrixXd::Zero(k, k);
  for (int h = 0; h < steps; ++h) {
    mse += phi[h] * fit.sigma_u * phi[h].transpose();
    out.mse.push_back(mse);
  }
  return out;
}

}  // namespace triad
