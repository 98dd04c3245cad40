#pragma once
// A Bayesian VAR with a Minnesota-type normal-inverse-Wishart prior whose overall tightness is
// chosen by the marginal likelihood, after Giannone, Lenza and Primiceri (2015, REStat), "Prior
// selection for vector autoregressions" (GLP). In the layout of var_model.hpp (B is the
// regressor-by-equation matrix `params`, Z the regressors, Y the responses, T = nobs rows):
//
//   Sigma_u ~ IW(Psi, d),          Psi = diag(psi_1..psi_K),  d = K + 2
//   vec(B) | Sigma_u ~ N(vec(B0), Sigma_u kron Omega),  Omega diagonal:
//     lag l of series j:           lambda^2 / (l^2 psi_j / (d - K - 1))  = lambda^2 / (l^2 psi_j)
//     deterministic / exogenous:   kDeterministicPriorVariance (diffuse, as GLP's constant)
//   B0 = 0 except each series' own first lag, whose mean is `own_lag_mean`.
//
// psi_j is the residual variance (divisor rows - 2) of an AR(1) with constant fitted to series j
// over the regression rows: Psi / (d - K - 1) = Psi is then the prior mean of Sigma_u, the usual
// scale of a Minnesota prior (GLP treat psi as further hyperparameters; we fix them as most
// implementations do, and choose lambda alone).
//
// Own-lag mean. GLP (and Litterman) centre the own first lag on 1, a random walk, for series in
// levels such as GDP. Our relation indices are bounded scores that revert to a mean by
// construction, so the default centre is 0 (each series is white noise around its constant
// until the data say otherwise); `own_lag_mean` = 1 gives GLP's random-walk prior.
//
// Posterior (conjugate):
//   Omega_bar = (Z'Z + Omega^-1)^-1,  B_bar = Omega_bar (Z'Y + Omega^-1 B0),
//   S_bar = Psi + E'E + (B_bar - B0)' Omega^-1 (B_bar - B0),  E = Y - Z B_bar,  d_bar = d + T,
//   Sigma_u | Y ~ IW(S_bar, d_bar),  vec(B) | Sigma_u, Y ~ N(vec(B_bar), Sigma_u kron Omega_bar).
//
// Marginal likelihood (GLP's closed form, their appendix), in nats:
//   log p(Y | lambda) = -(T K / 2) log pi + log Gamma_K((T + d) / 2) - log Gamma_K(d / 2)
//       - (K / 2) log|Omega| + (d / 2) log|Psi| - (K / 2) log|Z'Z + Omega^-1|
//       - ((T + d) / 2) log|S_bar|.
// It is the density of the data under the prior, so its value includes the diffuse prior on the
// deterministic terms (a constant in lambda); compare values on the same data and regressors only.
// lambda maximises it over [kMinnesotaLambdaMin, kMinnesotaLambdaMax]: a grid in log lambda, then
// golden-section search between the grid neighbours of the best point. GLP put a gamma hyperprior
// on lambda; we maximise the likelihood alone (type-II maximum likelihood).
#include <optional>
#include <string>

#include "measures/var_model.hpp"

namespace triad {

// Which prior a VAR's coefficients get. kAuto (driver model only): Minnesota where the data budget
// (var_data_budget.hpp) says the data are short, OLS otherwise.
enum class VarPrior { kNone, kMinnesota, kAuto };
// "none", "minnesota" or "auto"; throws a usage error naming `option` otherwise.
VarPrior ParseVarPrior(const std::string& name, const std::string& option = "--prior");
std::string VarPriorName(VarPrior prior);

inline constexpr double kMinnesotaLambdaMin = 1e-3;
inline constexpr double kMinnesotaLambdaMax = 1e2;
// GLP's prior variance factor for the constant (their Vc = 10e6).
inline constexpr double kDeterministicPriorVariance = 1e7;

struct MinnesotaOptions {
  double own_lag_mean = 0.0;
  std::optional<double> lambda;  // fixed tightness; unset = maximise the marginal likelihood
  double deterministic_variance = kDeterministicPriorVariance;
};

// The prior for one data set and lag order, at a given lambda.
struct MinnesotaPrior {
  Eigen::MatrixXd mean;   // B0, regressors x K
  Eigen::VectorXd omega;  // diagonal of Omega, one per regressor
  Eigen::VectorXd psi;    // diagonal of Psi, one per series
  double df = 0;          // d
};

// psi from AR(1) fits on the regression rows (y), as documented above. Throws a compute error
// when a series is constant over them.
Eigen::VectorXd MinnesotaScale(const VarDesign& design, const std::vector<std::string>& names);

MinnesotaPrior BuildMinnesotaPrior(const VarDesign& design, int lags, int deterministic,
                                   const Eigen::VectorXd& psi, double lambda,
                                   const MinnesotaOptions& options);

struct MinnesotaPosterior {
  Eigen::MatrixXd mean;            // B_bar
  Eigen::MatrixXd row_covariance;  // Omega_bar
  Eigen::MatrixXd scale;           // S_bar
  double df = 0;                   // d_bar
  double log_marginal_likelihood = 0;
};

MinnesotaPosterior MinnesotaUpdate(const VarDesign& design, const MinnesotaPrior& prior);

// Fits the VAR with the Minnesota prior (see above). Unlike FitVar it needs no more rows than
// coefficients: the prior makes every equation estimable. Throws a compute error when fewer than
// two regression rows remain or a series is constant.
VarFit FitMinnesotaVar(const VarData& data, const VarSpec& spec, const MinnesotaOptions& options);

// One line for tables: "Minnesota prior (GLP 2015): lambda 0.21 chosen by marginal likelihood
// (log ML -123.4), own first lag centred on 0".
std::string DescribeMinnesota(const MinnesotaFitInfo& info);

}  // namespace triad
