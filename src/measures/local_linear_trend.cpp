// Maximum likelihood for the local linear trend model (see local_linear_trend.hpp).
//
// Like statsmodels, the optimiser works on standard deviations (statsmodels squares its
// unconstrained parameters), so that a variance can reach exactly zero, which is where the
// optimum often is (a slope that never changes, a level without own noise). Unlike statsmodels
// (L-BFGS-B with numerical gradients, at most 50 iterations), it uses NLopt's L-BFGS with the
// exact score of the Kalman filter (local_linear_trend_score.hpp), bounds [0, inf), tight
// tolerances and several starting points, the first being statsmodels' own. The standard
// deviations are divided by the standard deviation of y so that the problem does not depend on
// the units of y.
#include <fmt/format.h>
#include <nlopt.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

#include "common/error.hpp"
#include "measures/local_linear_trend.hpp"
#include "measures/local_linear_trend_kalman.hpp"
#include "measures/local_linear_trend_score.hpp"

namespace triad {
namespace {

// Bounds on phi when it is estimated: (0, 1) open, as the model requires.
constexpr double kMinDamping = 1e-3;
constexpr double kMaxDamping = 1 - 1e-6;
// A standard deviation (over that of y) below kFace is on the face x = 0 of the search region;
// it is left again when the score in its variance (times var(y)) exceeds kFaceScore, at most
// kMaxReleases times per start.
constexpr double kFace = 1e-4;
constexpr double kFaceScore = 1e-6;
constexpr int kMaxReleases = 3;
// Two optima whose log-likelihoods differ by less than this (relative) are the same optimum.
constexpr double kAgreementTolerance = 1e-6;

struct Problem {
  const std::vector<double>* y = nullptr;
  const LltOptions* options = nullptr;
  double scale = 1;  // standard deviation of the observed y
  int evaluations = 0;
  // The best point seen, kept here because NLopt may stop on a limit or a round-off error.
  double best_value = std::numeric_limits<double>::infinity();
  std::vector<double> best_x;
};

LltParams ParamsFromPoint(const double* x, unsigned dimension, double scale) {
  LltParams p;
  p.irregular_var = std::pow(x[0] * scale, 2);
  p.level_var = std::pow(x[1] * scale, 2);
  p.slope_var = std::pow(x[2] * scale, 2);
  if (dimension == 4) p.damping = x[3];
  return p;
}

std::vector<double> PointFromParams(const LltParams& p, bool damped, double scale) {
  std::vector<double> x = {std::sqrt(p.irregular_var) / scale, std::sqrt(p.level_var) / scale,
                           std::sqrt(p.slope_var) / scale};
  if (damped) x.push_back(std::clamp(p.damping, kMinDamping, kMaxDamping));
  return x;
}

// NLopt objective: minus the log-likelihood, and its gradient in the optimiser's point x (the
// score by the chain rule: var = (x scale)^2, d var / dx = 2 x scale^2).
double NegativeLogLikelihood(unsigned n, const double* x, double* gradient, void* data) {
  auto* problem = static_cast<Problem*>(data);
  ++problem->evaluations;
  const LltParams params = ParamsFromPoint(x, n, problem->scale);
  double llf = 0;
  if (gradient) {
    llt::LltScore score;
    llf = llt::LogLikelihoodWithScore(*problem->y, params, *problem->options, n == 4, &score);
    const double scale_sq = problem->scale * problem->scale;
    for (unsigned i = 0; i < 3; ++i) gradient[i] = -score[i] * 2 * x[i] * scale_sq;
    if (n == 4) gradient[3] = -score[3];
    if (!std::isfinite(llf))
      for (unsigned i = 0; i < n; ++i) gradient[i] = 0;
  } else {
    llt::SystemFromParams(params);  // checks params
    llf = llt::LogLikelihoodWithScore(*problem->y, params, *problem->options, false, nullptr);
  }
  const double value = std::isnan(llf) ? std::numeric_limits<double>::infinity() : -llf;
  if (value < problem->best_value) {
    problem->best_value = value;
    problem->best_x.assign(x, x + n);
  }
  return value;
}

const char* ResultName(nlopt_result result) {
  switch (result) {
    case NLOPT_SUCCESS:
      return "SUCCESS";
    case NLOPT_STOPVAL_REACHED:
      return "STOPVAL_REACHED";
    case NLOPT_FTOL_REACHED:
      return "FTOL_REACHED";
    case NLOPT_XTOL_REACHED:
      return "XTOL_REACHED";
    case NLOPT_MAXEVAL_REACHED:
      return "MAXEVAL_REACHED";
    case NLOPT_MAXTIME_REACHED:
      return "MAXTIME_REACHED";
    case NLOPT_ROUNDOFF_LIMITED:
      return "ROUNDOFF_LIMITED";
    case NLOPT_FAILURE:
      return "FAILURE";
    default:
      return "ERROR";
  }
}

struct StartResult {
  std::vector<double> x;
  double loglikelihood = -std::numeric_limits<double>::infinity();
  nlopt_result result = NLOPT_FAILURE;
  int evaluations = 0;
};

StartResult OptimiseFrom(const std::vector<double>& start, const std::vector<double>& y,
                         const LltOptions& options, double scale) {
  const auto dimension = static_cast<unsigned>(start.size());
  std::unique_ptr<nlopt_opt_s, decltype(&nlopt_destroy)> opt(
      nlopt_create(NLOPT_LD_LBFGS, dimension), &nlopt_destroy);
  if (!opt) ThrowCompute("local linear trend: could not create the NLopt optimiser");
  std::vector<double> lower(dimension, 0.0), upper(dimension, HUGE_VAL), step(dimension);
  for (unsigned i = 0; i < 3; ++i) step[i] = std::max(0.1 * start[i], 0.01);
  if (dimension == 4) {
    lower[3] = kMinDamping;
    upper[3] = kMaxDamping;
    step[3] = 0.05;
  }
  Problem problem;
  problem.y = &y;
  problem.options = &options;
  problem.scale = scale;
  nlopt_set_lower_bounds(opt.get(), lower.data());
  nlopt_set_upper_bounds(opt.get(), upper.data());
  nlopt_set_initial_step(opt.get(), step.data());
  nlopt_set_min_objective(opt.get(), NegativeLogLikelihood, &problem);
  nlopt_set_ftol_rel(opt.get(), 1e-13);
  nlopt_set_xtol_rel(opt.get(), 1e-10);
  nlopt_set_maxeval(opt.get(), options.max_evaluations);

  std::vector<double> x = start;
  double value = 0;
  StartResult out;
  for (int round = 0;; ++round) {
    out.result = nlopt_optimize(opt.get(), x.data(), &value);
    if (problem.best_x.empty() || round == kMaxReleases) break;
    // A standard deviation at zero has a zero derivative in these coordinates, whatever the
    // likelihood's slope in the variance: a gradient search that reaches that face stays on it.
    // Where the score in that variance is positive (the likelihood rises as it leaves zero), the
    // point is not the maximum: move that coordinate back to its starting value and go on.
    x = problem.best_x;
    const LltParams params = ParamsFromPoint(x.data(), dimension, scale);
    llt::LltScore score;
    llt::LogLikelihoodWithScore(y, params, options, dimension == 4, &score);
    bool released = false;
    for (unsigned i = 0; i < 3; ++i) {
      if (x[i] < kFace && score[i] * scale * scale > kFaceScore) {
        x[i] = std::max(start[i], 0.01);
        released = true;
      }
    }
    if (!released) break;
  }
  out.evaluations = problem.evaluations;
  if (!problem.best_x.empty()) {
    out.x = problem.best_x;
    out.loglikelihood = -problem.best_value;
  }
  return out;
}

// Starting points: statsmodels' first, then spreads of the variance of the first differences
// over the three disturbances (a smooth trend with noise, a random walk, something between).
std::vector<LltParams> StartingPoints(const std::vector<double>& y, const LltParams& statsmodels,
                                      bool damped) {
  double sum = 0, sum_sq = 0;
  int count = 0;
  for (std::size_t t = 1; t < y.size(); ++t) {
    if (std::isnan(y[t]) || std::isnan(y[t - 1])) continue;
    const double d = y[t] - y[t - 1];
    sum += d;
    sum_sq += d * d;
    ++count;
  }
  double s = count > 1 ? (sum_sq - sum * sum / count) / (count - 1) : 0;
  if (!(s > 0)) s = std::max(statsmodels.irregular_var, 1.0);
  std::vector<LltParams> starts = {statsmodels,
                                   {s / 2, s / 10, s / 1e3, 1},
                                   {s / 10, s / 2, s / 1e2, 1},
                                   {s, s / 1e2, s / 1e4, 1}};
  if (damped) {
    const double dampings[] = {0.9, 0.5, 0.98, 0.8};
    for (std::size_t i = 0; i < starts.size(); ++i) starts[i].damping = dampings[i];
  }
  return starts;
}

}  // namespace

double ObservedStandardDeviation(const std::vector<double>& y, int* observed) {
  double sum = 0, sum_sq = 0;
  int n = 0;
  for (double v : y) {
    if (std::isnan(v)) continue;
    sum += v;
    sum_sq += v * v;
    ++n;
  }
  *observed = n;
  if (n < 2) return 1;
  const double var = (sum_sq - sum * sum / n) / n;
  return var > 0 ? std::sqrt(var) : 1;
}

double LocalLinearTrendLogLikelihood(const std::vector<double>& y, const LltParams& params,
                                     const LltOptions& options) {
  return llt::RunFilter(y, llt::SystemFromParams(params), options, /*keep_steps=*/false)
      .loglikelihood;
}

int PeriodsWithUnknownVariance(const std::vector<double>& y, const LltOptions& options) {
  if (options.initialisation != LltInitialisation::kStatsmodels) return 0;
  int observed = 0;
  int periods = 0;
  for (std::size_t t = 0; t < y.size() && observed < 2; ++t) {
    if (!std::isnan(y[t])) ++observed;
    periods = static_cast<int>(t) + 1;
  }
  return std::min(static_cast<int>(y.size()), std::max(periods, options.loglikelihood_burn));
}

LltStates Smooth(const std::vector<double>& y, const LltParams& params, const LltOptions& options) {
  const llt::System system = llt::SystemFromParams(params);
  return llt::SmoothRun(llt::RunFilter(y, system, options, /*keep_steps=*/true), system);
}

LocalLinearTrendFit FitLocalLinearTrend(const std::vector<double>& y, const LltOptions& options) {
  LocalLinearTrendFit fit;
  const double scale = ObservedStandardDeviation(y, &fit.observations);
  if (fit.observations < 3) {
    ThrowCompute(fmt::format(
        "local linear trend: need at least 3 observed values to estimate the variances, got {}",
        fit.observations));
  }
  fit.start_params = StatsmodelsStartParams(y);
  const std::vector<LltParams> starts = StartingPoints(y, fit.start_params, options.damped);

  std::vector<StartResult> results;
  int best = -1;
  for (const LltParams& start : starts) {
    results.push_back(
        OptimiseFrom(PointFromParams(start, options.damped, scale), y, options, scale));
    fit.convergence.evaluations += results.back().evaluations;
    if (!results.back().x.empty() &&
        (best < 0 ||
         results.back().loglikelihood > results[static_cast<std::size_t>(best)].loglikelihood)) {
      best = static_cast<int>(results.size()) - 1;
    }
  }
  if (best < 0 || !std::isfinite(results[static_cast<std::size_t>(best)].loglikelihood)) {
    ThrowCompute("local linear trend: the likelihood could not be evaluated at any start");
  }
  const StartResult& winner = results[static_cast<std::size_t>(best)];
  LltConvergence& c = fit.convergence;
  c.starts = static_cast<int>(results.size());
  c.best_start = best;
  c.status = ResultName(winner.result);
  c.converged = winner.result == NLOPT_SUCCESS || winner.result == NLOPT_FTOL_REACHED ||
                winner.result == NLOPT_XTOL_REACHED;
  const double tolerance = kAgreementTolerance * std::max(1.0, std::abs(winner.loglikelihood));
  for (std::size_t i = 0; i < results.size(); ++i) {
    const bool agrees = winner.loglikelihood - results[i].loglikelihood <= tolerance;
    c.starts_agreeing += agrees ? 1 : 0;
    if (i == 0) c.statsmodels_start_agreed = agrees;
  }

  fit.params = ParamsFromPoint(winner.x.data(), static_cast<unsigned>(winner.x.size()), scale);
  if (!options.damped) fit.params.damping = 1;
  fit.states = Smooth(y, fit.params, options);
  fit.loglikelihood = fit.states.loglikelihood;
  return fit;
}

}  // namespace triad
