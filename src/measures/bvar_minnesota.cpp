#include "measures/bvar_minnesota.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <numbers>

#include "common/error.hpp"
#include "measures/var_distributions.hpp"

namespace triad {
namespace {

// log Gamma_K(a) = K (K - 1) / 4 log pi + sum_{j=1..K} log Gamma(a + (1 - j) / 2).
double LogMultivariateGamma(double a, int k) {
  double sum = k * (k - 1) / 4.0 * std::log(std::numbers::pi);
  for (int j = 1; j <= k; ++j) sum += std::lgamma(a + (1.0 - j) / 2.0);
  return sum;
}

// log det of a symmetric positive definite matrix; nullopt when it is not.
std::optional<double> LogDetSpd(const Eigen::MatrixXd& m) {
  Eigen::LLT<Eigen::MatrixXd> llt(m);
  if (llt.info() != Eigen::Success) return std::nullopt;
  const double logdet = 2.0 * llt.matrixLLT().diagonal().array().log().sum();
  if (!std::isfinite(logdet)) return std::nullopt;
  return logdet;
}

// Points of the coarse search in log lambda (about 8 per decade over five decades).
constexpr int kLambdaGrid = 41;
// Golden-section search stops when the bracket in log lambda is narrower than this.
constexpr double kLogLambdaTolerance = 1e-6;

}  // namespace

VarPrior ParseVarPrior(const std::string& name, const std::string& option) {
  if (name == "none") return VarPrior::kNone;
  if (name == "minnesota") return VarPrior::kMinnesota;
  if (name == "auto") return VarPrior::kAuto;
  ThrowUsage(fmt::format("{} must be none, minnesota or auto, got '{}'", option, name));
}

std::string VarPriorName(VarPrior prior) {
  switch (prior) {
    case VarPrior::kNone:
      return "none";
    case VarPrior::kMinnesota:
      return "minnesota";
    case VarPrior::kAuto:
      return "auto";
  }
  return "none";
}

Eigen::VectorXd MinnesotaScale(const VarDesign& design, const std::vector<std::string>& names) {
  const auto t = design.y.rows();
  const auto k = design.y.cols();
  Eigen::VectorXd psi(k);
  if (t < 4)
    ThrowCompute(
        fmt::format("{} regression rows are too few to scale a Minnesota prior (needs 4)", t));
  for (Eigen::Index j = 0; j < k; ++j) {
    // AR(1) with constant on rows 1..t-1 of the regression sample.
    const Eigen::VectorXd y = design.y.col(j).tail(t - 1);
    Eigen::MatrixXd x(t - 1, 2);
    x.col(0).setOnes();
    x.col(1) = design.y.col(j).head(t - 1);
    const Eigen::VectorXd beta = x.colPivHouseholderQr().solve(y);
    const double ssr = (y - x * beta).squaredNorm();
    psi(j) = ssr / static_cast<double>(t - 1 - 2);
    if (!(psi(j) > 0) || !std::isfinite(psi(j)))
      ThrowCompute(fmt::format(
          "cannot scale the Minnesota prior: series '{}' has no residual variance around its "
          "AR(1) fit over the {} regression rows; leave it out (--columns)",
          names[static_cast<std::size_t>(j)], t));
  }
  return psi;
}

MinnesotaPrior BuildMinnesotaPrior(const VarDesign& design, int lags, int deterministic,
                                   const Eigen::VectorXd& psi, double lambda,
                                   const MinnesotaOptions& options) {
  const auto k = static_cast<int>(design.y.cols());
  const auto m = static_cast<int>(design.z.cols());
  MinnesotaPrior prior;
  prior.df = k + 2.0;
  prior.psi = psi;
  prior.mean = Eigen::MatrixXd::Zero(m, k);
  prior.omega.resize(m);
  for (int r = 0; r < deterministic; ++r) prior.omega(r) = options.deterministic_variance;
  for (int l = 1; l <= lags; ++l)
    for (int j = 0; j < k; ++j) {
      const int row = deterministic + (l - 1) * k + j;
      prior.omega(row) = lambda * lambda / (l * l * psi(j) / (prior.df - k - 1.0));
      if (l == 1) prior.mean(row, j) = options.own_lag_mean;
    }
  return prior;
}

MinnesotaPosterior MinnesotaUpdate(const VarDesign& design, const MinnesotaPrior& prior) {
  const auto t = static_cast<double>(design.y.rows());
  const auto k = static_cast<int>(design.y.cols());
  const Eigen::VectorXd omega_inv = prior.omega.cwiseInverse();
  Eigen::MatrixXd precision = design.z.transpose() * design.z;
  precision.diagonal() += omega_inv;
  const Eigen::LLT<Eigen::MatrixXd> llt(precision);
  if (llt.info() != Eigen::Success)
    ThrowCompute("the Minnesota posterior precision is not positive definite");
  MinnesotaPosterior post;
  post.row_covariance = llt.solve(Eigen::MatrixXd::Identity(precision.rows(), precision.cols()));
  post.mean = llt.solve(design.z.transpose() * design.y + omega_inv.asDiagonal() * prior.mean);
  const Eigen::MatrixXd e = design.y - design.z * post.mean;
  const Eigen::MatrixXd deviation = post.mean - prior.mean;
  post.scale = Eigen::MatrixXd(prior.psi.asDiagonal()) + e.transpose() * e +
               deviation.transpose() * omega_inv.asDiagonal() * deviation;
  post.scale = (post.scale + post.scale.transpose()) / 2.0;
  post.df = prior.df + t;
  const double logdet_precision = 2.0 * llt.matrixLLT().diagonal().array().log().sum();
  const std::optional<double> logdet_scale = LogDetSpd(post.scale);
  if (!logdet_scale) ThrowCompute("the Minnesota posterior scale matrix is singular");
  post.log_marginal_likelihood =
      -(t * k / 2.0) * std::log(std::numbers::pi) + LogMultivariateGamma((t + prior.df) / 2.0, k) -
      LogMultivariateGamma(prior.df / 2.0, k) - (k / 2.0) * prior.omega.array().log().sum() +
      (prior.df / 2.0) * prior.psi.array().log().sum() - (k / 2.0) * logdet_precision -
      ((t + prior.df) / 2.0) * *logdet_scale;
  return post;
}

VarFit FitMinnesotaVar(const VarData& data, const VarSpec& spec, const MinnesotaOptions& options) {
  if (spec.lags < 1) ThrowUsage("a Minnesota prior needs a VAR with at least one lag");
  const VarDesign design = BuildVarDesign(data, spec);
  const int k = static_cast<int>(data.values.cols());
  const int deterministic = VarTrendTerms(spec.trend) + static_cast<int>(data.exog.cols());
  const Eigen::VectorXd psi = MinnesotaScale(design, data.names);
  auto posterior_at = [&](double lambda) {
    return MinnesotaUpdate(
        design, BuildMinnesotaPrior(design, spec.lags, deterministic, psi, lambda, options));
  };

  MinnesotaFitInfo info;
  double lambda = 0;
  if (options.lambda) {
    if (!(*options.lambda > 0)) ThrowUsage("the Minnesota tightness lambda must be > 0");
    lambda = *options.lambda;
    info.lambda_chosen = false;
  } else {
    const double lo = std::log(kMinnesotaLambdaMin), hi = std::log(kMinnesotaLambdaMax);
    std::vector<double> grid(kLambdaGrid), value(kLambdaGrid);
    int best = 0;
    for (int i = 0; i < kLambdaGrid; ++i) {
      grid[i] = lo + (hi - lo) * i / (kLambdaGrid - 1);
      value[i] = posterior_at(std::exp(grid[i])).log_marginal_likelihood;
      if (value[i] > value[best]) best = i;
    }
    // Golden-section search on the bracket around the best grid point.
    double a = grid[std::max(best - 1, 0)], b = grid[std::min(best + 1, kLambdaGrid - 1)];
    const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
    double c = b - ratio * (b - a), d = a + ratio * (b - a);
    double fc = posterior_at(std::exp(c)).log_marginal_likelihood;
    double fd = posterior_at(std::exp(d)).log_marginal_likelihood;
    while (b - a > kLogLambdaTolerance) {
      if (fc >= fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - ratio * (b - a);
        fc = posterior_at(std::exp(c)).log_marginal_likelihood;
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + ratio * (b - a);
        fd = posterior_at(std::exp(d)).log_marginal_likelihood;
      }
    }
    double log_lambda = (a + b) / 2.0;
    // The grid end itself may be the maximum (a monotone likelihood).
    if (value[best] > posterior_at(std::exp(log_lambda)).log_marginal_likelihood)
      log_lambda = grid[best];
    lambda = std::exp(log_lambda);
    info.lambda_at_bound = best == 0 || best == kLambdaGrid - 1;
  }
  const MinnesotaPosterior post = posterior_at(lambda);

  VarFit fit;
  fit.names = data.names;
  fit.exog_names = data.exog_names;
  fit.trend = spec.trend;
  fit.lags = spec.lags;
  fit.n_totobs = static_cast<int>(data.values.rows());
  fit.nobs = static_cast<int>(design.y.rows());
  fit.regressors = design.regressors;
  fit.params = post.mean;
  fit.residuals = design.y - design.z * post.mean;
  // Posterior mean of Sigma_u: S_bar / (d_bar - K - 1), defined since d_bar > K + 1.
  fit.sigma_u = post.scale / (post.df - k - 1.0);
  fit.sigma_u_mle = fit.residuals.transpose() * fit.residuals / static_cast<double>(fit.nobs);
  fit.regressor_cross_inverse = post.row_covariance;
  const auto m = static_cast<int>(design.z.cols());
  fit.std_errors.resize(m, k);
  for (int row = 0; row < m; ++row)
    for (int e = 0; e < k; ++e)
      fit.std_errors(row, e) = std::sqrt(post.row_covariance(row, row) * fit.sigma_u(e, e));
  fit.t_values = fit.params.array() / fit.std_errors.array();
  fit.p_values = fit.t_values.unaryExpr([](double t) { return NormalTwoSidedPValue(t); });

  // Likelihood and criteria at the posterior mean, with the OLS definitions (var_model.hpp).
  const std::optional<double> logdet = LogDetSpd(fit.sigma_u_mle);
  const double n = fit.nobs;
  if (logdet) {
    fit.llf = -(n * k / 2.0) * std::log(2.0 * std::numbers::pi) - (n / 2.0) * (*logdet + k);
    const double free_params = static_cast<double>(spec.lags) * k * k + 1.0 * k * deterministic;
    fit.aic = *logdet + (2.0 / n) * free_params;
    fit.bic = *logdet + (std::log(n) / n) * free_params;
    fit.hqic = *logdet + (2.0 * std::log(std::log(n)) / n) * free_params;
  } else {
    fit.llf = fit.aic = fit.bic = fit.hqic = std::numeric_limits<double>::quiet_NaN();
  }
  fit.fpe = std::numeric_limits<double>::quiet_NaN();

  info.lambda = lambda;
  info.log_marginal_likelihood = post.log_marginal_likelihood;
  info.own_lag_mean = options.own_lag_mean;
  info.deterministic_variance = options.deterministic_variance;
  info.psi = psi;
  info.prior_df = k + 2.0;
  info.posterior_scale = post.scale;
  info.posterior_df = post.df;
  fit.minnesota = info;
  SetDynamicsAndOrigin(fit, data);
  return fit;
}

std::string DescribeMinnesota(const MinnesotaFitInfo& info) {
  std::string how =
      info.lambda_chosen
          ? fmt::format("chosen by marginal likelihood{}",
                        info.lambda_at_bound ? fmt::format(" (at the edge of the range {:g}..{:g})",
                                                           kMinnesotaLambdaMin, kMinnesotaLambdaMax)
                                             : "")
          : "given";
  return fmt::format(
      "Minnesota prior (Giannone, Lenza and Primiceri 2015): tightness lambda {:.4g} {}, log "
      "marginal likelihood {:.6g}; own first lag centred on {:g}; coefficients are posterior "
      "means, standard errors posterior s.d.",
      info.lambda, how, info.log_marginal_likelihood, info.own_lag_mean);
}

}  // namespace triad
