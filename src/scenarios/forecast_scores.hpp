#pragma once
// Scores of probabilistic forecasts against what happened (Gneiting and Raftery 2007, "Strictly
// proper scoring rules, prediction, and estimation", JASA 102(477)). Lower CRPS is better; it is
// in the units of the variable, and for a point forecast it is the absolute error.
#include <span>

namespace triad {

// CRPS of the empirical distribution of `sample` at `observed`:
//   E|X - y| - E|X - X'| / 2, both expectations over the sample (divisor n and n^2),
// computed from the sorted sample in O(n log n) (`sample` is not modified).
double CrpsOfSample(std::span<const double> sample, double observed);

// CRPS of Normal(mean, sd^2) at `observed`, closed form:
//   sd [z (2 Phi(z) - 1) + 2 phi(z) - 1 / sqrt(pi)],  z = (observed - mean) / sd.
// sd = 0 gives the absolute error.
double CrpsOfNormal(double mean, double sd, double observed);

// Whether `observed` lies in the central band [q_low, q_high] (inclusive).
inline bool InBand(double observed, double low, double high) {
  return observed >= low && observed <= high;
}

}  // namespace triad
