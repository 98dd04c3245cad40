#include "common/normal.hpp"

#include <fmt/format.h>

#include <boost/math/distributions/normal.hpp>
#include <cmath>

#include "common/error.hpp"

namespace triad {
namespace {

// Boost raises on bad arguments by default; triad reports NaN in and NaN out instead, and checks
// probabilities itself so the message names the argument.
using Policy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>>;
const boost::math::normal_distribution<double, Policy> kStandard(0.0, 1.0);

}  // namespace

double NormalCdf(double z) {
  if (std::isnan(z)) return z;
  if (std::isinf(z)) return z > 0 ? 1.0 : 0.0;
  return boost::math::cdf(kStandard, z);
}

double NormalUpperTail(double z) {
  if (std::isnan(z)) return z;
  if (std::isinf(z)) return z > 0 ? 0.0 : 1.0;
  return boost::math::cdf(boost::math::complement(kStandard, z));
}

double NormalPdf(double z) {
  if (std::isnan(z)) return z;
  if (std::isinf(z)) return 0.0;
  return boost::math::pdf(kStandard, z);
}

double NormalQuantile(double p) {
  if (!(p > 0 && p < 1)) ThrowUsage(fmt::format("a probability in (0, 1) is needed, got {}", p));
  return boost::math::quantile(kStandard, p);
}

double TwoSidedNormalQuantile(double level) {
  if (!(level > 0 && level < 1))
    ThrowUsage(fmt::format("interval level must be in (0, 1), got {}", level));
  // The upper quantile through the complement keeps precision for levels near 1.
  return boost::math::quantile(boost::math::complement(kStandard, (1 - level) / 2));
}

}  // namespace triad
