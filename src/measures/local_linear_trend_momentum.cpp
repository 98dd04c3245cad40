#include "measures/local_linear_trend_momentum.hpp"

#include <fmt/format.h>

#include <cmath>

#include "common/error.hpp"
#include "common/normal.hpp"

namespace triad {
Momentum MomentumFromSlope(const TrendEstimate& last, double days_per_period, double level) {
  if (!(days_per_period > 0)) {
    ThrowUsage(fmt::format("days per period must be > 0, got {}", days_per_period));
  }
  Momentum m;
  m.level = level;
  m.days_per_period = days_per_period;
  const double per_30 = 30.0 / days_per_period;
  m.per_30_days = last.slope * per_30;
  m.standard_error = std::sqrt(last.slope_var) * per_30;
  const double half_width = TwoSidedNormalQuantile(level) * m.standard_error;
  m.lower = m.per_30_days - half_width;
  m.upper = m.per_30_days + half_width;
  m.direction = DirectionOfInterval(m.lower, m.upper);
  return m;
}

MomentumDirection DirectionOfInterval(double lower, double upper) {
  if (lower > 0) return MomentumDirection::kImproving;  // false for NaN
  if (upper < 0) return MomentumDirection::kDeteriorating;
  return MomentumDirection::kSteady;
}

std::string_view MomentumDirectionName(MomentumDirection direction) {
  switch (direction) {
    case MomentumDirection::kImproving:
      return "improving";
    case MomentumDirection::kDeteriorating:
      return "deteriorating";
    case MomentumDirection::kSteady:
      return "steady";
  }
  return "steady";
}

std::string_view MomentumArrow(MomentumDirection direction) {
  switch (direction) {
    case MomentumDirection::kImproving:
      return "↑";
    case MomentumDirection::kDeteriorating:
      return "↓";
    case MomentumDirection::kSteady:
      return "→";
  }
  return "→";
}

std::optional<MomentumDirection> MomentumDirectionFromName(std::string_view name) {
  for (MomentumDirection d : {MomentumDirection::kImproving, MomentumDirection::kDeteriorating,
                              MomentumDirection::kSteady})
    if (name == MomentumDirectionName(d)) return d;
  return std::nullopt;
}

}  // namespace triad
