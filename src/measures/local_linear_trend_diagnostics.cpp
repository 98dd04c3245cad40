#include "measures/local_linear_trend_diagnostics.hpp"

#include <fmt/format.h>

#include <cmath>

namespace triad {

std::vector<TrendFitWarning> DiagnoseTrendFit(const LocalLinearTrendFit& fit,
                                              const std::vector<double>& y) {
  std::vector<TrendFitWarning> out;
  int observed = 0;
  const double sd = ObservedStandardDeviation(y, &observed);
  const double zero = kBoundaryVarianceFraction * sd * sd;
  const LltParams& p = fit.params;
  if (p.irregular_var <= zero)
    out.push_back({TrendFitIssue::kIrregularAtZero, "irregular_variance_at_zero",
                   "the irregular (noise) variance is estimated at zero: the model reads every "
                   "period's value as the true level, so the smoothed level follows the data "
                   "exactly and its interval does not cover the noise of the index"});
  if (p.level_var <= zero)
    out.push_back({TrendFitIssue::kLevelAtZero, "level_variance_at_zero",
                   "the level variance is estimated at zero: the level moves only with the slope, "
                   "so its interval is narrow because the model rules out level shocks, not "
                   "because the data pin the level down"});
  if (p.slope_var <= zero)
    out.push_back({TrendFitIssue::kStraightLine, "slope_constant_over_sample",
                   fmt::format("the slope variance is estimated at zero: the slope is one "
                               "constant over all {} observed periods, so momentum is the slope "
                               "of a straight line through the whole sample, not the recent "
                               "direction; read the change over the window instead",
                               fit.observations)});
  const LltConvergence& c = fit.convergence;
  if (c.starts > 0 && 2 * c.starts_agreeing < c.starts)
    out.push_back({TrendFitIssue::kStartsDisagree, "optimiser_starts_disagree",
                   fmt::format("only {} of {} optimiser starts reached the best likelihood: it is "
                               "flat or has several optima, so the variances, intervals and "
                               "momentum are less certain than their standard errors say",
                               c.starts_agreeing, c.starts)});
  return out;
}

}  // namespace triad
