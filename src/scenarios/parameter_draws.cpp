#include "scenarios/parameter_draws.hpp"

#include <fmt/format.h>

#include <cmath>
#include <memory>

#include "common/error.hpp"
#include "scenarios/normal_stream.hpp"

namespace triad {
namespace {

// Keeps the parameter streams apart from the path streams NormalStream(seed, path).
constexpr std::uint64_t kParameterStreamSalt = 0xA54FF53A5F1D36F1ULL;

Eigen::MatrixXd LowerCholesky(const Eigen::MatrixXd& m, const char* what) {
  Eigen::LLT<Eigen::MatrixXd> llt((m + m.transpose()) / 2.0);
  if (llt.info() != Eigen::Success)
    ThrowCompute(fmt::format("cannot draw VAR parameters: the {} is not positive definite", what));
  return llt.matrixL();
}

double MaxCompanionModulus(const std::vector<Eigen::MatrixXd>& lags) {
  const auto k = lags.front().rows();
  const auto kp = k * static_cast<Eigen::Index>(lags.size());
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(kp, kp);
  for (std::size_t i = 0; i < lags.size(); ++i)
    a.block(0, static_cast<Eigen::Index>(i) * k, k, k) = lags[i];
  if (lags.size() > 1) a.bottomLeftCorner(kp - k, kp - k).setIdentity();
  return Eigen::EigenSolver<Eigen::MatrixXd>(a, false).eigenvalues().cwiseAbs().maxCoeff();
}

}  // namespace

double GammaVariate(NormalStream& stream, double shape) {
  if (shape < 1.0) {
    // Gamma(a) = Gamma(a + 1) U^(1/a).
    const double u = stream.NextUniform();
    return GammaVariate(stream, shape + 1.0) * std::pow(u > 0 ? u : 0x1.0p-53, 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    const double x = stream.NextNormal();
    const double v0 = 1.0 + c * x;
    if (v0 <= 0) continue;
    const double v = v0 * v0 * v0;
    const double u = stream.NextUniform();
    if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
    if (u > 0 && std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
  }
}

ParameterSampler::ParameterSampler(const VarFit& fit)
    : k_(fit.K()), p_(fit.lags), det_(fit.DeterministicTerms()) {
  if (p_ < 1) ThrowCompute("parameter uncertainty needs a VAR with at least one lag");
  mean_ = fit.params;
  Eigen::MatrixXd scale;
  if (fit.minnesota) {
    scale = fit.minnesota->posterior_scale;
    df_ = fit.minnesota->posterior_df;
    description_ = fmt::format(
        "the Minnesota posterior of the fit (normal-inverse-Wishart, lambda {:.3g}, {} rows)",
        fit.minnesota->lambda, fit.nobs);
  } else {
    df_ = fit.DfResid();
    scale = fit.sigma_u * df_;
    description_ = fmt::format(
        "the flat-prior posterior of the OLS fit (normal-inverse-Wishart: {} rows, {} "
        "coefficients per equation)",
        fit.nobs, fit.DfModel());
  }
  if (!(df_ > k_ - 1))
    ThrowCompute(fmt::format(
        "cannot draw VAR parameters: {} rows leave {} degrees of freedom for a {}-series "
        "residual covariance (needs more than {}); use [model] prior = \"minnesota\" or "
        "--parameter-uncertainty off",
        fit.nobs, df_, k_, k_ - 1));
  row_chol_ = LowerCholesky(fit.regressor_cross_inverse, "coefficient covariance");
  const Eigen::MatrixXd scale_sym = (scale + scale.transpose()) / 2.0;
  scale_inv_chol_ = LowerCholesky(scale_sym.llt().solve(Eigen::MatrixXd::Identity(k_, k_)),
                                  "residual scale matrix");
  point_chol_ = LowerCholesky(fit.sigma_u, "residual covariance");
}

ParameterDraw ParameterSampler::FromCoefficients(const Eigen::MatrixXd& b,
                                                 const Eigen::MatrixXd& chol) const {
  ParameterDraw d;
  for (int j = 0; j < p_; ++j)
    d.lag_matrices.push_back(b.block(det_ + j * k_, 0, k_, k_).transpose());
  d.deterministic = b.topRows(det_).transpose();
  d.chol = chol;
  return d;
}

ParameterDraw ParameterSampler::PointEstimate() const {
  ParameterDraw d = FromCoefficients(mean_, point_chol_);
  d.point_estimate = true;
  return d;
}

ParameterDraw ParameterSampler::Draw(std::uint64_t seed, std::uint64_t batch) const {
  NormalStream stream(seed ^ kParameterStreamSalt, batch);
  const auto m = mean_.rows();
  for (int attempt = 0; attempt < kMaxStationarityTries; ++attempt) {
    // Bartlett: W = L A A' L' ~ Wishart(S^-1, nu) with L L' = S^-1, A lower triangular,
    // A_ii = sqrt(chi2(nu - i)) (i = 0..K-1), A_ij ~ N(0, 1) below the diagonal.
    Eigen::MatrixXd a = Eigen::MatrixXd::Zero(k_, k_);
    for (int i = 0; i < k_; ++i) {
      a(i, i) = std::sqrt(2.0 * GammaVariate(stream, (df_ - i) / 2.0));
      for (int j = 0; j < i; ++j) a(i, j) = stream.NextNormal();
    }
    const Eigen::MatrixXd la = scale_inv_chol_ * a;  // W = la la'
    // Sigma = W^-1 = (la la')^-1; its Cholesky factor from W's.
    const Eigen::MatrixXd sigma = la.transpose().triangularView<Eigen::Upper>().solve(
        la.triangularView<Eigen::Lower>().solve(Eigen::MatrixXd::Identity(k_, k_)));
    const Eigen::MatrixXd chol = LowerCholesky(sigma, "drawn residual covariance");
    Eigen::MatrixXd z(m, k_);
    for (Eigen::Index r = 0; r < m; ++r)
      for (int c = 0; c < k_; ++c) z(r, c) = stream.NextNormal();
    const Eigen::MatrixXd b = mean_ + row_chol_ * z * chol.transpose();
    ParameterDraw d = FromCoefficients(b, chol);
    if (MaxCompanionModulus(d.lag_matrices) < 1.0) return d;
  }
  return PointEstimate();
}

void AttachParameterUncertainty(ScenarioPlan& plan, const VarFit& fit) {
  plan.parameters = std::make_shared<const ParameterSampler>(fit);
}

}  // namespace triad
