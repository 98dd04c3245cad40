#pragma once
// Impulse responses and forecast error variance decomposition of a fitted VAR, as statsmodels
// 0.13 VARResults.irf(periods) (IRAnalysis: irfs, orth_irfs, cov(orth), stderr(orth)) and
// VARResults.fevd(periods).decomp. The orthogonalisation is the Cholesky factor P of sigma_u
// (lower triangular, Sigma_u = P P'), so the variable order matters: a shock to series j moves
// series listed before j only with a lag.
#include <Eigen/Dense>

#include <vector>

#include "measures/var_model.hpp"

namespace triad {

// MA(infinity) matrices Phi_0 = I, Phi_i = sum_{j=1}^{min(i,p)} Phi_{i-j} A_j, i = 0..periods.
std::vector<Eigen::MatrixXd> MovingAverageMatrices(const VarFit& fit, int periods);

struct ImpulseResponse {
  bool orthogonalised = false;
  // response[h](i, j): response of series i, h periods after a shock to series j (a unit shock
  // in u_j, or a one-standard-deviation orthogonal shock); h = 0..periods.
  std::vector<Eigen::MatrixXd> response;
  // Asymptotic standard errors of `response` (Lütkepohl 2005, eq. 3.7.5 plain, 3.7.8 orth).
  std::vector<Eigen::MatrixXd> std_errors;
  // Asymptotic covariance of vec(response[h]) (K^2 x K^2, column-major vec); std_errors is the
  // square root of its diagonal.
  std::vector<Eigen::MatrixXd> covariance;
};

// Throws a compute error for a VAR(0) or a sigma_u that is not positive definite.
ImpulseResponse ImpulseResponses(const VarFit& fit, int periods, bool orthogonalised);

struct VarianceDecomposition {
  // share[h](i, j): fraction of the (h+1)-step forecast error variance of series i due to
  // orthogonalised shocks to series j; each row sums to 1; h = 0..periods-1.
  std::vector<Eigen::MatrixXd> share;
};

VarianceDecomposition DecomposeVariance(const VarFit& fit, int periods);

}  // namespace triad
