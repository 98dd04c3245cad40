#pragma once
// Momentum as the slope of a local linear trend model (Harvey 1989; Durbin & Koopman 2012, §3.2):
//
//   y_t         = level_t + eps_t                    eps_t  ~ N(0, irregular_var)
//   level_{t+1} = level_t + slope_t + eta_t          eta_t  ~ N(0, level_var)
//   slope_{t+1} = damping * slope_t + zeta_t         zeta_t ~ N(0, slope_var)
//
// t counts periods (days, weeks or months); the slope is in units of y per period. A missing
// observation (NaN) skips the Kalman update, so the state is only predicted through it.
//
// Two initialisations of the state (level_1, slope_1):
// - kStatsmodels: what statsmodels 0.13 `UnobservedComponents(y, level='lltrend')` does by
//   default: a_1 = 0, P_1 = diffuse_variance * I (approximate diffuse, 1e6), and the first
//   loglikelihood_burn = 2 periods (observed or not) left out of the log-likelihood.
// - kExactDiffuse: the exact initial Kalman filter and smoother of Durbin & Koopman (2012) §5.2-5.3
//   (P_1 = P*_1 + kappa P_inf,1 with P*_1 = 0, P_inf,1 = I, kappa -> infinity), and the diffuse
//   log-likelihood of their §7.2.2, which counts every period: for the diffuse periods the term
//   is -(log 2pi + log F_inf)/2. This is statsmodels' `use_exact_diffuse=True`.
// Both states are diffuse in both initialisations, also when the slope is damped.
#include <string>
#include <vector>

namespace triad {

enum class LltInitialisation { kStatsmodels, kExactDiffuse };

// Variances are in units of y squared (slope_var: (y per period) squared); every one >= 0.
struct LltParams {
  double irregular_var = 0;  // statsmodels' sigma2.irregular
  double level_var = 0;      // sigma2.level
  double slope_var = 0;      // sigma2.trend
  double damping = 1;        // phi in (0, 1]; 1 = the undamped local linear trend
};

struct LltOptions {
  LltInitialisation initialisation = LltInitialisation::kStatsmodels;
  bool damped = false;            // estimate phi in (0, 1); otherwise phi = 1
  double diffuse_variance = 1e6;  // kStatsmodels: P_1 = diffuse_variance * I
  int loglikelihood_burn = 2;     // kStatsmodels: leading periods left out of the log-likelihood
  int max_evaluations = 3000;     // per optimisation start
};

// A state estimate: mean and covariance of (level, slope). A variance is +infinity while that
// state is still diffuse (exact initialisation, before enough observations).
struct TrendEstimate {
  double level = 0;
  double slope = 0;
  double level_var = 0;
  double slope_var = 0;
  double level_slope_cov = 0;
};

// One entry per period t = 0..n-1.
struct LltStates {
  std::vector<TrendEstimate> predicted;     // given y before t
  std::vector<TrendEstimate> filtered;      // given y up to and including t
  std::vector<TrendEstimate> smoothed;      // given all y
  std::vector<double> loglikelihood_terms;  // 0 for missing and burned periods
  double loglikelihood = 0;                 // sum of the terms (statsmodels' llf)
  int diffuse_periods = 0;                  // kExactDiffuse: periods in the diffuse phase
};

struct LltConvergence {
  int starts = 0;           // optimisation starting points tried
  int best_start = 0;       // index of the start that gave the best likelihood (0 = statsmodels')
  int starts_agreeing = 0;  // starts whose optimum is within 1e-6 (relative) of the best
  bool statsmodels_start_agreed = false;  // start 0 reached the best optimum
  int evaluations = 0;                    // likelihood evaluations, all starts together
  std::string status;                     // NLopt's result for the best start, e.g. "FTOL_REACHED"
  bool converged = false;                 // the best start stopped on a tolerance, not a limit
};

struct LocalLinearTrendFit {
  LltParams params;
  LltParams start_params;  // statsmodels' starting values (start 0)
  double loglikelihood = 0;
  int observations = 0;  // non-missing values of y
  LltConvergence convergence;
  LltStates states;  // filtered and smoothed at params
};

// The log-likelihood of y at params (statsmodels' llf for kStatsmodels). Throws a compute error
// when params are invalid (a negative variance, damping outside (0, 1]).
double LocalLinearTrendLogLikelihood(const std::vector<double>& y, const LltParams& params,
                                     const LltOptions& options);

// Under the approximate diffuse prior (kStatsmodels, P_1 = 1e6 I) the state is not identified
// before the second observation: the filtered slope variance is still of the prior's size, and
// the smoothed variances up to the second observation are differences of terms of size 1e12,
// which double precision rounds to about 1e-4 in absolute terms (they come out negative, or in
// the thousands for a true value below 1). Returns how many leading periods have such unknown
// filtered and smoothed variances: the loglikelihood_burn periods and every period up to the
// second observation. 0 under kExactDiffuse, whose still-diffuse variances are +infinity.
int PeriodsWithUnknownVariance(const std::vector<double>& y, const LltOptions& options);

// Kalman filter and smoother at params: predicted, filtered and smoothed states per period.
LltStates Smooth(const std::vector<double>& y, const LltParams& params, const LltOptions& options);

// statsmodels' starting values: Hodrick-Prescott (lambda 1600) trend of the non-missing values,
// irregular_var = var(y - trend), level and slope variances from an HP filter of that trend.
LltParams StatsmodelsStartParams(const std::vector<double>& y);

// The population standard deviation of the non-missing values of y (1 when fewer than two or all
// equal), the scale the fit works in; *observed receives their number.
double ObservedStandardDeviation(const std::vector<double>& y, int* observed);

// Maximum likelihood estimate of the variances (and phi when options.damped) from several
// starting points, then the states at the estimate. Needs at least 3 non-missing values.
LocalLinearTrendFit FitLocalLinearTrend(const std::vector<double>& y, const LltOptions& options);

}  // namespace triad
