#pragma once
// Momentum: the slope of the local linear trend at the last period, in units of y per 30 days,
// with a two-sided interval, and a direction that is only called when the interval excludes 0.
#include <optional>
#include <string_view>

#include "measures/local_linear_trend.hpp"

namespace triad {

enum class MomentumDirection { kImproving, kDeteriorating, kSteady };

struct Momentum {
  double per_30_days = 0;     // slope * 30 / days_per_period (units of y per 30 days)
  double standard_error = 0;  // of per_30_days
  double lower = 0;           // interval bounds at `level`
  double upper = 0;
  double level = 0.90;  // coverage of [lower, upper]
  double days_per_period = 1;
  MomentumDirection direction = MomentumDirection::kSteady;
};

// Momentum from a slope estimate (normally the smoothed, i.e. filtered, state at the last
// period). days_per_period > 0 (7 for weekly data; 365.2425/12 for monthly); level in (0, 1).
// An infinite slope variance (a still-diffuse slope) gives an infinite interval, so "steady".
Momentum MomentumFromSlope(const TrendEstimate& last, double days_per_period, double level = 0.90);

// The direction an interval for the momentum shows: improving when it lies above 0,
// deteriorating when below 0, steady when it straddles 0 or a bound is missing (NaN).
MomentumDirection DirectionOfInterval(double lower, double upper);

// "improving", "deteriorating" or "steady": the one spelling for tables, JSON and HTML.
std::string_view MomentumDirectionName(MomentumDirection direction);
// The direction with that name (as MomentumDirectionName spells it), or nullopt.
std::optional<MomentumDirection> MomentumDirectionFromName(std::string_view name);
// "↑", "↓" or "→".
std::string_view MomentumArrow(MomentumDirection direction);

}  // namespace triad
