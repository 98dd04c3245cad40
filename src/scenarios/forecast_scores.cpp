#include "scenarios/forecast_scores.hpp"
#include "common/normal.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "common/error.hpp"

namespace triad {

double CrpsOfSample(std::span<const double> sample, double observed) {
  const std::size_t n = sample.size();
  if (n == 0) ThrowCompute("CRPS of an empty sample");
  std::vector<double> x(sample.begin(), sample.end());
  std::sort(x.begin(), x.end());
  // E|X - y| directly; E|X - X'| = (2 / n^2) sum_i (2 i - n - 1) x_(i), i = 1..n.
  double absolute = 0, spread = 0;
  const double dn = static_cast<double>(n);
  for (std::size_t i = 0; i < n; ++i) {
    absolute += std::abs(x[i] - observed);
    spread += (2.0 * static_cast<double>(i + 1) - dn - 1.0) * x[i];
  }
  return absolute / dn - spread / (dn * dn);
}

double CrpsOfNormal(double mean, double sd, double observed) {
  if (sd < 0 || std::isnan(sd)) ThrowCompute("CRPS of a normal needs sd >= 0");
  if (sd == 0) return std::abs(observed - mean);
  const double z = (observed - mean) / sd;
  const double cdf = NormalCdf(z);
  const double pdf = NormalPdf(z);
  return sd * (z * (2 * cdf - 1) + 2 * pdf - 1 / std::sqrt(std::numbers::pi));
}

}  // namespace triad
