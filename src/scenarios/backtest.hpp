#pragma once
// Backtest of the simulator: fit on the rows up to a date, simulate the rest of the data, and
// score where the realised values fall in the simulated distribution: coverage of the central 50%
// and 90% bands (nominal 0.5 and 0.9) and CRPS, against a no-change forecast (a random walk from
// the last training value: as a point, and as Normal(last, h s^2) with s the s.d. of the training
// first differences).
#include <Eigen/Dense>

#include <cstdint>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "measures/var_model.hpp"

namespace triad {

struct BacktestOptions {
  int paths = 20000;
  std::uint64_t seed = 1;
  int threads = 0;
  // Each batch of paths draws the VAR's parameters (parameter_draws.hpp); false: plug-in.
  bool parameter_uncertainty = true;
};

struct BacktestStep {
  int step = 0;
  std::string label;
  double observed = 0;
  std::array<double, 5> quantile{};  // 5, 25, 50, 75, 95%
  double crps = 0;                   // of the simulated sample
  double crps_random_walk = 0;       // of Normal(last, h s^2)
  double error_no_change = 0;        // |observed - last|, the point forecast's CRPS
};

struct BacktestVariable {
  std::string name;
  std::vector<BacktestStep> steps;
  double coverage50 = 0, coverage90 = 0;  // shares of steps inside the simulated bands
  double coverage50_random_walk = 0, coverage90_random_walk = 0;
  double mean_crps = 0, mean_crps_random_walk = 0, mean_error_no_change = 0;
};

struct BacktestResult {
  std::string train_first, train_last;  // labels
  int train_rows = 0;
  int horizon = 0;  // test rows simulated
  int paths = 0;
  std::uint64_t seed = 0;
  std::string parameters;  // where the paths' parameters come from
  std::vector<BacktestVariable> variables;
  // Over all variables and steps.
  double coverage50 = 0, coverage90 = 0, coverage50_random_walk = 0, coverage90_random_walk = 0;
  double mean_crps = 0, mean_crps_random_walk = 0, mean_error_no_change = 0;
};

// `fit` was estimated on `train` (rows oldest first, its last rows are the forecast origin; it
// must carry its calendar, see VarFit::last_label); `test` holds the realised rows that follow,
// labelled by `test_labels`.
BacktestResult RunBacktest(const VarFit& fit, const Eigen::MatrixXd& train,
                           const Eigen::MatrixXd& test, const std::vector<std::string>& test_labels,
                           const BacktestOptions& options);

// The rows of dated data (labels YYYY-MM-DD, oldest first) up to and including `until`, and the
// rows after it.
struct TrainTestSplit {
  VarData train;
  Eigen::MatrixXd test;
  std::vector<std::string> test_labels;
};
// Usage error when fewer than 10 rows train or no row is left to test; input error naming `file`
// and the line of a label that is not a date.
TrainTestSplit SplitAtDate(const VarData& data, Day until, const std::string& file);

// How the backtest's VAR is specified: a fixed order (lags >= 1), or the order chosen by
// `criterion` among 1..maxlags (0: statsmodels' default maximum).
struct BacktestModelSpec {
  int lags = 0;
  int maxlags = 0;
  std::string criterion = "bic";
  VarTrend trend = VarTrend::kConstant;
};
// Fits the VAR on the training rows. Input error naming `file` when the dates are not
// consecutive period starts (the simulator places steps on that calendar).
VarFit FitBacktestModel(const VarData& train, const BacktestModelSpec& spec,
                        const std::string& file);

}  // namespace triad
