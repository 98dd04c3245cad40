#include "measures/var_distributions.hpp"
#include "common/normal.hpp"

#include <cmath>
#include <limits>

#include "common/error.hpp"

namespace triad {
namespace {

// Continued fraction for I_x(a, b) (Abramowitz & Stegun 26.5.8), evaluated by the modified
// Lentz method. Converges quickly for x < (a + 1) / (a + b + 2); callers use the symmetry
// I_x(a, b) = 1 - I_{1-x}(b, a) otherwise.
double IncompleteBetaFraction(double x, double a, double b) {
  constexpr double kTiny = 1e-300;
  constexpr double kEps = 1e-16;
  constexpr int kMaxTerms = 10000;
  double c = 1.0;
  double d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::abs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double f = d;
  for (int m = 1; m <= kMaxTerms; ++m) {
    // Even step: d_{2m} = m (b - m) x / ((a + 2m - 1)(a + 2m)).
    double num = m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m));
    d = 1.0 + num * d;
    if (std::abs(d) < kTiny) d = kTiny;
    c = 1.0 + num / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    f *= d * c;
    // Odd step: d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
    num = -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0));
    d = 1.0 + num * d;
    if (std::abs(d) < kTiny) d = kTiny;
    c = 1.0 + num / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    f *= delta;
    if (std::abs(delta - 1.0) < kEps) return f;
  }
  ThrowCompute("incomplete beta function did not converge");
}

// x^a (1 - x)^b / (a B(a, b)), the factor in front of the continued fraction; the caller
// passes y = 1 - x computed without cancellation.
double IncompleteBetaPrefactor(double x, double y, double a, double b) {
  const double log_beta = std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b);
  return std::exp(a * std::log(x) + b * std::log(y) - log_beta) / a;
}

// I_x(a, b) from the fraction on whichever side converges; y = 1 - x.
double IncompleteBeta(double x, double y, double a, double b) {
  if (x < (a + 1.0) / (a + b + 2.0))
    return IncompleteBetaPrefactor(x, y, a, b) * IncompleteBetaFraction(x, a, b);
  return 1.0 - IncompleteBetaPrefactor(y, x, b, a) * IncompleteBetaFraction(y, b, a);
}

}  // namespace

double NormalTwoSidedPValue(double z) {
  return 2 * NormalUpperTail(std::abs(z));
}

double RegularizedIncompleteBeta(double x, double a, double b) {
  if (!(a > 0) || !(b > 0) || !(x >= 0) || !(x <= 1))
    return std::numeric_limits<double>::quiet_NaN();
  if (x == 0.0) return 0.0;
  if (x == 1.0) return 1.0;
  return IncompleteBeta(x, 1.0 - x, a, b);
}

double FDistributionSurvival(double x, double d1, double d2) {
  if (!(x > 0)) return 1.0;
  // P(F >= x) = I_w(d2/2, d1/2) with w = d2 / (d2 + d1 x); 1 - w computed without cancellation.
  const double w = d2 / (d2 + d1 * x);
  const double one_minus_w = d1 * x / (d2 + d1 * x);
  return IncompleteBeta(w, one_minus_w, d2 / 2.0, d1 / 2.0);
}

}  // namespace triad
