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

// The asymptotic covariance of vec(Phi_i) (or of vec(Phi_i P) with `left` = P'), i = 1..periods,
// from the coefficients' covariance kron(W, Sigma_u), W the lag block of (Z'Z)^-1 (Lütkepohl
// pp. 111-112). The Jacobian is G_i = sum_{m<i} kron(L J (A')^{i-1-m}, Phi_m), so by the mixed
// product rule
//   G_i kron(W, Sigma_u) G_i' = sum_{m, n < i} kron(U_{i-1-m} W U_{i-1-n}', Phi_m Sigma_u Phi_n')
// with U_a = L J (A')^a: K x K blocks, never the K^2 x K^2 p products of the Jacobians.
std::vector<Eigen::MatrixXd> ResponseCovariances(const VarFit& fit,
                                                 const std::vector<Eigen::MatrixXd>& phi,
                                                 int periods, const Eigen::MatrixXd& left) {
  const int k = fit.K();
  const int kp = k * fit.lags;
  Eigen::MatrixXd companion = Eigen::MatrixXd::Zero(kp, kp);
  for (int i = 1; i <= fit.lags; ++i) companion.block(0, (i - 1) * k, k, k) = fit.LagMatrix(i);
  if (fit.lags > 1) companion.bottomLeftCorner(kp - k, kp - k).setIdentity();
  const Eigen::MatrixXd at = companion.transpose();
  const Eigen::MatrixXd w = fit.regressor_cross_inverse.bottomRightCorner(kp, kp);
  std::vector<Eigen::MatrixXd> u, uw;  // U_a and U_a W, a = 0..periods-1
  Eigen::MatrixXd power = Eigen::MatrixXd::Identity(kp, kp);
  for (int a = 0; a < periods; ++a) {
    u.push_back(left * power.topRows(k));
    uw.push_back(u.back() * w);
    power = power * at;
  }
  const auto n = static_cast<std::size_t>(periods);
  std::vector<Eigen::MatrixXd> x(n * n), s(n * n);  // x[a][b] = U_a W U_b', s[m][n] as above
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = 0; b < n; ++b) {
      x[a * n + b] = uw[a] * u[b].transpose();
      s[a * n + b] = phi[a] * fit.sigma_u * phi[b].transpose();
    }
  std::vector<Eigen::MatrixXd> cov;
  for (int i = 1; i <= periods; ++i) {
    Eigen::MatrixXd c = Eigen::MatrixXd::Zero(k * k, k * k);
    for (int m = 0; m < i; ++m)
      for (int l = 0; l < i; ++l) {
        const Eigen::MatrixXd& xa =
            x[static_cast<std::size_t>(i - 1 - m) * n + static_cast<std::size_t>(i - 1 - l)];
        const Eigen::MatrixXd& sm =
            s[static_cast<std::size_t>(m) * n + static_cast<std::size_t>(l)];
        for (int r = 0; r < k; ++r)
          for (int col = 0; col < k; ++col) c.block(r * k, col * k, k, k) += xa(r, col) * sm;
      }
    cov.push_back(std::move(c));
  }
  return cov;
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
  const std::vector<Eigen::MatrixXd> phi = MovingAverageMatrices(fit, periods);
  const Eigen::MatrixXd p = CholeskyOfSigma(fit);
  ImpulseResponse out;
  out.orthogonalised = orthogonalised;
  const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(k, k);
  // kron(P', I) G_i = sum kron(P' J (A')^a, Phi_m): the same sums with U_a = P' J (A')^a.
  const std::vector<Eigen::MatrixXd> response_cov =
      ResponseCovariances(fit, phi, periods, orthogonalised ? p.transpose() : identity);
  Eigen::MatrixXd h, cov_sigma;
  if (orthogonalised) {
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
      if (i > 0) cov += response_cov[static_cast<std::size_t>(i - 1)];
      const Eigen::MatrixXd c_bar = Kron(identity, phi[i]) * h;
      cov += c_bar * cov_sigma * c_bar.transpose() / static_cast<double>(fit.nobs);
    } else {
      out.response.push_back(phi[i]);
      if (i > 0) cov = response_cov[static_cast<std::size_t>(i - 1)];
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
