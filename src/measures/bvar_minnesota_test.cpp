#include "measures/bvar_minnesota.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "common/error.hpp"
#include "measures/var_granger.hpp"
#include "measures/var_json.hpp"

namespace triad {
namespace {

// A small stable VAR(1) of two series, simulated with a fixed linear congruential generator and
// Box-Muller so that the data do not depend on the standard library.
VarData SmallData(int rows) {
  VarData d;
  d.names = {"a", "b"};
  d.values.resize(rows, 2);
  std::uint64_t state = 12345;
  auto uniform = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (static_cast<double>(state >> 11) + 0.5) * 0x1.0p-53;
  };
  auto normal = [&] {
    return std::sqrt(-2.0 * std::log(uniform())) * std::cos(2.0 * std::numbers::pi * uniform());
  };
  double a = 0, b = 0;
  for (int t = 0; t < rows; ++t) {
    const double na = 0.2 + 0.5 * a + 0.2 * b + normal();
    const double nb = -0.1 + 0.1 * a + 0.3 * b + 0.5 * normal();
    a = na;
    b = nb;
    d.values(t, 0) = a;
    d.values(t, 1) = b;
  }
  return d;
}

// The log density of the stacked data under the prior, as a matrix-t distribution: with
// Y = Z B + E, B ~ MN(B0, Omega, Sigma), Sigma ~ IW(Psi, d), Y is matrix-t with mean Z B0, row
// covariance I + Z Omega Z' and column scale Psi (Gupta and Nagar 2000, 4.2):
//   log p(Y) = log Gamma_K((T + d) / 2) - log Gamma_K(d / 2) - (T K / 2) log pi
//              - (K / 2) log|I + Z Omega Z'| + (d / 2) log|Psi|
//              - ((T + d) / 2) log|Psi + (Y - Z B0)' (I + Z Omega Z')^-1 (Y - Z B0)|.
// A different route from GLP's posterior form: it never forms the posterior.
double MatrixTLogDensity(const VarDesign& design, const MinnesotaPrior& prior) {
  const auto t = static_cast<double>(design.y.rows());
  const auto k = static_cast<int>(design.y.cols());
  auto log_gamma_k = [k](double a) {
    double s = k * (k - 1) / 4.0 * std::log(std::numbers::pi);
    for (int j = 1; j <= k; ++j) s += std::lgamma(a + (1.0 - j) / 2.0);
    return s;
  };
  const Eigen::MatrixXd rows = Eigen::MatrixXd::Identity(design.y.rows(), design.y.rows()) +
                               design.z * prior.omega.asDiagonal() * design.z.transpose();
  const Eigen::MatrixXd dev = design.y - design.z * prior.mean;
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(rows);
  const Eigen::MatrixXd scale =
      Eigen::MatrixXd(prior.psi.asDiagonal()) + dev.transpose() * ldlt.solve(dev);
  const double logdet_rows = ldlt.vectorD().array().log().sum();
  const double logdet_scale = std::log(scale.determinant());
  return log_gamma_k((t + prior.df) / 2.0) - log_gamma_k(prior.df / 2.0) -
         (t * k / 2.0) * std::log(std::numbers::pi) - (k / 2.0) * logdet_rows +
         (prior.df / 2.0) * prior.psi.array().log().sum() - ((t + prior.df) / 2.0) * logdet_scale;
}

TEST(MinnesotaPrior, PriorMatricesFollowGlp) {
  const VarData data = SmallData(30);
  const VarDesign design = BuildVarDesign(data, VarSpec{2, VarTrend::kConstant});
  const Eigen::VectorXd psi = Eigen::Vector2d(2.0, 0.5);
  MinnesotaOptions options;
  options.own_lag_mean = 1.0;
  const MinnesotaPrior prior = BuildMinnesotaPrior(design, 2, 1, psi, 0.3, options);
  EXPECT_EQ(prior.df, 4.0);                                // K + 2
  EXPECT_EQ(prior.omega(0), kDeterministicPriorVariance);  // const
  EXPECT_DOUBLE_EQ(prior.omega(1), 0.09 / 2.0);            // L1.a: lambda^2 / psi_a
  EXPECT_DOUBLE_EQ(prior.omega(2), 0.09 / 0.5);            // L1.b
  EXPECT_DOUBLE_EQ(prior.omega(3), 0.09 / (4 * 2.0));      // L2.a: lag 2 divides by 4
  EXPECT_EQ(prior.mean(1, 0), 1.0);                        // own first lag of a
  EXPECT_EQ(prior.mean(2, 1), 1.0);                        // own first lag of b
  EXPECT_EQ(prior.mean(2, 0), 0.0);
  EXPECT_EQ(prior.mean(3, 0), 0.0);
}

// The posterior mean against the dummy-observation regression: OLS on the data stacked under
// Omega^(-1/2) B0 and Omega^(-1/2) (Theil-Goldberger mixed estimation) gives
// (Z'Z + Omega^-1)^-1 (Z'Y + Omega^-1 B0) by another computation.
TEST(MinnesotaPrior, PosteriorMeanEqualsDummyObservationRegression) {
  const VarData data = SmallData(25);
  const VarDesign design = BuildVarDesign(data, VarSpec{2, VarTrend::kConstant});
  MinnesotaOptions options;
  options.own_lag_mean = 0.5;
  options.deterministic_variance = 3.0;
  const Eigen::VectorXd psi = MinnesotaScale(design, data.names);
  const MinnesotaPrior prior = BuildMinnesotaPrior(design, 2, 1, psi, 0.2, options);
  const MinnesotaPosterior post = MinnesotaUpdate(design, prior);

  const auto n = design.z.rows(), m = design.z.cols();
  Eigen::MatrixXd z(n + m, m), y(n + m, 2);
  z << design.z, Eigen::MatrixXd(prior.omega.cwiseInverse().cwiseSqrt().asDiagonal());
  y << design.y, prior.omega.cwiseInverse().cwiseSqrt().asDiagonal() * prior.mean;
  const Eigen::MatrixXd direct = z.householderQr().solve(y);
  EXPECT_LT((post.mean - direct).cwiseAbs().maxCoeff(), 1e-10) << post.mean << "\n" << direct;

  // Posterior scale: Psi plus the stacked regression's residual SSCP.
  const Eigen::MatrixXd e = y - z * direct;
  const Eigen::MatrixXd scale = Eigen::MatrixXd(psi.asDiagonal()) + e.transpose() * e;
  EXPECT_LT((post.scale - scale).cwiseAbs().maxCoeff(), 1e-9);
  EXPECT_EQ(post.df, 4.0 + 23);
}

TEST(MinnesotaPrior, MarginalLikelihoodEqualsMatrixTDensity) {
  const VarData data = SmallData(20);
  for (int lags : {1, 2}) {
    const VarDesign design = BuildVarDesign(data, VarSpec{lags, VarTrend::kConstant});
    MinnesotaOptions options;
    options.deterministic_variance = 4.0;  // proper, so that the matrix-t density exists
    const Eigen::VectorXd psi = MinnesotaScale(design, data.names);
    for (double lambda : {0.05, 0.3, 2.0}) {
      const MinnesotaPrior prior = BuildMinnesotaPrior(design, lags, 1, psi, lambda, options);
      EXPECT_NEAR(MinnesotaUpdate(design, prior).log_marginal_likelihood,
                  MatrixTLogDensity(design, prior), 1e-8)
          << "lags " << lags << " lambda " << lambda;
    }
  }
}

TEST(MinnesotaPrior, LambdaMaximisesTheMarginalLikelihood) {
  const VarData data = SmallData(40);
  const VarFit fit = FitMinnesotaVar(data, VarSpec{1, VarTrend::kConstant}, {});
  ASSERT_TRUE(fit.minnesota);
  const double lambda = fit.minnesota->lambda;
  EXPECT_GT(lambda, kMinnesotaLambdaMin);
  EXPECT_LT(lambda, kMinnesotaLambdaMax);
  EXPECT_FALSE(fit.minnesota->lambda_at_bound);
  for (double factor : {0.9, 0.99, 1.01, 1.1}) {
    MinnesotaOptions fixed;
    fixed.lambda = lambda * factor;
    const VarFit other = FitMinnesotaVar(data, VarSpec{1, VarTrend::kConstant}, fixed);
    EXPECT_LT(other.minnesota->log_marginal_likelihood, fit.minnesota->log_marginal_likelihood)
        << factor;
    EXPECT_FALSE(other.minnesota->lambda_chosen);
  }
}

TEST(MinnesotaPrior, TightPriorGivesThePriorMeanLooseGivesOls) {
  const VarData data = SmallData(60);
  const VarSpec spec{1, VarTrend::kConstant};
  const VarFit ols = FitVar(data, spec);
  MinnesotaOptions loose;
  loose.lambda = 1e4;
  const VarFit wide = FitMinnesotaVar(data, spec, loose);
  EXPECT_LT((wide.params - ols.params).cwiseAbs().maxCoeff(), 1e-6);
  MinnesotaOptions tight;
  tight.lambda = 1e-6;
  tight.own_lag_mean = 0.7;
  const VarFit narrow = FitMinnesotaVar(data, spec, tight);
  EXPECT_NEAR(narrow.params(1, 0), 0.7, 1e-6);  // L1.a in a's equation
  EXPECT_NEAR(narrow.params(2, 0), 0.0, 1e-6);  // L1.b in a's equation
}

// More coefficients than rows: OLS cannot fit, the prior can.
TEST(MinnesotaPrior, FitsWhereOlsCannot) {
  VarData data = SmallData(8);
  const VarSpec spec{3, VarTrend::kConstant};  // 7 coefficients per equation, 5 rows
  EXPECT_THROW(FitVar(data, spec), Error);
  const VarFit fit = FitMinnesotaVar(data, spec, {});
  EXPECT_EQ(fit.nobs, 5);
  EXPECT_TRUE(fit.params.allFinite());
  EXPECT_TRUE(fit.sigma_u.allFinite());
  // Granger tests read the posterior against chi2.
  const GrangerResult g = GrangerTest(fit, {"a"}, {"b"});
  EXPECT_EQ(g.df_den, 0);
  EXPECT_GT(g.p_value, 0.0);
  EXPECT_LE(g.p_value, 1.0);
}

TEST(MinnesotaPrior, JsonRoundTripKeepsThePosterior) {
  const VarFit fit = FitMinnesotaVar(SmallData(30), VarSpec{1, VarTrend::kConstant}, {});
  const VarFit back = VarFitFromJson(nlohmann::json::parse(ToJson(fit).dump()));
  ASSERT_TRUE(back.minnesota);
  EXPECT_EQ(back.minnesota->lambda, fit.minnesota->lambda);
  EXPECT_EQ(back.minnesota->posterior_df, fit.minnesota->posterior_df);
  EXPECT_EQ(back.minnesota->posterior_scale, fit.minnesota->posterior_scale);
  EXPECT_EQ(back.minnesota->psi, fit.minnesota->psi);
  EXPECT_FALSE(
      VarFitFromJson(nlohmann::json::parse(ToJson(FitVar(SmallData(30), {})).dump())).minnesota);
}

}  // namespace
}  // namespace triad
