#include "measures/local_linear_trend_momentum.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "common/error.hpp"

namespace triad {
namespace {

// Inverse of the standard normal distribution function for p in (0, 1): Acklam's rational
// approximation (relative error 1.15e-9), then one Halley step on erfc, which brings it to
// double precision.
double NormalQuantile(double p) {
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  const double p_low = 0.02425;
  double x;
  if (p < p_low) {
    const double q = std::sqrt(-2 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - p_low) {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const double q = std::sqrt(-2 * std::log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const double e = 0.5 * std::erfc(-x / std::numbers::sqrt2) - p;
  const double u = e * std::sqrt(2 * std::numbers::pi) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

}  // namespace

double TwoSidedNormalQuantile(double level) {
  if (!(level > 0 && level < 1)) {
    ThrowUsage(fmt::format("interval level must be in (0, 1), got {}", level));
  }
  return NormalQuantile(0.5 + level / 2);
}

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
  if (m.lower > 0) {
    m.direction = MomentumDirection::kImproving;
  } else if (m.upper < 0) {
    m.direction = MomentumDirection::kDeteriorating;
  } else {
    m.direction = MomentumDirection::kSteady;
  }
  return m;
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

}  // namespace triad
