#include "scenarios/backtest.hpp"
#include "common/normal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "common/error.hpp"
#include "scenarios/forecast_scores.hpp"
#include "scenarios/parameter_draws.hpp"
#include "scenarios/path_simulator.hpp"
#include "scenarios/sample_quantiles.hpp"
#include "scenarios/scenario_plan.hpp"
#include "scenarios/simulation.hpp"

namespace triad {

BacktestResult RunBacktest(const VarFit& fit, const Eigen::MatrixXd& train,
                           const Eigen::MatrixXd& test, const std::vector<std::string>& test_labels,
                           const BacktestOptions& options) {
  const int k = fit.K();
  const int horizon = static_cast<int>(test.rows());
  if (horizon < 1) ThrowUsage("the backtest has no rows after the training period");
  if (train.rows() < 2 || train.cols() != k || test.cols() != k)
    ThrowUsage("backtest: training and test rows must have the model's columns");
  Scenario scenario;
  scenario.path = "backtest";
  scenario.horizon = horizon;
  ScenarioPlan plan = PlanScenario(scenario, fit);
  if (options.parameter_uncertainty) AttachParameterUncertainty(plan, fit);

  BacktestResult r;
  r.parameters = ParameterSourceOf(plan);
  r.train_rows = static_cast<int>(train.rows());
  r.horizon = horizon;
  r.paths = options.paths;
  r.seed = options.seed;
  r.variables.resize(k);
  const Eigen::RowVectorXd last = train.row(train.rows() - 1);
  for (int v = 0; v < k; ++v) {
    r.variables[v].name = fit.names[v];
    r.variables[v].steps.resize(horizon);
  }
  // s.d. of one-step changes in the training rows, per variable (divisor n - 1).
  const Eigen::MatrixXd diffs =
      train.bottomRows(train.rows() - 1) - train.topRows(train.rows() - 1);
  const Eigen::RowVectorXd mean_diff = diffs.colwise().mean();
  const Eigen::RowVectorXd step_sd =
      ((diffs.rowwise() - mean_diff).array().square().colwise().sum() / (diffs.rows() - 1)).sqrt();

  WorkerPool pool(options.threads);
  StepFunctionObserver observer([&](const StepValues& values, WorkerPool& p) {
    const int h = values.step;
    p.ParallelFor(k, [&](int v, int) {
      const std::span<const double> sample(values.Row(0, v), values.paths);
      BacktestStep& s = r.variables[v].steps[h - 1];
      s.step = h;
      s.label = h - 1 < static_cast<int>(test_labels.size()) ? test_labels[h - 1] : "";
      s.observed = test(h - 1, v);
      const auto q = SampleQuantiles(sample, kReportedQuantiles);
      std::copy(q.begin(), q.end(), s.quantile.begin());
      s.crps = CrpsOfSample(sample, s.observed);
      s.crps_random_walk = CrpsOfNormal(last(v), step_sd(v) * std::sqrt(h), s.observed);
      s.error_no_change = std::abs(s.observed - last(v));
    });
  });
  SimulatePaths(plan, {plan.baseline}, options.paths, options.seed, pool, observer);

  // Central 50% and 90% bands of the normal random walk: mean +- z sd.
  const double cells = static_cast<double>(k) * horizon;
  for (int v = 0; v < k; ++v) {
    BacktestVariable& x = r.variables[v];
    for (const BacktestStep& s : x.steps) {
      const double sd = step_sd(v) * std::sqrt(s.step);
      x.coverage50 += InBand(s.observed, s.quantile[1], s.quantile[3]);
      x.coverage90 += InBand(s.observed, s.quantile[0], s.quantile[4]);
      x.coverage50_random_walk += InBand(s.observed, last(v) - kZ50 * sd, last(v) + kZ50 * sd);
      x.coverage90_random_walk += InBand(s.observed, last(v) - kZ90 * sd, last(v) + kZ90 * sd);
      x.mean_crps += s.crps;
      x.mean_crps_random_walk += s.crps_random_walk;
      x.mean_error_no_change += s.error_no_change;
    }
    r.coverage50 += x.coverage50 / cells;
    r.coverage90 += x.coverage90 / cells;
    r.coverage50_random_walk += x.coverage50_random_walk / cells;
    r.coverage90_random_walk += x.coverage90_random_walk / cells;
    r.mean_crps += x.mean_crps / cells;
    r.mean_crps_random_walk += x.mean_crps_random_walk / cells;
    r.mean_error_no_change += x.mean_error_no_change / cells;
    for (double* m :
         {&x.coverage50, &x.coverage90, &x.coverage50_random_walk, &x.coverage90_random_walk,
          &x.mean_crps, &x.mean_crps_random_walk, &x.mean_error_no_change})
      *m /= horizon;
  }
  return r;
}

TrainTestSplit SplitAtDate(const VarData& all, Day until, const std::string& file) {
  Eigen::Index cut = 0;
  for (; cut < static_cast<Eigen::Index>(all.labels.size()); ++cut) {
    const std::optional<Day> day = ParseDate(all.labels[static_cast<std::size_t>(cut)]);
    if (!day)
      ThrowInput(Location{file, cut + 2, "date"},
                 fmt::format("'{}' is not a date; a backtest needs dated rows",
                             all.labels[static_cast<std::size_t>(cut)]));
    if (*day > until) break;
  }
  const Eigen::Index total = all.values.rows();
  if (cut < 10 || cut >= total)
    ThrowUsage(
        fmt::format("--until {} leaves {} training rows and {} test rows; need at least 10 and 1",
                    FormatDate(until), cut, total - cut));
  TrainTestSplit split;
  split.train = all;
  split.train.values = all.values.topRows(cut);
  split.train.labels.assign(all.labels.begin(), all.labels.begin() + cut);
  split.test = all.values.bottomRows(total - cut);
  split.test_labels.assign(all.labels.begin() + cut, all.labels.end());
  return split;
}

VarFit FitBacktestModel(const VarData& train, const BacktestModelSpec& spec,
                        const std::string& file) {
  VarSpec var{1, spec.trend};
  var.lags =
      spec.lags >= 1
          ? spec.lags
          : std::max(1, SelectLagOrder(train, spec.maxlags, spec.trend).Selected(spec.criterion));
  const VarFit fit = FitVar(train, var);
  // The simulator places each step on the calendar of the rows; say so in backtest's terms.
  if (fit.frequency.empty())
    ThrowInput(Location{file, 0, ""},
               fmt::format("the dates in the first column ({} .. {}) are not consecutive period "
                           "starts: a backtest needs one row per day, per week dated on its "
                           "Monday, or per month or year dated on its first day",
                           train.labels.front(), train.labels.back()));
  return fit;
}

}  // namespace triad
