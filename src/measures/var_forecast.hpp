#pragma once
// Point forecasts and their mean squared error matrices from a fitted VAR, as statsmodels 0.13
// VARResults.forecast(y, steps, exog_future) and VARResults.mse(steps) (Lütkepohl 2005, 2.2.2):
//   y(h) = c + d (T + h) + B x_{T+h} + sum_j A_j y(h - j),   MSE(h) = sum_{i<h} Phi_i Sigma_u
//   Phi_i'
// with T = fit.n_totobs (the trend continues from the end of the estimation sample). The MSE
// ignores parameter uncertainty (statsmodels' method="mse").
#include <Eigen/Dense>

#include <vector>

#include "measures/var_model.hpp"

namespace triad {

struct VarForecast {
  Eigen::MatrixXd mean;              // steps x K, row h-1 is the h-step forecast
  std::vector<Eigen::MatrixXd> mse;  // steps matrices K x K
};

// `history` holds at least p rows (oldest first); its last p rows are the forecast origin.
// `exog_future` is steps x M, required exactly when the fit has exogenous series.
VarForecast Forecast(const VarFit& fit, const Eigen::MatrixXd& history, int steps,
                     const Eigen::MatrixXd& exog_future = Eigen::MatrixXd());

}  // namespace triad
