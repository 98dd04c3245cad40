#pragma once
// What a fitted local linear trend (local_linear_trend.hpp) cannot support, in words for the
// analyst. Maximum likelihood often puts a variance on its boundary, zero; the fit is then still
// the best one, but the intervals and the momentum read off it mean something narrower than they
// seem. And a likelihood that several optimiser starts end on different optima is flat or
// multimodal: the estimate is less certain than its standard errors say.
#include <string>
#include <vector>

#include "measures/local_linear_trend.hpp"

namespace triad {

// A variance counts as "at zero" when it is below this fraction of the sample variance of the
// observed y (the optimiser works on standard deviations divided by sd(y), so this is a standard
// deviation below 1e-4 sd(y): zero within the optimiser's rounding, and far too small to move the
// states).
inline constexpr double kBoundaryVarianceFraction = 1e-8;

enum class TrendFitIssue {
  kIrregularAtZero,  // no observation noise: the level goes through every value
  kLevelAtZero,      // no level shocks: the level moves only with the slope
  kStraightLine,     // no slope shocks: one slope over the whole sample
  kStartsDisagree,   // fewer than half the optimiser starts reached the best optimum
};

struct TrendFitWarning {
  TrendFitIssue issue;
  std::string key;      // stable machine name: "irregular_variance_at_zero", ...
  std::string message;  // what it means for the analyst, without the series' name
};

// The warnings for a fit of `y` (the series the fit was estimated on), in the order of the enum;
// empty when none applies.
std::vector<TrendFitWarning> DiagnoseTrendFit(const LocalLinearTrendFit& fit,
                                              const std::vector<double>& y);

}  // namespace triad
