#include "measures/var_impulse.hpp"

#include <fmt/format.h>

#include "common/error.hpp"

namespace triad {
namespace {

Eigen::MatrixXd CholeskyOfSigma(const VarFit& fit) {
  Eigen::LLT<Eigen::MatrixXd> llt(fit.sigma_u);
  if (llt.info() != Eigen::Success)
    ThrowCompute("sigma_u is not positive definite: cannot orthogonalise the shocks");
  return llt.matrixL();
}

// Position of element (row, col) of a K x K matrix in vec (column-major) order.
int VecIndex(int row, int col, int k) {
  return col * k + row;
}

// Position of element (row >= col) in vech order (column-major lower triangle).
int VechIndex(int row, int col, int k) {
  return col * k - col * (col - 1) / 2 + (row - col);
}

// Elimination matrix L_K: vech(M) = L vec(M).
Eigen::MatrixXd Elimination(int k) {
  Eigen::MatrixXd l = Eigen::MatrixXd::Zero(k * (k + 1) / 2, k * k);
  for (int c = 0; c < k; ++c)
    for (int r = c; r < k; ++r) l(VechIndex(r, c, k), VecIndex(r, c, k)) = 1.0;
  return l;
}

// Duplication matrix D_K: vec(S) = D vech(S) for symmetric S.
Eigen::MatrixXd Duplication(int k) {
  Eigen::MatrixXd d = Eigen::MatrixXd::Zero(k * k, k * (k + 1) / 2);
  for (int c = 0; c < k; ++c)
    for (int r = 0; r < k; ++r)
      d(VecIndex(r, c, k), VechIndex(std::max(r, c), std::min(r, c), k)) = 1.0;
  return d;
}

// Commutation matrix K_KK: vec(A') = K vec(A).
Eigen::MatrixXd Commutation(int k) {
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(k * k, k * k);
  for (int r = 0; r < k; ++r)
    for (int c = 0; c < k; ++c) m(VecIndex(c, r, k), VecIndex(r, c, k)) = 1.0;
  return m;
}

Eigen::MatrixXd Kron(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  Eigen::MatrixXd out(a.rows() * b.rows(), a.cols() * b.cols());
  for (Eigen::Index i = 0; i < a.rows(); ++i)
    for (Eigen::Index j = 0; j < a.cols(); ++j)
      out.block(i * b.rows(), j * b.cols(), b.rows(), b.cols()) = a(i, j) * b;
  return out;
}

Eigen::MatrixXd Unvec(const Eigen::VectorXd& v, int k) {
  return Eigen::Map<const Eigen::MatrixXd>(v.data(), k, k);
}

// G_i = sum_{m=0}^{i-1} kron(J (A')^{i-1-m}, Phi_m), i = 1..periods (Lütkepohl p. 111): the
// derivative of vec(Phi_i) with respect to vec(A_1 .. A_p). J keeps the first K rows.
std::vector<Eigen::MatrixXd> ResponseJacobians(const VarFit& fit,
                                               const std::vector<Eigen::MatrixXd>& phi,
                                               int periods) {
  const int k = fit.K();
  const int kp = k * fit.lags;
  Eigen::MatrixXd companion = Eigen::MatrixXd::Zero(kp, kp);
  for (int i = 1; i <= fit.lags; ++i) companion.block(0, (i - 1) * k, k, k) = fit.LagMatrix(i);
  if (fit.lags > 1) companion.bottomLeftCorner(kp - k, kp - k).setIdentity();
  const Eigen::MatrixXd at = companion.transpose();
  std::vector<Eigen::MatrixXd> top_rows;  // J (A')^n, n = 0..periods-1
  Eigen::MatrixXd power = Eigen::MatrixXd::Identity(kp, kp);
  for (int n = 0; n < periods; ++n) {
    top_rows.push_back(power.topRows(k));
    power = power * at;
  }
  std::vector<Eigen::MatrixXd> g;
  for (int i = 1; i <= periods; ++i) {
    Eigen::MatrixXd gi = Eigen::MatrixXd::Zero(k * k, k * kp);
    for (int m = 0; m < i; ++m) gi += Kron(top_rows[i - 1 - m], phi[m]);
    g.push_back(std::move(gi));
  }
  return g;
}

}  // namespace

std::vector<Eigen::MatrixXd> MovingAverageMatrices(const VarFit& fit, int periods) {
  const int k = fit.K();
  std::vector<Eigen::MatrixXd> lag_matrices;
  for (int j = 1; j <= fit.lags; ++j) lag_matrices.push_back(fit.LagMatrix(j));
  std::vector<Eigen::MatrixXd> phi;
  phi.push_back(Eigen::MatrixXd::Identity(k, k));
  for (int i = 1; i <= periods; ++i) {
    Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(k, k);
    for (int j = 1; j <= std::min(i, fit.lags); ++j) sum += phi[i - j] * lag_matrices[j - 1];
    phi.push_back(std::move(sum));
  }
  return phi;
}

ImpulseResponse ImpulseResponses(const VarFit& fit, int periods, bool orthogonalised) {
  if (fit.lags == 0) ThrowCompute("impulse responses need a VAR with at least one lag");
  if (periods < 0) ThrowUsage(fmt::format("impulse response periods must be >= 0: {}", periods));
  const int k = fit.K();
  const int kp = k * fit.lags;
  const std::vector<Eigen::MatrixXd> phi = MovingAverageMatrices(fit, periods);
  const Eigen::MatrixXd p = CholeskyOfSigma(fit);
  // Cov(vec(A_1..A_p)): the lag block of kron((Z'Z)^-1, Sigma_u).
  const Eigen::MatrixXd cov_alpha =
      Kron(fit.regressor_cross_inverse.bottomRightCorner(kp, kp), fit.sigma_u);
  const std::vector<Eigen::MatrixXd> g = ResponseJacobians(fit, phi, periods);

  ImpulseResponse out;
  out.orthogonalised = orthogonalised;
  const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(k, k);
  Eigen::MatrixXd p_kron, h, cov_sigma;
  if (orthogonalised) {
    p_kron = Kron(p.transpose(), identity);
    // Cov(vech(Sigma_u)) = 2 D+ kron(Sigma_u, Sigma_u) D+', D+ = (D'D)^-1 D'.
    const Eigen::MatrixXd d = Duplication(k);
    const Eigen::MatrixXd d_plus = (d.transpose() * d).inverse() * d.transpose();
    cov_sigma = 2.0 * d_plus * Kron(fit.sigma_u, fit.sigma_u) * d_plus.transpose();
    // H = dvec(P)/dvech(Sigma)' = L' [L (kron(I, P) K_KK + kron(P, I)) L']^-1.
    const Eigen::MatrixXd l = Elimination(k);
    const Eigen::MatrixXd b =
        l * (Kron(identity, p) * Commutation(k) + Kron(p, identity)) * l.transpose();
    h = l.transpose() * b.inverse();
  }
  for (int i = 0; i <= periods; ++i) {
    Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(k * k, k * k);
    if (orthogonalised) {
      out.response.push_back(phi[i] * p);
      if (i > 0) {
        const Eigen::MatrixXd c = p_kron * g[i - 1];
        cov += c * cov_alpha * c.transpose();
      }
      const Eigen::MatrixXd c_bar = Kron(identity, phi[i]) * h;
      cov += c_bar * cov_sigma * c_bar.transpose() / static_cast<double>(fit.nobs);
    } else {
      out.response.push_back(phi[i]);
      if (i > 0) cov = g[i - 1] * cov_alpha * g[i - 1].transpose();
    }
    out.std_errors.push_back(Unvec(cov.diagonal().cwiseMax(0.0).cwiseSqrt(), k));
    out.covariance.push_back(std::move(cov));
  }
  return out;
}

VarianceDecomposition DecomposeVariance(const VarFit& fit, int periods) {
  if (periods < 1) ThrowUsage(fmt::format("FEVD periods must be >= 1: {}", periods));
  const int k = fit.K();
  const std::vector<Eigen::MatrixXd> phi = MovingAverageMatrices(fit, periods);
  const Eigen::MatrixXd p = CholeskyOfSigma(fit);
  VarianceDecomposition out;
  Eigen::MatrixXd cumulative = Eigen::MatrixXd::Zero(k, k);  // sum of squared orth responses
  Eigen::MatrixXd mse = Eigen::MatrixXd::Zero(k, k);
  for (int h = 0; h < periods; ++h) {
    const Eigen::MatrixXd theta = phi[h] * p;
    cumulative += theta.cwiseProduct(theta);
    mse += phi[h] * fit.sigma_u * phi[h].transpose();
    out.share.push_back(mse.diagonal().cwiseInverse().asDiagonal() * cumulative);
  }
  return out;
}

}  // namespace triad
