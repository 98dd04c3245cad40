#pragma once
// The standard normal distribution in one place (Boost.Math underneath): its distribution
// function, quantile and density, and the z values of the intervals triad prints. Every
// "90% interval" in triad is estimate ± kZ90 × standard error.
namespace triad {

// P(Z <= z). Exact to double precision in both tails (no 1 - x cancellation).
double NormalCdf(double z);
// P(Z > z) = NormalCdf(-z), computed without cancellation.
double NormalUpperTail(double z);
// The density of Z at z.
double NormalPdf(double z);
// The z with P(Z <= z) = p, for p in (0, 1); usage error otherwise.
double NormalQuantile(double p);
// The z with P(|Z| <= z) = level, for level in (0, 1); usage error otherwise.
double TwoSidedNormalQuantile(double level);

// Two-sided normal quantiles of the intervals triad reports.
inline constexpr double kZ50 = 0.67448975019608171;  // TwoSidedNormalQuantile(0.50)
inline constexpr double kZ90 = 1.6448536269514729;   // TwoSidedNormalQuantile(0.90)
inline constexpr double kZ95 = 1.9599639845400545;   // TwoSidedNormalQuantile(0.95)

}  // namespace triad
