#pragma once
// The local linear trend log-likelihood together with its score (gradient), for gradient-based
// maximum likelihood (local_linear_trend.cpp). The score is the derivative of the Kalman filter's
// log-likelihood carried forward through the filter recursions (the state-space score recursion
// of Harvey 1989, §3.4.6: da_t / dtheta and dP_t / dtheta alongside a_t and P_t), computed exactly
// by forward-mode differentiation of the same arithmetic as llt::RunFilter, with both
// initialisations (the approximate diffuse prior kept as P* + kappa P_inf, and the exact one).
#include <array>
#include <vector>

#include "measures/local_linear_trend.hpp"

namespace triad::llt {

// d log L / d(irregular_var, level_var, slope_var, damping); the damping entry is 0 unless
// `with_damping`. Variances in units of y squared, as in LltParams.
using LltScore = std::array<double, 4>;

// The log-likelihood at params (as LocalLinearTrendLogLikelihood, to rounding) and its score in
// *score (the log-likelihood alone when score is null). Returns -infinity (score undefined) when a
// forecast variance is not positive. Does not allocate. params must be valid (SystemFromParams
// checks them).
double LogLikelihoodWithScore(const std::vector<double>& y, const LltParams& params,
                              const LltOptions& options, bool with_damping, LltScore* score);

}  // namespace triad::llt
