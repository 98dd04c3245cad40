#pragma once
// Cumulative impulse responses and Monte Carlo error bands of impulse responses, as statsmodels
// 0.13 offers them: IRAnalysis.cum_effects (plain) / orth_cum_effects, and
// VARResults.irf_errband_mc(orth, repl, steps, signif, seed, burn=100, cum):
//   for each of `repl` replications: simulate nobs + p + burn rows from the fitted VAR (its
//   intercept, lag matrices and sigma_u, from a zero start), drop the first `burn`, refit a VAR(p)
//   with the same trend, and take its (orthogonalised, or cumulative) MA matrices to `steps`;
//   then, per element, the sorted replications' entries at indices round(signif/2 repl) - 1 and
//   round((1 - signif/2) repl) - 1.
// The random numbers differ from numpy's (our generator is std::mt19937_64 seeded with `seed`,
// normals by Box-Muller, not numpy's), so bands agree with statsmodels' statistically, not
// digit for digit.
#include <cstdint>
#include <vector>

#include <Eigen/Dense>

#include "measures/var_impulse.hpp"
#include "measures/var_model.hpp"

namespace triad {

// cum[h] = sum_{i<=h} response[i] (statsmodels' cum_effects for plain responses,
// orth_cum_effects for orthogonalised ones).
std::vector<Eigen::MatrixXd> CumulativeResponses(const std::vector<Eigen::MatrixXd>& response);

inline constexpr int kIrfBandBurn = 100;

struct IrfBands {
  bool orthogonalised = false;
  bool cumulative = false;
  int replications = 0;
  double signif = 0.05;
  std::uint64_t seed = 0;
  std::vector<Eigen::MatrixXd> lower, upper;  // h = 0..steps, element (response, shock)
  int failed = 0;  // replications whose refit failed (collinear draws); left out
};

// Throws a usage error for repl < 2 or signif outside (0, 1), a compute error for a VAR(0), a
// VARX (statsmodels would need the exogenous series' values to simulate), or a Minnesota fit.
IrfBands MonteCarloIrfBands(const VarFit& fit, int steps, bool orthogonalised, bool cumulative,
                            int replications, std::uint64_t seed, double signif = 0.05);

}  // namespace triad
